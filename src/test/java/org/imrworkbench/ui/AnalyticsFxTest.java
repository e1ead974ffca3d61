package org.imrworkbench.ui;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseSummary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics tab on the samples, headless: it shows their outcomes, and a click on a row searches the library. */
class AnalyticsFxTest extends WorkbenchFxFixture {

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    @Test
    void theTabShowsTheSamplesOutcomesAndARowClickSearchesTheLibrary(FxRobot robot) throws Exception {
        TableView<CaseSummary> cases = robot.lookup("#cases").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.getItems().size() == 5);
        robot.interact(window::showAnalytics);
        TableView<OutcomeRow> rows = robot.lookup("#analytics-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        int decided = rows.getItems().stream().mapToInt(OutcomeRow::total).sum();
        assertThat(decided).isEqualTo(library.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT count(*) FROM items WHERE decision IN ('UPHELD', 'OVERTURNED')")) {
                rs.next();
                return rs.getInt(1);
            }
        }));

        // counts on a whole-number axis (across: the bars lie level), with room beyond the largest bar
        javafx.scene.chart.XYChart<?, ?> chart = robot.lookup("#analytics-chart").queryAs(
                javafx.scene.chart.XYChart.class);
        javafx.scene.chart.NumberAxis counts = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        int largest = rows.getItems().stream().mapToInt(OutcomeRow::total).max().orElseThrow();
        assertThat(counts.getUpperBound()).isGreaterThan(largest);
        assertThat(counts.getTickUnit()).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(counts.getTickUnit()));
        assertThat(counts.getTickMarks()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getValue().doubleValue()).isEqualTo(Math.rint(t.getValue().doubleValue()));
            assertThat(counts.getTickLabelFormatter().toString(t.getValue())).matches("\\d[\\d,]*");
        });

        OutcomeRow first = rows.getItems().get(0);
        robot.clickOn(robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && first.equals(r.getItem())).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.browser().queryProperty().get())
                .isEqualTo("category:" + first.key().toLowerCase(java.util.Locale.ROOT));
        assertThat(robot.lookup("#cases").queryTableView().isVisible()).isTrue();
        javafx.scene.control.Label status = robot.lookup("#browser-status").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().endsWith("match"));
    }

    @Test
    void aFewBarsAreNoThickerThanMany(FxRobot robot) throws Exception {
        TableView<CaseSummary> cases = robot.lookup("#cases").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.getItems().size() == 5);
        // letters with decision dates (the samples have none), for the months' bars
        java.nio.file.Path letters = java.nio.file.Files.createDirectories(dir.resolve("dated-" + System.nanoTime()));
        new org.imrworkbench.synth.CorpusWriter(5L, 0.0, false).write(letters, 12);
        new org.imrworkbench.ingest.ImportService(library).importPaths(java.util.List.of(letters),
                org.imrworkbench.ingest.ProgressListener.NONE, new org.imrworkbench.ingest.Cancellation());
        // one category: its bar stood the chart's whole height, the months' bars half its width each
        String category = library.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT i.category FROM items i JOIN cases c ON c.pk = i.case_pk"
                            + " WHERE i.decision IN ('UPHELD', 'OVERTURNED') AND c.decided IS NOT NULL"
                            + " GROUP BY i.category ORDER BY count(*) DESC LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        robot.interact(() -> {
            window.browser().queryProperty().set("category:" + category.toLowerCase(java.util.Locale.ROOT));
            window.browser().refresh();
            window.showAnalytics();
        });
        TableView<OutcomeRow> rows = robot.lookup("#analytics-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : java.util.List.of("#analytics-chart", "#analytics-monthly")) {
            javafx.scene.chart.XYChart<?, ?> chart = robot.lookup(id).queryAs(javafx.scene.chart.XYChart.class);
            boolean across = chart.getYAxis() instanceof javafx.scene.chart.CategoryAxis;
            var bars = chart.lookupAll(".chart-bar");
            assertThat(bars).as("the bars of %s", id).isNotEmpty();
            for (var bar : bars) {
                var b = bar.getBoundsInParent();
                double thickness = across ? b.getHeight() : b.getWidth();
                assertThat(thickness).as("a bar's thickness in %s", id)
                        .isLessThanOrEqualTo(org.imrworkbench.ui.analytics.AnalyticsView.MAX_BAR_THICKNESS + 1);
            }
        }
    }
}
