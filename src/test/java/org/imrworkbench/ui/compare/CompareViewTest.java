package org.imrworkbench.ui.compare;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.SearchService;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare view, headless: two items side by side, differences marked, similar decisions added in one click. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    @TempDir
    Path dir;
    Library library;
    Background background;
    CompareViewModel model;
    String upheld;
    String overturned;
    String third;

    @Start
    void start(Stage stage) {
        library = Library.open(dir.resolve("library.db"));
        upheld = add("CM15-0000101", Fixtures.item("Tramadol 50mg #120", Decision.UPHELD, Category.OPIOID,
                "Tramadol", "tramadol", "No documented functional improvement on tramadol.", CitationSource.MTUS));
        overturned = add("CM15-0000102", Fixtures.item("Tramadol ER 100mg #30", Decision.OVERTURNED,
                Category.OPIOID, "Tramadol", "tramadol", "Functional improvement documented with tramadol.",
                CitationSource.MTUS, CitationSource.ODG));
        third = add("CM15-0000103", Fixtures.item("Tramadol 50mg #60", Decision.UPHELD, Category.OPIOID,
                "Tramadol", "tramadol", "Tramadol without a pain contract.", CitationSource.MTUS));
        background = Background.forFx();
        model = new CompareViewModel(library, new SearchService(library), background);
        stage.setScene(ComponentStyles.apply(new Scene(new CompareView(model), 1280, 760)));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        background.close();
        library.close();
    }

    private String add(String caseNumber, Fixtures.ItemSpec item) {
        return Fixtures.add(library, Fixtures.letter(caseNumber, LocalDate.of(2015, 3, 1), LocalDate.of(2012, 5, 7),
                List.of("Pain Medicine"), List.of("California"), "A worker with chronic neck pain.", item));
    }

    @Test
    void twoItemsSideBySideWithTheDifferentDecisionMarked(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.add(upheld, 1);
            model.add(overturned, 1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-request").queryAll().size() == 2);

        assertThat(texts(robot, ".compare-request")).containsExactly("Tramadol 50mg #120", "Tramadol ER 100mg #30");
        assertThat(texts(robot, ".compare-decision .badge")).containsExactly("Upheld", "Overturned");
        assertThat(robot.lookup(".compare-decision.different").queryAll()).hasSize(2);
        assertThat(texts(robot, ".compare-decision .differs-note")).hasSize(2).allMatch(t -> t.contains("differ"));
        // ODG is cited by one of the two only
        assertThat(robot.lookup(".chip-different").queryAll()).hasSize(1);
        assertThat(robot.lookup(".compare-remove").queryAll()).hasSize(2);
    }

    @Test
    void removingAColumnAndAddingASimilarDecisionInOneClick(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.add(upheld, 1);
            model.add(overturned, 1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-remove").queryAll().size() == 2);
        click(robot, () -> robot.lookup(".compare-remove").nth(1).query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.items().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, ".compare-request")).containsExactly("Tramadol 50mg #120");
        assertThat(robot.lookup(".compare-decision.different").queryAll()).isEmpty();

        // the header was just rebuilt: fire its "Similar" button rather than chase it with the mouse
        robot.interact(() -> robot.lookup(".compare-similar").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> addButton(robot) != null);
        click(robot, () -> addButton(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".compare-request").queryAll().size() == 2);
        assertThat(model.items()).hasSize(2);
    }

    /**
     * Clicks a node found afresh on each try: under load a node found a moment ago may have been replaced by a
     * re-layout (list cells are reused, the comparison grid is rebuilt) before the mouse gets there.
     */
    private static void click(FxRobot robot, java.util.function.Supplier<Node> node) {
        for (int attempt = 1; ; attempt++) {
            try {
                robot.clickOn(node.get());
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /** The first enabled "Add" of the similar decisions shown. */
    private static Button addButton(FxRobot robot) {
        return robot.lookup(".similar-add").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && b.isVisible() && !b.isDisabled()
                        && b.getParent().getParent().getParent() instanceof javafx.scene.control.ListCell<?> cell
                        && !cell.isEmpty())
                .findFirst().orElse(null);
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().filter(Node::isVisible).map(Label::getText)
                .toList();
    }
}
