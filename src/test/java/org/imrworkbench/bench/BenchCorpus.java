package org.imrworkbench.bench;

import org.imrworkbench.synth.CorpusWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmarks' synthetic corpus in {@code target/bench/corpus}: generated once for a size, seed and PDF share,
 * and reused while its marker file {@code .generated} says the same (the generator is deterministic).
 */
final class BenchCorpus {

    /** {@code -Dbench.corpus=DIR} puts the corpus elsewhere (to keep corpora of two sizes side by side). */
    static final Path DIR = Path.of(System.getProperty("bench.corpus", "target/bench/corpus"));
    static final double PDF_SHARE = 0.1;
    private static final Path MARKER = DIR.resolve(".generated");

    final int size;
    final long seed;
    final List<Path> text;
    final List<Path> pdf;

    private BenchCorpus(int size, long seed, List<Path> text, List<Path> pdf) {
        this.size = size;
        this.seed = seed;
        this.text = text;
        this.pdf = pdf;
    }

    /** The corpus of {@code size} letters of generator seed {@code seed}, generated unless already there. */
    static BenchCorpus of(int size, long seed) throws IOException {
        String marker = String.format(Locale.ROOT, "size=%d seed=%d pdf-share=%s%n", size, seed, PDF_SHARE);
        if (!Files.exists(MARKER) || !Files.readString(MARKER, StandardCharsets.UTF_8).equals(marker)) {
            deleteRecursively(DIR);
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "generating %,d letters (seed %d, %.0f%% PDF) into %s ...%n", size, seed,
                    PDF_SHARE * 100, DIR);
            new CorpusWriter(seed, PDF_SHARE, false).write(DIR, size);
            Files.writeString(MARKER, marker, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "generated in %.0f s%n", (System.nanoTime() - start) / 1e9);
        } else {
            System.out.printf(Locale.ROOT, "reusing the corpus of %,d letters in %s%n", size, DIR);
        }
        List<Path> all;
        try (Stream<Path> files = Files.list(DIR)) {
            all = files.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> text = all.stream().filter(p -> p.toString().endsWith(".txt")).toList();
        List<Path> pdf = all.stream().filter(p -> p.toString().endsWith(".pdf")).toList();
        if (text.size() + pdf.size() != size) {
            throw new IllegalStateException(DIR + " holds " + (text.size() + pdf.size()) + " letters, not " + size
                    + ": delete it and run again");
        }
        return new BenchCorpus(size, seed, text, pdf);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A scratch folder under {@code target/bench}, deleted on close. */
    static final class TempDir implements AutoCloseable {
        final Path path;

        TempDir(String prefix) throws IOException {
            Path parent = Path.of("target/bench");
            Files.createDirectories(parent);
            path = Files.createTempDirectory(parent, prefix);
        }

        Path resolve(String name) {
            return path.resolve(name);
        }

        @Override
        public void close() throws IOException {
            deleteRecursively(path);
        }
    }
}
