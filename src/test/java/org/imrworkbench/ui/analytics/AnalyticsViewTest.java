package org.imrworkbench.ui.analytics;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;
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
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analytics view, headless: the overturn rate by month follows each new search's months. (The chart used to keep
 * the months of the search before, which showed in the app under Xvfb, not headless; this holds every point to its
 * month whatever the toolkit does.)
 */
@ExtendWith(ApplicationExtension.class)
class AnalyticsViewTest {

    @TempDir
    Path dir;
    Library library;
    AnalyticsViewModel vm;
    AnalyticsView view;

    @Start
    void start(Stage stage) {
        library = Library.open(dir.resolve("library.db"));
        add("CM15-3000011", LocalDate.of(2015, 1, 5), Category.OPIOID, "Oxycodone 10mg #90");
        add("CM15-3000012", LocalDate.of(2015, 3, 5), Category.OPIOID, "Oxycodone 15mg #60");
        add("CM15-3000013", LocalDate.of(2015, 6, 9), Category.PHYSICAL_THERAPY, "Physical therapy, x 6");
        vm = new AnalyticsViewModel(new Analytics(library), Background.direct());
        view = new AnalyticsView(vm);
        stage.setScene(ComponentStyles.apply(new Scene(view, 1280, 800)));
        stage.show();
    }

    private void add(String caseNumber, LocalDate decided, Category category, String request) {
        Fixtures.add(library, Fixtures.letter(caseNumber, decided, LocalDate.of(2012, 5, 7),
                List.of("Internal Medicine"), List.of("California"), "A worker with low back pain.",
                Fixtures.item(request, Decision.OVERTURNED, category, null, null, "Rationale.", CitationSource.MTUS)));
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    @Test
    void eachSearchsRatePointsStandAtTheirOwnMonths(FxRobot robot) {
        robot.interact(vm::refresh);
        assertPointsAtTheirMonths("2015-01", "2015-03", "2015-06");

        // as a search is typed, one without matches (no months at all), then one of one month: its point at its
        // month, labelled, not at the axis's corner
        robot.interact(() -> {
            vm.queryProperty().set("category:nothing_of_the_kind");
            vm.refresh();
        });
        assertPointsAtTheirMonths();
        robot.interact(() -> {
            vm.queryProperty().set("category:physical_therapy");
            vm.refresh();
        });
        assertPointsAtTheirMonths("2015-06");

        robot.interact(() -> {
            vm.queryProperty().set("category:opioid");
            vm.refresh();
        });
        assertPointsAtTheirMonths("2015-01", "2015-03");
    }

    private void assertPointsAtTheirMonths(String... months) {
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<String, Number> chart = view.rateChart();
        assertThat(chart.getScene()).isNotNull();
        CategoryAxis axis = (CategoryAxis) chart.getXAxis();
        assertThat(axis.getCategories()).containsExactly(months);
        List<XYChart.Data<String, Number>> points = chart.getData().isEmpty() ? List.of()
                : chart.getData().get(0).getData();
        assertThat(points).extracting(XYChart.Data::getXValue).containsExactly(months);
        double width = axis.getWidth();
        for (XYChart.Data<String, Number> point : points) {
            Node symbol = point.getNode();
            double x = symbol.getLayoutX() + symbol.getLayoutBounds().getWidth() / 2 + symbol.getLayoutBounds().getMinX();
            assertThat(x).as("the point of %s", point.getXValue())
                    .isCloseTo(axis.getDisplayPosition(point.getXValue()), within(3.0));
            assertThat(x).as("inside the axis").isBetween(width / (2.0 * months.length) - 3, width);
        }
    }
}
