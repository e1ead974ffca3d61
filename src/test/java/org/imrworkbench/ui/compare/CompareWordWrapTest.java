package org.imrworkbench.ui.compare;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.ComponentStyles;
import org.imrworkbench.ui.InView;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison and its similar decisions wrap their text between words only, in the Compare tab of a laptop's
 * 1024×700 window and of a larger one (1280 wide: the headless screen's width): no word split over two lines ("CM16-|02371|63,", "Cyclobe|nzaprine"), and
 * a text cut short with an ellipsis only where its tooltip holds it whole.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWordWrapTest {

    private static final Pattern WORD = Pattern.compile("\\S+");

    @TempDir
    Path dir;
    Library library;
    Background background;
    CompareViewModel model;
    Stage stage;
    final List<String> ids = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        library = Library.open(dir.resolve("library.db"));
        String[][] items = {
            {"CM16-0237163", "Cyclobenzaprine 7.5mg #60", "UPHELD"},
            {"CM16-0247802", "Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16", "UPHELD"},
            {"CM16-0230548", "Cyclobenzaprine-hydrochloride 10mg #90 for muscle spasms", "OVERTURNED"},
            {"CM17-0009995", "Retrospective Cyclobenzaprine 7.5mg #18, per 12/07/2016 order", "UPHELD"},
            {"CM17-0007300", "One container of Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%", "OVERTURNED"},
            {"CM17-0012345", "Cyclobenzaprine 10mg #30", "UPHELD"},
        };
        for (String[] it : items) {
            ids.add(Fixtures.add(library, Fixtures.letter(it[0], LocalDate.of(2017, 1, 10), LocalDate.of(2016, 10, 13),
                    List.of("Physical Medicine & Rehabilitation", "Pediatric Rehabilitation Medicine"),
                    List.of("Texas", "Illinois"), "A worker with chronic neck pain and muscle spasms.",
                    Fixtures.item(it[1], Decision.valueOf(it[2]), Category.MUSCLE_RELAXANT, "Cyclobenzaprine",
                            "cyclobenzaprine", "Cyclobenzaprine is not recommended for longer than 2-3 weeks; "
                                    + "Overturned decisions documented functional improvement.",
                            CitationSource.MTUS, it[2].equals("OVERTURNED") ? CitationSource.ODG
                                    : CitationSource.MTUS))));
        }
        background = Background.forFx();
        model = new CompareViewModel(library, new SearchService(library), background);
        // the Compare tab's size in the main window at 1024×700: below the menus, search bar and tabs
        stage.setScene(ComponentStyles.apply(new Scene(new CompareView(model), 1024, 578)));
        stage.show();
        // set, not only asked of the scene: an earlier test may have sized the (shared) stage itself
        stage.setWidth(1024);
        stage.setHeight(578);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        // as the main window's tests leave the shared stage: the headless screen's size
        robot.interact(() -> {
            stage.setWidth(javafx.stage.Screen.getPrimary().getVisualBounds().getWidth());
            stage.setHeight(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight());
        });
        background.close();
        library.close();
    }

    @Test
    void wordsAreNeverSplitAtALaptopsSizeNorAtALargerOne(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.add(ids.get(0), 1);
            model.add(ids.get(1), 1);
            model.add(ids.get(2), 1);
            model.showSimilar(ids.get(0), 1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-request").queryAll().size() == 3
                && !robot.lookup(".similar-list").queryAs(ListView.class).getItems().isEmpty());
        settle();
        assertThat(splitWords(robot)).as("at 1024×700").isEmpty();
        assertThat(runningOff(robot)).as("at 1024×700").isEmpty();
        assertThat(splitTitles(robot)).as("at 1024×700").isEmpty();

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(778);
        });
        settle();
        assertThat(splitWords(robot)).as("1280 wide").isEmpty();
        assertThat(runningOff(robot)).as("1280 wide").isEmpty();
        assertThat(splitTitles(robot)).as("1280 wide").isEmpty();
        robot.interact(() -> model.add(ids.get(3), 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-request").queryAll().size() == 4);
        settle();
        assertThat(splitWords(robot)).as("four items, 1280 wide").isEmpty();
    }

    @Test
    void theHeadingsKeepItemAndItsNumberOnOneLine(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.add(ids.get(0), 1);
            model.add(ids.get(1), 1);
            stage.setWidth(1280);
            stage.setHeight(778);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-title").queryAll().size() == 2);
        settle();
        // however wide the columns, as the divider is moved (where the case number and "item" fitted a line and the
        // number did not, a "1" was left alone under them)
        javafx.scene.control.SplitPane split = robot.lookup(".compare-view .split-pane")
                .queryAs(javafx.scene.control.SplitPane.class);
        for (int percent = 50; percent <= 78; percent++) {
            double position = percent / 100.0;
            robot.interact(() -> split.setDividerPositions(position));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(splitTitles(robot)).as("the divider at %d%%", percent).isEmpty();
        }
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Every shown label's words that are split over two lines, and its texts cut short with no tooltip holding
     * them whole, as "label text: word".
     */
    private List<String> splitWords(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : robot.lookup(".compare-view").query().lookupAll(".label")) {
                if (!(n instanceof Labeled label) || !shown(label) || label.getText() == null) {
                    continue;
                }
                Text text = (Text) label.getChildrenUnmodifiable().stream()
                        .filter(c -> c.getClass().getSimpleName().equals("LabeledText")).findFirst().orElse(null);
                if (text == null || text.getText().isEmpty()) {
                    continue;
                }
                String shown = text.getText();
                boolean whole = shown.equals(label.getText());
                boolean explained = label.getTooltip() != null && label.getTooltip().getText() != null
                        && label.getTooltip().getText().contains(strip(label.getText()));
                if (!whole && !explained || shown.contains("\u2026") && !explained) {
                    problems.add(label.getText() + ": cut short to \u201C" + shown + "\u201D with no tooltip");
                }
                Matcher m = WORD.matcher(shown);
                while (m.find()) {
                    if (lines(text, m.start(), m.end()) > 1) {
                        problems.add(label.getText() + ": " + m.group());
                    }
                }
            }
        });
        return problems;
    }

    /** The compared items' headings whose "item 1" is split over two lines (a "1" alone on the last). */
    private List<String> splitTitles(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : robot.lookup(".compare-title").queryAll()) {
                Labeled title = (Labeled) n;
                Text text = (Text) title.getChildrenUnmodifiable().stream()
                        .filter(c -> c.getClass().getSimpleName().equals("LabeledText")).findFirst().orElseThrow();
                int at = text.getText().lastIndexOf("item");
                if (at >= 0 && lines(text, at, text.getText().length()) > 1) {
                    problems.add(title.getText() + " shown as it wraps at " + title.getWidth() + " pixels");
                }
            }
        });
        return problems;
    }

    /**
     * The buttons and labels of the similar decisions and of the comparison's headings that run out of their pane
     * (what a scroll pane or a list scrolls to is in reach).
     */
    private List<String> runningOff(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Node panel = robot.lookup(".similar-panel").query();
            for (Node n : panel.lookupAll(".label")) {
                check(n, problems);
            }
            for (Node n : panel.lookupAll(".button")) {
                check(n, problems);
            }
            for (Node title : robot.lookup(".compare-title").queryAll()) {
                for (Node n : title.getParent().lookupAll(".button")) {
                    check(n, problems);
                }
                for (Node n : title.getParent().lookupAll(".menu-button")) {
                    check(n, problems);
                }
            }
        });
        return problems;
    }

    private static void check(Node n, List<String> problems) {
        if (InView.treeVisible(n)) {
            InView.outside(n).ifPresent(problems::add);
        }
    }

    /** The text without an ellipsis it was cut short with. */
    private static String strip(String s) {
        int cut = s.indexOf('\u2026');
        return cut < 0 ? s : s.substring(0, Math.max(0, cut - 1));
    }

    /** On how many lines the characters from {@code start} to {@code end} of a text lie. */
    private static int lines(Text text, int start, int end) {
        Set<Long> tops = new TreeSet<>();
        for (PathElement e : text.rangeShape(start, end)) {
            if (e instanceof MoveTo move) {
                tops.add(Math.round(move.getY()));
            }
        }
        return tops.size();
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
