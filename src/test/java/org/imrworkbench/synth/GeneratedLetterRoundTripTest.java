package org.imrworkbench.synth;

import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.parse.ParsedFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated letter → {@link LetterReader} → the values it was generated from: case number, priority, dates,
 * reviewer, patient, the case summary, no warning of text left over in the "HOW THE IMR FINAL DETERMINATION WAS
 * MADE" section, and each item's request, decision, retrospective flag, service date, partial authorisation,
 * guideline statements and rationale (prose compared word for word). Treatments and citations are compared by
 * {@link GeneratedTreatmentAndCitationRoundTripTest}.
 */
class GeneratedLetterRoundTripTest {

    @Test
    void textLettersParseToTheirTruth() {
        List<String> mismatches = RoundTrip.text(0, 300, GeneratedLetterRoundTripTest::compare);
        assertThat(mismatches).as(report(mismatches)).isEmpty();
    }

    @Test
    void pdfLettersParseToTheirTruth() {
        List<String> mismatches = RoundTrip.pdf(100_000, 100_030, index -> index % 2 == 0,
                GeneratedLetterRoundTripTest::compare);
        assertThat(mismatches).as(report(mismatches)).isEmpty();
    }

    /** Every difference between what the parser read and the truth, one line each. */
    static List<String> compare(String file, LetterTruth truth, ParsedFile parsed) {
        List<String> out = new ArrayList<>();
        if (!parsed.ok()) {
            out.add(file + ": not parsed: " + parsed.error());
            return out;
        }
        Letter letter = parsed.letter();
        check(out, file, "caseNumber", truth.caseNumber(), letter.caseNumber());
        check(out, file, "priority", truth.priority(), letter.priority());
        check(out, file, "dates.injury", truth.dates().injury(), letter.dates().injury());
        check(out, file, "dates.assigned", truth.dates().assigned(), letter.dates().assigned());
        check(out, file, "dates.decided", truth.dates().decided(), letter.dates().decided());
        check(out, file, "dates.urDenial", truth.dates().urDenial(), letter.dates().urDenial());
        check(out, file, "dates.received", truth.dates().received(), letter.dates().received());
        check(out, file, "reviewer.specialties", truth.reviewer().specialties(), letter.reviewer().specialties());
        check(out, file, "reviewer.subspecialties", truth.reviewer().subspecialties(),
                letter.reviewer().subspecialties());
        check(out, file, "reviewer.boardCertified", truth.reviewer().boardCertified(),
                letter.reviewer().boardCertified());
        check(out, file, "reviewer.licensure", truth.reviewer().licensure(), letter.reviewer().licensure());
        check(out, file, "patient.age", truth.patient().age(), letter.patient().age());
        check(out, file, "patient.sex", truth.patient().sex(), letter.patient().sex());
        check(out, file, "summary", words(truth.summary()), words(letter.summary()));
        // the generator writes the "HOW THE IMR FINAL DETERMINATION WAS MADE" section's boilerplate only
        check(out, file, "warnings of the HOW section", List.of(), letter.warnings().stream()
                .filter(w -> w.contains("HOW THE IMR FINAL DETERMINATION WAS MADE")).toList());
        check(out, file, "items.size", truth.items().size(), letter.items().size());
        int n = Math.min(truth.items().size(), letter.items().size());
        for (int i = 0; i < n; i++) {
            LetterTruth.ItemTruth expected = truth.items().get(i);
            Item actual = letter.items().get(i);
            String at = "items[" + i + "].";
            check(out, file, at + "request", expected.request(), actual.request());
            check(out, file, at + "decision", expected.decision(), actual.decision());
            check(out, file, at + "retrospective", expected.retrospective(), actual.retrospective());
            check(out, file, at + "serviceDate", expected.serviceDate(), actual.serviceDate());
            check(out, file, at + "claimsAdministratorGuideline", words(expected.claimsAdministratorGuideline()),
                    words(actual.claimsAdministratorGuideline()));
            check(out, file, at + "reviewerGuideline", words(expected.reviewerGuideline()),
                    words(actual.reviewerGuideline()));
            check(out, file, at + "rationale", words(expected.rationale()), words(actual.rationale()));
            if (truth.items().size() != letter.items().size() && !expected.request().equals(actual.request())) {
                break; // the items are out of step from here on: the first difference says why
            }
            LetterTruth.PartialTruth p = expected.partial();
            check(out, file, at + "partial", p == null ? null : List.of(p.originalRequest(), nn(p.authorized()),
                    nn(p.disputed())), actual.partial() == null ? null : List.of(nn(actual.partial().originalRequest()),
                    nn(actual.partial().authorized()), nn(actual.partial().disputed())));
        }
        return out;
    }

    /**
     * Prose with its white space made single spaces. Paragraph breaks are not compared: where the empty line
     * between two paragraphs falls at the top of a page it is lost from the 2016–17 text, as in real letters.
     */
    private static String words(String prose) {
        return prose == null ? null : prose.replaceAll("\\s+", " ");
    }

    private static String nn(String s) {
        return s == null ? "(null)" : s;
    }

    static void check(List<String> out, String file, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(file + " " + field + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** The mismatches, at most 40, for the assertion's description. */
    static String report(List<String> mismatches) {
        return mismatches.size() + " mismatches:\n" + String.join("\n",
                mismatches.subList(0, Math.min(40, mismatches.size())));
    }
}
