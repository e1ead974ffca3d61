package org.imrworkbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
import org.imrworkbench.ui.browser.FacetEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workstation as a user drives it, headless: first start with the samples, search and facets, reading a case
 * item by item with the summary in view, tags, and a highlight with a note that is still there after a restart.
 */
class MainWindowFxTest extends WorkbenchFxFixture {

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<CaseSummary> table(FxRobot robot) {
        return robot.lookup("#cases").queryTableView();
    }

    /** The help's list of shortcuts names every shortcut of the menus, and its search examples all parse. */
    @Test
    void theHelpListsEveryMenuShortcutAndSearchesThatParse(FxRobot robot) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String[] row : MainWindow.SHORTCUTS) {
            for (String key : row[0].split(" \u00b7 ")) {
                listed.add(key);
            }
        }
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.List<String> accelerators = new java.util.ArrayList<>();
        for (javafx.scene.control.Menu menu : bar.getMenus()) {
            for (javafx.scene.control.MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    accelerators.add(item.getAccelerator().getDisplayText());
                }
            }
        }
        assertThat(accelerators).isNotEmpty();
        assertThat(listed).containsAll(accelerators);
        for (String[] row : MainWindow.SEARCH_SYNTAX) {
            for (String example : row[0].split(" \u00b7 ")) {
                org.imrworkbench.search.SearchQuery q = org.imrworkbench.search.QueryParser.parse(example);
                assertThat(q.hasText() || !q.filters().isEmpty() || !q.excluded().isEmpty()
                        || !q.excludedFilters().isEmpty()).as(example).isTrue();
                if (example.contains(":")) {
                    assertThat(example.startsWith("-") ? q.excludedFilters() : q.filters()).as(example).isNotEmpty();
                }
                if (example.contains(" +")) {
                    assertThat(q.required()).as(example).isNotEmpty();
                }
            }
        }
    }

    @Test
    void firstStartShowsTheSamplesAndSearchAndFacetsNarrowTheTable(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        robot.clickOn("#search").write("xanax");
        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(robot.lookup("#browser-status").queryAs(Label.class).getText()).isEqualTo("1 case of 5 match");

        robot.doubleClickOn("#search").eraseText(5);
        waitFor(() -> table(robot).getItems().size() == 5);
        ListView<FacetEntry> categories = robot.lookup("#facet-category").queryListView();
        FacetEntry benzodiazepine = categories.getItems().stream()
                .filter(e -> e.value().equals("benzodiazepine")).findFirst().orElseThrow();
        robot.interact(() -> categories.scrollTo(benzodiazepine));
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && benzodiazepine.equals(c.getItem())).queryAs(javafx.scene.Node.class));
        waitFor(() -> table(robot).getItems().size() == 2);
        assertThat(window.browser().queryProperty().get()).isEqualTo("category:benzodiazepine");
    }

    @Test
    void aFacetWithNoValueAmongTheMatchesSaysSo(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        robot.clickOn("#search").write("zebra");
        waitFor(() -> table(robot).getItems().isEmpty());
        ListView<FacetEntry> categories = robot.lookup("#facet-category").queryListView();
        waitFor(() -> categories.getItems().isEmpty());
        Label none = robot.from(categories).lookup(".facet-empty").queryAs(Label.class);
        assertThat(none.getText()).isEqualTo("None among the matches");
        assertThat(none.isVisible()).isTrue();
    }

    @Test
    void theFacetOfWarningsAndNotesIsOpenAtTheTopAndSaysWhenNoLetterNeedsChecking(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        ListView<FacetEntry> has = robot.lookup("#facet-has").queryListView();
        javafx.scene.control.TitledPane pane = (javafx.scene.control.TitledPane) has.getParent().getParent();
        assertThat(pane.getText()).isEqualTo("Warnings, notes");
        assertThat(pane.isExpanded()).isTrue();
        assertThat(((javafx.scene.layout.VBox) pane.getParent()).getChildren().get(0)).isSameAs(pane);
        // the samples parse cleanly and carry no note
        waitFor(() -> window.browser().facetsCountedProperty().get());
        assertThat(has.getItems()).isEmpty();
        assertThat(robot.from(has).lookup(".facet-empty").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void readingACaseItemByItemKeepsTheSummaryInView(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        CaseSummary threeItems = table(robot).getItems().stream().filter(c -> c.itemCount() == 3
                && c.firstSpecialty().startsWith("Physical")).findFirst().orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(threeItems));
        StyleClassedTextArea summary = robot.lookup("#summary-text").queryAs(StyleClassedTextArea.class);
        waitFor(() -> summary.getText().startsWith("The patient is a 46 years old male"));
        Label request = robot.lookup("#item-request").queryAs(Label.class);
        assertThat(request.getText()).contains("Cyclobenzaprine #60");
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Tylenol 4 #90"));
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Xanax 1mg #60"));
        assertThat(robot.lookup("#item-decision").queryAs(Label.class).getText()).isEqualTo("Upheld");
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getText()).startsWith("The patient is a 46 years old male");
        StyleClassedTextArea rationale = robot.lookup("#rationale-text").queryAs(StyleClassedTextArea.class);
        assertThat(rationale.getText()).contains("Xanax since 07/15/14");
    }

    @Test
    void aSearchThatLeavesOutTheCaseBeingReadTakesItOutOfViewWithTheWayBack(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        CaseSummary threeItems = table(robot).getItems().stream().filter(c -> c.itemCount() == 3
                && c.firstSpecialty().startsWith("Physical")).findFirst().orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(threeItems));
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Cyclobenzaprine #60"));
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Tylenol 4 #90"));

        // a search that still lists it keeps it selected and in view, on its item
        robot.clickOn("#search").write("tylenol");
        waitFor(() -> table(robot).getItems().size() == 2);
        assertThat(table(robot).getSelectionModel().getSelectedItems()).extracting(CaseSummary::id)
                .containsExactly(threeItems.id());
        assertThat(robot.lookup("#item-request").queryAs(Label.class).getText()).contains("Tylenol 4 #90");

        // one that leaves it out: no case in view, and why
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText("zebra"));
        waitFor(() -> table(robot).getItems().isEmpty());
        javafx.scene.Node notice = robot.lookup("#not-listed-notice").query();
        waitFor(notice::isVisible);
        Label why = robot.lookup("#not-listed").queryAs(Label.class);
        assertThat(why.getText()).isEqualTo("No case matches this search, so the case you were reading, "
                + threeItems.id() + ", is not shown.");
        assertThat(window.caseFile().recordProperty().get()).isNull();

        // back: the search that listed it, the case selected and in view on the same item
        javafx.scene.control.Button back = robot.lookup("#back-to-case").queryButton();
        assertThat(back.getText()).isEqualTo("Back to \u201Ctylenol\u201D and show it");
        robot.clickOn(back);
        waitFor(() -> window.caseFile().recordProperty().get() != null);
        assertThat(window.browser().queryProperty().get()).isEqualTo("tylenol");
        assertThat(table(robot).getSelectionModel().getSelectedItem().id()).isEqualTo(threeItems.id());
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Tylenol 4 #90"));
        assertThat(notice.isVisible()).isFalse();
    }

    @Test
    void aTagAddedToACaseFiltersTheTable(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        String id = table(robot).getItems().get(0).id();
        waitFor(() -> window.caseFile().recordProperty().get() != null);
        robot.clickOn("#case-tag-field").write("appeal").type(KeyCode.ENTER);
        waitFor(() -> window.caseFile().recordProperty().get().tags().contains("appeal"));
        // the robot's keyboard has no colon under Monocle: the filter is put in the field as a paste would
        robot.interact(() -> robot.lookup("#search").queryTextInputControl().setText("tag:appeal"));
        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).id()).isEqualTo(id);
        assertThat(table(robot).getItems().get(0).tags()).containsExactly("appeal");
    }

    @Test
    void aHighlightWithANoteIsThereAgainAfterARestart(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getItems().size() == 5);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        String id = table(robot).getItems().get(0).id();
        StyleClassedTextArea summary = robot.lookup("#summary-text").queryAs(StyleClassedTextArea.class);
        waitFor(() -> !summary.getText().isEmpty() && window.caseFile().recordProperty().get() != null);
        String quote = summary.getText().substring(0, 30);
        robot.clickOn(summary);
        robot.interact(() -> summary.selectRange(0, 30));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.clickOn(".dialog-pane .text-field").write("Decisive for the appeal").type(KeyCode.ENTER);
        waitFor(() -> window.caseFile().annotations().size() == 1);

        // restart: a new window on the same library file
        Path file = library.file();
        robot.interact(() -> stage.close());
        library.close();
        library = Library.open(file);
        robot.interact(() -> {
            window = new MainWindow(stage, library, freshSettings("test-restart-" + System.nanoTime()), background);
            window.show();
        });
        waitFor(() -> table(robot).getItems().size() == 5);
        robot.interact(() -> window.selectCase(id, 0));
        waitFor(() -> window.caseFile().annotations().size() == 1);
        Annotation a = window.caseFile().annotations().get(0);
        assertThat(a.quote()).isEqualTo(quote);
        assertThat(a.note()).isEqualTo("Decisive for the appeal");
        robot.clickOn("Notes (1)");
        ListView<Annotation> notes = robot.lookup("#notes").queryListView();
        assertThat(notes.getItems()).extracting(Annotation::note).containsExactly("Decisive for the appeal");
    }
}
