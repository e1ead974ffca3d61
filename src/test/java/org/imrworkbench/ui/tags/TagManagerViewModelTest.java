package org.imrworkbench.ui.tags;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.Tag;
import org.imrworkbench.library.TagUsage;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Rename, merge, recolour and delete through the view model, seen in the library; without the toolkit. */
class TagManagerViewModelTest {

    @TempDir
    Path dir;
    Library library;
    TagManagerViewModel model;
    AtomicInteger changes = new AtomicInteger();
    String first;
    String second;

    @BeforeEach
    void setUp() {
        library = Library.open(dir.resolve("library.db"));
        first = Fixtures.add(library, letter("CM15-0000201"));
        second = Fixtures.add(library, letter("CM15-0000202"));
        library.tags().tagCase(first, "urgent");
        library.tags().tagCase(second, "urgent");
        library.tags().tagItem(first, 1, "urgent");
        library.tags().tagCase(first, "follow up");
        library.tags().tagItem(second, 1, "follow-up");
        model = new TagManagerViewModel(library, Background.direct());
        model.onChanged(changes::incrementAndGet);
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    private static org.imrworkbench.model.Letter letter(String caseNumber) {
        return Fixtures.letter(caseNumber, LocalDate.of(2015, 1, 2), LocalDate.of(2013, 4, 5), List.of("Orthopedic Surgery"),
                List.of("California"), "Knee injury.", Fixtures.item("Knee MRI", Decision.UPHELD, Category.IMAGING,
                        "MRI", null, "Not indicated.", CitationSource.ACOEM));
    }

    private TagUsage usage(String name) {
        return library.tags().list().stream().filter(t -> t.tag().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTagsWithTheirCounts() {
        assertThat(model.tags()).extracting(t -> t.tag().name() + ":" + t.cases() + "/" + t.items())
                .containsExactly("follow up:1/0", "follow-up:0/1", "urgent:2/1");
        assertThat(changes).hasValue(0);
    }

    @Test
    void renameIsInTheLibraryAndKeepsTheTagSelected() {
        model.rename("urgent", "  Priority ");

        assertThat(library.tags().find("urgent")).isEmpty();
        assertThat(usage("Priority").cases()).isEqualTo(2);
        assertThat(model.selectedProperty().get().tag().name()).isEqualTo("Priority");
        assertThat(model.messageProperty().get()).isEqualTo("Renamed “urgent” to “Priority”.");
        assertThat(changes).hasValue(1);
    }

    @Test
    void renameToAnotherTagsNameIsRefusedWithAReason() {
        model.rename("follow up", "urgent");

        assertThat(library.tags().find("follow up")).isPresent();
        assertThat(model.messageProperty().get()).contains("already exists").contains("merge")
                .doesNotContain("Exception");
        assertThat(changes).hasValue(0);
    }

    @Test
    void mergeMovesEveryUse() {
        model.merge("follow-up", "follow up");

        assertThat(library.tags().find("follow-up")).isEmpty();
        assertThat(usage("follow up")).extracting(TagUsage::cases, TagUsage::items).containsExactly(1, 1);
        assertThat(library.loadCase(second).orElseThrow().itemTags(1)).containsExactly("follow up");
        assertThat(model.tags()).hasSize(2);
        assertThat(model.selectedProperty().get().tag().name()).isEqualTo("follow up");
    }

    @Test
    void recolourAndBackToTheDefault() {
        model.recolour("urgent", "#d1242f");
        assertThat(library.tags().find("urgent")).map(Tag::color).contains("#d1242f");
        assertThat(model.selectedProperty().get().tag().color()).isEqualTo("#d1242f");

        model.recolour("urgent", null);
        assertThat(library.tags().find("urgent")).map(Tag::color).isEmpty();
        assertThat(changes).hasValue(2);
    }

    @Test
    void deleteTakesTheTagOffEveryCaseAndItem() {
        assertThat(TagManagerViewModel.deleteQuestion(usage("urgent")))
                .isEqualTo("Delete the tag “urgent”? 2 cases and 1 item lose it.");
        assertThat(TagManagerViewModel.deleteQuestion(usage("follow-up")))
                .isEqualTo("Delete the tag “follow-up”? 1 item loses it.");

        model.delete("urgent");

        assertThat(library.tags().find("urgent")).isEmpty();
        assertThat(library.loadCase(first).orElseThrow().tags()).containsExactly("follow up");
        assertThat(library.loadCase(first).orElseThrow().itemTags(1)).isEmpty();
        assertThat(model.tags()).extracting(t -> t.tag().name()).containsExactly("follow up", "follow-up");
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void coloursReadAndWriteAsHex() {
        assertThat(TagManagerView.hex(javafx.scene.paint.Color.web("#D1242F"))).isEqualTo("#d1242f");
        assertThat(TagManagerView.colour("red")).isEqualTo(javafx.scene.paint.Color.RED);
        assertThat(TagManagerView.colour("not a colour")).isNull();
    }
}
