package org.imrworkbench.ui.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's status line groups thousands on both sides, as the case counts elsewhere do. */
class BrowserStatusTest {

    @Test
    void bothCountsAreGroupedByThousands() {
        assertThat(BrowserViewModel.matchStatus(9291, 100000)).isEqualTo("9,291 cases of 100,000 match");
        assertThat(BrowserViewModel.matchStatus(1, 5)).isEqualTo("1 case of 5 match");
        assertThat(org.imrworkbench.ui.common.Labels.count(100000, "case")).isEqualTo("100,000 cases");
    }
}
