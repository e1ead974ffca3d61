package org.imrworkbench.ui.analytics;

/**
 * The axis of a chart of counts: whole numbers only (JavaFX's own ranging would put ticks at 0.5, 1.5 ... for
 * counts up to 4), at most {@link #MAX_TICKS} steps of 1, 2 or 5 times a power of ten, and room above the largest
 * bar so that it does not touch the top.
 *
 * @param upper the axis's upper bound, a multiple of {@code step} above the largest count
 * @param step  the distance between two ticks
 */
record CountScale(int upper, int step) {

    static final int MAX_TICKS = 8;

    /** The scale for counts up to {@code max} (a negative max counts as 0). */
    static CountScale of(int max) {
        int top = Math.max(0, max);
        long step = 0;
        for (long power = 1; step == 0; power *= 10) {
            step = pick(top, power);
        }
        long upper = (top / step + 1) * step;
        return new CountScale((int) Math.min(Integer.MAX_VALUE, upper), (int) step);
    }

    /** The first of 1, 2 and 5 times {@code power} that takes {@code top} and a step above it in few ticks; 0 if none. */
    private static long pick(int top, long power) {
        for (long m : new long[] {1, 2, 5}) {
            long step = m * power;
            if (top / step + 1 <= MAX_TICKS) {
                return step;
            }
        }
        return 0;
    }
}
