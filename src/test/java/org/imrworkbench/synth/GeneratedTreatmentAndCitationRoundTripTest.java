package org.imrworkbench.synth;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Treatment;
import org.imrworkbench.parse.ParsedFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrworkbench.synth.GeneratedLetterRoundTripTest.check;
import static org.imrworkbench.synth.GeneratedLetterRoundTripTest.report;

/**
 * Generated letter → {@link LetterReader} → each item's treatment and citations against the values they were
 * generated from. For the treatment normaliser and the citation parser (the branch's placeholders return nothing,
 * so this class is run once those are merged). The truth's conventions (see {@link LetterTruth.TreatmentTruth}
 * and {@link LetterTruth.CitationTruth}), which are the parser's documented rules
 * ({@link org.imrworkbench.parse.TreatmentNormalizer}, {@code resources/lexicon/treatments.tsv},
 * {@link org.imrworkbench.parse.CitationParser}):
 * <ul>
 *   <li>{@code name} is the treatment term as written in the request, compared ignoring case: the drug ("Norco"),
 *       the service ("MRI", "physical therapy"), a compound's ingredients ("Flurbiprofen/Lidocaine", without the
 *       "cream" after them). Side, level, body part and context are not part of it unless the term itself
 *       includes them: "Ankle brace" is a "brace", "Right knee arthroscopy with ..." an "arthroscopy",
 *       "Post-operative physical therapy" "physical therapy", "Platelet rich plasma injection" "Platelet rich
 *       plasma", "Transportation to and from medical appointments" "Transportation"; a term that is the name of a
 *       device, procedure or product keeps its words ("Hinged knee brace", "Lumbar support", "total knee
 *       arthroplasty", "transforaminal epidural steroid injection", "Terocin patch", "Lidocaine patch" when the
 *       form follows the name). See {@link TreatmentSpec#term()} and {@link TreatmentSpec#PRODUCT_FORMS};</li>
 *   <li>{@code generic}: a named product's ingredients in the lexicon's order, which is the order letters write
 *       their strengths (Lidopro 4%-27.5%-0.0325%: "lidocaine/methyl salicylate/capsaicin/menthol"); compounding
 *       kits (Fanatrex, Tabradol, Synapryn, Deprizine, Dicopanol) are {@code COMPOUND} with the generic of what
 *       they contain (Synapryn: "tramadol/glucosamine");</li>
 *   <li>{@code strength} as written ("10/325mg", "5mcg/hr", a compound's "20%/10%"); a package size ("121gm",
 *       "250ml") is not a strength; {@code quantity} only from "#N"; {@code sessions} from "x N", "times N
 *       sessions", "N sessions", and from a weekly frequency times a duration ("3 times a week for 4 weeks" is 12
 *       sessions, the normaliser's documented rule);</li>
 *   <li>citations in the order written, the claims administrator's first; "did not cite any medical evidence" is
 *       one citation of source NONE; {@code guideline} without its source's name and with its year after the title
 *       when one is given ("Chronic Pain Medical Treatment 2016", "Pain (Chronic)", "Chronic Pain Treatment
 *       Guidelines"; "Elbow Disorders (Revised 2007)" is "Elbow Disorders 2007"); section names that contain commas
 *       ("TENS, chronic pain (transcutaneous electrical nerve stimulation)") are one section; every page cited,
 *       ranges expanded ("98 of 127" is page 98).</li>
 * </ul>
 */
class GeneratedTreatmentAndCitationRoundTripTest {

    @Test
    void textLettersGiveTheirTreatmentsAndCitations() {
        List<String> mismatches = RoundTrip.text(0, 300, GeneratedTreatmentAndCitationRoundTripTest::compare);
        assertThat(mismatches).as(report(mismatches)).isEmpty();
    }

    @Test
    void pdfLettersGiveTheirTreatmentsAndCitations() {
        List<String> mismatches = RoundTrip.pdf(100_000, 100_030, index -> false,
                GeneratedTreatmentAndCitationRoundTripTest::compare);
        assertThat(mismatches).as(report(mismatches)).isEmpty();
    }

    private static List<String> compare(String file, LetterTruth truth, ParsedFile parsed) {
        List<String> out = new ArrayList<>();
        if (!parsed.ok()) {
            out.add(file + ": not parsed: " + parsed.error());
            return out;
        }
        List<Item> items = parsed.letter().items();
        check(out, file, "items.size", truth.items().size(), items.size());
        for (int i = 0; i < Math.min(items.size(), truth.items().size()); i++) {
            LetterTruth.TreatmentTruth expected = truth.items().get(i).treatment();
            Treatment actual = items.get(i).treatment();
            String at = "items[" + i + "].";
            check(out, file, at + "treatment.name", lower(expected.name()), lower(actual.name()));
            check(out, file, at + "treatment.generic", expected.generic(), actual.generic());
            check(out, file, at + "treatment.category", expected.category(), actual.category());
            check(out, file, at + "treatment.strength", expected.strength(), actual.strength());
            check(out, file, at + "treatment.quantity", expected.quantity(), actual.quantity());
            check(out, file, at + "treatment.sessions", expected.sessions(), actual.sessions());
            List<String> expectedCitations = truth.items().get(i).citations().stream()
                    .map(c -> c.by() + " " + c.source() + " " + c.guideline() + " " + c.sections() + " " + c.pages())
                    .toList();
            List<String> actualCitations = items.get(i).citations().stream().map(GeneratedTreatmentAndCitationRoundTripTest::describe)
                    .toList();
            check(out, file, at + "citations", expectedCitations, actualCitations);
        }
        return out;
    }

    private static String describe(Citation c) {
        return c.by() + " " + c.source() + " " + c.guideline() + " " + c.sections() + " " + c.pages();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
