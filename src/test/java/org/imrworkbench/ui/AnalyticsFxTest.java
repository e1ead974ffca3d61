package org.imrworkbench.ui;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
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
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics tab on the samples, headless: it shows their outcomes, and a click on a row searches the library. */
@ExtendWith(ApplicationExtension.class)
class AnalyticsFxTest {

    @TempDir
    static Path dir;
    private Library library;
    private MainWindow window;
    private Background background;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        library = Library.open(dir.resolve("library-" + System.nanoTime() + ".db"));
        background = Background.forFx();
        Preferences node = Preferences.userRoot().node("org/imrworkbench/test-" + System.nanoTime());
        node.clear();
        window = new MainWindow(stage, library, new Settings(node), background);
        window.show();
        WorkbenchApp.importSamples(library, background, report -> window.browser().refresh());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get();
        background.close();
        library.close();
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
