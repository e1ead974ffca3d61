package org.imrworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.model.Item;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrworkbench.ui.InView.cutShort;
import static org.imrworkbench.ui.InView.outside;
import static org.imrworkbench.ui.InView.treeVisible;

/**
 * A case whose letter made the parser warn: the header says how many warnings there are, the list shows each in
 * full, and a warning about an item goes to that item; a case without warnings shows no such control.
 */
class ParserWarningsFxTest extends WorkbenchFxFixture {

    static final List<String> WARNINGS = List.of(
            "Text before the first disputed item not placed: \"Please note that the requesting physician's office "
                    + "was cl...\"",
            "No decision rationale found",
            "No reviewer's guideline (\"MAXIMUS guideline:\") found");

    @Start
    void start(Stage stage) {
        startWorkbench(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<CaseSummary> cases(FxRobot robot) {
        return robot.lookup("#cases").queryTableView();
    }

    /** The letter with warnings imported beside the samples and shown in the case view, on its first item. */
    private String showTheCaseWithWarnings(FxRobot robot) throws Exception {
        waitFor(() -> cases(robot).getItems().size() == 5);
        String id = importLetterWithWarnings();
        waitFor(() -> cases(robot).getItems().size() == 6);
        show(robot, id);
        return id;
    }

    private void show(FxRobot robot, String id) throws Exception {
        robot.interact(() -> window.selectCase(id, 0));
        waitFor(() -> window.caseFile().recordProperty().get() != null
                && window.caseFile().recordProperty().get().id().equals(id)
                && robot.lookup("#item-request").tryQuery().isPresent());
    }

    private Button warningsButton(FxRobot robot) {
        return robot.lookup("#parser-warnings").queryButton();
    }

    private boolean listShown(FxRobot robot) {
        return robot.lookup("#parser-warning-list").tryQuery().filter(InView::treeVisible).isPresent();
    }

    private List<String> shownWarnings(FxRobot robot) {
        return robot.from(robot.lookup("#parser-warning-list").queryAs(Node.class)).lookup(".parser-warning-text")
                .queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private int selectedItemNumber() {
        Item item = window.caseFile().selectedItemProperty().get();
        return item == null ? -1 : item.number();
    }

    @Test
    void theHeaderCountsTheWarningsAndTheirListShowsEachInFullAndGoesToItsItem(FxRobot robot) throws Exception {
        showTheCaseWithWarnings(robot);
        Button button = warningsButton(robot);
        waitFor(() -> treeVisible(button));
        assertThat(button.getText()).isEqualTo("3 parser warnings");
        assertThat(cutShort(List.of(button))).isEmpty();
        assertThat(outside(button)).isEmpty();
        // the count is no longer the tail of the patient's line
        Label patient = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("Patient:")).findFirst().orElseThrow();
        assertThat(patient.getText()).doesNotContain("warning");

        robot.clickOn(button);
        waitFor(() -> listShown(robot));
        assertThat(shownWarnings(robot)).containsExactlyElementsOf(WARNINGS);
        Node list = robot.lookup("#parser-warning-list").query();
        assertThat(cutShort(robot.from(list).lookup(".parser-warning-text").queryAllAs(Labeled.class)))
                .as("warnings shown in full").isEmpty();
        // the two about an item offer to go to it; the other names none
        assertThat(robot.from(list).lookup(".parser-warning-go").queryAllAs(Hyperlink.class))
                .extracting(Hyperlink::getText).containsExactly("Go to item 2", "Go to item 3");

        assertThat(selectedItemNumber()).isEqualTo(1);
        robot.clickOn("#parser-warning-go-3");
        waitFor(() -> selectedItemNumber() == 3);
        ListView<Item> items = robot.lookup("#items").queryListView();
        assertThat(items.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        waitFor(() -> robot.lookup("#item-request").queryAs(Label.class).getText().contains("Xanax 1mg #60"));
        waitFor(() -> !listShown(robot));

        // open again: the other item's link goes to item 2
        robot.clickOn(button);
        waitFor(() -> listShown(robot));
        robot.clickOn("#parser-warning-go-2");
        waitFor(() -> selectedItemNumber() == 2);
        assertThat(items.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(robot.lookup("#item-request").queryAs(Label.class).getText()).contains("Tylenol 4 #90");
    }

    @Test
    void theWarningsOpenAndCloseFromTheKeyboard(FxRobot robot) throws Exception {
        showTheCaseWithWarnings(robot);
        Button button = warningsButton(robot);
        waitFor(() -> treeVisible(button));
        robot.interact(button::requestFocus);
        robot.type(KeyCode.SPACE);
        waitFor(() -> listShown(robot));
        assertThat(shownWarnings(robot)).containsExactlyElementsOf(WARNINGS);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !listShown(robot));
        robot.type(KeyCode.ENTER);
        waitFor(() -> listShown(robot));
        // the keys go to the list: its first link has the focus, Tab moves to the next, Space follows it
        assertThat(selectedItemNumber()).isEqualTo(1);
        Hyperlink first = robot.lookup("#parser-warning-go-2").queryAs(Hyperlink.class);
        assertThat(first.isFocused()).as("the first link has the focus").isTrue();
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        waitFor(() -> selectedItemNumber() == 3);
        waitFor(() -> !listShown(robot));
    }

    @Test
    void aCaseWithoutWarningsShowsNoWarningControl(FxRobot robot) throws Exception {
        String warned = showTheCaseWithWarnings(robot);
        Button button = warningsButton(robot);
        waitFor(() -> treeVisible(button));
        robot.clickOn(button);
        waitFor(() -> listShown(robot));

        String sample = cases(robot).getItems().stream().map(CaseSummary::id).filter(id -> !id.equals(warned))
                .findFirst().orElseThrow();
        show(robot, sample);
        waitFor(() -> !button.isVisible());
        assertThat(button.isManaged()).as("it takes no room").isFalse();
        assertThat(listShown(robot)).as("the list of the case before is closed").isFalse();
        assertThat(window.caseFile().recordProperty().get().letter().warnings()).isEmpty();
    }
}
