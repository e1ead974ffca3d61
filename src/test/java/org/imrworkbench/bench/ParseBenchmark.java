package org.imrworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.synth.GeneratedLetter;
import org.imrworkbench.synth.LetterGenerator;
import org.imrworkbench.synth.PdfLetterWriter;
import org.imrworkbench.synth.Rendering;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Parsing throughput, letters per second, text and PDF, on all cores: bytes in memory → parsed letter (decode or
 * PDF text extraction, normalisation, parsing, treatment and citation extraction), over synthetic letters of both
 * renderings (the seeds' and the 2016–17 letters' with header) from the generator of {@code synth}. Also the CPU
 * time per letter on one thread, which a busy machine disturbs less than the wall-clock rate. Run with
 * {@code mvn -B -Pbench verify}; writes {@code target/bench/parse.json}. Not part of the ordinary test run.
 */
@Tag("benchmark")
class ParseBenchmark {

    private static final long SEED = 11;
    private static final int DISTINCT_TEXT = 800;
    private static final int DISTINCT_PDF = 200;

    private record Input(String name, Rendering rendering, byte[] bytes) {
    }

    @Test
    void parseThroughput() throws IOException {
        LetterGenerator generator = new LetterGenerator(SEED);
        PdfLetterWriter pdfWriter = new PdfLetterWriter(false);
        List<Input> text = new ArrayList<>();
        List<Input> pdf = new ArrayList<>();
        for (int i = 0; i < DISTINCT_TEXT; i++) {
            GeneratedLetter letter = generator.generate(i);
            text.add(new Input(letter.baseName() + ".txt", letter.rendering(), letter.textBytes()));
            if (i < DISTINCT_PDF) {
                pdf.add(new Input(letter.baseName() + ".pdf", letter.rendering(), pdfWriter.write(letter)));
            }
        }
        LetterReader reader = new LetterReader();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", ScaleBenchmark.machine());
        result.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        result.put("text_letters_per_s", Math.round(rate(reader, text, 4000)));
        result.put("pdf_letters_per_s", Math.round(rate(reader, pdf, 1000)));
        for (Rendering r : Rendering.values()) {
            List<Input> t = text.stream().filter(in -> in.rendering() == r).toList();
            List<Input> p = pdf.stream().filter(in -> in.rendering() == r).toList();
            String key = r.name().toLowerCase(java.util.Locale.ROOT);
            result.put(key + "_text_cpu_ms_per_letter", ScaleBenchmark.round(cpuMsPerLetter(reader, t), 2));
            result.put(key + "_pdf_cpu_ms_per_letter", ScaleBenchmark.round(cpuMsPerLetter(reader, p), 2));
            result.put(key + "_letters", t.size() + " text, " + p.size() + " PDF");
        }
        Path out = Path.of("target/bench/parse.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        System.out.println("parse benchmark: " + result);
    }

    /** Letters per second over {@code count} parses cycling through the inputs on all cores, after a warm-up. */
    private static double rate(LetterReader reader, List<Input> inputs, int count) {
        run(reader, inputs, count / 4);
        long start = System.nanoTime();
        run(reader, inputs, count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** CPU milliseconds per letter on this thread, after a warm-up pass over the inputs. */
    private static double cpuMsPerLetter(LetterReader reader, List<Input> inputs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        inputs.forEach(in -> reader.read(in.name(), in.bytes()));
        long start = threads.getCurrentThreadCpuTime();
        inputs.forEach(in -> reader.read(in.name(), in.bytes()));
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / inputs.size();
    }

    private static void run(LetterReader reader, List<Input> inputs, int count) {
        long failed = IntStream.range(0, count).parallel()
                .mapToObj(i -> inputs.get(i % inputs.size()))
                .map(in -> reader.read(in.name(), in.bytes()))
                .filter(r -> !r.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " letters failed to parse in the benchmark");
        }
    }
}
