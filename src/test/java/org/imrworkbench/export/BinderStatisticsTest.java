package org.imrworkbench.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binder's optional statistics section, read back with PDFBox: where it sits (after the contents, before the
 * cases, with a bookmark and a contents line) and its counts against counts made here from the cases' items.
 */
class BinderStatisticsTest {

    @TempDir
    static Path dir;
    static Library library;
    static PDDocument pdf;
    static List<CaseRecord> cases;

    @BeforeAll
    static void export() throws IOException {
        library = Library.open(dir.resolve("lib.db"));
        ExportFixture.build(library);
        BinderOptions options = new BinderOptions("Statistics binder", null, null, null, LocalDate.of(2026, 1, 2),
                CaseOrder.CASE_NUMBER, null, 1, 6, false, false, true);
        ExportResult result = new ExportService(library).export(new ExportRequest(new Selection.All(),
                dir.resolve("binder.pdf"), ExportFormat.PDF, options), ExportListener.NONE, () -> false);
        pdf = Loader.loadPDF(result.file().toFile());
        cases = library.caseIds().stream().map(id -> library.loadCase(id).orElseThrow()).toList();
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
        library.close();
    }

    private static String pageText(int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(pdf).replaceAll("[ \\t]+", " ");
    }

    private static int statisticsPage() throws IOException {
        PDOutlineItem first = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild();
        assertThat(first.getTitle()).isEqualTo(BinderExporter.STATISTICS);
        return pdf.getPages().indexOf(((PDPageDestination) first.getDestination()).getPage());
    }

    @Test
    void theSectionFollowsTheContentsWithABookmarkAndAContentsLine() throws IOException {
        int page = statisticsPage();
        assertThat(pageText(page)).startsWith(BinderExporter.STATISTICS);
        assertThat(pageText(page - 1)).contains("Contents");
        assertThat(pageText(1)).contains("Contents", BinderExporter.STATISTICS);
        boolean linked = false;
        for (PDAnnotation a : pdf.getPage(1).getAnnotations()) {
            if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo go
                    && go.getDestination() instanceof PDPageDestination d && pdf.getPages().indexOf(d.getPage()) == page) {
                linked = true;
            }
        }
        assertThat(linked).as("a contents line links to the statistics").isTrue();
        int outlineEntries = 0;
        for (PDOutlineItem ignored : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            outlineEntries++;
        }
        assertThat(outlineEntries).isEqualTo(cases.size() + 1);
    }

    @Test
    void overallAndCategoryCountsMatchTheItems() throws IOException {
        int upheld = 0;
        int overturned = 0;
        Map<String, int[]> byCategory = new TreeMap<>();
        for (CaseRecord c : cases) {
            for (Item item : c.letter().items()) {
                if (item.decision() == Decision.UNKNOWN) {
                    continue;
                }
                boolean over = item.decision() == Decision.OVERTURNED;
                upheld += over ? 0 : 1;
                overturned += over ? 1 : 0;
                byCategory.computeIfAbsent(BinderExporter.category(item.treatment().category().name()),
                        k -> new int[2])[over ? 1 : 0]++;
            }
        }
        assertThat(upheld + overturned).isPositive();
        StringBuilder all = new StringBuilder();
        for (int p = statisticsPage(); p < pdf.getNumberOfPages() && !pageText(p).contains("CASE SUMMARY"); p++) {
            all.append(pageText(p));
        }
        String text = all.toString();
        assertThat(text.replaceAll("\\s+", " ")).contains("The " + (upheld + overturned) + " decided items of the "
                + cases.size() + " cases in this binder: " + upheld + " upheld, " + overturned + " overturned");
        assertThat(text).contains("By treatment category", "By guideline source cited", "By decision year");
        List<String> lines = List.of(text.split("\\R"));
        for (var e : byCategory.entrySet()) {
            OutcomeRow row = new OutcomeRow(e.getKey(), e.getValue()[0], e.getValue()[1]);
            String expected = e.getKey() + " " + row.upheld() + " " + row.overturned() + " "
                    + BinderExporter.rate(row);
            assertThat(lines).as("the row of %s", e.getKey()).anyMatch(l -> l.strip().startsWith(expected));
        }
    }

    @Test
    void ratesShowTheWilsonInterval() {
        assertThat(BinderExporter.rate(new OutcomeRow("x", 7, 3))).isEqualTo("30% (11\u201360%)");
        assertThat(BinderExporter.rate(new OutcomeRow("x", 0, 0))).isEqualTo("\u2014");
        assertThat(BinderExporter.rate(new OutcomeRow("x", 0, 4))).isEqualTo("100% (51\u2013100%)");
    }

    @Test
    void withoutTheOptionThereIsNoSection() throws IOException {
        BinderOptions options = BinderOptions.defaults();
        ExportResult plain = new ExportService(library).export(new ExportRequest(new Selection.All(),
                dir.resolve("plain.pdf"), ExportFormat.PDF, options), ExportListener.NONE, () -> false);
        try (PDDocument doc = Loader.loadPDF(plain.file().toFile())) {
            List<String> titles = new ArrayList<>();
            doc.getDocumentCatalog().getDocumentOutline().children().forEach(i -> titles.add(i.getTitle()));
            assertThat(titles).hasSize(cases.size()).doesNotContain(BinderExporter.STATISTICS);
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("By treatment category");
        }
    }
}
