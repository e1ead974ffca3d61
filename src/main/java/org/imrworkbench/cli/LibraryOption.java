package org.imrworkbench.cli;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --library PATH} option of every library command. */
final class LibraryOption {

    @Option(names = "--library", paramLabel = "PATH",
            description = "The library file (default: library.db in the user's application data folder). "
                    + "A missing file is created.")
    Path library;

    /** The library file: the one named, or the user's default. */
    Path file() {
        return library != null ? library : LibraryLocation.defaultFile();
    }

    Library open() {
        return Library.open(file());
    }
}
