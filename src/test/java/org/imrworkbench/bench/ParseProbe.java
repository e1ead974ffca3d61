package org.imrworkbench.bench;

import org.imrworkbench.library.Fingerprint;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The parser alone, for checking that a change to it leaves every letter as it was and for timing it: parses every
 * file of a folder (not its subfolders), held in memory, on this thread, {@code PASSES} times, and prints each pass's
 * CPU time a letter and, after the first, a SHA-256 over every {@link ParsedFile} (its letter with every field and
 * span, or its error) and every fingerprint. The same digest before and after a change means the same letters.
 * {@code ParseProbe FOLDER [PASSES [LIMIT]]} (4 passes; the first LIMIT files, in name order, default all).
 */
public final class ParseProbe {

    private ParseProbe() {
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).sorted().limit(limit).toList();
        }
        List<byte[]> bytes = new ArrayList<>();
        for (Path f : files) {
            bytes.add(Files.readAllBytes(f));
        }
        LetterReader reader = new LetterReader();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < files.size(); i++) {
                ParsedFile parsed = reader.read(files.get(i).getFileName().toString(), bytes.get(i));
                if (pass == 1) {
                    digest.update(parsed.toString().getBytes(StandardCharsets.UTF_8));
                    if (parsed.ok()) {
                        digest.update(Fingerprint.of(parsed.letter().text())
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf(Locale.ROOT, "pass %d: %d files, %.1f us of CPU a file%s%n", pass, files.size(),
                    cpu / 1e3 / Math.max(1, files.size()),
                    pass == 1 ? " (timed with the digest), SHA-256 " + HexFormat.of().formatHex(digest.digest()) : "");
        }
    }
}
