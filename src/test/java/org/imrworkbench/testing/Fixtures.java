package org.imrworkbench.testing;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.NewLetter;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.ItemSpans;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.LetterDates;
import org.imrworkbench.model.LetterSpans;
import org.imrworkbench.model.Patient;
import org.imrworkbench.model.Reviewer;
import org.imrworkbench.model.Span;
import org.imrworkbench.model.Treatment;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test data: the shared seeds and corpus (skipping when absent), hand-built letters, seed PDFs. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The seed letters: bundled with the project as its sample library, so always present. */
    public static Path seeds() {
        return Path.of("resources/samples");
    }

    /**
     * A library at {@code file} (new or not) with the seed letters imported, as the app's sample library; the caller
     * closes it. Fails when a seed cannot be imported.
     */
    public static Library seedLibrary(Path file) {
        Library library = Library.open(file);
        try {
            ImportReport report = new ImportService(library).importPaths(List.of(seeds()), ProgressListener.NONE,
                    new Cancellation());
            if (!report.failed().isEmpty()) {
                throw new IllegalStateException("seed letters not imported: " + report.failed());
            }
            return library;
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
    }

    /** The corpus of real letters; skips the test when the shared folder is absent. */
    public static Path corpusLetters() {
        return SharedCorpus.corpusOrSkip().resolve("letters");
    }

    public static List<Path> seedFiles() {
        return SharedCorpus.samples();
    }

    /** labels.tsv by case number; skips the test when the shared folder is absent. */
    public static Map<String, SharedCorpus.Label> labels() {
        Map<String, SharedCorpus.Label> labels = new TreeMap<>();
        for (SharedCorpus.Label label : SharedCorpus.labels()) {
            labels.put(label.caseNumber(), label);
        }
        return labels;
    }

    /** A PDF of a seed letter, laid out as a word processor would (see {@link PdfMaker}). */
    public static byte[] pdfOf(String seedText) {
        return new PdfMaker(50).make(PdfMaker.undoubleSpacing(seedText));
    }

    /**
     * The three-item sample letter (Xanax among its items) edited so that the parser warns three times: a paragraph
     * before the first disputed item it cannot place, item 2 without its "Decision rationale:" label and item 3
     * without its "MAXIMUS guideline:" label.
     */
    public static String sampleWithWarnings() {
        String text;
        try {
            text = Files.readString(seeds().resolve("004_5511c3491886de4b.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String intro = "The Final Determination was based on decisions for the disputed items/services set forth "
                + "below: \n\n \n";
        String note = "Please note that the requesting physician's office was closed for the holidays from "
                + "12/22/14 to \n\n01/02/15, so some records were received late and were added to the case file "
                + "afterwards. \n \n\n";
        String rationale = "Decision rationale: According to the 10/07/2014 report";
        String guideline = "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines";
        int second = text.indexOf(rationale, text.indexOf(rationale) + 1);
        int third = text.indexOf(guideline, text.indexOf(guideline, text.indexOf(guideline) + 1) + 1);
        if (!text.contains(intro) || second < 0 || third < 0) {
            throw new IllegalStateException("the sample letter is not as this edit expects");
        }
        // from the end, so the earlier places stay where they were found
        text = text.substring(0, third) + text.substring(third + "MAXIMUS guideline: ".length());
        text = text.substring(0, second) + text.substring(second + "Decision rationale: ".length());
        return text.replace(intro, intro + note);
    }

    /**
     * A letter's text changed so that its parse needs checking, as a damaged or unusual letter would: without its
     * "CLINICAL CASE SUMMARY" heading (the parser warns it found none and that text was not placed), or with
     * {@code withoutDecisions} without the "Upheld"/"Overturned" after each request (it warns the letter does not say).
     */
    public static String needingCheck(String text, boolean withoutDecisions) {
        String changed = withoutDecisions
                ? text.replaceAll("(?m):[ \\t]*(Upheld|Overturned)[ \\t]*$", ":")
                : text.replaceFirst("(?m)^[ \\t]*CLINICAL CASE SUMMARY[ \\t]*$", " ");
        if (changed.equals(text)) {
            throw new IllegalArgumentException("nothing to take out of this letter");
        }
        return changed;
    }

    /** The letter with these parser warnings (instead of its own). */
    public static Letter withWarnings(Letter l, String... warnings) {
        return new Letter(l.caseNumber(), l.priority(), l.dates(), l.reviewer(), l.patient(), l.summary(), l.items(),
                List.of(warnings), l.text(), l.spans());
    }

    // ------------------------------------------------------------------------------ hand-built letters

    /** An item to build: treatment, decision, rationale and the sources its reviewer cites. */
    public record ItemSpec(String request, Decision decision, Category category, String name, String generic,
                           String rationale, List<CitationSource> sources) {
    }

    public static ItemSpec item(String request, Decision decision, Category category, String name, String generic,
                                String rationale, CitationSource... sources) {
        return new ItemSpec(request, decision, category, name, generic, rationale, List.of(sources));
    }

    /**
     * A letter whose text holds its fields, with spans, as the parser would give: header, summary, and per item
     * request, decision and rationale.
     */
    public static Letter letter(String caseNumber, LocalDate decided, LocalDate injury, List<String> specialties,
                                List<String> licensure, String summary, ItemSpec... items) {
        StringBuilder text = new StringBuilder();
        Span caseSpan = null;
        if (caseNumber != null) {
            text.append("Case Number: ");
            caseSpan = new Span(text.length(), text.length() + caseNumber.length());
            text.append(caseNumber).append('\n');
        }
        text.append("CLINICAL CASE SUMMARY\n");
        Span summarySpan = new Span(text.length(), text.length() + summary.length());
        text.append(summary).append('\n');
        text.append("IMR ISSUES, DECISIONS AND RATIONALES\n");
        List<Item> built = new ArrayList<>();
        int number = 1;
        for (ItemSpec it : items) {
            Span request = new Span(text.length(), text.length() + it.request().length());
            text.append(it.request()).append(": ");
            String word = it.decision() == Decision.OVERTURNED ? "Overturned" : "Upheld";
            Span decisionSpan = new Span(text.length(), text.length() + word.length());
            text.append(word).append("\nDecision rationale: ");
            Span rationale = new Span(text.length(), text.length() + it.rationale().length());
            text.append(it.rationale()).append('\n');
            List<Citation> citations = it.sources().stream()
                    .map(s -> new Citation(CitedBy.REVIEWER, s, s.name() + " guideline", List.of(), List.of(), null))
                    .toList();
            Span nameSpan = it.name() == null ? null : span(it.request(), it.name(), request.start());
            built.add(new Item(number++, it.request(), it.decision(), false, null, null,
                    new Treatment(it.name(), it.generic(), it.category(), null, null, null, nameSpan), null, null,
                    citations, it.rationale(), new ItemSpans(null, request, decisionSpan, null, null, null,
                    rationale)));
        }
        LetterSpans spans = new LetterSpans(caseSpan, null, null, null, null, null, null, null, null, null,
                summarySpan);
        return new Letter(caseNumber, "Standard", new LetterDates(null, decided, injury, null, null),
                new Reviewer(specialties, List.of(), true, licensure), Patient.NONE, summary, built, List.of(),
                text.toString(), spans);
    }

    private static Span span(String request, String name, int offset) {
        int at = request.indexOf(name);
        return at < 0 ? null : new Span(offset + at, offset + at + name.length());
    }

    /** Adds a hand-built letter to a library as a text file named after its case number. */
    public static String add(Library library, Letter letter) {
        return library.add(newLetter(letter)).id();
    }

    /** A hand-built letter to add, as {@link #add} adds it: a text file named after its case number. */
    public static NewLetter newLetter(Letter letter) {
        byte[] bytes = letter.text().getBytes(StandardCharsets.UTF_8);
        String name = (letter.caseNumber() == null ? "letter" : letter.caseNumber()) + ".txt";
        return new NewLetter(name, LetterReader.sha256(bytes), "TEXT", "UTF-8", bytes, letter, "test");
    }

    /** The first row of a query of whole numbers, each column as a long; its parameters bound in order. */
    public static long[] longs(Library library, String sql, Object... parameters) {
        return library.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AssertionError("no row: " + sql);
                    }
                    long[] row = new long[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    return row;
                }
            }
        });
    }
}
