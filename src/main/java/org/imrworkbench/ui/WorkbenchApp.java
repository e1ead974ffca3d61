package org.imrworkbench.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryLocation;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The desktop app. Opens the user's library (or the one named by the system property {@code imr.library}); a new
 * user's empty library gets the bundled sample letters, so there is something to see at once.
 */
public final class WorkbenchApp extends Application {

    /** System property naming the library file to open instead of the user's default one. */
    public static final String LIBRARY_PROPERTY = "imr.library";

    private Library library;
    private Background background;
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String named = System.getProperty(LIBRARY_PROPERTY);
        Path file = named != null ? Path.of(named) : LibraryLocation.defaultFile();
        openLibrary(file, () -> started(stage, file));
    }

    /**
     * Opens the library at {@code file} into {@link #library}, then runs {@code then} on the FX thread; when its
     * schema must be upgraded first (a backup copy and the migrations: a while on a large library), off the FX thread
     * behind a window that says so. A library that cannot be opened ends the app with the reason.
     */
    private void openLibrary(Path file, Runnable then) {
        if (!Library.needsUpgrade(file)) {
            try {
                library = Library.open(file);
            } catch (RuntimeException e) {
                cannotStart(file, e);
                return;
            }
            then.run();
            return;
        }
        Stage notice = upgradeNotice(file);
        Thread opener = new Thread(() -> {
            try {
                Library opened = Library.open(file);
                Platform.runLater(() -> {
                    library = opened;
                    then.run();
                    notice.close(); // after the main window shows: closing the only window would end the app
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> cannotStart(file, e));
            }
        }, "imr-library-upgrade");
        opener.start();
    }

    private static void cannotStart(Path file, RuntimeException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "The library " + file + " could not be opened:\n\n"
                + UserMessages.of(e));
        alert.setHeaderText("IMR Workbench cannot start");
        alert.showAndWait();
        Platform.exit();
    }

    /** A small window saying that the library is being upgraded, with a progress bar; shown until it is closed. */
    private static Stage upgradeNotice(Path file) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        javafx.scene.control.Label title = new javafx.scene.control.Label("Upgrading your library");
        title.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        javafx.scene.control.Label text = new javafx.scene.control.Label("This version of IMR Workbench keeps the "
                + "library in a newer form. A backup copy of " + file.getFileName() + " is made first, beside it; on "
                + "a library of many thousands of letters the upgrade takes a minute or so, once.");
        text.setWrapText(true);
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(12, title, text, bar);
        box.setPadding(new javafx.geometry.Insets(24));
        box.setPrefWidth(480);
        Stage notice = new Stage();
        notice.setTitle("IMR Workbench");
        notice.setScene(new javafx.scene.Scene(box));
        notice.setOnCloseRequest(javafx.event.Event::consume); // the upgrade cannot be stopped half-way
        notice.show();
        return notice;
    }

    private void started(Stage stage, Path file) {
        background = Background.forFx();
        Settings settings = Settings.user();
        openWindow(stage, settings);
        if (library.caseCount() == 0 && !settings.getBoolean("samples.imported:" + file.toAbsolutePath(), false)) {
            importSamples(library, background, report -> {
                if (report != null) {
                    // offered once: a user who later empties the library does not get them back unasked
                    settings.putBoolean("samples.imported:" + file.toAbsolutePath(), true);
                    settings.flush();
                }
                window.browser().refresh();
            });
        }
    }

    private void openWindow(Stage stage, Settings settings) {
        window = new MainWindow(stage, library, settings, background);
        window.setOnRestore(backup -> restore(stage, settings, backup));
        window.show();
    }

    /** Closes the library, replaces it with a backup, and opens the window on the restored library. */
    private void restore(Stage stage, Settings settings, Path backup) {
        Path file = library.file();
        window.remember();
        library.close();
        String outcome;
        try {
            var result = Library.restore(file, backup);
            outcome = "Restored " + Labels.count(result.restored().cases(), "case") + " from " + backup.getFileName()
                    + result.replacedCopy().map(p -> "; the previous library is kept as " + p.getFileName()).orElse("");
        } catch (RuntimeException e) {
            outcome = "The library was not restored: " + UserMessages.of(e);
        }
        String said = outcome;
        // a backup of an older version's library is upgraded on opening, behind the notice
        openLibrary(file, () -> {
            openWindow(stage, settings);
            Alert done = new Alert(Alert.AlertType.INFORMATION, said);
            done.initOwner(stage);
            done.setHeaderText("Restore");
            done.show();
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.remember();
        }
        if (background != null) {
            background.close();
        }
        if (library != null) {
            library.close();
        }
    }

    /**
     * Imports the sample letters bundled in the app (resources/samples) into {@code library}, off the FX thread;
     * {@code done} receives the report, or null when the samples could not be imported.
     */
    public static void importSamples(Library library, Background background,
                                     java.util.function.Consumer<ImportReport> done) {
        background.run(() -> {
            Path dir = Files.createTempDirectory("imr-samples");
            try {
                for (String name : sampleNames()) {
                    try (InputStream in = Objects.requireNonNull(WorkbenchApp.class.getResourceAsStream(
                            "/samples/" + name), "missing bundled sample " + name)) {
                        Files.copy(in, dir.resolve(name));
                    }
                }
                return new ImportService(library).importPaths(List.of(dir), ProgressListener.NONE,
                        new Cancellation());
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }, done, failure -> done.accept(null));
    }

    /** The names listed in /samples/index.list (comments with '#'). */
    static List<String> sampleNames() {
        try (InputStream in = WorkbenchApp.class.getResourceAsStream("/samples/index.list")) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
