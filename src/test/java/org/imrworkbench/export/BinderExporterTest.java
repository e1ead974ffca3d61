package org.imrworkbench.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A binder of the samples and hand-built letters, read back with PDFBox. */
class BinderExporterTest {

    @TempDir
    static Path dir;

    static Library library;
    static ExportFixture fixture;
    static ExportResult result;
    static PDDocument pdf;
    static List<CaseRecord> cases;

    @BeforeAll
    static void export() throws IOException {
        library = Library.open(dir.resolve("lib.db"));
        fixture = ExportFixture.build(library);
        BinderOptions options = new BinderOptions("Smith v. Acme\tbinder", "ADJ123", "Hon. J. Doe", "R. Chen",
                LocalDate.of(2025, 3, 1), CaseOrder.CASE_NUMBER, "ABC", 7, 6, true, false, false);
        result = new ExportService(library).export(new ExportRequest(new Selection.All(), dir.resolve("binder.pdf"),
                ExportFormat.PDF, options), ExportListener.NONE, () -> false);
        pdf = Loader.loadPDF(result.file().toFile());
        cases = ExportService.order(library.caseIds().stream().map(id -> library.loadCase(id).orElseThrow())
                .toList(), CaseOrder.CASE_NUMBER);
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
        library.close();
    }

    private static String title(CaseRecord c) {
        return c.letter().caseNumber() != null ? c.letter().caseNumber() : c.id();
    }

    private static String pageText(int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(pdf);
    }

