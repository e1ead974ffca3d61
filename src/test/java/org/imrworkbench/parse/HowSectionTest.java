package org.imrworkbench.parse;

import org.imrworkbench.model.Letter;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "HOW THE IMR FINAL DETERMINATION WAS MADE" section: its boilerplate and the reviewer's credentials are placed;
 * any other text in it is reported in a warning that quotes it, never dropped silently. Both renderings: the
 * 2014–15 seeds (every line followed by a blank line, prose credentials) and the 2016–17 PDFs (a header block,
 * labelled credentials).
 */
class HowSectionTest {

    private static final String HOW = "\"HOW THE IMR FINAL DETERMINATION WAS MADE\"";

    /** The 2016–17 letters' first page as the PDF lays it out (CM16-0213037 with its values changed). */
    private static final List<String> PAGE_2016 = List.of(
            "Case Number: CM16-0000001",
            "Date Assigned: 11/09/2016 Date of Injury: 10/13/2016",
            "Decision Date: 12/09/2016 UR Denial Date: 11/03/2016",
            "Priority: Standard Application Received: 11/03/2016",
            "",
            "HOW THE IMR FINAL DETERMINATION WAS MADE",
            "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no",
            "affiliation with the employer, employee, providers or the claims administrator. He/she has been",
            "in active clinical practice for more than five years and is currently working at least 24 hours a",
            "week in active practice. The expert reviewer was selected based on his/her clinical experience,",
            "education, background, and expertise in the same or similar specialties that evaluate and/or treat",
            "the medical condition and disputed items/Service. He/she is familiar with governing laws and",
            "regulations, including the strength of evidence hierarchy that applies to Independent Medical",
            "Review determinations.",
            "",
            "The Expert Reviewer has the following credentials:",
            "State(s) of Licensure: California,North Carolina",
            "Certification(s)/Specialty: Family Practice",
            "",
            "CLINICAL CASE SUMMARY",
            "The expert reviewer developed the following clinical case summary based on a review of the",
            "case file, including all medical records:",
            "",
            "The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.",
            "",
            "IMR ISSUES, DECISIONS AND RATIONALES",
            "The Final Determination was based on decisions for the disputed items/services set forth below:",
            "",
            "Physical therapy 2 times a week for 4 weeks for the right shoulder: Upheld",
            "",
            "Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.",
            "",
            "MAXIMUS guideline: Decision based on MTUS Physical Medicine 2009.",
            "",
            "Decision rationale: The request is not medically necessary.");

    private final LetterReader reader = new LetterReader();

    private Letter readText(String name, String text) {
        ParsedFile parsed = reader.read(name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.error()).as(name).isNull();
        SpanInvariants.assertConsistent(parsed.letter());
        return parsed.letter();
    }

    private Letter readPdf(List<String> lines) {
        ParsedFile parsed = reader.read("letter.pdf", new PdfMaker(60).make(lines));
        assertThat(parsed.error()).isNull();
        SpanInvariants.assertConsistent(parsed.letter());
        return parsed.letter();
    }

    /** {@link #PAGE_2016} with {@code inserted} lines put in before the line starting with {@code before}. */
    private static List<String> page2016With(String before, String... inserted) {
        List<String> lines = new java.util.ArrayList<>(PAGE_2016);
        int at = 0;
        while (!lines.get(at).startsWith(before)) {
            at++;
        }
        lines.addAll(at, List.of(inserted));
        return lines;
    }

    private static String seed(int index) throws IOException {
        return Files.readString(SharedCorpus.samples().get(index));
    }

    /** The warning for {@code text} left over in the section: it quotes the text's start. */
    private static String unplaced(String text) {
        return "text in the " + HOW + " section not placed: \"" + LetterParser.abbreviate(text) + "\"";
    }

    private static List<String> howWarnings(Letter letter) {
        return letter.warnings().stream().filter(w -> w.contains(HOW)).toList();
    }

    @Test
    void theBoilerplateAndCredentialsAreRecognisedInBothRenderings() throws IOException {
        Letter pdf = readPdf(PAGE_2016);
        assertThat(pdf.warnings()).isEmpty();
        assertThat(pdf.reviewer().licensure()).containsExactly("California", "North Carolina");
        for (int i = 0; i < SharedCorpus.samples().size(); i++) {
            Letter seed = readText("seed.txt", seed(i));
            assertThat(seed.warnings()).as("seed " + i).isEmpty();
            // the same seed laid out as a PDF, one line a line
            Letter asPdf = readPdf(PdfMaker.undoubleSpacing(seed(i)));
            assertThat(asPdf.warnings()).as("seed " + i + " as a PDF").isEmpty();
        }
    }

