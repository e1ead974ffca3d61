package org.imrworkbench.bench;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.parse.LetterReader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Imports a folder into a new library and prints the wall and CPU time: for comparing import settings by hand.
 * {@code ImportProbe FOLDER LIBRARY [BATCH_LETTERS [SETTING...]]}, a setting a PRAGMA's {@code name=value} (e.g.
 * {@code wal_autocheckpoint=10000}) or a statement; the library file must not exist.
 */
public final class ImportProbe {

    private ImportProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path file = Path.of(args[1]);
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists");
        }
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ImportReport report;
        try (Library lib = Library.open(file)) {
            applySettings(lib, args, 3);
            report = new ImportService(lib, new LetterReader(),
                    Integer.getInteger("parsers", Runtime.getRuntime().availableProcessors()), batch)
                    .importPaths(List.of(folder), ProgressListener.NONE, new Cancellation());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "batch %d: %s in %.2f s wall, %.2f s CPU (%.0f letters/s)%n", batch,
                report.summaryLine(), wall, cpu, report.imported().size() / wall);
    }

    /**
     * Runs {@code args[from..]} on the library: each a PRAGMA's {@code name=value}, or a whole statement (e.g. FTS5's
     * configuration: {@code INSERT INTO search_index(search_index, rank) VALUES ('automerge', 8)}).
     */
    static void applySettings(Library lib, String[] args, int from) {
        for (int k = from; k < args.length; k++) {
            String setting = args[k];
            lib.read(c -> {
                try (var s = c.createStatement()) {   // closed, or SQLite sees a statement in progress at commit
                    return s.execute(setting.contains(" ") ? setting : "PRAGMA " + setting);
                }
            });
        }
    }
}