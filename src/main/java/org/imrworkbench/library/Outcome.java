package org.imrworkbench.library;

import org.imrworkbench.model.Decision;

import java.util.Collection;

/** A case's decisions at a glance. */
public enum Outcome {
    /** Every item upheld. */
    ALL_UPHELD,
    /** Every item overturned. */
    ALL_OVERTURNED,
    /** Some upheld and some overturned, or some items without a known decision. */
    MIXED,
    /** No item has a known decision (or the letter has no items). */
    NONE;

    public static Outcome of(Collection<Decision> decisions) {
        long upheld = decisions.stream().filter(d -> d == Decision.UPHELD).count();
        long overturned = decisions.stream().filter(d -> d == Decision.OVERTURNED).count();
        if (upheld + overturned == 0) {
            return NONE;
        }
        if (upheld == decisions.size()) {
            return ALL_UPHELD;
        }
        if (overturned == decisions.size()) {
            return ALL_OVERTURNED;
        }
        return MIXED;
    }
}
