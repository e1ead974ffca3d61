package org.imrworkbench.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's file and folder choosers behind one seam, as JabRef's {@code DialogService}: the views ask it, the app
 * answers with the system's dialogs ({@link #system()}), and a test answers with the files it wants, so that Backup,
 * Restore, "Chart as PNG", import and export can be driven through the window itself.
 */
public interface FileDialogs {

    /** A file type the chooser offers: {@code "PNG image"} with {@code "*.png"}. */
    record Filter(String description, List<String> patterns) {
        public Filter {
            Objects.requireNonNull(description, "description");
            patterns = List.copyOf(patterns);
        }

        public static Filter of(String description, String... patterns) {
            return new Filter(description, List.of(patterns));
        }
    }

    /**
     * What a chooser shows.
     *
     * @param title            the dialog's title
     * @param initialDirectory the folder it opens in, or null for the system's choice
     * @param initialFileName  the name it suggests when saving, or null
     * @param filters          the file types offered, the first one selected
     */
    record Request(String title, Path initialDirectory, String initialFileName, List<Filter> filters) {
        public Request {
            Objects.requireNonNull(title, "title");
            filters = List.copyOf(filters);
        }

        public static Request titled(String title) {
            return new Request(title, null, null, List.of());
        }

        public Request in(Path directory) {
            return new Request(title, directory, initialFileName, filters);
        }

        public Request named(String fileName) {
            return new Request(title, initialDirectory, fileName, filters);
        }

        public Request filters(Filter... more) {
            return new Request(title, initialDirectory, initialFileName, List.of(more));
        }
    }

    /** The file to write; empty when the user cancels. */
    Optional<Path> save(Window owner, Request request);

    /** One file to read; empty when the user cancels. */
    Optional<Path> open(Window owner, Request request);

    /** Files to read; empty when the user cancels. */
    List<Path> openMany(Window owner, Request request);

    /** A folder; empty when the user cancels. */
    Optional<Path> folder(Window owner, Request request);

    /** The system's own dialogs (JavaFX's {@link FileChooser} and {@link DirectoryChooser}). */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, Request request) {
                return Optional.ofNullable(chooser(request).showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> open(Window owner, Request request) {
                return Optional.ofNullable(chooser(request).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public List<Path> openMany(Window owner, Request request) {
                List<File> files = chooser(request).showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }

            @Override
            public Optional<Path> folder(Window owner, Request request) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(request.title());
                existing(request.initialDirectory()).ifPresent(chooser::setInitialDirectory);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(Request request) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(request.title());
                existing(request.initialDirectory()).ifPresent(chooser::setInitialDirectory);
                if (request.initialFileName() != null) {
                    chooser.setInitialFileName(request.initialFileName());
                }
                request.filters().forEach(f -> chooser.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter(f.description(), f.patterns())));
                return chooser;
            }

            /** A folder the chooser can open in: one that is gone would make it fail to open at all. */
            private Optional<File> existing(Path directory) {
                return directory != null && Files.isDirectory(directory) ? Optional.of(directory.toFile())
                        : Optional.empty();
            }
        };
    }
}
