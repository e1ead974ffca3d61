package org.imrworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Parsing throughput, letters per second, text and PDF, on all cores: bytes in memory → parsed letter (decode or
 * PDF text extraction, normalisation, parsing, treatment and citation extraction). Run with
 * {@code mvn -B -Pbench verify}; writes {@code target/bench/parse.json}. Not part of the ordinary test run.
 */
@Tag("benchmark")
class ParseBenchmark {

    private record Input(String name, byte[] bytes) {
    }

    @Test
    void parseThroughput() throws IOException {
        List<Input> text = new ArrayList<>();
        for (Path seed : SharedCorpus.samples()) {
            text.add(new Input(seed.getFileName().toString(), Files.readAllBytes(seed)));
        }
        List<Input> pdf = new ArrayList<>();
        Path letters = SharedCorpus.corpusOrSkip().resolve("letters");
        try (Stream<Path> files = Files.list(letters)) {
            for (Path p : files.sorted().toList()) {
                pdf.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        for (Input seed : List.copyOf(text)) {
            pdf.add(new Input(seed.name() + ".pdf", new PdfMaker(46)
                    .make(PdfMaker.undoubleSpacing(new String(seed.bytes(), StandardCharsets.UTF_8)))));
        }
        LetterReader reader = new LetterReader();
        double textRate = rate(reader, text, 4000);
        double pdfRate = rate(reader, pdf, 1000);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        result.put("text_letters_per_s", Math.round(textRate));
        result.put("pdf_letters_per_s", Math.round(pdfRate));
        Path out = Path.of("target/bench/parse.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        System.out.println("parse benchmark: " + result);
    }

    /** Letters per second over {@code count} parses cycling through the inputs, after a warm-up. */
    private static double rate(LetterReader reader, List<Input> inputs, int count) {
        run(reader, inputs, count / 4);
        long start = System.nanoTime();
        run(reader, inputs, count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(LetterReader reader, List<Input> inputs, int count) {
        long failed = java.util.stream.IntStream.range(0, count).parallel()
                .mapToObj(i -> inputs.get(i % inputs.size()))
                .map(in -> reader.read(in.name(), in.bytes()))
                .filter(r -> !r.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " letters failed to parse in the benchmark");
        }
    }
}
