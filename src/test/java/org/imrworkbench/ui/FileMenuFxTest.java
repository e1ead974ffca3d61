package org.imrworkbench.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imrworkbench.library.BackupInfo;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The File menu's Backup and Restore, and the analytics' "Chart as PNG" and "Table as CSV", driven through the
 * window as a user does, with the file choosers answered by the test ({@link ScriptedFileDialogs}): what each
 * dialog offers, what is written where the user chose, what the user is told, and that a cancel writes nothing.
 */
class FileMenuFxTest extends WorkbenchFxFixture {

    private final ScriptedFileDialogs files = new ScriptedFileDialogs();

    @Start
    void start(Stage stage) {
        startWorkbench(stage, files);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void samplesLoaded(FxRobot robot) throws Exception {
        TableView<CaseSummary> table = robot.lookup("#cases").queryTableView();
        waitFor(() -> table.getItems().size() == 5);
    }

    private static void menu(FxRobot robot, String menu, String item) {
        robot.clickOn(menu);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog (an alert) showing over the window, if any. */
    private static Optional<DialogPane> dialog(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst();
    }

    private static DialogPane awaitDialog(FxRobot robot) throws Exception {
        waitFor(() -> dialog(robot).isPresent());
        return dialog(robot).orElseThrow();
    }

    /** What a dialog says: its content text, or the text of the label it shows instead. */
    private static String text(DialogPane pane) {
        return pane.getContent() instanceof javafx.scene.control.Labeled l ? l.getText() : pane.getContentText();
    }

    private Path fresh(String name) {
        return dir.resolve(System.nanoTime() + "-" + name);
    }

    @Test
    void backUpWritesACheckedCopyWhereTheUserChoseAndSaysWhatItHolds(FxRobot robot) throws Exception {
        samplesLoaded(robot);
        Path target = fresh("my-backup.db");
        files.answer(target);

        menu(robot, "File", "Back up the library…");
        DialogPane said = awaitDialog(robot);

        ScriptedFileDialogs.Asked asked = files.asked().get(0);
        assertThat(asked.kind()).isEqualTo("save");
        assertThat(asked.request().title()).isEqualTo("Back up the library");
        assertThat(asked.request().initialDirectory()).isEqualTo(library.file().toAbsolutePath().getParent());
        assertThat(asked.request().initialFileName()).endsWith(".db").isNotEqualTo(library.file().getFileName()
                .toString());
        assertThat(asked.request().filters()).singleElement()
                .satisfies(f -> assertThat(f.patterns()).containsExactly("*.db"));
        assertThat(said.getHeaderText()).isEqualTo("Backup written");
        assertThat(text(said)).contains("Backed up 5 cases and 0 annotations").contains(target.toString());
        BackupInfo backup = Library.verifyBackup(target);
        assertThat(backup.cases()).isEqualTo(5);
        robot.clickOn(said.lookupButton(ButtonType.OK));
    }

    @Test
    void aCancelledBackupWritesNothingAndSaysNothing(FxRobot robot) throws Exception {
        samplesLoaded(robot);
        Set<Path> before = Set.copyOf(list(dir));
        files.cancel();

        menu(robot, "File", "Back up the library…");

        assertThat(files.asked()).hasSize(1);
        assertThat(Set.copyOf(list(dir))).isEqualTo(before);
        assertThat(dialog(robot)).isEmpty();
    }

    @Test
    void restoreAsksToConfirmWithTheBackupsCountsThenHandsTheBackupToTheApp(FxRobot robot) throws Exception {
        samplesLoaded(robot);
        Path backup = fresh("earlier.db");
        String id = robot.lookup("#cases").<CaseSummary>queryTableView().getItems().get(0).id();
        library.tags().tagCase(id, "kept");
        library.backup(backup);
        AtomicReference<Path> restored = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> window.setOnRestore(restored::set)).get();
        files.answer(backup);

        menu(robot, "File", "Restore from a backup…");
        DialogPane confirm = awaitDialog(robot);

        assertThat(files.asked().get(0).kind()).isEqualTo("open");
        assertThat(confirm.getHeaderText()).isEqualTo("Restore from " + backup.getFileName());
        assertThat(text(confirm)).contains("backup of 5 cases and 0 annotations")
                .contains("kept beside it as a copy");
        assertThat(restored.get()).as("nothing is restored before the user confirms").isNull();
        robot.clickOn(confirm.lookupButton(ButtonType.OK));
        waitFor(() -> restored.get() != null);
        assertThat(restored.get()).isEqualTo(backup);
    }

    @Test
    void aFileThatIsNotABackupIsRefusedWithItsReasonAndNothingIsRestored(FxRobot robot) throws Exception {
        samplesLoaded(robot);
        Path notABackup = fresh("notes.db");
        Files.writeString(notABackup, "these are my notes, not a library", StandardCharsets.UTF_8);
        AtomicReference<Path> restored = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> window.setOnRestore(restored::set)).get();
        files.answer(notABackup);

        menu(robot, "File", "Restore from a backup…");
        DialogPane refused = awaitDialog(robot);

        assertThat(refused.getHeaderText()).isEqualTo("This backup cannot be restored");
        assertThat(text(refused)).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        robot.clickOn(refused.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restored.get()).isNull();
        assertThat(library.caseCount()).isEqualTo(5);
    }

    @Test
    void theAnalyticsChartIsSavedAsAPngAndItsTableAsCsv(FxRobot robot) throws Exception {
        samplesLoaded(robot);
        robot.clickOn("Analytics");
        TableView<?> table = robot.lookup("#analytics-table").queryTableView();
        waitFor(() -> !table.getItems().isEmpty());
        Path png = fresh("chart.png");
        Path csv = fresh("table.csv");
        files.answer(png).answer(csv);

        robot.clickOn("#analytics-png");
        waitFor(() -> Files.exists(png));
        robot.clickOn("#analytics-csv");
        waitFor(() -> Files.exists(csv));

        assertThat(files.asked()).extracting(a -> a.request().initialFileName())
                .containsExactly("outcomes-by-category.png", "outcomes-by-category.csv");
        Image image;
        try (InputStream in = Files.newInputStream(png)) {
            image = new Image(in);
        }
        assertThat(image.isError()).isFalse();
        assertThat(image.getWidth()).isGreaterThan(200);
        assertThat(image.getHeight()).isGreaterThan(100);
        assertThat(distinctColours(image)).as("a chart, not a blank image").isGreaterThan(3);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("category,upheld,overturned,total,rate,low,high");
        assertThat(lines).hasSize(table.getItems().size() + 1);
        assertThat(robot.lookup("#analytics-status").queryLabeled().getText())
                .isEqualTo("Saved " + csv.getFileName());
    }

    private static long distinctColours(Image image) {
        var reader = image.getPixelReader();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < (int) image.getHeight(); y += 4) {
            for (int x = 0; x < (int) image.getWidth(); x += 4) {
                colours.add(reader.getArgb(x, y));
            }
        }
        return colours.size();
    }

    private static List<Path> list(Path folder) throws java.io.IOException {
        try (var s = Files.list(folder)) {
            return s.toList();
        }
    }
}
