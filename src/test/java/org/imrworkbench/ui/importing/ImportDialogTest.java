package org.imrworkbench.ui.importing;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
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
import java.util.ArrayList;
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

    /**
     * A PDF cut short under a long name, among other bad files: its reason, whose last part says what to do, is read
     * whole in its row (wrapped, the row as tall as it takes, nothing cut short) and under the list, with no tooltip;
     * at the dialog's size and in a narrow one. Copy report puts the whole report on the clipboard.
     */
    @Test
    void aLongReasonIsReadWholeInTheReportWithNoTooltip(FxRobot robot) throws Exception {
        Path folder = ImportViewModelTest.folderWithACutPdf(dir);
        Path more = ImportViewModelTest.folderWithBadFiles(dir);
        List<ImportReport> finished = new CopyOnWriteArrayList<>();
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> {
            dialog[0] = new ImportDialog(owner, new ImportService(library), background);
            dialog[0].onFinished(finished::add);
            dialog[0].start(List.of(more, folder));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !finished.isEmpty());
        settle();

        assertWhole(robot, dialog[0], "at the dialog's size");
        robot.interact(() -> {
            dialog[0].stage().setWidth(600);
            dialog[0].stage().setHeight(620);
        });
        settle();
        assertWhole(robot, dialog[0], "600 wide");

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn("Copy report");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).startsWith("Imported 2 letters").contains("Not imported: 5 files")
                .contains("Failed: " + folder.resolve(ImportViewModelTest.LONG_NAME) + "\n"
                        + ImportViewModelTest.CUT_REASON);
        assertThat(robot.lookup(".import-copied").queryAs(Label.class).getText()).isEqualTo("Copied to the clipboard.");
        robot.interact(() -> dialog[0].stage().close());
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cut PDF's row shows its name and reason whole inside their cells, and under the list once selected. */
    @SuppressWarnings("unchecked")
    private void assertWhole(FxRobot robot, ImportDialog dialog, String when) throws Exception {
        Node root = dialog.stage().getScene().getRoot();
        TableView<ImportViewModel.Problem> table = (TableView<ImportViewModel.Problem>) root.lookup(".import-problems");
        ImportViewModel.Problem cut = dialog.viewModel().problems().stream()
                .filter(p -> p.name().equals(ImportViewModelTest.LONG_NAME)).findFirst().orElseThrow();
        robot.interact(() -> {
            table.scrollTo(cut);
            table.getSelectionModel().select(cut);
        });
        settle();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            TableRow<?> row = root.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                    .filter(r -> r.getItem() == cut).findFirst().orElseThrow();
            Bounds view = sceneBounds(table.lookup(".clipped-container"));
            Bounds shown = sceneBounds(row);
            if (shown.getMinY() < view.getMinY() - 0.5 || shown.getMaxY() > view.getMaxY() + 0.5) {
                problems.add("the row at " + shown + " is not wholly in the list's view " + view);
            }
            // the File and the Reason columns
            for (int column : new int[] {0, 2}) {
                String expected = column == 0 ? ImportViewModelTest.LONG_NAME : ImportViewModelTest.CUT_REASON;
                Node cell = row.lookupAll(".table-cell").stream()
                        .filter(n -> ((TableCell<?, ?>) n).getTableColumn() == table.getColumns().get(column))
                        .findFirst().orElseThrow();
                check(cell, expected, problems);
            }
        });
        assertThat(problems).as(when).isEmpty();
        Label reason = (Label) root.lookup(".import-detail-reason");
        assertThat(reason).as("the selected file's reason under the list").isNotNull();
        assertThat(reason.getText()).isEqualTo(ImportViewModelTest.CUT_REASON);
        List<String> detail = new ArrayList<>();
        robot.interact(() -> check(reason, ImportViewModelTest.CUT_REASON, detail));
        assertThat(detail).as(when).isEmpty();
    }

    /** Whether the texts a node shows are {@code expected} whole, each inside the node's bounds. */
    private static void check(Node node, String expected, List<String> problems) {
        StringBuilder shown = new StringBuilder();
        Bounds box = sceneBounds(node);
        for (Node n : node.lookupAll("*")) {
            if (n instanceof Text text && n.isVisible() && text.getText() != null) {
                shown.append(text.getText());
                Bounds b = sceneBounds(text);
                if (b.getMinX() < box.getMinX() - 0.5 || b.getMaxX() > box.getMaxX() + 0.5
                        || b.getMinY() < box.getMinY() - 0.5 || b.getMaxY() > box.getMaxY() + 0.5) {
                    problems.add("\u201C" + text.getText() + "\u201D at " + b + " runs out of its cell at " + box);
                }
            }
        }
        // a wrapped label's text holds its line breaks as spaces (or none): compare the words
        if (!words(shown.toString()).equals(words(expected))) {
            problems.add("shows \u201C" + shown + "\u201D, not \u201C" + expected + "\u201D");
        }
    }

    private static List<String> words(String s) {
        return List.of(s.strip().split("\\s+"));
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
