package org.imrworkbench.ui;

import org.apache.pdfbox.Loader;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.ExportResult;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.export.Selection;
import org.imrworkbench.library.Library;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.exporting.ExportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The export dialog's view model runs the export service with the dialog's choices. */
class ExportViewModelTest {

    @Test
    void exportsABinderOfTheChosenSelectionWithBatesNumbers(@TempDir Path dir) throws Exception {
        try (Library library = Fixtures.seedLibrary(dir.resolve("lib.db"))) {
            ExportViewModel vm = new ExportViewModel(new ExportService(library), Background.direct());
            vm.selectionProperty().set(new Selection.Query("xanax"));
            vm.titleProperty().set("Smith binder");
            vm.batesPrefixProperty().set("SMITH");
            vm.batesStartProperty().set("100");
            AtomicReference<ExportResult> result = new AtomicReference<>();
            Path out = dir.resolve("binder.pdf");
            vm.export(out, result::set);
            assertThat(result.get()).isNotNull();
            assertThat(result.get().cases()).isEqualTo(1);
            assertThat(vm.statusProperty().get()).startsWith("Wrote binder.pdf: 1 case, 3 items, ");
            try (var pdf = Loader.loadPDF(out.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                assertThat(text).contains("Smith binder").contains("SMITH000100");
            }
        }
    }

    @Test
    void aBadBatesStartIsRefusedWithAMessageAndNothingIsWritten(@TempDir Path dir) {
        try (Library library = Library.open(dir.resolve("lib.db"))) {
            ExportViewModel vm = new ExportViewModel(new ExportService(library), Background.direct());
            vm.formatProperty().set(ExportFormat.CSV);
            vm.batesStartProperty().set("twelve");
            vm.export(dir.resolve("out.csv"), r -> { });
            assertThat(vm.statusProperty().get()).isEqualTo("The first Bates number must be a whole number, 0 or more.");
            assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
        }
    }
}
