package org.imrworkbench.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.imrworkbench.parse.PdfTextReader;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.AnnotationField;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.Source;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Treatment;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TimeZone;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.imrworkbench.export.Typesetter.BOTTOM;
import static org.imrworkbench.export.Typesetter.MARGIN;
import static org.imrworkbench.export.Typesetter.PAGE;
import static org.imrworkbench.export.Typesetter.TOP;
import static org.imrworkbench.export.Typesetter.WIDTH;

/**
 * Writes an annotated PDF binder of library cases: a cover page with counts, a linked table of contents, bookmarks
 * (one per case, one per item below it), then per case its header, clinical case summary, disputed items (decision,
 * treatment, service date, partial authorisation, guidelines cited, tags, rationale) and a list of its annotations,
 * optionally followed by the original letter's pages. Every page carries "Page N of M" and, when asked, a Bates
 * number.
 *
 * <p>The user's highlights become PDF highlight annotations over exactly the highlighted words (the binder lays its
 * text out itself and knows where every word went: one quad per line, one annotation per page), each carrying its
 * note; notes on a whole case or item become sticky notes. The table of contents is written last, on pages inserted
 * after the cover, once every case's page is known.
 *
 * <p>Not thread-safe: one binder per instance at a time. Call off the UI thread.
 */
public final class BinderExporter {

    private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    private static final Color INK = new Color(0x21, 0x25, 0x29);
    private static final Color GREY = new Color(0x5F, 0x66, 0x70);
    private static final Color RULE = new Color(0xC9, 0xD1, 0xDB);
    private static final Color PANEL = new Color(0xF1, 0xF4, 0xF8);
    private static final Color CHIP = new Color(0xE3, 0xEA, 0xF3);
    private static final Color UPHELD = new Color(0xA1, 0x2C, 0x1F);
    private static final Color OVERTURNED = new Color(0x1D, 0x6B, 0x3C);
    private static final Color UNKNOWN = new Color(0x6B, 0x6F, 0x75);
    private static final float LABEL_WIDTH = 112;
    private static final float TOC_LINE = 15;
    private static final float TOC_HEAD = 64;
    private static final int MAX_TITLE = 90;
    static final String STATISTICS = "Statistics";
    private static final float STAT_ROW = 15;

    private final Library library;
    private final BinderOptions options;

    private PDDocument doc;
    private PdfFonts fonts;
    private Typesetter.Style title;
    private Typesetter.Style h1;
    private Typesetter.Style h2;
    private Typesetter.Style section;
    private Typesetter.Style meta;
    private Typesetter.Style body;
    private Typesetter.Style label;
    private Typesetter.Style value;
    private Typesetter.Style request;
    private Typesetter.Style small;
    private Typesetter.Style badge;

    /** Where a case went. */
    private record CaseLayout(CaseRecord record, String exhibit, PDPage first, List<ItemMark> items,
                              PDPage originalsFirst, int originalPages) {
    }

    /** Where an item's block starts. */
    private record ItemMark(Item item, PDPage page, float top) {
    }

    /** One line of the table of contents and where it links. */
    private record TocLine(String text, String detail, boolean caseLine, PDPage target, float targetTop) {
    }

    /**
     * @param library where the original letters come from (with {@link BinderOptions#originals()})
     */
    public BinderExporter(Library library, BinderOptions options) {
        this.library = library;
        this.options = options;
    }

