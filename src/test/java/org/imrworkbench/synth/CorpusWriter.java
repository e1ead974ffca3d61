package org.imrworkbench.synth;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a synthetic corpus: N letters (a share of them as PDF) and {@code truth.jsonl}, one JSON object per
 * letter in index order with its file name and the values it was generated from (see
 * {@link LetterTruth#toJson(String)}). Letters are generated in parallel; every file, and the truth file, is the
 * same for the same seed whatever the number of threads.
 *
 * <pre>
 * CorpusWriter --out DIR --count N [--seed S] [--pdf-share 0.1] [--page-numbers]
 * </pre>
 */
public final class CorpusWriter {

    /** Letters generated in parallel before their truth lines are written, in order. */
    private static final int BATCH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps the PDF draw independent of the letter's own random stream. */
    private static final long PDF_SALT = 0x5DEECE66DL;
    private static final String USAGE =
            "usage: CorpusWriter --out DIR --count N [--seed S] [--pdf-share 0.1] [--page-numbers]";

    private final LetterGenerator generator;
    private final double pdfShare;
    private final PdfLetterWriter pdfWriter;

    /**
     * @param pdfShare    the share of letters written as PDF, from 0 to 1
     * @param pageNumbers whether PDFs carry "Page N of M" at the foot of each page
     */
    public CorpusWriter(long seed, double pdfShare, boolean pageNumbers) {
        if (pdfShare < 0 || pdfShare > 1) {
            throw new IllegalArgumentException("the PDF share must be between 0 and 1: " + pdfShare);
        }
        this.generator = new LetterGenerator(seed);
        this.pdfShare = pdfShare;
        this.pdfWriter = new PdfLetterWriter(pageNumbers);
    }

    /** Whether letter {@code index} is written as a PDF: a draw of its own, independent of its content. */
    public boolean isPdf(long index) {
        return new SplittableRandom((generator.seed() * 1_000_003L + index) ^ PDF_SALT).nextDouble() < pdfShare;
    }

    /** Writes letters {@code 0 .. count-1} and {@code truth.jsonl} into {@code out}, created if missing. */
    public void write(Path out, int count) throws IOException {
        Files.createDirectories(out);
        try (BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
            for (int start = 0; start < count; start += BATCH) {
                String[] lines = IntStream.range(start, Math.min(count, start + BATCH)).parallel()
                        .mapToObj(i -> writeLetter(out, i)).toArray(String[]::new);
                for (String line : lines) {
                    truth.write(line);
                    truth.write('\n');
                }
            }
        }
    }

    private String writeLetter(Path out, long index) {
        GeneratedLetter letter = generator.generate(index);
        boolean pdf = isPdf(index);
        String file = letter.baseName() + (pdf ? ".pdf" : ".txt");
        try {
            Files.write(out.resolve(file), pdf ? pdfWriter.write(letter) : letter.textBytes());
            return JSON.writeValueAsString(letter.truth().toJson(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) {
        Path out = null;
        Integer count = null;
        long seed = 1;
        double pdfShare = 0.1;
        boolean pageNumbers = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--count" -> count = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--pdf-share" -> pdfShare = Double.parseDouble(value(args, ++i));
                    case "--page-numbers" -> pageNumbers = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null || count == null || count < 0) {
                throw new IllegalArgumentException("--out and --count are required");
            }
            long started = System.nanoTime();
            new CorpusWriter(seed, pdfShare, pageNumbers).write(out, count);
            System.err.printf("wrote %d letters and truth.jsonl to %s in %.1f s%n", count, out,
                    (System.nanoTime() - started) / 1e9);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println(out + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
