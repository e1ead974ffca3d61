package org.imrworkbench.ingest;

import org.imrworkbench.library.Library;

import java.nio.file.Path;
import java.util.List;

/** Child process of {@link CrashSafetyTest}: imports a folder into a library, printing one line per letter. */
public final class CrashImportMain {

    private CrashImportMain() {
    }

    public static void main(String[] args) {
        try (Library library = Library.open(Path.of(args[0]))) {
            new ImportService(library).importPaths(List.of(Path.of(args[1])), p -> {
                System.out.println(p.done());
                System.out.flush();
            }, new Cancellation());
        }
    }
}
