package org.imrworkbench.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.synth.CorpusWriter;
import org.imrworkbench.ui.common.ChipRow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrworkbench.ui.InView.contains;
import static org.imrworkbench.ui.InView.sceneBounds;

/**
 * The case table of a library longer than its view: every row has the same height, whatever its tags (a case with
 * many tags shows those that fit and "+N", all of them in the tooltip), so that a case chosen from elsewhere — the
 * last case on start, a precedent opened, a search that keeps the case — lands wholly in view. Rows of varying
 * height made the table scroll by estimate, and the chosen case landed half under the table's edge.
 */
class CaseTableRowsFxTest extends WorkbenchFxFixture {

    private static final List<String> MANY_TAGS = List.of("appeal", "priority", "binder-2026", "follow-up",
            "second-opinion", "attorney-review", "deposition");

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<CaseSummary> cases(FxRobot robot) {
        return robot.lookup("#cases").queryTableView();
    }

    @Test
    void aCaseChosenFromElsewhereLandsWhollyInViewAndEveryRowHasOneHeight(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        Path letters = Files.createDirectories(dir.resolve("generated-" + System.nanoTime()));
        new CorpusWriter(31L, 0.0, false).write(letters, 80);
        new ImportService(library).importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
        int total = library.caseCount();
        assertThat(total).isGreaterThan(60);
        // every third case gets many tags, so that rows with and without them alternate all down the list
        List<String> ids = library.caseIds();
        for (int i = 0; i < ids.size(); i += 3) {
            for (String tag : MANY_TAGS) {
                library.tags().tagCase(ids.get(i), tag);
            }
        }
        robot.interact(() -> window.browser().refresh());
        waitFor(() -> cases(robot).getItems().size() == total && !window.browser().busyProperty().get());

        TableView<CaseSummary> table = cases(robot);
        for (int index : List.of(total / 2, total - 4, 7, total / 3, total - 1)) {
            String id = WaitForAsyncUtils.asyncFx(() -> table.getItems().get(index).id()).get();
            robot.interact(() -> window.selectCase(id, 0));
            WaitForAsyncUtils.waitForFxEvents();
            TableRow<?> row = selectedRow(robot, table);
            assertThat(row).as("the row of case %s (index %d) is laid out", id, index).isNotNull();
            Bounds view = sceneBounds(table.lookup(".clipped-container"));
            assertThat(contains(view, sceneBounds(row)))
                    .as("case %s (row %d of %d) wholly in the table's view: row %s, view %s", id, index, total,
                            sceneBounds(row), view)
                    .isTrue();
        }

        // a search that keeps the case being read replaces the rows: the case stays selected, wholly in view
        String read = WaitForAsyncUtils.asyncFx(() -> table.getItems().get(total - 3).id()).get();
        robot.interact(() -> window.selectCase(read, 0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.scrollTo(0));
        robot.interact(() -> {
            window.browser().queryProperty().set("-tag:no-such-tag");
            window.browser().refresh();
        });
        waitFor(() -> !window.browser().busyProperty().get()
                && "-tag:no-such-tag".equals(window.browser().queryProperty().get()));
        TableRow<?> kept = selectedRow(robot, table);
        assertThat(kept).as("the row of the case being read, after the search").isNotNull();
        assertThat(kept.getItem()).extracting(r -> ((CaseSummary) r).id()).isEqualTo(read);
        assertThat(contains(sceneBounds(table.lookup(".clipped-container")), sceneBounds(kept)))
                .as("the case being read wholly in view after a search that keeps it").isTrue();

        Set<Double> heights = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible())
                .map(n -> Math.rint(((TableRow<?>) n).getHeight()))
                .collect(Collectors.toSet());
        assertThat(heights).as("the heights of the rows in view").hasSize(1);

        ChipRow chips = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible())
                .flatMap(r -> r.lookupAll(".table-cell").stream())
                .filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getGraphic())
                .filter(ChipRow.class::isInstance).map(ChipRow.class::cast)
                .filter(c -> c.shownCount() > 0)
                .findFirst().orElseThrow();
        assertThat(chips.shownCount()).as("tags shown in the Tags column's width").isLessThan(MANY_TAGS.size());
        assertThat(chips.moreText()).isEqualTo("+" + (MANY_TAGS.size() - chips.shownCount()));
        Tooltip tip = (Tooltip) chips.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip).as("the tooltip of the tags").isNotNull();
        assertThat(tip.getText().split(", ")).containsExactlyInAnyOrderElementsOf(MANY_TAGS);
    }

    private static TableRow<?> selectedRow(FxRobot robot, TableView<CaseSummary> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (TableRow<?>) table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible() && r.isSelected())
                .findFirst().orElse(null)).get();
    }
}
