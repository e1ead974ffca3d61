package org.imrworkbench.ui;

import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseSummary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrworkbench.ui.InView.cutShort;
import static org.imrworkbench.ui.InView.inVirtualFlow;
import static org.imrworkbench.ui.InView.outside;
import static org.imrworkbench.ui.InView.rowsInView;
import static org.imrworkbench.ui.InView.treeVisible;
import static org.imrworkbench.ui.InView.visibleHeight;

/**
 * The main window as it opens on a laptop's 1024×700 screen (headless): the case table keeps a handful of rows in
 * view, the case view its summary and rationale, every button lies inside the window or is offered in a "…" menu,
 * column headings and dates are not cut short, the analytics chart has room for its bars; and a window remembered
 * from a larger screen opens inside this one.
 */
class SmallScreenFxTest extends WorkbenchFxFixture {

    static final double WIDTH = 1024;
    static final double HEIGHT = 700;

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    @Override
    protected void remembered(Settings settings) {
        settings.putDouble("window.width", WIDTH);
        settings.putDouble("window.height", HEIGHT);
    }

    /** The shared stage back at the headless screen's size, as the other window tests leave it. */
    @org.junit.jupiter.api.AfterEach
    void screenSized(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        robot.interact(() -> {
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<CaseSummary> cases(FxRobot robot) {
        return robot.lookup("#cases").queryTableView();
    }

    /** The samples listed, and the one with the most items shown in the case view, at 1024×700. */
    private void showACase(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        assertThat(stage.getScene().getWidth()).isEqualTo(WIDTH);
        assertThat(stage.getScene().getHeight()).isEqualTo(HEIGHT);
        CaseSummary most = cases(robot).getItems().stream().max(Comparator.comparingInt(CaseSummary::itemCount))
                .orElseThrow();
        robot.interact(() -> cases(robot).getSelectionModel().select(most));
        waitFor(() -> window.caseFile().recordProperty().get() != null
                && window.caseFile().recordProperty().get().id().equals(most.id())
                && robot.lookup("#item-request").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the split panes settle after the first layout
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCaseTableKeepsFiveRowsInViewAndTheCaseItsSummaryAndRationale(FxRobot robot) throws Exception {
        showACase(robot);
        assertThat(rowsInView(cases(robot))).as("case rows wholly in view").isGreaterThanOrEqualTo(5);
        Region summary = robot.lookup("#summary-text").queryAs(StyleClassedTextArea.class);
        Region rationale = robot.lookup("#rationale-text").queryAs(StyleClassedTextArea.class);
        // lines of the letter's text (19 pixels each): eight of the summary, four of the rationale at the least
        assertThat(visibleHeight(summary)).as("summary height").isGreaterThanOrEqualTo(150);
        assertThat(visibleHeight(rationale)).as("rationale height").isGreaterThanOrEqualTo(90);
    }

    @Test
    void everyButtonOfTheCaseViewIsInTheWindowOrInItsMoreMenu(FxRobot robot) throws Exception {
        showACase(robot);
        Node caseView = robot.lookup("#case-view").query();
        List<String> problems = new ArrayList<>();
        // whatever is shown lies wholly inside the window and inside each pane that holds it
        for (Node n : robot.from(caseView).lookup((Node n) -> n instanceof ButtonBase
                || n instanceof Labeled || n instanceof TextInputControl).queryAll()) {
            if (treeVisible(n) && !inVirtualFlow(n)) {
                outside(n).ifPresent(problems::add);
            }
        }
        // and each of the case's and the item's actions is shown, or is an entry of a "…" menu that is shown
        for (String id : List.of("case-note", "highlight-summary", "highlight-rationale", "item-guidelines",
                "item-note", "compare-item")) {
            ButtonBase button = (ButtonBase) robot.from(caseView).lookup("#" + id).tryQuery().orElse(null);
            if (button == null) {
                problems.add("no button #" + id);
            } else if (!treeVisible(button)) {
                String name = button.getAccessibleText() != null ? button.getAccessibleText() : button.getText();
                boolean offered = robot.from(caseView).lookup(".overflow-menu").queryAllAs(MenuButton.class).stream()
                        .filter(InView::treeVisible)
                        .flatMap(m -> m.getItems().stream()).map(MenuItem::getText).anyMatch(name::equals);
                if (!offered) {
                    problems.add(id + " (" + name + ") is neither shown nor in a shown \"…\" menu");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theParserWarningsOfACaseAndTheirListFitTheWindow(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        String id = importLetterWithWarnings();
        waitFor(() -> cases(robot).getItems().size() == 6);
        robot.interact(() -> window.selectCase(id, 0));
        waitFor(() -> window.caseFile().recordProperty().get() != null
                && window.caseFile().recordProperty().get().id().equals(id)
                && robot.lookup("#item-request").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button warnings = robot.lookup("#parser-warnings").queryButton();
        List<String> problems = new ArrayList<>();
        assertThat(treeVisible(warnings)).isTrue();
        outside(warnings).ifPresent(problems::add);
        problems.addAll(cutShort(List.of(warnings)));
        // the header's other controls keep their place beside it
        for (String other : List.of("#case-title", "#case-tag-field")) {
            outside(robot.lookup(other).query()).ifPresent(problems::add);
        }
        assertThat(problems).isEmpty();

        robot.clickOn(warnings);
        waitFor(() -> robot.lookup("#parser-warning-list").tryQuery().isPresent());
        Node list = robot.lookup("#parser-warning-list").query();
        javafx.stage.Window popup = list.getScene().getWindow();
        Rectangle2D shown = new Rectangle2D(popup.getX(), popup.getY(), popup.getWidth(), popup.getHeight());
        Rectangle2D inside = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertThat(inside.contains(shown)).as(shown + " inside the window at " + inside).isTrue();
        assertThat(cutShort(robot.from(list).lookup(".parser-warning-text").queryAllAs(Labeled.class))).isEmpty();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void thePrecedentsOfAnItemKeepTheirButtonsInView(FxRobot robot) throws Exception {
        showACase(robot);
        robot.interact(window::showPrecedents);
        javafx.scene.control.ListView<?> list = robot.lookup("#precedent-list").queryListView();
        waitFor(() -> !list.getItems().isEmpty());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        List<Node> buttons = new ArrayList<>(robot.from(list).lookup((Node n) -> n instanceof ButtonBase).queryAll());
        assertThat(buttons).isNotEmpty();
        for (Node n : buttons) {
            if (treeVisible(n)) {
                outside(n).ifPresent(problems::add);
            }
        }
        assertThat(problems).isEmpty();
        // and the list has room for a few of them under the phrases
        assertThat(visibleHeight(list)).as("height of the list of precedents").isGreaterThanOrEqualTo(100);
    }

    @Test
    void theCaseTablesHeadingsDatesAndCountsAreNotCutShort(FxRobot robot) throws Exception {
        showACase(robot);
        TableView<CaseSummary> table = cases(robot);
        List<String> cut = new ArrayList<>(cutShort(robot.from(table).lookup(".column-header .label")
                .queryAllAs(Labeled.class)));
        for (Node cell : robot.from(table).lookup(".table-cell").queryAll()) {
            javafx.scene.control.TableCell<?, ?> c = (javafx.scene.control.TableCell<?, ?>) cell;
            String column = c.getTableColumn() == null ? "" : c.getTableColumn().getText();
            if (List.of("Case", "Decided", "Injury", "Items").contains(column) && !c.isEmpty()) {
                cut.addAll(cutShort(List.of(c)));
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void theAnalyticsChartHasRoomForItsBarsAndTheTableItsHeadings(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        robot.interact(window::showAnalytics);
        TableView<OutcomeRow> rows = robot.lookup("#analytics-table").queryTableView();
        waitFor(() -> !rows.getItems().isEmpty());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.XYChart<?, ?> chart = robot.lookup("#analytics-chart").queryAs(
                javafx.scene.chart.XYChart.class);
        int bars = chart.getData().get(0).getData().size();
        assertThat(bars).isGreaterThan(3);
        // room for each bar and its name, whichever way they lie, and for the counts beside them
        Region plot = robot.from(chart).lookup(".chart-plot-background").queryAs(Region.class);
        assertThat(plot.getHeight()).as("height of the chart's plot").isGreaterThanOrEqualTo(Math.max(100, 18 * bars));
        assertThat(plot.getWidth()).as("width of the chart's plot").isGreaterThanOrEqualTo(250);
        assertThat(cutShort(robot.from(rows).lookup(".column-header .label").queryAllAs(Labeled.class))).isEmpty();
        // the toolbar's buttons: in the window, or in its "…" menu
        Node view = robot.lookup("#analytics-view").query();
        List<String> problems = new ArrayList<>();
        for (Node n : robot.from(view).lookup((Node n) -> n instanceof ButtonBase).queryAll()) {
            if (treeVisible(n) && !inVirtualFlow(n)) {
                outside(n).ifPresent(problems::add);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCompareTabLeavesTheComparisonThreeQuartersAndItsHeadingsInView(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        robot.interact(() -> {
            for (CaseSummary c : cases(robot).getItems().subList(0, 3)) {
                window.compare().add(c.id(), 1);
            }
            ((javafx.scene.control.TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(1);
        });
        waitFor(() -> robot.lookup(".compare-title").queryAll().size() == 3);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // the similar decisions take a quarter of the width, or their least (280 and padding), not more
        Region panel = robot.lookup(".similar-panel").queryAs(Region.class);
        assertThat(panel.getWidth()).as("width of the similar decisions")
                .isLessThanOrEqualTo(Math.max(0.26 * WIDTH, panel.minWidth(-1)) + 20);
        List<String> problems = new ArrayList<>();
        for (Node title : robot.lookup(".compare-title").queryAll()) {
            for (Node n : robot.from(title.getParent()).lookup((Node n) -> n instanceof ButtonBase
                    || n instanceof Labeled).queryAll()) {
                if (treeVisible(n)) {
                    outside(n).ifPresent(problems::add);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The comparison's scroll pane, once the first {@code n} samples' first items are compared. */
    private ScrollPane compareItems(FxRobot robot, int n) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        robot.interact(() -> {
            for (CaseSummary c : cases(robot).getItems().subList(0, n)) {
                window.compare().add(c.id(), 1);
            }
            ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(1);
        });
        waitFor(() -> robot.lookup(".compare-title").queryAll().size() == n);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        for (Node at = robot.lookup(".compare-grid").query(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane scroll) {
                return scroll;
            }
        }
        throw new AssertionError("the comparison is not in a scroll pane");
    }

    /** Whether a scroll pane shows its scroll bar across. */
    private static boolean scrollsSideways(ScrollPane scroll) {
        return scroll.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    @Test
    void threeComparedItemsFitTheComparisonsWidthWithNoScrollingSideways(FxRobot robot) throws Exception {
        ScrollPane scroll = compareItems(robot, 3);
        Region grid = robot.lookup(".compare-grid").queryAs(Region.class);
        double[] widths = new double[3];
        boolean[] sideways = new boolean[1];
        robot.interact(() -> {
            widths[0] = grid.getWidth();
            widths[1] = grid.minWidth(-1);
            widths[2] = scroll.getViewportBounds().getWidth();
            sideways[0] = scrollsSideways(scroll);
        });
        assertThat(widths[0]).as("the grid's width (its least %.0f) in a view %.0f wide", widths[1], widths[2])
                .isLessThanOrEqualTo(widths[2]);
        assertThat(sideways[0]).as("a scroll bar across the comparison").isFalse();
        // and with room to spare, so that another font or case number does not tip it over
        assertThat(widths[1]).as("the grid's least width").isLessThanOrEqualTo(widths[2] - 12);
    }

    @Test
    void fourComparedItemsScrollSidewaysRatherThanSqueezeTheirColumns(FxRobot robot) throws Exception {
        ScrollPane scroll = compareItems(robot, 4);
        List<Double> columns = new ArrayList<>();
        boolean[] sideways = new boolean[1];
        robot.interact(() -> {
            for (Node title : robot.lookup(".compare-title").queryAll()) {
                columns.add(((Region) title.getParent().getParent()).getWidth()); // the heading's cell
            }
            sideways[0] = scrollsSideways(scroll);
        });
        // a column keeps room for a case number and its "…", and some 25 characters of a rationale a line
        assertThat(columns).hasSize(4).allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(180));
        assertThat(sideways[0]).as("a scroll bar across the comparison").isTrue();
    }

    @Test
    void aWindowRememberedFromALargerScreenOpensInsideThisOne(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Settings settings = freshSettings("test-larger-" + System.nanoTime());
        settings.putDouble("window.width", screen.getWidth() + 400);
        settings.putDouble("window.height", screen.getHeight() + 200);
        settings.putDouble("window.x", screen.getMinX() + screen.getWidth() / 2);
        settings.putDouble("window.y", screen.getMinY() + screen.getHeight() / 3);
        robot.interact(() -> {
            stage.close();
            window = new MainWindow(stage, library, settings, background);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D shown = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertThat(screen.contains(shown)).as(shown + " inside " + screen).isTrue();
        assertThat(shown.getWidth()).isEqualTo(screen.getWidth());
        assertThat(shown.getHeight()).isEqualTo(screen.getHeight());
    }
}
