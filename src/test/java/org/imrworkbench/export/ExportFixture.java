package org.imrworkbench.export;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;

/**
 * A library for export tests: the five bundled samples, plus hand-built letters with non-Latin-1 text, a request
 * with a comma, quote and line break, and a rationale long enough that a highlight must cross a page break; with
 * tags, highlights (one across a line break, one across a page break) and notes.
 */
final class ExportFixture {

    static final String UNICODE_CASE = "CM20-0000001";
    static final String LONG_CASE = "CM20-0000002";
    static final String UNICODE_SUMMARY = "The injured worker’s pain is “severe” – rated ≥ 8/10 — with ½ dose of "
            + "naproxen; seen at Clínica Café in São José. Notes 🧾 and 漢字 have no glyph in the font.";
    static final String TRICKY_REQUEST = "Norco 10/325mg, #60 \"brand only\"\nper 12/07/2016 order";
    static final String LINE_BREAK_QUOTE = "Recommended non-sedating muscle relaxants with caution as a second line "
            + "option for short term treatment of acute exacerbation in patients with chronic LBP.";
    static final String CASE_NOTE = "Call the treating physician’s office — ask for the 10/07/2014 report.";
    static final String ITEM_NOTE = "Compare with Exhibit C ≥ twice.";
    static final String HIGHLIGHT_NOTE = "Key passage – “second line” only";

    /** The sample letter with the muscle-relaxant rationale (highlighted across a line break). */
    static final String SAMPLE_WITH_HIGHLIGHTS = "L-064a118a1bfd";

    final String longQuote;

    private ExportFixture(String longQuote) {
        this.longQuote = longQuote;
    }

    static ExportFixture build(Library library) {
        new ImportService(library).importPaths(List.of(Fixtures.seeds()), ProgressListener.NONE, new Cancellation());
        Fixtures.add(library, Fixtures.letter(UNICODE_CASE, LocalDate.of(2020, 3, 4), LocalDate.of(2019, 1, 2),
                List.of("Orthopédie & Surgery"), List.of("California"), UNICODE_SUMMARY,
                Fixtures.item(TRICKY_REQUEST, Decision.OVERTURNED, Category.OPIOID, "Norco",
                        "hydrocodone/acetaminophen", "Guidelines say “use ≥ 2 weeks” – approved.",
                        CitationSource.MTUS)));
        StringBuilder rationale = new StringBuilder();
        for (int i = 1; i <= 160; i++) {
            rationale.append("Sentence ").append(i).append(" of the long rationale explains the reviewer's reasoning")
                    .append(" about physical therapy in some detail. ");
        }
        String text = rationale.toString().strip();
        Fixtures.add(library, Fixtures.letter(LONG_CASE, LocalDate.of(2018, 5, 6), null, List.of("Family Practice"),
                List.of("Texas"), "A short summary.",
                Fixtures.item("Physical therapy x 12", Decision.UPHELD, Category.PHYSICAL_THERAPY, null, null, text,
                        CitationSource.ODG)));
        int from = text.indexOf("Sentence 20 ");
        int to = text.indexOf("Sentence 90 ");
        String longQuote = text.substring(from, to).strip();

        library.tags().tagCase(SAMPLE_WITH_HIGHLIGHTS, "hearing");
        library.tags().tagCase(UNICODE_CASE, "hearing");
        library.tags().tagItem(SAMPLE_WITH_HIGHLIGHTS, 2, "Tylenol #4");
        library.annotations().highlight(SAMPLE_WITH_HIGHLIGHTS, 1, LINE_BREAK_QUOTE, HIGHLIGHT_NOTE, null, "rc");
        library.annotations().highlight(SAMPLE_WITH_HIGHLIGHTS, null, "injury date on 09/29/2008", null, "green",
                "rc");
        library.annotations().note(SAMPLE_WITH_HIGHLIGHTS, null, CASE_NOTE, null, "rc");
        library.annotations().note(SAMPLE_WITH_HIGHLIGHTS, 3, ITEM_NOTE, null, "rc");
        library.annotations().highlight(UNICODE_CASE, null, "“severe” – rated ≥ 8/10", "Café – ½ ≥ “x”", null, "rc");
        library.annotations().highlight(LONG_CASE, 1, longQuote, "Across a page break", null, "rc");
        return new ExportFixture(longQuote);
    }
}
