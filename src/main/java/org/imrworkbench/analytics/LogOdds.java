package org.imrworkbench.analytics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn, "Fightin' Words", Political
 * Analysis 16(4), 2008): which phrases one group of texts uses more than another, with the evidence of small counts
 * shrunk towards a background's frequencies so a phrase seen once is not a finding.
 *
 * <p>For phrase {@code w} with counts {@code a} in group A (of {@code nA} phrases in all) and {@code b} in group B, and
 * prior {@code α_w = α0 · (bg_w + 1) / Σ_v (bg_v + 1)} over the groups' vocabulary:
 * <pre>
 *   δ_w = log((a + α_w) / (nA + α0 − a − α_w)) − log((b + α_w) / (nB + α0 − b − α_w))
 *   σ²  ≈ 1 / (a + α_w) + 1 / (b + α_w)
 *   z_w = δ_w / σ
 * </pre>
 * A positive {@code z} leans to group A, a negative one to group B.
 */
public final class LogOdds {

    /** The prior's total weight α0: how many phrases of background evidence the groups' counts are set against. */
    public static final double PRIOR_STRENGTH = 500;

    private LogOdds() {
    }

    /** The weight of one phrase: the log-odds ratio {@code delta} and its z-score {@code z}. */
    public record Weight(String phrase, double delta, double z) {
    }

    /**
     * The weights of every phrase the groups use.
     *
     * @param a          phrase counts of group A (for IMR: the overturned rationales)
     * @param b          phrase counts of group B (the upheld rationales)
     * @param background phrase counts of the background (the library's); phrases absent from it count 0
     * @param alpha0     the prior's strength, {@link #PRIOR_STRENGTH} normally
     */
    public static Map<String, Weight> weigh(Map<String, Integer> a, Map<String, Integer> b,
                                            Map<String, Integer> background, double alpha0) {
        Set<String> vocabulary = new HashSet<>(a.keySet());
        vocabulary.addAll(b.keySet());
        double backgroundTotal = 0;
        for (String w : vocabulary) {
            backgroundTotal += background.getOrDefault(w, 0) + 1;
        }
        double nA = a.values().stream().mapToLong(Integer::longValue).sum();
        double nB = b.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Weight> weights = new HashMap<>();
        for (String w : vocabulary) {
            double alpha = alpha0 * (background.getOrDefault(w, 0) + 1) / backgroundTotal;
            double ya = a.getOrDefault(w, 0);
            double yb = b.getOrDefault(w, 0);
            double delta = Math.log((ya + alpha) / (nA + alpha0 - ya - alpha))
                    - Math.log((yb + alpha) / (nB + alpha0 - yb - alpha));
            double variance = 1 / (ya + alpha) + 1 / (yb + alpha);
            weights.put(w, new Weight(w, delta, delta / Math.sqrt(variance)));
        }
        return weights;
    }
}
