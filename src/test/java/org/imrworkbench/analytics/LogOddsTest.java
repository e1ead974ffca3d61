package org.imrworkbench.analytics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Weighted log-odds with an informative Dirichlet prior, and the phrases they weigh. */
class LogOddsTest {

    private static final Map<String, Integer> A = Map.of("functional improvement", 6, "improvement", 8, "pain", 10,
            "documented", 4);
    private static final Map<String, Integer> B = Map.of("no documentation", 6, "pain", 10, "documented", 4,
            "improvement", 2);
    private static final Map<String, Integer> BACKGROUND = Map.of("pain", 5000, "improvement", 800,
            "functional improvement", 300, "no documentation", 300, "documented", 900);

    @Test
    void aPhraseOnlyOneGroupUsesLeansToThatGroup() {
        Map<String, LogOdds.Weight> w = LogOdds.weigh(A, B, BACKGROUND, LogOdds.PRIOR_STRENGTH);
        assertThat(w.get("functional improvement").z()).isPositive();
        assertThat(w.get("no documentation").z()).isNegative();
        assertThat(w.get("improvement").z()).isPositive();
    }

    @Test
    void equalUseInGroupsOfEqualSizeWeighsNothing() {
        Map<String, LogOdds.Weight> w = LogOdds.weigh(Map.of("pain", 5, "a", 3), Map.of("pain", 5, "b", 3),
                BACKGROUND, LogOdds.PRIOR_STRENGTH);
        assertThat(w.get("pain").delta()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(w.get("a").z()).isEqualTo(-w.get("b").z());
    }

    @Test
    void moreEvidenceWeighsMoreThanOneUse() {
        Map<String, LogOdds.Weight> w = LogOdds.weigh(Map.of("once", 1, "often", 12, "x", 30),
                Map.of("x", 43), Map.of(), LogOdds.PRIOR_STRENGTH);
        assertThat(w.get("often").z()).isGreaterThan(w.get("once").z()).isPositive();
    }

    @Test
    void phrasesAreWordsAndTwoWordPhrasesWithoutFunctionWords() {
        assertThat(Phrases.of("There is no functional improvement, and pain-relief is 5/10."))
                .containsExactly("functional", "improvement", "functional improvement", "pain", "relief",
                        "pain relief");
        assertThat(Phrases.of(null)).isEmpty();
    }
}
