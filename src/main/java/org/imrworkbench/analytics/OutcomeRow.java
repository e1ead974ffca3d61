package org.imrworkbench.analytics;

/**
 * The outcome of a group of decided items: how many denials were upheld and how many overturned, the overturn rate
 * and its 95% Wilson interval ({@link Wilson}).
 *
 * @param key        the group: a category, a drug, a year... (as stored: {@code OPIOID}, {@code 2016-03})
 * @param upheld     items whose denial was upheld
 * @param overturned items whose denial was overturned
 */
public record OutcomeRow(String key, int upheld, int overturned) {

    /**
     * Below this many decided items a rate is shown as a small count rather than a finding (a rate over 3 items is
     * not a finding).
     */
    public static final int SMALL = 10;

    public OutcomeRow {
        if (upheld < 0 || overturned < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Decided items: upheld plus overturned. */
    public int total() {
        return upheld + overturned;
    }

    /** The share of decided items overturned, or {@code NaN} when none was decided. */
    public double rate() {
        return total() == 0 ? Double.NaN : (double) overturned / total();
    }

    /** The lower end of the rate's 95% Wilson interval (0 when none was decided). */
    public double low() {
        return Wilson.interval(overturned, total()).low();
    }

    /** The upper end of the rate's 95% Wilson interval (1 when none was decided). */
    public double high() {
        return Wilson.interval(overturned, total()).high();
    }

    /** True when the rate rests on fewer than {@link #SMALL} decided items. */
    public boolean small() {
        return total() < SMALL;
    }
}
