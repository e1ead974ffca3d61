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
}
