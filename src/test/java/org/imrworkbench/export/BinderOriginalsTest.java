package org.imrworkbench.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Original letters' pages after each case: real corpus PDFs (skipped without the corpus) and a text sample. */
class BinderOriginalsTest {

    @TempDir
    Path dir;

    @Test
    void originalPdfPagesFollowTheirCaseAndTextOriginalsAreNoted() throws IOException {
        List<Path> letters;
        try (Stream<Path> files = Files.list(Fixtures.corpusLetters())) {
            letters = files.filter(p -> p.toString().endsWith(".pdf")).sorted().limit(2).toList();
        }
        try (Library library = Library.open(dir.resolve("lib.db"))) {
            List<Path> inputs = new ArrayList<>(letters);
            inputs.add(Fixtures.seedFiles().get(0));
            new ImportService(library).importPaths(inputs, ProgressListener.NONE, new Cancellation());
            ExportService service = new ExportService(library);
            BinderOptions without = new BinderOptions("Originals", null, null, null, null, CaseOrder.CASE_NUMBER,
                    null, 1, 6, false, false, false);
            BinderOptions with = new BinderOptions("Originals", null, null, null, null, CaseOrder.CASE_NUMBER,
                    "B", 1, 6, false, true, false);
            int plain = service.export(new ExportRequest(new Selection.All(), dir.resolve("plain.pdf"),
                    ExportFormat.PDF, without), ExportListener.NONE, () -> false).pages();
            ExportResult result = service.export(new ExportRequest(new Selection.All(), dir.resolve("with.pdf"),
                    ExportFormat.PDF, with), ExportListener.NONE, () -> false);
            int originalPages = 0;
            for (Path letter : letters) {
                try (PDDocument original = Loader.loadPDF(letter.toFile())) {
                    originalPages += original.getNumberOfPages();
                }
            }
            assertThat(result.pages()).isBetween(plain + originalPages, plain + originalPages + letters.size());
            try (PDDocument pdf = Loader.loadPDF(result.file().toFile())) {
                List<PDOutlineItem> cases = new ArrayList<>();
                pdf.getDocumentCatalog().getDocumentOutline().children().forEach(cases::add);
                int withOriginals = 0;
                for (int i = 0; i < cases.size(); i++) {
                    PDOutlineItem original = null;
                    for (PDOutlineItem child : cases.get(i).children()) {
                        if (child.getTitle().startsWith("Original letter")) {
                            original = child;
                        }
                    }
                    if (original == null) {
                        continue;
                    }
                    withOriginals++;
                    int first = pdf.getPages().indexOf(((PDPageDestination) original.getDestination()).getPage());
                    int end = i + 1 < cases.size() ? pdf.getPages().indexOf(
                            ((PDPageDestination) cases.get(i + 1).getDestination()).getPage()) : pdf.getNumberOfPages();
                    String id = cases.get(i).getTitle();
                    try (PDDocument source = Loader.loadPDF(library.source(id).orElseThrow().bytes())) {
                        assertThat(end - first).as(id).isEqualTo(source.getNumberOfPages());
                        assertThat(original.getTitle()).isEqualTo("Original letter (" + source.getNumberOfPages()
                                + " pages)");
                    }
                }
                assertThat(withOriginals).isEqualTo(letters.size());
                PDFTextStripper stripper = new PDFTextStripper();
                String text = stripper.getText(pdf);
                assertThat(text).contains("is a text file; its text is the letter above",
                        String.format("B%06d", pdf.getNumberOfPages()), "Page " + pdf.getNumberOfPages() + " of ");
            }
        }
    }
}
