package org.imrworkbench.cli;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryException;
import org.imrworkbench.library.LibraryLocation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --library PATH} option of every library command. */
final class LibraryOption {

    @Option(names = "--library", paramLabel = "PATH",
            description = "The library file (default: library.db in the user's application data folder). "
                    + "A missing file is created; a missing folder only by import.")
    Path library;

    /** The library file: the one named, or the user's default. */
    Path file() {
        return library != null ? library : LibraryLocation.defaultFile();
    }

    /**
     * Opens the library for a command that adds letters: a missing file is created, and its missing folders too
     * (owner-only, as the library file itself).
     */
    Library openCreatingFolders() {
        return Library.open(file());
    }

    /**
     * Opens the library, creating a missing file as the contract says. A named file's folder must exist: a mistyped
     * path would otherwise leave new folders and an empty library behind it from a command that only reads or
     * annotates (only {@code import} makes a library's folders, {@link #openCreatingFolders}).
     */
    Library open() {
        if (library != null) {
            Path folder = library.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new LibraryException(library + ": no such folder (" + folder
                        + "); a missing library file is created, its folder is not");
            }
        }
        return Library.open(file());
    }
}
