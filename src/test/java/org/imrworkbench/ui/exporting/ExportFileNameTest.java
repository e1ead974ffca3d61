package org.imrworkbench.ui.exporting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The file name the export dialog suggests from a binder title is always one safe name in the chosen folder. */
class ExportFileNameTest {

    @Test
    void pathSeparatorsQuotesAndControlCharactersNeverReachTheFileName() {
        assertThat(ExportDialog.safeName("Smith v. Acme / \"Phase 2\"\\binder:\u0007final\n?*<>|"))
                .isEqualTo("Smith v. Acme Phase 2 binder final");
        assertThat(ExportDialog.safeName("../../etc/passwd")).isEqualTo(".. .. etc passwd");
        assertThat(ExportDialog.safeName("  \u0000\t ")).isEqualTo("IMR export");
        assertThat(ExportDialog.safeName(null)).isEqualTo("IMR export");
        assertThat(ExportDialog.safeName("x".repeat(200))).hasSize(80);
    }
}
