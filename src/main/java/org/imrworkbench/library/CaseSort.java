package org.imrworkbench.library;

/** Orders of the case list; ties are broken by case id. */
public enum CaseSort {
    ID("c.id"),
    DECIDED("c.decided"),
    INJURY("c.injury"),
    ITEMS("c.item_count"),
    IMPORTED("c.imported_at");

    final String column;

    CaseSort(String column) {
        this.column = column;
    }
}
