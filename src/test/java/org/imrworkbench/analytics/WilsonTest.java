package org.imrworkbench.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The 95% Wilson score interval against published values. */
class WilsonTest {

    private static void assertInterval(int successes, int n, double low, double high) {
        Wilson.Interval i = Wilson.interval(successes, n);
        assertThat(i.low()).as("low of %d/%d", successes, n).isCloseTo(low, within(5e-5));
        assertThat(i.high()).as("high of %d/%d", successes, n).isCloseTo(high, within(5e-5));
    }

    @Test
    void knownValues() {
        assertInterval(0, 10, 0.0, 0.2775);
        assertInterval(5, 10, 0.2366, 0.7634);
        assertInterval(1, 3, 0.0615, 0.7923);
        assertInterval(100, 1000, 0.0829, 0.1202);
        assertInterval(10, 10, 0.7225, 1.0);
        assertInterval(0, 6, 0.0, 0.3903);
    }

    @Test
    void smallCountsGiveWideIntervalsAndNothingGivesEverything() {
        assertThat(Wilson.interval(3, 3).low()).isLessThan(0.5);
        assertThat(Wilson.interval(0, 0)).isEqualTo(new Wilson.Interval(0, 1));
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> Wilson.interval(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutcomeRowCarriesItsRateAndInterval() {
        OutcomeRow row = new OutcomeRow("OPIOID", 2, 1);
        assertThat(row.total()).isEqualTo(3);
        assertThat(row.rate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(row.low()).isCloseTo(0.0615, within(5e-5));
        assertThat(row.high()).isCloseTo(0.7923, within(5e-5));
        assertThat(row.small()).isTrue();
        assertThat(new OutcomeRow("x", 7, 3).small()).isFalse();
        assertThat(new OutcomeRow("x", 0, 0).rate()).isNaN();
    }
}
