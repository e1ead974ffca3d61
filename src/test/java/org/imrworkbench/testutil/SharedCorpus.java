package org.imrworkbench.testutil;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared material beside the project ({@code ../shared}): the five seed letters and the corpus of real
 * letters with their reference labels. Tests that need the corpus skip, with a message, where it is absent.
 */
public final class SharedCorpus {

    /** One row of {@code labels.tsv}. */
    public record Label(String file, String sha256, String caseNumber, String injuryDate, String decisionDate,
                        int items, List<String> decisions, List<String> licensure, List<String> specialties) {
    }

    private SharedCorpus() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("imr.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** The corpus folder, or the test is skipped with a clear message. */
    public static Path corpusOrSkip() {
        Path letters = sharedDir().resolve("corpus/letters");
        Assumptions.assumeTrue(Files.isDirectory(letters),
                "corpus not found at " + letters + " — corpus tests are skipped (CI has it)");
        return sharedDir().resolve("corpus");
    }

    /** The bundled sample letters (the seeds), which ship with the project in resources/samples. */
    public static List<Path> samples() {
        Path dir = Path.of("resources/samples");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Label> labels() {
        Path tsv = corpusOrSkip().resolve("labels.tsv");
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            List<Label> labels = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                labels.add(new Label(f[0], f[1], f[2], f[3], f[4], Integer.parseInt(f[5]),
                        List.of(f[6].split(",")), List.of(f[7].split("\\|")), List.of(f[8].split("\\|"))));
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path letter(String file) {
        return corpusOrSkip().resolve("letters").resolve(file);
    }
}
