package org.imrworkbench.ui.importing;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.library.Library;
import org.imrworkbench.ui.ComponentStyles;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a folder that holds bad files through the dialog, headless: the report names them and says why. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    @TempDir
    Path dir;
    Library library;
    Background background;
    Stage owner;

    @Start
    void start(Stage stage) {
        library = Library.open(dir.resolve("library.db"));
        background = Background.forFx();
        owner = stage;
        stage.setScene(ComponentStyles.apply(new Scene(new StackPane(new Label("main window")), 900, 700)));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        background.close();
        library.close();
    }

    @Test
    void theReportNamesTheBadFilesAndSaysWhy(FxRobot robot) throws Exception {
        Path folder = ImportViewModelTest.folderWithBadFiles(dir);
        List<ImportReport> finished = new CopyOnWriteArrayList<>();
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> {
            dialog[0] = new ImportDialog(owner, new ImportService(library), background);
            dialog[0].onFinished(finished::add);
            dialog[0].start(List.of(folder));
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !finished.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".import-summary").queryAs(Label.class).getText())
                .contains("Imported 2 letters").contains("2 failed");
        List<String> cells = robot.lookup(".import-problems .table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).filter(t -> !t.isEmpty()).toList();
        assertThat(cells).contains("empty.pdf", "Empty file (zero bytes).", "noise.txt", "c-first-again.txt");
        assertThat(cells).anyMatch(t -> t.toLowerCase().contains("binary"));

        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0].stage().isShowing()).isFalse();
    }
}
