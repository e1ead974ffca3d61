package org.imrworkbench.model;

public enum CitationSource {
    MTUS, ODG, ACOEM, UPTODATE, OTHER,
    /** "did not cite any medical evidence". */
    NONE
}
