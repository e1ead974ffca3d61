package org.imrworkbench.bench;

import org.imrworkbench.ingest.ParserVersion;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.NewLetter;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The import's two halves apart, for finding which one limits it: parses every letter of a folder (not its
 * subfolders) on all cores into memory, twice (the first a warm-up), then writes them into a new library on this
 * thread alone, in batches as the import makes them ({@link Library#addAll}), and prints each half's wall and CPU time.
 * {@code WriterProbe FOLDER LIBRARY [BATCH_LETTERS [SETTING...]]}, a setting as {@link ImportProbe} takes it. Holds
 * every parsed letter in memory: about 40 KB a letter of heap.
 */
public final class WriterProbe {

    private WriterProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists");
        }
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        LetterReader reader = new LetterReader();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<NewLetter> letters = null;
        for (int pass = 0; pass < 2; pass++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            letters = files.parallelStream().map(f -> {
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    ParsedFile p = reader.read(f.getFileName().toString(), bytes);
                    return p.ok() ? new NewLetter(p.file(), LetterReader.sha256(bytes), p.format(), p.encoding(),
                            bytes, p.letter(), ParserVersion.current()) : null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(java.util.Objects::nonNull).toList();
            System.out.printf(Locale.ROOT, "parse pass %d: %d letters in %.2f s wall, %.2f s CPU (all threads)%n",
                    pass + 1, letters.size(), (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Library lib = Library.open(file)) {
            ImportProbe.applySettings(lib, args, 3);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < letters.size(); i += batch) {
                lib.addAll(letters.subList(i, Math.min(letters.size(), i + batch)));
            }
            System.out.printf(Locale.ROOT, "write, batches of %d: %d letters in %.2f s wall, %.2f s CPU of the writer%n",
                    batch, letters.size(), (System.nanoTime() - t0) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
    }
}
