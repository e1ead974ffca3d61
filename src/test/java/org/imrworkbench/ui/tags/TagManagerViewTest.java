package org.imrworkbench.ui.tags;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.TagUsage;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Renaming a tag through the tag manager, headless. */
@ExtendWith(ApplicationExtension.class)
class TagManagerViewTest {

    @TempDir
    Path dir;
    Library library;
    Background background;
    TagManagerViewModel model;
    AtomicInteger changes = new AtomicInteger();

    @Start
    void start(Stage stage) {
        library = Library.open(dir.resolve("library.db"));
        String id = Fixtures.add(library, Fixtures.letter("CM15-0000301", LocalDate.of(2015, 1, 2), null,
                List.of("Neurology"), List.of("California"), "Headaches.", Fixtures.item("Botox injection",
                        Decision.OVERTURNED, Category.INJECTION, "Botox", null, "Criteria met.", CitationSource.ODG)));
        library.tags().tagCase(id, "to review");
        library.tags().tagCase(id, "appeal");
        background = Background.forFx();
        model = new TagManagerViewModel(library, background);
        model.onChanged(changes::incrementAndGet);
        stage.setScene(ComponentStyles.apply(new Scene(new TagManagerView(model), 860, 540)));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        background.close();
        library.close();
    }

    @Test
    void renameThroughTheUi(FxRobot robot) throws Exception {
        TableView<TagUsage> table = robot.lookup(".tag-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        robot.clickOn("to review");
        robot.doubleClickOn(".tag-name-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Reviewed by Dr. Lee");
        robot.clickOn(".tag-rename");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> changes.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(library.tags().find("to review")).isEmpty();
        assertThat(library.tags().find("Reviewed by Dr. Lee")).isPresent();
        assertThat(table.getItems()).extracting(t -> t.tag().name()).containsExactly("appeal", "Reviewed by Dr. Lee");
        assertThat(table.getSelectionModel().getSelectedItem().tag().name()).isEqualTo("Reviewed by Dr. Lee");
        assertThat(robot.lookup(".tag-message").queryLabeled().getText()).contains("Renamed");
    }
}
