package org.imrworkbench.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.imrworkbench.testutil.SharedCorpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random and mangled letters: the reader never throws, and what it returns is consistent. */
class ParserFuzzTest {

    private static final LetterReader READER = new LetterReader();
    private static final List<String> SEEDS = SharedCorpus.samples().stream().map(p -> {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }).toList();

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 3000) byte[] bytes, @ForAll boolean namedPdf) {
        ParsedFile result = READER.read(namedPdf ? "x.pdf" : "x.txt", bytes);
        if (result.ok()) {
            SpanInvariants.assertConsistent(result.letter());
        } else {
            assertThat(result.error()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Property(tries = 300)
    void mangledLettersNeverThrowAndStayConsistent(@ForAll("mangledLetters") String text) {
        ParsedFile result = READER.read("mangled.txt", text.getBytes(StandardCharsets.UTF_8));
        if (result.ok()) {
            SpanInvariants.assertConsistent(result.letter());
        } else {
            assertThat(result.error()).isNotBlank().doesNotContain("Exception");
        }
    }

    /** Seeds cut, shuffled by lines, with lines deleted, duplicated, or garbage spliced in. */
    @Provide
    Arbitrary<String> mangledLetters() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, SEEDS.size() - 1);
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 10_000).list().ofMaxSize(25);
        Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(40);
        return net.jqwik.api.Combinators.combine(seed, edits, garbage).as((s, ops, junk) -> {
            List<String> lines = new ArrayList<>(List.of(SEEDS.get(s).split("\n", -1)));
            for (int op : ops) {
                if (lines.isEmpty()) {
                    break;
                }
                int at = op % lines.size();
                switch (op % 5) {
                    case 0 -> lines.remove(at);
                    case 1 -> lines.add(at, lines.get((op / 5) % lines.size()));
                    case 2 -> lines.add(at, junk);
                    case 3 -> lines.set(at, lines.get(at).substring(0, lines.get(at).length() / 2));
                    default -> lines.add(at, lines.remove((op / 7) % lines.size()));
                }
            }
            return String.join("\n", lines);
        });
    }
}
