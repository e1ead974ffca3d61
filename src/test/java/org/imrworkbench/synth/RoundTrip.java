package org.imrworkbench.synth;

import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/** Generates letters, reads them back with the parser, and collects what a check finds different from the truth. */
final class RoundTrip {

    /** One comparison of a parsed letter with its truth: every difference, one line each. */
    interface Check {
        List<String> compare(String file, LetterTruth truth, ParsedFile parsed);
    }

    private static final LetterGenerator GENERATOR = new LetterGenerator(20_250_607L);
    private static final LetterReader READER = new LetterReader();

    private RoundTrip() {
    }

    /** Letters {@code from .. to - 1} as text files. */
    static List<String> text(long from, long to, Check check) {
        List<String> mismatches = new ArrayList<>();
        for (long index = from; index < to; index++) {
            GeneratedLetter letter = GENERATOR.generate(index);
            String file = letter.baseName() + ".txt";
            mismatches.addAll(check.compare(file, letter.truth(), READER.read(file, letter.textBytes())));
        }
        return mismatches;
    }

    /** Letters {@code from .. to - 1} as PDFs, with page numbers on those {@code pageNumbers} accepts. */
    static List<String> pdf(long from, long to, LongPredicate pageNumbers, Check check) {
        List<String> mismatches = new ArrayList<>();
        for (long index = from; index < to; index++) {
            GeneratedLetter letter = GENERATOR.generate(index);
            String file = letter.baseName() + ".pdf";
            byte[] pdf = new PdfLetterWriter(pageNumbers.test(index)).write(letter);
            mismatches.addAll(check.compare(file, letter.truth(), READER.read(file, pdf)));
        }
        return mismatches;
    }
}
