package org.imrworkbench.export;

/** The order of the cases in an export. */
public enum CaseOrder {
    /** By case number (case id for letters without one). */
    CASE_NUMBER,
    /** By decision date, oldest first; cases without one last, then by case number. */
    DECISION_DATE,
    /** As the selection lists them: the ids in the order given, search hits best first, else by case id. */
    AS_LISTED
}
