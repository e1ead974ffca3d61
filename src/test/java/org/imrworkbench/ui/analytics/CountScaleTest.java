package org.imrworkbench.ui.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountScaleTest {

    @Test
    void smallCountsAreCountedOneByOneWithRoomAboveTheLargest() {
        assertThat(CountScale.of(0)).isEqualTo(new CountScale(1, 1));
        assertThat(CountScale.of(1)).isEqualTo(new CountScale(2, 1));
        assertThat(CountScale.of(4)).isEqualTo(new CountScale(5, 1));
        assertThat(CountScale.of(7)).isEqualTo(new CountScale(8, 1));
        assertThat(CountScale.of(-3)).isEqualTo(new CountScale(1, 1));
    }

    @Test
    void largerCountsTakeStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(CountScale.of(8)).isEqualTo(new CountScale(10, 2));
        assertThat(CountScale.of(15)).isEqualTo(new CountScale(16, 2));
        assertThat(CountScale.of(16)).isEqualTo(new CountScale(20, 5));
        assertThat(CountScale.of(100)).isEqualTo(new CountScale(120, 20));
        assertThat(CountScale.of(305_135)).isEqualTo(new CountScale(350_000, 50_000));
        assertThat(CountScale.of(Integer.MAX_VALUE).step()).isEqualTo(500_000_000);
    }

    @Test
    void everyScaleHasFewWholeTicksAndRoomAboveTheLargestCount() {
        for (int max = 0; max < 100_000; max++) {
            CountScale s = CountScale.of(max);
            assertThat(s.upper()).isGreaterThan(max);
            assertThat(s.upper() % s.step()).isZero();
            assertThat(s.upper() / s.step()).isLessThanOrEqualTo(CountScale.MAX_TICKS);
            assertThat(s.upper() - s.step()).isLessThanOrEqualTo(max);
        }
    }
}
