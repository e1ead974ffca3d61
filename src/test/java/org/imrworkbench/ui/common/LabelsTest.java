package org.imrworkbench.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void aCountIsSingularForOneAndGroupedInThousands() {
        assertThat(Labels.count(1, "case")).isEqualTo("1 case");
        assertThat(Labels.count(0, "item")).isEqualTo("0 items");
        assertThat(Labels.count(12_345, "page")).isEqualTo("12,345 pages");
    }

    @Test
    void constantsReadAsSentences() {
        assertThat(Labels.sentence("SEDATIVE_HYPNOTIC")).isEqualTo("Sedative hypnotic");
        assertThat(Labels.sentence("")).isEmpty();
    }
}
