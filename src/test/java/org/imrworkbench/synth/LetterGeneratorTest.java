package org.imrworkbench.synth;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.parse.LetterReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Determinism and realistic variety of the synthetic letters. */
class LetterGeneratorTest {

    private static final int SAMPLE = 2_000;
    private static List<GeneratedLetter> letters;

    @BeforeAll
    static void generate() {
        LetterGenerator generator = new LetterGenerator(42);
        letters = LongStream.range(0, SAMPLE).mapToObj(generator::generate).toList();
    }

    @Test
    void theSameSeedAndIndexGiveTheSameBytes() {
        LetterGenerator a = new LetterGenerator(42);
        LetterGenerator b = new LetterGenerator(42);
        for (long index : new long[]{0, 1, 17, 999, 123_456}) {
            assertThat(b.generate(index).textBytes()).isEqualTo(a.generate(index).textBytes());
            assertThat(b.generate(index).truth()).isEqualTo(a.generate(index).truth());
        }
        // out of order and in parallel: still the same letters
        List<String> parallel = LongStream.range(0, 200).parallel().mapToObj(i -> a.generate(199 - i).text())
                .toList();
        for (int i = 0; i < 200; i++) {
            assertThat(parallel.get(i)).isEqualTo(letters.get(199 - i).text());
        }
    }

    @Test
    void pdfsAreByteIdenticalForTheSameLetter() {
        GeneratedLetter letter = new LetterGenerator(7).generate(3);
        assertThat(LetterReader.sha256(new PdfLetterWriter(true).write(letter)))
                .isEqualTo(LetterReader.sha256(new PdfLetterWriter(true).write(letter)));
    }

    @Test
    void differentSeedsGiveDifferentLetters() {
        assertThat(new LetterGenerator(1).generate(0).text()).isNotEqualTo(new LetterGenerator(2).generate(0).text());
    }

    @Test
    void caseNumbersAreWellFormedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (GeneratedLetter letter : letters) {
            assertThat(seen.add(letter.baseName())).as(letter.baseName()).isTrue();
            String caseNumber = letter.truth().caseNumber();
            if (letter.rendering() == Rendering.HEADER_2016) {
                assertThat(caseNumber).matches("CM1[67]-\\d{7}").isEqualTo(letter.baseName());
            } else {
                assertThat(caseNumber).isNull();
            }
        }
    }

    @Test
    void bothRenderingsAppearAndLookLikeTheRealOnes() {
        List<GeneratedLetter> seeds = letters.stream().filter(l -> l.rendering() == Rendering.SEED_2014).toList();
        List<GeneratedLetter> headers = letters.stream().filter(l -> l.rendering() == Rendering.HEADER_2016).toList();
        assertThat(seeds).hasSizeGreaterThan(SAMPLE / 5);
        assertThat(headers).hasSizeGreaterThan(SAMPLE / 2);
        String seed = seeds.get(0).text();
        assertThat(seed).startsWith(" HOW THE IMR FINAL DETERMINATION WAS MADE \n\n").doesNotContain("Case Number:");
        assertThat(seed.split("\n", -1)).as("every line followed by an empty line")
                .filteredOn(line -> !line.isEmpty()).hasSizeLessThan(seed.split("\n", -1).length / 2 + 1);
        String header = headers.get(0).text();
        assertThat(header).startsWith(" \nCase Number: CM1").contains("Priority:  Standard Application \nReceived:  \n")
                .contains("\nState(s) of Licensure: ").contains("\nCertification(s)/Specialty: ");
        for (GeneratedLetter letter : letters) {
            String text = letter.text();
            assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).as(letter.baseName())
                    .isBetween(85, 110);
            assertThat(text.chars().allMatch(c -> c == '\n' || c >= 32 && c < 127)).isTrue();
        }
    }

    @Test
    void itemsVaryLikeTheRealLetters() {
        IntSummaryStatistics counts = letters.stream().mapToInt(l -> l.truth().items().size()).summaryStatistics();
        assertThat(counts.getMin()).isEqualTo(1);
        assertThat(counts.getMax()).isEqualTo(15);
        long upToThree = letters.stream().filter(l -> l.truth().items().size() <= 3).count();
        assertThat(upToThree).as("most letters have one to three items").isGreaterThan(SAMPLE * 6 / 10);

        List<LetterTruth.ItemTruth> items = new ArrayList<>();
        letters.forEach(l -> items.addAll(l.truth().items()));
        double overturned = items.stream().filter(i -> i.decision() == Decision.OVERTURNED).count()
                / (double) items.size();
        assertThat(overturned).isBetween(0.08, 0.16);

        Set<Category> categories = EnumSet.noneOf(Category.class);
        items.forEach(i -> categories.add(i.treatment().category()));
        assertThat(categories).isEqualTo(EnumSet.complementOf(EnumSet.of(Category.OTHER)));

        assertThat(items).filteredOn(i -> i.partial() != null && i.partial().disputed() != null
                && i.request().equals(i.partial().disputed())).isNotEmpty();
        assertThat(items).filteredOn(LetterTruth.ItemTruth::retrospective).hasSizeGreaterThan(items.size() / 20);
        assertThat(items).filteredOn(i -> i.serviceDate() != null).isNotEmpty();
        Set<CitationSource> sources = EnumSet.noneOf(CitationSource.class);
        items.forEach(i -> i.citations().forEach(c -> sources.add(c.source())));
        assertThat(sources).contains(CitationSource.MTUS, CitationSource.ODG, CitationSource.ACOEM,
                CitationSource.NONE);
        assertThat(items).flatMap(LetterTruth.ItemTruth::citations).filteredOn(c -> !c.pages().isEmpty())
                .isNotEmpty();
    }

    @Test
    void partialAuthorisationsUseBothWordings() {
        List<String> texts = letters.stream().map(GeneratedLetter::text).map(t -> t.replaceAll("\\s+", " "))
                .toList();
        assertThat(texts).anyMatch(t -> t.contains("was authorized by the Claims Administrator. The remaining IMR "
                + "eligible portion of the original request,"));
        assertThat(texts).anyMatch(t -> t.contains(", leaving the original request IMR eligible. The original "
                + "request,"));
        assertThat(texts).anyMatch(t -> t.contains("The Claims Administrator did not cite any medical evidence "
                + "for its decision."));
    }

    @Test
    void corpusWriterWritesLettersAndTruthInIndexOrder(@TempDir Path dir) throws IOException {
        CorpusWriter writer = new CorpusWriter(5, 0.25, true);
        writer.write(dir, 40);
        List<String> truth = Files.readAllLines(dir.resolve("truth.jsonl"));
        assertThat(truth).hasSize(40);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(41);
        }
        LetterGenerator generator = new LetterGenerator(5);
        for (int i = 0; i < 40; i++) {
            GeneratedLetter letter = generator.generate(i);
            String file = letter.baseName() + (writer.isPdf(i) ? ".pdf" : ".txt");
            assertThat(truth.get(i)).startsWith("{\"file\":\"" + file + "\"");
            assertThat(dir.resolve(file)).exists();
        }
        assertThat(LongStream.range(0, 40).filter(writer::isPdf).count()).isBetween(3L, 20L);
    }
}
