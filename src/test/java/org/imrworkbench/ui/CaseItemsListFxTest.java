package org.imrworkbench.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.model.Item;
import org.imrworkbench.synth.CorpusWriter;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrworkbench.ui.InView.contains;
import static org.imrworkbench.ui.InView.sceneBounds;

/**
 * The case view's list of disputed items: for a case of many items it shows up to five whole rows, four where the
 * tab is short (it showed two and a half, the rest of the tab left to the rationale), none cut by its edge, and the
 * item being read is wholly in view, the last one too.
 */
class CaseItemsListFxTest extends WorkbenchFxFixture {

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    @Test
    void aCaseOfManyItemsShowsFourOrFiveWholeRowsWithTheItemBeingReadAmongThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#cases").queryTableView().getItems().size() == 5);
        Path letters = Files.createDirectories(dir.resolve("many-items-" + System.nanoTime()));
        new CorpusWriter(17L, 0.0, false).write(letters, 40);
        new ImportService(library).importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
        String many = null;
        int count = 0;
        for (String id : library.caseIds()) {
            int n = library.loadCase(id).orElseThrow().letter().items().size();
            if (n > count) {
                many = id;
                count = n;
            }
        }
        assertThat(count).as("the most items of a generated letter").isGreaterThanOrEqualTo(7);
        robot.interact(() -> window.browser().refresh());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.browser().busyProperty().get());

        String id = many;
        int items = count;
        int last = count - 1;
        String other = library.caseIds().stream().filter(c -> !c.equals(id)).findFirst().orElseThrow();
        for (int item : List.of(last, 0, last - 1)) {
            // from another case: the same case opened again keeps the item being read
            robot.interact(() -> window.selectCase(other, 0));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.caseFile().recordProperty().get() != null
                    && other.equals(window.caseFile().recordProperty().get().id()));
            robot.interact(() -> window.selectCase(id, item));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                ListView<Item> list = robot.lookup("#items").queryListView();
                return list.getItems().size() == items && list.getSelectionModel().getSelectedIndex() == item;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            ListView<Item> list = robot.lookup("#items").queryListView();
            Bounds view = sceneBounds(list.lookup(".clipped-container"));
            List<ListCell<?>> rows = list.lookupAll(".list-cell").stream()
                    .filter(n -> n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible())
                    .<ListCell<?>>map(n -> (ListCell<?>) n)
                    .filter(c -> sceneBounds(c).getMaxY() > view.getMinY() && sceneBounds(c).getMinY() < view.getMaxY())
                    .toList();
            assertThat(rows).as("rows of the items list in view, item %d of %d selected", item + 1, items)
                    .hasSizeBetween(4, 5)
                    .allSatisfy(c -> assertThat(contains(view, sceneBounds(c)))
                            .as("item %d wholly in view", c.getIndex() + 1).isTrue());
            assertThat(rows).anySatisfy(c -> assertThat(c.getIndex()).isEqualTo(item));
        }
    }
}
