package org.imrworkbench.analytics;

/**
 * The Wilson score interval of a proportion: unlike the plain {@code p ± z·√(p(1−p)/n)}, it stays within [0, 1] and
 * is honest for small counts and for proportions of 0 or 1 (0 overturned of 3 is not "certainly never").
 */
public final class Wilson {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** A confidence interval, both ends within [0, 1]. */
    public record Interval(double low, double high) {
    }

    /**
     * The 95% Wilson score interval of {@code successes} out of {@code n}: {@code [0, 1]} when {@code n} is 0 (nothing
     * is known).
     *
     * @throws IllegalArgumentException when a count is negative or {@code successes > n}
     */
    public static Interval interval(int successes, int n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at 0 and n the formula gives exactly 0 and 1 up to rounding; keep them exact
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