    /**
     * Writes the binder of {@code cases}, in the order given, to {@code out}.
     *
     * @param selection what the cases are, for the cover ("cases tagged “x”")
     * @param cancelled checked before each case; when true the export stops with {@link ExportCancelledException}
     * @return the number of pages written
     */
    public int write(List<CaseRecord> cases, String selection, OutputStream out, ExportListener listener,
                     BooleanSupplier cancelled) throws IOException {
        List<PDDocument> originals = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            this.doc = document;
            this.fonts = new PdfFonts(document);
            styles();
            PDPage cover = coverPage(cases, selection);
            List<CaseLayout> layouts = new ArrayList<>();
            PDPage statistics = null;
            try (Typesetter t = new Typesetter(document, fonts, document::addPage)) {
                if (options.statistics()) {
                    statistics = statistics(t, cases);
                }
                for (int i = 0; i < cases.size(); i++) {
                    if (cancelled.getAsBoolean()) {
                        throw new ExportCancelledException("the export was cancelled");
                    }
                    CaseRecord record = cases.get(i);
                    layouts.add(layCase(t, record, options.exhibits() ? exhibitLabel(i) : null, originals));
                    listener.progress(new ExportProgress(cases.size(), i + 1, record.id()));
                }
            }
            contents(cover, statistics, layouts);
            outline(statistics, layouts);
            furniture();
            info(cases.size());
            document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            int pages = document.getNumberOfPages();
            document.save(out);
            return pages;
        } finally {
            for (PDDocument original : originals) {
                original.close();
            }
            doc = null;
            fonts = null;
        }
    }

    private void styles() {
        title = new Typesetter.Style(fonts.bold, 26, 32, NAVY);
        h1 = new Typesetter.Style(fonts.bold, 17, 22, NAVY);
        h2 = new Typesetter.Style(fonts.bold, 13, 18, NAVY);
        section = new Typesetter.Style(fonts.bold, 8.5f, 13, NAVY);
        meta = new Typesetter.Style(fonts.regular, 8.5f, 12.5f, GREY);
        body = new Typesetter.Style(fonts.regular, 9.5f, 14, INK);
        label = new Typesetter.Style(fonts.bold, 8, 12.5f, GREY);
        value = new Typesetter.Style(fonts.regular, 8.5f, 12.5f, INK);
        request = new Typesetter.Style(fonts.bold, 10.5f, 14.5f, INK);
        small = new Typesetter.Style(fonts.regular, 7.5f, 10, GREY);
        badge = new Typesetter.Style(fonts.bold, 8, 10, Color.WHITE);
    }

    /** "A" .. "Z", "AA" .. "AZ", ... */
    static String exhibitLabel(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            s.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return "Exhibit " + s;
    }

    // ----------------------------------------------------------------------------------------------- cover

    private PDPage coverPage(List<CaseRecord> cases, String selection) {
        int items = 0;
        int upheld = 0;
        int overturned = 0;
        int unknown = 0;
        for (CaseRecord r : cases) {
            for (Item item : r.letter().items()) {
                items++;
                switch (item.decision()) {
                    case UPHELD -> upheld++;
                    case OVERTURNED -> overturned++;
                    case UNKNOWN -> unknown++;
                }
            }
        }
        try (Typesetter t = new Typesetter(doc, fonts, doc::addPage)) {
            PDPage page = t.newPage();
            t.fill(0, PAGE.getHeight() - 10, PAGE.getWidth(), 10, NAVY);
            t.moveDown(70);
            t.text(section, MARGIN, t.y() - section.size(), "IMR FINAL DETERMINATIONS \u00b7 CASE BINDER");
            t.moveDown(26);
            t.flow(options.title(), title, MARGIN, WIDTH, 0);
            if (options.matter() != null) {
                t.moveDown(4);
                t.flow(options.matter(), h2, MARGIN, WIDTH, 0);
            }
            t.moveDown(18);
            t.rule(MARGIN, MARGIN + WIDTH, t.y(), 1.2f, NAVY);
            t.moveDown(18);
            coverRow(t, "Prepared for", options.preparedFor());
            coverRow(t, "Prepared by", options.preparedBy());
            coverRow(t, "Date", options.date().toString());
            coverRow(t, "Selection", selection);
            t.moveDown(26);
            List<String[]> counts = new ArrayList<>(List.of(
                    new String[]{Integer.toString(cases.size()), cases.size() == 1 ? "case" : "cases"},
                    new String[]{Integer.toString(items), items == 1 ? "disputed item" : "disputed items"},
                    new String[]{Integer.toString(upheld), "upheld"},
                    new String[]{Integer.toString(overturned), "overturned"}));
            if (unknown > 0) {
                counts.add(new String[]{Integer.toString(unknown), "decision unknown"});
            }
            float gap = 10;
            float boxWidth = (WIDTH - gap * (counts.size() - 1)) / counts.size();
            float boxHeight = 62;
            for (int i = 0; i < counts.size(); i++) {
                float x = MARGIN + i * (boxWidth + gap);
                t.fillRounded(x, t.y() - boxHeight, boxWidth, boxHeight, 5, PANEL);
                Color accent = i == 2 ? UPHELD : i == 3 ? OVERTURNED : i == 4 ? UNKNOWN : NAVY;
                t.fill(x, t.y() - boxHeight, 3, boxHeight, accent);
                t.text(new Typesetter.Style(fonts.bold, 24, 28, accent), x + 14, t.y() - 32, counts.get(i)[0]);
                t.text(meta, x + 14, t.y() - 50, counts.get(i)[1]);
            }
            t.moveDown(boxHeight + 20);
            t.flow("Upheld: the utilization review denial stands. Overturned: the treatment is found medically "
                    + "necessary.", meta, MARGIN, WIDTH, 0);
            t.text(small, MARGIN, BOTTOM + 26, "Confidential: contains medical information about injured workers. "
                    + "Highlights and notes are shown as PDF annotations.");
            return page;
        }
    }

    private void coverRow(Typesetter t, String name, String text) {
        if (text == null) {
            return;
        }
        Typesetter.Style coverLabel = new Typesetter.Style(fonts.bold, 9, 16, GREY);
        Typesetter.Style coverValue = new Typesetter.Style(fonts.regular, 11, 16, INK);
        t.text(coverLabel, MARGIN, t.y() - 11, name.toUpperCase(Locale.ROOT));
        t.flow(text, coverValue, MARGIN + LABEL_WIDTH, WIDTH - LABEL_WIDTH, 0);
        t.moveDown(6);
    }

    // ------------------------------------------------------------------------------------------ statistics

    /**
     * The statistics section: the binder's decided items overall, then a table per dimension with each group's
     * upheld and overturned counts, its overturn rate with the 95% Wilson interval, and a bar of the two counts.
     * Rates over fewer than {@link OutcomeRow#SMALL} items are marked as small counts.
     *
     * @return its first page
     */
    private PDPage statistics(Typesetter t, List<CaseRecord> cases) {
        PDPage first = t.newPage();
        t.text(h1, MARGIN, t.y() - h1.size(), STATISTICS);
        t.moveDown(h1.leading() + 6);
        OutcomeRow all = BinderStatistics.overall(cases);
        String overall = all.total() == 0
                ? (cases.size() == 1 ? "None of the case's items" : "None of the " + cases.size() + " cases' items")
                + " has a decision (upheld or overturned) to count."
                : (all.total() == 1 ? "The 1 decided item of the " : "The " + all.total() + " decided items of the ")
                + (cases.size() == 1 ? "case" : cases.size() + " cases") + " in this binder: " + all.upheld() + " upheld, "
                + all.overturned() + " overturned, an overturn rate of " + rate(all) + ".";
        t.flow(overall, body, MARGIN, WIDTH, 0);
        t.moveDown(4);
        t.flow("The interval in brackets is the 95% Wilson confidence interval of the rate. A rate over fewer than "
                + OutcomeRow.SMALL + " items is marked \u201csmall\u201d: it is a count, not a finding. An item "
                + "citing two sources, or a case with two specialties, counts under each.", meta, MARGIN, WIDTH, 0);
        Typesetter.Style head = new Typesetter.Style(fonts.bold, 7.5f, STAT_ROW, GREY);
        Typesetter.Style cell = new Typesetter.Style(fonts.regular, 8.5f, STAT_ROW, INK);
        Typesetter.Style faint = new Typesetter.Style(fonts.regular, 8.5f, STAT_ROW, GREY);
        float keyWidth = 186;
        float upheldRight = MARGIN + keyWidth + 34;
        float overturnedRight = upheldRight + 68;
        float rateLeft = overturnedRight + 10;
        float barLeft = rateLeft + 118;
        float barWidth = MARGIN + WIDTH - barLeft;
        for (BinderStatistics.Table table : BinderStatistics.tables(cases)) {
            t.ensure(28 + STAT_ROW * Math.min(3, table.rows().size()) + 20);
            t.moveDown(14);
            t.text(h2, MARGIN, t.y() - h2.size(), table.title());
            t.moveDown(h2.leading() + 2);
            tableHead(t, head, table.keyHeading(), upheldRight, overturnedRight, rateLeft, barLeft);
            int max = table.rows().stream().mapToInt(OutcomeRow::total).max().orElse(1);
            for (OutcomeRow row : table.rows()) {
                if (t.y() - STAT_ROW < BOTTOM) {
                    t.newPage();
                    tableHead(t, head, table.keyHeading() + " (continued)", upheldRight, overturnedRight, rateLeft,
                            barLeft);
                }
                float baseline = t.y() - 11;
                t.text(cell, MARGIN, baseline, fit(t, cell, row.key(), keyWidth - 6));
                t.textRight(cell, upheldRight, baseline, Integer.toString(row.upheld()));
                t.textRight(cell, overturnedRight, baseline, Integer.toString(row.overturned()));
                t.text(row.small() ? faint : cell, rateLeft, baseline, rate(row) + (row.small() ? " \u00b7 small" : ""));
                float total = barWidth * row.total() / max;
                float over = total * row.overturned() / Math.max(1, row.total());
                t.fill(barLeft, baseline - 1, total - over, 8, UPHELD);
                t.fill(barLeft + total - over, baseline - 1, over, 8, OVERTURNED);
                t.rule(MARGIN, MARGIN + WIDTH, baseline - 4.5f, 0.3f, RULE);
                t.moveDown(STAT_ROW);
            }
            if (table.omitted() > 0) {
                t.flow("and " + table.omitted() + " smaller " + (table.omitted() == 1 ? "group" : "groups")
                        + " not listed", small, MARGIN, WIDTH, 0);
            }
        }
        t.moveDown(10);
        t.ensure(20);
        float key = t.y() - 10;
        t.fill(MARGIN, key - 1, 10, 8, UPHELD);
        t.text(small, MARGIN + 14, key, "upheld");
        t.fill(MARGIN + 60, key - 1, 10, 8, OVERTURNED);
        t.text(small, MARGIN + 74, key, "overturned (bar length: decided items)");
        t.moveDown(20);
        return first;
    }

    private void tableHead(Typesetter t, Typesetter.Style head, String key, float upheldRight, float overturnedRight,
                           float rateLeft, float barLeft) {
        float baseline = t.y() - 11;
        t.text(head, MARGIN, baseline, key.toUpperCase(Locale.ROOT));
        t.textRight(head, upheldRight, baseline, "UPHELD");
        t.textRight(head, overturnedRight, baseline, "OVERTURNED");
        t.text(head, rateLeft, baseline, "OVERTURN RATE (95% CI)");
        t.text(head, barLeft, baseline, "ITEMS");
        t.rule(MARGIN, MARGIN + WIDTH, baseline - 4.5f, 0.8f, NAVY);
        t.moveDown(STAT_ROW);
    }

    /** "25% (9–53%)", or "—" with no decided item. */
    static String rate(OutcomeRow row) {
        if (row.total() == 0) {
            return "\u2014";
        }
        return percent(row.rate()) + " (" + percent(row.low()).replace("%", "") + "\u2013" + percent(row.high()) + ")";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    // ----------------------------------------------------------------------------------------------- cases

    private CaseLayout layCase(Typesetter t, CaseRecord record, String exhibit, List<PDDocument> originals)
            throws IOException {
        Letter letter = record.letter();
        PDPage first = t.newPage();
        float headerTop = t.y();
        t.flow(caseTitle(record), h1, MARGIN, WIDTH - 90, 0);
        if (exhibit != null) {
            String text = exhibit.toUpperCase(Locale.ROOT);
            float w = t.width(badge, text) + 16;
            t.fillRounded(MARGIN + WIDTH - w, headerTop - 16, w, 18, 3, NAVY);
            t.text(badge, MARGIN + WIDTH - w + 8, headerTop - 11.5f, text);
        }
        notes(headerTop, t.page(), record.annotations().stream()
                .filter(a -> !a.isHighlight() && a.item() == null).toList());
        t.moveDown(2);
        String dates = dates(letter);
        if (!dates.isEmpty()) {
            t.flow(dates, meta, MARGIN, WIDTH, 0);
        }
        t.moveDown(8);
        row(t, "Reviewer", reviewer(letter));
        row(t, "Patient", patient(letter));
        row(t, "Source file", record.fileName());
        if (!record.tags().isEmpty()) {
            chipsRow(t, "Case tags", record.tags());
        }
        t.moveDown(6);
        t.rule(MARGIN, MARGIN + WIDTH, t.y(), 0.8f, RULE);
        t.moveDown(14);

        heading(t, "CLINICAL CASE SUMMARY");
        String summary = letter.summary() == null ? "" : letter.summary();
        if (summary.isBlank()) {
            t.flow("The letter has no clinical case summary.", meta, MARGIN, WIDTH, 0);
        } else {
            List<Typesetter.Placed> placed = t.flow(summary, body, MARGIN, WIDTH, 6);
            highlights(placed, summary, record.annotations().stream()
                    .filter(a -> a.field() == AnnotationField.SUMMARY).toList());
        }
        t.moveDown(16);

        List<ItemMark> marks = new ArrayList<>();
        heading(t, letter.items().size() == 1 ? "DISPUTED ITEM" : "DISPUTED ITEMS (" + letter.items().size() + ")");
        if (letter.items().isEmpty()) {
            t.flow("The letter lists no disputed items.", meta, MARGIN, WIDTH, 0);
        }
        for (Item item : letter.items()) {
            marks.add(layItem(t, record, item));
        }

        annotationList(t, record);

        PDPage originalsFirst = null;
        int originalPages = 0;
        if (options.originals()) {
            Optional<Source> source = library.source(record.id());
            PDDocument original = source.filter(s -> "PDF".equals(s.format())).map(this::load).orElse(null);
            t.moveDown(10);
            t.ensure(30);
            if (original != null) {
                originals.add(original);
                originalPages = original.getNumberOfPages();
                t.flow("The original letter (" + record.fileName() + ", " + originalPages
                        + (originalPages == 1 ? " page" : " pages") + ") follows.", meta, MARGIN, WIDTH, 0);
                for (PDPage p : original.getPages()) {
                    PDPage imported = doc.importPage(p);
                    if (originalsFirst == null) {
                        originalsFirst = imported;
                    }
                }
            } else {
                t.flow(source.isPresent() && "PDF".equals(source.get().format())
                        ? "The original letter (" + record.fileName() + ") could not be read as a PDF; it is not "
                        + "attached."
                        : "The original letter (" + record.fileName() + ") is a text file; its text is the letter "
                        + "above, so no pages are attached.", meta, MARGIN, WIDTH, 0);
            }
        }
        return new CaseLayout(record, exhibit, first, marks, originalsFirst, originalPages);
    }

    private PDDocument load(Source source) {
        try {
            return Loader.loadPDF(source.bytes());
        } catch (IOException e) {
            return null;
        }
    }

    private ItemMark layItem(Typesetter t, CaseRecord record, Item item) {
        t.ensure(110);
        t.moveDown(4);
        t.rule(MARGIN, MARGIN + WIDTH, t.y(), 0.5f, RULE);
        t.moveDown(10);
        PDPage page = t.page();
        float top = t.y();
        String word = item.decision().name();
        float badgeWidth = t.width(badge, word) + 14;
        Color colour = item.decision() == Decision.UPHELD ? UPHELD
                : item.decision() == Decision.OVERTURNED ? OVERTURNED : UNKNOWN;
        t.text(section, MARGIN, top - section.size(), "ITEM " + item.number());
        t.fillRounded(MARGIN + WIDTH - badgeWidth, top - 15, badgeWidth, 16, 3, colour);
        t.text(badge, MARGIN + WIDTH - badgeWidth + 7, top - 10.5f, word);
        notes(top, page, record.annotations().stream()
                .filter(a -> !a.isHighlight() && a.item() != null && a.item() == item.number()).toList());
        t.moveDown(section.leading());
        t.flow(item.request() == null ? "(request not found in the letter)" : item.request(), request, MARGIN,
                WIDTH - badgeWidth - 12, 0);
        t.moveDown(5);
        row(t, "Decision", decisionText(item.decision()));
        row(t, "Treatment", treatment(item.treatment()));
        if (item.serviceDate() != null || item.retrospective()) {
            row(t, "Service date", (item.serviceDate() == null ? "not stated" : item.serviceDate().toString())
                    + (item.retrospective() ? " (retrospective request)" : ""));
        }
        PartialAuthorization partial = item.partial();
        if (partial != null) {
            StringJoiner p = new StringJoiner("\n");
            if (partial.originalRequest() != null) {
                p.add("Original request: " + partial.originalRequest());
            }
            if (partial.authorized() != null) {
                p.add("Authorized: " + partial.authorized());
            }
            if (partial.disputed() != null) {
                p.add("Remaining disputed portion: " + partial.disputed());
            }
            row(t, "Partial authorisation", p.toString());
        }
        row(t, "Guidelines cited", guidelines(item));
        List<String> tags = record.itemTags(item.number());
        if (!tags.isEmpty()) {
            chipsRow(t, "Item tags", tags);
        }
        t.moveDown(6);
        t.ensure(body.leading() * 2 + section.leading());
        t.text(label, MARGIN, t.y() - label.size(), "DECISION RATIONALE");
        t.moveDown(label.leading() + 1);
        String rationale = item.rationale() == null ? "" : item.rationale();
        if (rationale.isBlank()) {
            t.flow("The letter gives no rationale for this item.", meta, MARGIN, WIDTH, 0);
        } else {
            List<Typesetter.Placed> placed = t.flow(rationale, body, MARGIN, WIDTH, 6);
            highlights(placed, rationale, record.annotations().stream()
                    .filter(a -> a.field() == AnnotationField.RATIONALE && a.item() != null
                            && a.item() == item.number()).toList());
        }
        t.moveDown(12);
        return new ItemMark(item, page, top);
    }

    private void heading(Typesetter t, String text) {
        t.ensure(section.leading() + body.leading() * 3);
        t.text(section, MARGIN, t.y() - section.size(), text);
        t.moveDown(section.leading() + 3);
    }

    /** A label in the left column and its value flowing in the right one. */
    private void row(Typesetter t, String name, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        t.ensure(value.leading());
        t.text(label, MARGIN, t.y() - value.size(), name.toUpperCase(Locale.ROOT));
        t.flow(text, value, MARGIN + LABEL_WIDTH, WIDTH - LABEL_WIDTH, 2);
        t.moveDown(3);
    }

    /** Tags as rounded chips, wrapping in the value column. */
    private void chipsRow(Typesetter t, String name, List<String> tags) {
        float height = 14;
        t.ensure(height + 4);
        t.text(label, MARGIN, t.y() - value.size() - 1, name.toUpperCase(Locale.ROOT));
        Typesetter.Style chip = new Typesetter.Style(fonts.regular, 8, 10, NAVY);
        float left = MARGIN + LABEL_WIDTH;
        float x = left;
        for (String tag : tags) {
            String text = tag.length() > 60 ? tag.substring(0, 59) + "\u2026" : tag;
            float w = t.width(chip, text) + 12;
            if (x > left && x + w > MARGIN + WIDTH) {
                t.moveDown(height + 4);
                t.ensure(height + 4);
                x = left;
            }
            t.fillRounded(x, t.y() - height, w, height, 7, CHIP);
            t.text(chip, x + 6, t.y() - height + 4, text);
            x += w + 5;
        }
        t.moveDown(height + 5);
    }

    /** The highlights of a laid-out field: one highlight annotation per page the passage is on. */
    private void highlights(List<Typesetter.Placed> placed, String text, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.orphaned() || a.start() == null || a.end() == null || a.start() < 0 || a.end() > text.length()
                    || a.start() >= a.end()) {
                continue;
            }
            HighlightGeometry.boxes(placed, text, a.start(), a.end(), fonts).forEach((page, boxes) -> {
                PDAnnotationHighlight h = new PDAnnotationHighlight();
                float[] quads = HighlightGeometry.quadPoints(boxes);
                float minX = Float.MAX_VALUE;
                float minY = Float.MAX_VALUE;
                float maxX = -Float.MAX_VALUE;
                float maxY = -Float.MAX_VALUE;
                for (int i = 0; i < quads.length; i += 2) {
                    minX = Math.min(minX, quads[i]);
                    maxX = Math.max(maxX, quads[i]);
                    minY = Math.min(minY, quads[i + 1]);
                    maxY = Math.max(maxY, quads[i + 1]);
                }
                h.setRectangle(new PDRectangle(minX, minY, maxX - minX, maxY - minY));
                h.setQuadPoints(quads);
                h.setColor(colour(a.color()));
                h.setContents(a.note() == null ? a.quote() : a.note());
                h.setTitlePopup(a.author());
                h.setCreationDate(calendar(a));
                h.setModifiedDate(calendar(a.updated()));
                h.setPrinted(true);
                addAnnotation(page, h);
            });
        }
    }

    /** Sticky notes in the right margin beside a header whose top is at {@code top}. */
    private void notes(float top, PDPage page, List<Annotation> notes) {
        float x = MARGIN + WIDTH + 14;
        float y = top - 18;
        for (Annotation a : notes) {
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(x, y, 18, 18));
            note.setName(PDAnnotationText.NAME_COMMENT);
            note.setContents(a.note());
            note.setTitlePopup(a.author());
            note.setColor(colour(a.color()));
            note.setCreationDate(calendar(a));
            note.setModifiedDate(calendar(a.updated()));
            note.setPrinted(true);
            addAnnotation(page, note);
            y -= 22;
        }
    }

    private void addAnnotation(PDPage page, PDAnnotation annotation) {
        try {
            annotation.constructAppearances(doc);
            page.getAnnotations().add(annotation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list of a case's annotations at its end. */
    private void annotationList(Typesetter t, CaseRecord record) {
        List<Annotation> annotations = record.annotations();
        if (annotations.isEmpty()) {
            return;
        }
        t.moveDown(6);
        heading(t, annotations.size() == 1 ? "ANNOTATION" : "ANNOTATIONS (" + annotations.size() + ")");
        for (Annotation a : annotations) {
            String where = a.field() == AnnotationField.SUMMARY ? "Summary"
                    : a.field() == AnnotationField.RATIONALE ? "Item " + a.item() + " rationale"
                    : a.item() == null ? "Case note" : "Item " + a.item() + " note";
            StringBuilder text = new StringBuilder();
            if (a.quote() != null) {
                text.append('\u201c').append(a.quote().replaceAll("\\s+", " ")).append('\u201d');
            }
            if (a.note() != null) {
                text.append(text.isEmpty() ? "" : " \u2014 ").append(a.note());
            }
            String byline = a.author() + ", " + a.created().atOffset(ZoneOffset.UTC).toLocalDate()
                    + (a.orphaned() ? " \u00b7 not placed: the letter's text changed when it was re-read" : "");
            row(t, where, text.toString());
            t.flow(byline, small, MARGIN + LABEL_WIDTH, WIDTH - LABEL_WIDTH, 0);
            t.moveDown(6);
        }
    }

    // ------------------------------------------------------------------------------------ contents, outline

    private void contents(PDPage cover, PDPage statistics, List<CaseLayout> layouts) {
        List<TocLine> lines = new ArrayList<>();
        if (statistics != null) {
            lines.add(new TocLine(STATISTICS, "outcomes of the binder's items", true, statistics, PAGE.getHeight()));
        }
        for (CaseLayout l : layouts) {
            String name = (l.exhibit() == null ? "" : l.exhibit() + "   ") + caseTitle(l.record());
            Letter letter = l.record().letter();
            String detail = (letter.dates().decided() == null ? "" : "decided " + letter.dates().decided() + " \u00b7 ")
                    + letter.items().size() + (letter.items().size() == 1 ? " item" : " items");
            lines.add(new TocLine(name, detail, true, l.first(), PAGE.getHeight()));
            for (ItemMark m : l.items()) {
                lines.add(new TocLine(m.item().number() + ". " + oneLine(m.item().request()),
                        m.item().decision().name(), false, m.page(), m.top() + 8));
            }
        }
        int firstPageLines = (int) ((TOP - BOTTOM - TOC_HEAD) / TOC_LINE);
        int otherPageLines = (int) ((TOP - BOTTOM) / TOC_LINE);
        int tocPages = lines.size() <= firstPageLines ? 1
                : 1 + (lines.size() - firstPageLines + otherPageLines - 1) / otherPageLines;
        PDPageTree tree = doc.getPages();
        List<PDPage> inserted = new ArrayList<>();
        try (Typesetter t = new Typesetter(doc, fonts, p -> {
            tree.insertAfter(p, inserted.isEmpty() ? cover : inserted.get(inserted.size() - 1));
            inserted.add(p);
        })) {
            Map<COSDictionary, Integer> numbers = pageNumbers();
            t.newPage();
            t.text(h1, MARGIN, t.y() - h1.size(), "Contents");
            t.moveDown(TOC_HEAD);
            Typesetter.Style caseStyle = new Typesetter.Style(fonts.bold, 9, TOC_LINE, INK);
            Typesetter.Style itemStyle = new Typesetter.Style(fonts.regular, 8.5f, TOC_LINE, INK);
            Typesetter.Style detailStyle = new Typesetter.Style(fonts.regular, 8, TOC_LINE, GREY);
            Typesetter.Style dots = new Typesetter.Style(fonts.regular, 8, TOC_LINE, RULE);
            for (TocLine line : lines) {
                if (t.y() - TOC_LINE < BOTTOM) {
                    t.newPage();
                }
                float baseline = t.y() - 11;
                String number = Integer.toString(numbers.get(line.target().getCOSObject()) + tocPages);
                Typesetter.Style style = line.caseLine() ? caseStyle : itemStyle;
                float indent = line.caseLine() ? 0 : 18;
                float right = MARGIN + WIDTH;
                float numberWidth = t.width(caseStyle, number);
                float detailWidth = line.detail().isEmpty() ? 0 : t.width(detailStyle, line.detail()) + 8;
                float room = WIDTH - indent - numberWidth - detailWidth - 30;
                String text = fit(t, style, line.text(), room);
                float x = MARGIN + indent;
                t.text(style, x, baseline, text);
                float dotsFrom = x + t.width(style, text) + 6;
                float dotsTo = right - numberWidth - detailWidth - 6;
                float dotWidth = t.width(dots, ". ");
                int count = (int) ((dotsTo - dotsFrom) / dotWidth);
                if (count > 0) {
                    t.text(dots, dotsTo - count * dotWidth, baseline, ". ".repeat(count));
                }
                if (!line.detail().isEmpty()) {
                    t.text(line.caseLine() ? detailStyle : decisionStyle(line.detail()),
                            right - numberWidth - detailWidth + 2, baseline, line.detail());
                }
                t.textRight(caseStyle, right, baseline, number);
                link(t.page(), new PDRectangle(MARGIN + indent, baseline - 4, WIDTH - indent, TOC_LINE - 2),
                        line.target(), line.targetTop());
                if (line.caseLine()) {
                    t.rule(MARGIN, right, baseline - 4.5f, 0.3f, RULE);
                }
                t.moveDown(TOC_LINE);
            }
        }
        if (inserted.size() != tocPages) {
            throw new IllegalStateException("the table of contents took " + inserted.size() + " pages, not "
                    + tocPages);
        }
    }

    private Typesetter.Style decisionStyle(String decision) {
        Color c = decision.equals(Decision.UPHELD.name()) ? UPHELD
                : decision.equals(Decision.OVERTURNED.name()) ? OVERTURNED : UNKNOWN;
        return new Typesetter.Style(fonts.bold, 7, TOC_LINE, c);
    }

    /** The 1-based number of every page in the document now, by page dictionary (page objects are wrappers). */
    private Map<COSDictionary, Integer> pageNumbers() {
        Map<COSDictionary, Integer> numbers = new IdentityHashMap<>();
        int n = 1;
        for (PDPage p : doc.getPages()) {
            numbers.put(p.getCOSObject(), n++);
        }
        return numbers;
    }

    private static void link(PDPage page, PDRectangle area, PDPage target, float top) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(area);
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        PDActionGoTo action = new PDActionGoTo();
        action.setDestination(destination(target, top));
        link.setAction(action);
        try {
            page.getAnnotations().add(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPageDestination destination(PDPage target, float top) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(target);
        d.setLeft(0);
        d.setTop(Math.round(top));
        return d;
    }

    private void outline(PDPage statistics, List<CaseLayout> layouts) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        if (statistics != null) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(STATISTICS);
            item.setDestination(destination(statistics, PAGE.getHeight()));
            outline.addLast(item);
        }
        for (CaseLayout l : layouts) {
            PDOutlineItem caseItem = new PDOutlineItem();
            caseItem.setTitle((l.exhibit() == null ? "" : l.exhibit() + " \u2014 ") + caseTitle(l.record()));
            caseItem.setDestination(destination(l.first(), PAGE.getHeight()));
            outline.addLast(caseItem);
            for (ItemMark m : l.items()) {
                PDOutlineItem itemItem = new PDOutlineItem();
                itemItem.setTitle("Item " + m.item().number() + " \u00b7 " + m.item().decision().name() + " \u00b7 "
                        + shorten(oneLine(m.item().request()), MAX_TITLE));
                itemItem.setDestination(destination(m.page(), m.top() + 8));
                caseItem.addLast(itemItem);
            }
            if (l.originalsFirst() != null) {
                PDOutlineItem original = new PDOutlineItem();
                original.setTitle("Original letter (" + l.originalPages()
                        + (l.originalPages() == 1 ? " page)" : " pages)"));
                original.setDestination(destination(l.originalsFirst(), l.originalsFirst().getMediaBox().getHeight()));
                caseItem.addLast(original);
            }
        }
        outline.openNode();
    }

    /** "Page N of M", the binder's title and the Bates number, at the foot of every page. */
    private void furniture() throws IOException {
        int total = doc.getNumberOfPages();
        String running = shorten(options.title(), 60);
        int index = 0;
        for (PDPage page : doc.getPages()) {
            PDRectangle box = page.getMediaBox();
            float left = box.getLowerLeftX() + MARGIN;
            float right = box.getUpperRightX() - MARGIN;
            float baseline = box.getLowerLeftY() + 30;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(left, baseline + 11);
                cs.lineTo(right, baseline + 11);
                cs.stroke();
                footerText(cs, small, left, baseline, running);
                String pageText = "Page " + (index + 1) + " of " + total;
                float centre = (left + right) / 2 - fonts.width(small.font(), small.size(), pageText) / 2;
                footerText(cs, small, centre, baseline, pageText);
                if (options.bates()) {
                    Typesetter.Style bates = new Typesetter.Style(fonts.bold, 8.5f, 10, INK);
                    String number = options.batesNumber(index);
                    footerText(cs, bates, right - fonts.width(bates.font(), bates.size(), number), baseline, number);
                }
            }
            index++;
        }
    }

    private void footerText(PDPageContentStream cs, Typesetter.Style style, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(style.font(), style.size());
        cs.setNonStrokingColor(style.color());
        cs.newLineAtOffset(x, y);
        cs.showText(fonts.safe(style.font(), text));
        cs.endText();
    }

    private void info(int cases) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(options.title());
        info.setSubject(cases + (cases == 1 ? " IMR case" : " IMR cases")
                + (options.matter() == null ? "" : " \u2014 " + options.matter()));
        if (options.preparedBy() != null) {
            info.setAuthor(options.preparedBy());
        }
        info.setCreator(PdfTextReader.BINDER_CREATOR);     // which the reader refuses as a letter
        info.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC)));
    }

    // --------------------------------------------------------------------------------------------- text

    private static String caseTitle(CaseRecord record) {
        return record.letter().caseNumber() != null ? record.letter().caseNumber() : record.id();
    }

    private static String dates(Letter letter) {
        StringJoiner j = new StringJoiner("   \u00b7   ");
        var d = letter.dates();
        if (d.decided() != null) {
            j.add("Decided " + d.decided());
        }
        if (d.assigned() != null) {
            j.add("Assigned " + d.assigned());
        }
        if (d.received() != null) {
            j.add("Received " + d.received());
        }
        if (d.urDenial() != null) {
            j.add("UR denial " + d.urDenial());
        }
        if (d.injury() != null) {
            j.add("Date of injury " + d.injury());
        }
        if (letter.priority() != null) {
            j.add("Priority " + letter.priority());
        }
        return j.toString();
    }

    private static String reviewer(Letter letter) {
        var r = letter.reviewer();
        StringBuilder s = new StringBuilder(String.join("; ", r.specialties()));
        if (!r.subspecialties().isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append("subspecialty in ").append(String.join("; ", r.subspecialties()));
        }
        if (!r.licensure().isEmpty()) {
            s.append(s.isEmpty() ? "Licensed in " : "\nLicensed in ").append(String.join(", ", r.licensure()));
        }
        return s.isEmpty() ? "not stated in the letter" : s.toString();
    }

    private static String patient(Letter letter) {
        var p = letter.patient();
        if (p.age() == null && p.sex() == null) {
            return null;
        }
        String sex = p.sex() == null ? "" : p.sex().name().toLowerCase(Locale.ROOT);
        return p.age() == null ? sex : p.age() + "-year-old" + (sex.isEmpty() ? "" : " " + sex);
    }

    private static String decisionText(Decision decision) {
        return switch (decision) {
            case UPHELD -> "Upheld \u2014 the denial stands; the treatment is not medically necessary";
            case OVERTURNED -> "Overturned \u2014 the treatment is medically necessary";
            case UNKNOWN -> "Unknown \u2014 the letter does not state the decision";
        };
    }

    private static String treatment(Treatment t) {
        if (t == null) {
            return null;
        }
        StringJoiner j = new StringJoiner(" \u00b7 ");
        if (t.name() != null) {
            j.add(t.generic() != null && !t.generic().equalsIgnoreCase(t.name())
                    ? t.name() + " (" + t.generic() + ")" : t.name());
        }
        j.add(category(t.category().name()));
        if (t.strength() != null) {
            j.add(t.strength());
        }
        if (t.quantity() != null) {
            j.add("#" + t.quantity());
        }
        if (t.sessions() != null) {
            j.add(t.sessions() + (t.sessions() == 1 ? " session" : " sessions"));
        }
        return j.toString();
    }

    /** {@code MUSCLE_RELAXANT} as "Muscle relaxant", {@code DME} as "DME" ({@link Category#label}). */
    static String category(String name) {
        return Category.valueOf(name).label();
    }

    private static String guidelines(Item item) {
        if (item.citations().isEmpty()) {
            return item.reviewerGuideline();
        }
        return item.citations().stream().map(BinderExporter::citation).collect(Collectors.joining("\n"));
    }

    private static String citation(Citation c) {
        String by = c.by() == CitedBy.REVIEWER ? "Reviewer: " : "Claims administrator: ";
        if (c.source() == CitationSource.NONE) {
            return by + "no medical evidence cited";
        }
        StringBuilder s = new StringBuilder(by).append(c.source() == CitationSource.OTHER ? "" : c.source().name());
        if (c.guideline() != null) {
            s.append(s.length() == by.length() ? "" : " ").append(c.guideline());
        }
        if (!c.sections().isEmpty()) {
            s.append(" \u2014 ").append(String.join("; ", c.sections()));
        }
        if (!c.pages().isEmpty()) {
            s.append(c.pages().size() == 1 ? " \u2014 p. " : " \u2014 pp. ")
                    .append(c.pages().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "(request not found)" : text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    /** {@code text}, cut with an ellipsis to fit {@code width} points. */
    private static String fit(Typesetter t, Typesetter.Style style, String text, float width) {
        if (t.width(style, text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 1 && t.width(style, text.substring(0, end) + "\u2026") > width) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }

    private static PDColor colour(String name) {
        Color c = switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "green" -> new Color(0x9B, 0xE5, 0x9B);
            case "blue" -> new Color(0x9C, 0xCB, 0xFF);
            case "pink", "red" -> new Color(0xFF, 0xA8, 0xC5);
            case "orange" -> new Color(0xFF, 0xC8, 0x7A);
            case "purple" -> new Color(0xD4, 0xB0, 0xF5);
            default -> hex(name).orElse(new Color(0xFF, 0xEB, 0x3B));
        };
        return new PDColor(new float[]{c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f},
                PDDeviceRGB.INSTANCE);
    }

    private static Optional<Color> hex(String name) {
        if (name != null && name.matches("#[0-9a-fA-F]{6}")) {
            return Optional.of(new Color(Integer.parseInt(name.substring(1), 16)));
        }
        return Optional.empty();
    }

    private static Calendar calendar(Annotation a) {
        return calendar(a.created());
    }

    private static Calendar calendar(java.time.Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }
}