    @Test
    void aCaseSpecificParagraphInThe2016SectionIsWarnedWithAQuote() {
        Letter letter = readPdf(page2016With("The Expert Reviewer has the following credentials:",
                "The reviewer also considered the supplemental report of Dr. Smith dated",
                "11/20/2016, received after the application.", ""));
        assertThat(howWarnings(letter)).containsExactly(unplaced("The reviewer also considered the supplemental "
                + "report of Dr. Smith dated 11/20/2016, received after the application."));
        // everything else is read as before
        assertThat(letter.reviewer().licensure()).containsExactly("California", "North Carolina");
        assertThat(letter.reviewer().specialties()).containsExactly("Family Practice");
        assertThat(letter.items()).hasSize(1);
        assertThat(letter.warnings()).hasSize(1);
    }

    @Test
    void anItemHeadingPlacedInTheSectionIsWarnedNotDropped() {
        Letter letter = readPdf(page2016With("The Expert Reviewer has the following credentials:",
                "Norco 10/325mg #60: Upheld", ""));
        assertThat(howWarnings(letter)).containsExactly(
                unplaced("Norco 10/325mg #60: Upheld"));
        assertThat(letter.items()).hasSize(1);
    }

    @Test
    void textAfterTheLabelledCredentialsIsWarned() {
        Letter letter = readPdf(page2016With("CLINICAL CASE SUMMARY", "Peer to peer: not reached.", ""));
        assertThat(howWarnings(letter)).containsExactly(
                unplaced("Peer to peer: not reached."));
    }

    @Test
    void aParagraphInsertedInTheSeedsRenderingIsWarned() throws IOException {
        String seed = seed(0);
        String end = "Independent Medical Review determinations. \n\n \n\n";
        assertThat(seed).contains(end);
        String inserted = seed.replace(end, end + "Addendum: the reviewer spoke with the treating physician \n\n"
                + "on 12/01/2014. \n\n \n\n");
        Letter letter = readText("seed.txt", inserted);
        assertThat(howWarnings(letter)).containsExactly(
                unplaced("Addendum: the reviewer spoke with the treating physician on 12/01/2014."));
        Letter original = readText("seed.txt", seed);
        assertThat(letter.reviewer()).isEqualTo(original.reviewer());
        assertThat(letter.summary()).isEqualTo(original.summary());
    }

    @Test
    void aSentenceAddedInsideTheBoilerplateParagraphIsQuotedAlone() throws IOException {
        String seed = seed(3);
        String sentence = "He/she is familiar with governing laws and regulations, including the strength of \n\n"
                + "evidence hierarchy that applies to Independent Medical Review determinations. \n\n";
        assertThat(seed).contains(sentence);
        Letter letter = readText("seed.txt", seed.replace(sentence, "He/she reviewed 212 pages of records. \n\n"
                + sentence));
        assertThat(howWarnings(letter)).containsExactly(
                unplaced("He/she reviewed 212 pages of records."));
        assertThat(letter.reviewer().specialties()).containsExactly("Anesthesiology");
        assertThat(letter.reviewer().subspecialties()).containsExactly("Pain Management");
    }

    @Test
    void withoutTheLaterHeadingsTheSectionEndsAtTheFirstItem() {
        List<String> lines = new java.util.ArrayList<>(PAGE_2016);
        lines.removeIf(l -> l.equals("CLINICAL CASE SUMMARY") || l.equals("IMR ISSUES, DECISIONS AND RATIONALES"));
        int summary = lines.indexOf("The injured worker is a 48 year old male who sustained an industrial injury "
                + "on 10-13-16.");
        lines.set(summary, "A stray line of the summary.");
        Letter letter = readPdf(lines);
        assertThat(letter.items()).hasSize(1);
        // the section runs to the first item: what stands before it is reported, the item is not
        assertThat(howWarnings(letter)).containsExactly(
                unplaced("The expert reviewer developed the following clinical case summary based on a review of "
                        + "the case file, including all medical records:"),
                unplaced("A stray line of the summary."),
                unplaced("The Final Determination was based on decisions for the disputed items/services set forth "
                        + "below:"));
    }

    @Test
    void credentialsInProseThatAreNotTheBoilerplateAreStillRead() throws IOException {
        // a reworded sentence around the credentials: they are read, and the rewording is reported
        String seed = seed(0);
        String reworded = seed.replace("He/she has been in active clinical practice for more than five years",
                "He/she has been in practice for many years");
        assertThat(reworded).isNotEqualTo(seed);
        Letter letter = readText("seed.txt", reworded);
        assertThat(letter.reviewer().specialties()).containsExactly("Occupational Medicine");
        assertThat(howWarnings(letter)).containsExactly(unplaced("He/she has been in practice for many years and is "
                + "currently working at least 24 hours a week in active practice."));
    }
}
