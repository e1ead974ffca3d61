package org.imrworkbench.ui;

import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.AnnotationField;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.browser.BrowserViewModel;
import org.imrworkbench.ui.browser.FacetEntry;
import org.imrworkbench.ui.browser.QueryFilters;
import org.imrworkbench.ui.casefile.CaseViewModel;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's and the case view's view models, without the JavaFX toolkit. */
class BrowserAndCaseViewModelTest {

    @TempDir
    Path dir;
    Library library;
    BrowserViewModel browser;
    CaseViewModel caseFile;

    @BeforeEach
    void samples() {
        library = Fixtures.seedLibrary(dir.resolve("lib.db"));
        Background direct = Background.direct();
        browser = new BrowserViewModel(library, new SearchService(library), direct);
        caseFile = new CaseViewModel(library, direct);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aBlankQueryListsEveryCaseAndWordsNarrowIt() {
        browser.refresh();
        assertThat(browser.cases()).hasSize(5);
        assertThat(browser.statusProperty().get()).isEqualTo("5 cases in the library");
        browser.queryProperty().set("xanax");
        browser.refresh();
        assertThat(browser.cases()).singleElement().satisfies(c -> assertThat(c.itemCount()).isEqualTo(3));
        assertThat(browser.statusProperty().get()).isEqualTo("1 case of 5 match");
    }

    @Test
    void clickingAFacetAddsItsFilterAndClickingAgainRemovesIt() {
        browser.refresh();
        FacetEntry benzodiazepines = browser.facetsProperty().get().get(BrowserViewModel.Facet.CATEGORY).stream()
                .filter(e -> e.value().equals("benzodiazepine")).findFirst().orElseThrow();
        assertThat(benzodiazepines.count()).isEqualTo(2);
        assertThat(benzodiazepines.label()).isEqualTo("Benzodiazepine");
        browser.toggle(benzodiazepines);
        assertThat(browser.queryProperty().get()).isEqualTo("category:benzodiazepine");
        assertThat(browser.cases()).hasSize(2);
        FacetEntry active = browser.facetsProperty().get().get(BrowserViewModel.Facet.CATEGORY).stream()
                .filter(FacetEntry::active).findFirst().orElseThrow();
        browser.toggle(active);
        assertThat(browser.queryProperty().get()).isEmpty();
        assertThat(browser.cases()).hasSize(5);
    }

    @Test
    void queryFiltersEditOnlyTheirOwnTerm() {
        assertThat(QueryFilters.toggle("lumbar MRI", "decision", "overturned")).isEqualTo("lumbar MRI decision:overturned");
        assertThat(QueryFilters.toggle("lumbar decision:overturned MRI", "decision", "overturned")).isEqualTo("lumbar MRI");
        assertThat(QueryFilters.toggle("x", "specialty", "Family Practice")).isEqualTo("x specialty:\"Family Practice\"");
        assertThat(QueryFilters.has("specialty:\"family practice\"", "specialty", "Family Practice")).isTrue();
        // a required filter (+) is a filter of the query like any other: shown as chosen, removed whole
        assertThat(QueryFilters.has("guideline:mtus +guideline:odg", "guideline", "odg")).isTrue();
        assertThat(QueryFilters.toggle("guideline:mtus +guideline:odg knee", "guideline", "odg"))
                .isEqualTo("guideline:mtus knee");
        assertThat(QueryFilters.has("-guideline:odg", "guideline", "odg")).isFalse();
        assertThat(QueryFilters.words("knee +guideline:odg")).containsExactly("knee");
        assertThat(QueryFilters.words("\"physical therapy\" lumbar* -knee decision:upheld OR MRI"))
                .containsExactly("physical therapy", "lumbar*", "MRI");
    }

    @Test
    void steppingThroughItemsAndTaggingACaseAndAnItem() {
        browser.refresh();
        String id = browser.cases().stream().filter(c -> c.itemCount() == 3).findFirst().orElseThrow().id();
        caseFile.load(id, 0);
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(1);
        caseFile.nextItem();
        caseFile.nextItem();
        caseFile.nextItem();
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(3);
        caseFile.previousItem();
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(2);

        caseFile.addCaseTag("  appeal   candidate ");
        caseFile.addItemTag("weaning");
        assertThat(caseFile.recordProperty().get().tags()).containsExactly("appeal candidate");
        assertThat(caseFile.recordProperty().get().itemTags(2)).containsExactly("weaning");
        assertThat(caseFile.knownTags()).contains("appeal candidate", "weaning");
        assertThat(caseFile.selectedItemProperty().get().number()).as("the item stays selected").isEqualTo(2);

        browser.queryProperty().set("tag:weaning");
        browser.refresh();
        assertThat(browser.cases()).extracting(c -> c.id()).containsExactly(id);
        caseFile.removeCaseTag("appeal candidate");
        assertThat(caseFile.recordProperty().get().tags()).isEmpty();
    }

    @Test
    void aMessageAboutOneCaseIsClearedWhenAnotherIsShown() {
        browser.refresh();
        String first = browser.cases().get(0).id();
        String second = browser.cases().get(1).id();
        caseFile.load(first, 0);
        caseFile.highlight(AnnotationField.SUMMARY, null, 0, 10, "yellow", "why");
        assertThat(caseFile.messageProperty().get()).isEqualTo("Highlighted with a note");
        caseFile.load(first, 0);                         // the same case again: what was done to it still stands
        assertThat(caseFile.messageProperty().get()).isEqualTo("Highlighted with a note");
        caseFile.load(second, 0);
        assertThat(caseFile.messageProperty().get()).isEmpty();
    }

    @Test
    void highlightsWithNotesCanBeEditedDeletedAndUndone() {
        browser.refresh();
        String id = browser.cases().get(0).id();
        caseFile.load(id, 0);
        String summary = caseFile.recordProperty().get().letter().summary();
        caseFile.highlight(AnnotationField.SUMMARY, null, 0, 20, "green", "key fact");
        assertThat(caseFile.annotations()).singleElement().satisfies(a -> {
            assertThat(a.quote()).isEqualTo(summary.substring(0, 20));
            assertThat(a.note()).isEqualTo("key fact");
            assertThat(a.color()).isEqualTo("green");
        });
        Annotation created = caseFile.annotations().get(0);
        caseFile.editAnnotation(created, "changed", "blue");
        assertThat(caseFile.annotations().get(0).note()).isEqualTo("changed");
        caseFile.undo();
        assertThat(caseFile.annotations().get(0).note()).isEqualTo("key fact");
        caseFile.deleteAnnotation(caseFile.annotations().get(0));
        assertThat(caseFile.annotations()).isEmpty();
        caseFile.undo();
        assertThat(caseFile.annotations()).singleElement().satisfies(a -> {
            assertThat(a.start()).isZero();
            assertThat(a.end()).isEqualTo(20);
            assertThat(a.note()).isEqualTo("key fact");
        });
        caseFile.undo();
        caseFile.undo();
        assertThat(caseFile.annotations()).as("undoing the highlight itself removes it").isEmpty();
        assertThat(caseFile.canUndoProperty().get()).isFalse();
    }
}
