package org.imrworkbench.ui;

import javafx.stage.Stage;
import org.imrworkbench.library.Library;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.FileDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The main window on a new library that gets the bundled samples, as on a first start, for headless TestFX tests;
 * settings go to a throw-away preferences node.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchFxFixture {

    @TempDir
    static Path dir;
    protected Library library;
    protected MainWindow window;
    protected Background background;
    protected Stage stage;

    /** Opens the window; each test class calls it from its own {@code @Start} (TestFX looks only there). */
    protected void startWorkbench(Stage stage) {
        startWorkbench(stage, FileDialogs.system());
    }

    /** Opens the window with its file and folder choosers answered by {@code files}. */
    protected void startWorkbench(Stage stage, FileDialogs files) {
        this.stage = stage;
        library = Library.open(dir.resolve("library-" + System.nanoTime() + ".db"));
        background = Background.forFx();
        Settings settings = freshSettings("test-" + System.nanoTime());
        remembered(settings);
        window = new MainWindow(stage, library, settings, background, files);
        window.show();
        WorkbenchApp.importSamples(library, background, report -> window.browser().refresh());
    }

    /**
     * Imports the sample letter that makes the parser warn ({@link org.imrworkbench.testing.Fixtures#sampleWithWarnings})
     * beside the samples, lists it, and gives its case id; call once the samples are listed.
     */
    protected String importLetterWithWarnings() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("warned-" + System.nanoTime()));
        java.nio.file.Files.writeString(folder.resolve("warned.txt"),
                org.imrworkbench.testing.Fixtures.sampleWithWarnings());
        new org.imrworkbench.ingest.ImportService(library).importPaths(java.util.List.of(folder),
                org.imrworkbench.ingest.ProgressListener.NONE, new org.imrworkbench.ingest.Cancellation());
        String id = library.caseIds().stream().filter(c -> library.loadCase(c).orElseThrow().fileName()
                .equals("warned.txt")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> window.browser().refresh()).get();
        return id;
    }

    /** What the settings hold when the window opens, as a previous run left them; nothing unless a test says. */
    protected void remembered(Settings settings) {
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get();
        background.close();
        library.close();
    }

    /** Empty settings under {@code org/imrworkbench/NAME}, so a test or a screenshot never sees the user's own. */
    public static Settings freshSettings(String name) {
        Preferences node = Preferences.userRoot().node("org/imrworkbench/" + name);
        try {
            node.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("the preferences store cannot be written", e);
        }
        return new Settings(node);
    }
}
