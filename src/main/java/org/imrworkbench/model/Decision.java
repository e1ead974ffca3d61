package org.imrworkbench.model;

/** The outcome of one disputed item. */
public enum Decision {
    /** The utilization review denial stands. */
    UPHELD,
    /** The denial is reversed: the treatment is medically necessary. */
    OVERTURNED,
    /** The letter does not say (always comes with a warning). */
    UNKNOWN
}
