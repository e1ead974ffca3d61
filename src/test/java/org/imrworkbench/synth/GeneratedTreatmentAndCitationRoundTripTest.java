package org.imrworkbench.synth;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Treatment;
import org.imrworkbench.parse.LetterReader;
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
 * and {@link LetterTruth.CitationTruth}):
 * <ul>
 *   <li>{@code name} is the treatment as written in the request ("Norco", "MRI", "physical therapy", a compound's
 *       "Flurbiprofen/Lidocaine"); compared ignoring case;</li>
 *   <li>{@code strength} as written ("10/325mg", "5mcg/hr", "20%/10%"); {@code quantity} only from "#N";
 *       {@code sessions} only from "x N", "times N sessions", "N sessions" (never from "2 times a week for
 *       6 weeks");</li>
 *   <li>citations in the order written, the claims administrator's first; "did not cite any medical evidence" is
 *       one citation of source NONE; {@code guideline} without its source's name ("Chronic Pain Medical Treatment
 *       2016", "Pain (Chronic)", "Chronic Pain Treatment Guidelines"); section names that contain commas
 *       ("TENS, chronic pain (transcutaneous electrical nerve stimulation)") are one section; every page cited,
 *       ranges expanded ("98 of 127" is page 98).</li>
 * </ul>
 */
class GeneratedTreatmentAndCitationRoundTripTest {

    private static final LetterGenerator GENERATOR = new LetterGenerator(20_250_607L);
    private final LetterReader reader = new LetterReader();

    @Test
    void textLettersGiveTheirTreatmentsAndCitations() {
        List<String> mismatches = new ArrayList<>();
        for (long index = 0; index < 300; index++) {
            GeneratedLetter letter = GENERATOR.generate(index);
            String file = letter.baseName() + ".txt";
            mismatches.addAll(compare(file, letter.truth(), reader.read(file, letter.textBytes())));
        }
        assertThat(mismatches).as(report(mismatches)).isEmpty();
    }

    @Test
    void pdfLettersGiveTheirTreatmentsAndCitations() {
        List<String> mismatches = new ArrayList<>();
        for (long index = 100_000; index < 100_030; index++) {
            GeneratedLetter letter = GENERATOR.generate(index);
            String file = letter.baseName() + ".pdf";
            mismatches.addAll(compare(file, letter.truth(), reader.read(file, new PdfLetterWriter(false).write(letter))));
        }
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