    private static int indexOf(PDPage page) {
        return pdf.getPages().indexOf(page);
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void countsCasesItemsAndPages() {
        assertThat(result.cases()).isEqualTo(7);
        assertThat(result.items()).isEqualTo(cases.stream().mapToInt(c -> c.letter().items().size()).sum());
        assertThat(pdf.getNumberOfPages()).isEqualTo(result.pages()).isGreaterThan(1 + 1 + 7);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void coverShowsTitleFieldsAndCounts() throws IOException {
        String cover = pageText(0);
        assertThat(cover).contains("Smith v. Acme binder", "ADJ123", "Hon. J. Doe", "R. Chen", "2025-03-01",
                "the whole library");
        long upheld = cases.stream().flatMap(c -> c.letter().items().stream())
                .filter(i -> i.decision().name().equals("UPHELD")).count();
        assertThat(normalise(cover)).contains(result.items() + " disputed items", upheld + " upheld",
                "7 cases");
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Smith v. Acme binder");
    }

    @Test
    void bookmarksAreOnePerCaseWithItemsBelow() {
        List<PDOutlineItem> top = new ArrayList<>();
        pdf.getDocumentCatalog().getDocumentOutline().children().forEach(top::add);
        assertThat(top).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            CaseRecord c = cases.get(i);
            assertThat(top.get(i).getTitle()).isEqualTo(BinderExporter.exhibitLabel(i) + " \u2014 " + title(c));
            List<PDOutlineItem> children = new ArrayList<>();
            top.get(i).children().forEach(children::add);
            assertThat(children).hasSize(c.letter().items().size());
            for (int k = 0; k < children.size(); k++) {
                var item = c.letter().items().get(k);
                assertThat(children.get(k).getTitle()).startsWith("Item " + item.number() + " \u00b7 "
                        + item.decision().name() + " \u00b7 ");
                assertThat(children.get(k).children()).isEmpty();
            }
        }
    }

    @Test
    void contentsEntriesLinkToEachCasesFirstPage() throws IOException {
        List<Integer> caseTargets = new ArrayList<>();
        int page = 1;
        while (pageText(page).contains("Contents") || page == 1) {
            for (PDAnnotation a : pdf.getPage(page).getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getRectangle().getLowerLeftX() == Typesetter.MARGIN) {
                    PDPageDestination d = (PDPageDestination) ((PDActionGoTo) link.getAction()).getDestination();
                    caseTargets.add(indexOf(d.getPage()));
                }
            }
            page++;
        }
        assertThat(caseTargets).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            int target = caseTargets.get(i);
            assertThat(pageText(target)).contains(title(cases.get(i)), BinderExporter.exhibitLabel(i).toUpperCase());
            assertThat(pageText(target - 1)).doesNotContain(BinderExporter.exhibitLabel(i).toUpperCase());
            PDOutlineItem bookmark = bookmark(i);
            assertThat(indexOf(((PDPageDestination) bookmark.getDestination()).getPage())).isEqualTo(target);
        }
        String contents = normalise(pageText(1));
        assertThat(contents).contains(title(cases.get(0)) + " ");
        assertThat(contents).matches(".*\\. \\. \\. .*" + (caseTargets.get(0) + 1) + ".*");
    }

    private static PDOutlineItem bookmark(int index) {
        PDOutlineItem item = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild();
        for (int i = 0; i < index; i++) {
            item = item.getNextSibling();
        }
        return item;
    }

    @Test
    void everyPageHasPageNumberAndSequentialBatesNumber() throws IOException {
        int total = pdf.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            String text = pageText(i);
            assertThat(text).contains("Page " + (i + 1) + " of " + total);
            assertThat(text).contains(String.format("ABC%06d", 7 + i));
        }
    }

    @Test
    void textUnderEachHighlightIsItsQuote() throws IOException {
        List<String> summaries = new ArrayList<>();
        StringBuilder longParts = new StringBuilder();
        int longAnnotations = 0;
        boolean sawLineBreak = false;
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (!(a instanceof PDAnnotationHighlight h)) {
                    continue;
                }
                float[] q = h.getQuadPoints();
                assertThat(q.length % 8).isZero();
                String text = textUnder(page, q);
                if ("Across a page break".equals(h.getContents())) {
                    longParts.append(text).append(' ');
                    longAnnotations++;
                } else {
                    summaries.add(h.getContents() + " => " + text);
                    if (q.length > 8) {
                        sawLineBreak = true;
                    }
                }
            }
        }
        assertThat(summaries).containsExactlyInAnyOrder(
                ExportFixture.HIGHLIGHT_NOTE + " => " + ExportFixture.LINE_BREAK_QUOTE,
                "injury date on 09/29/2008 => injury date on 09/29/2008",
                "Café – ½ ≥ “x” => “severe” – rated ≥ 8/10");
        assertThat(sawLineBreak).as("a highlight spanning a line break has a quad per line").isTrue();
        assertThat(longAnnotations).as("one annotation per page").isGreaterThanOrEqualTo(2);
        assertThat(normalise(longParts.toString())).isEqualTo(normalise(fixture.longQuote));
    }

    /** The text inside the quads, line by line, whitespace normalised. */
    private static String textUnder(PDPage page, float[] q) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        float height = page.getMediaBox().getHeight();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < q.length; i += 8) {
            float x0 = q[i];
            float x1 = q[i + 2];
            float top = q[i + 1];
            float bottom = q[i + 5];
            String name = "r" + i;
            // Glyphs are found by their origin: left edge and baseline. A hair less on the right leaves out the
            // glyph that starts exactly where the highlight ends.
            stripper.addRegion(name, new Rectangle2D.Float(x0 - 0.05f, height - top, x1 - x0 - 0.3f, top - bottom));
            regions.add(name);
        }
        stripper.extractRegions(page);
        StringBuilder text = new StringBuilder();
        for (String r : regions) {
            text.append(stripper.getTextForRegion(r)).append(' ');
        }
        return normalise(text.toString());
    }

    @Test
    void notesAreStickyNotesAndHighlightContents() throws IOException {
        List<String> notes = new ArrayList<>();
        List<String> highlightNotes = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationText t) {
                    notes.add(t.getContents());
                    assertThat(t.getTitlePopup()).isEqualTo("rc");
                } else if (a instanceof PDAnnotationHighlight h) {
                    highlightNotes.add(h.getContents());
                    assertThat(h.getAppearance()).isNotNull();
                }
            }
        }
        assertThat(notes).containsExactlyInAnyOrder(ExportFixture.CASE_NOTE, ExportFixture.ITEM_NOTE);
        assertThat(highlightNotes).contains(ExportFixture.HIGHLIGHT_NOTE, "Café – ½ ≥ “x”");
        String all = new PDFTextStripper().getText(pdf);
        assertThat(normalise(all)).contains("ANNOTATIONS (4)", ExportFixture.CASE_NOTE, ExportFixture.ITEM_NOTE);
    }

    @Test
    void unicodeTextSurvivesAndMissingGlyphsBecomeQuestionMarks() throws IOException {
        String all = normalise(new PDFTextStripper().getText(pdf));
        assertThat(all).contains("The injured worker’s pain is “severe” – rated ≥ 8/10 — with ½ dose of naproxen;",
                "Clínica Café in São José", "Notes ? and ?? have no glyph", "Orthopédie & Surgery",
                "Guidelines say “use ≥ 2 weeks” – approved.");
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    @Test
    void itemsShowDecisionWordTreatmentGuidelinesAndTags() throws IOException {
        String all = normalise(new PDFTextStripper().getText(pdf));
        assertThat(all).contains("OVERTURNED", "UPHELD", "Overturned — the treatment is medically necessary",
                "Norco (hydrocodone/acetaminophen) · Opioid", "Reviewer: MTUS", "Tylenol #4", "hearing",
                "DECISION RATIONALE", "CLINICAL CASE SUMMARY");
    }
}
