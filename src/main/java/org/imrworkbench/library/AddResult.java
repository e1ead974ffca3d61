package org.imrworkbench.library;

/** What {@link Library#add} did with a letter. */
public sealed interface AddResult {

    /** The case id: the new case's, or the existing case's for a duplicate. */
    String id();

    /** The letter was added as a new case with {@code items} items. */
    record Added(String id, int items) implements AddResult {
    }

    /** The letter was already in the library as case {@code id}; nothing was written. */
    record Duplicate(String id, Reason reason) implements AddResult {
    }

    /** How a duplicate was recognised, in the order the library checks. */
    enum Reason {
        /** The same file bytes (sha256). */
        SAME_FILE,
        /** The same case number. */
        SAME_CASE_NUMBER,
        /** The same letter content in another format (see {@link Fingerprint}). */
        SAME_CONTENT
    }
}
