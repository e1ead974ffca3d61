package org.imrworkbench.ui.browser;

import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case being read and a new search: it stays selected while the list has it; a search that leaves it out says
 * so (the case view then shows no case rather than one the list does not have) and offers the way back.
 */
class BrowserReadingTest {

    @TempDir
    Path dir;
    Library library;
    SearchService search;
    BrowserViewModel browser;
    String xanax;

    @BeforeEach
    void samples() {
        library = Fixtures.seedLibrary(dir.resolve("lib.db"));
        search = new SearchService(library);
        browser = new BrowserViewModel(library, search, Background.direct());
        xanax = search.caseIds("xanax").get(0);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private void searchFor(String query) {
        browser.queryProperty().set(query);
        browser.refresh();
    }

    @Test
    void theCaseBeingReadStaysSelectedWhileTheSearchListsIt() {
        browser.refresh();
        browser.read(xanax);
        assertThat(browser.selectedProperty().get().id()).isEqualTo(xanax);
        searchFor("xanax");
        assertThat(browser.cases()).extracting(CaseSummary::id).containsExactly(xanax);
        assertThat(browser.selectedProperty().get()).isSameAs(browser.cases().get(0));
        assertThat(browser.notListedProperty().get()).isEmpty();
    }

    @Test
    void aSearchThatLeavesItOutSaysSoAndGoesBackToTheSearchThatListedIt() {
        searchFor("xanax");
        browser.read(xanax);

        searchFor("-specialty:spine");
        assertThat(browser.cases()).hasSize(4);
        assertThat(browser.selectedProperty().get()).isNull();
        assertThat(browser.notListedProperty().get())
                .isEqualTo("The case you were reading, " + xanax + ", is not among the 4 cases of this search.");
        assertThat(browser.backLabelProperty().get()).isEqualTo("Back to \u201Cxanax\u201D and show it");

        searchFor("zebra");
        assertThat(browser.notListedProperty().get())
                .isEqualTo("No case matches this search, so the case you were reading, " + xanax + ", is not shown.");

        browser.back();
        assertThat(browser.queryProperty().get()).isEqualTo("xanax");
        assertThat(browser.selectedProperty().get().id()).isEqualTo(xanax);
        assertThat(browser.notListedProperty().get()).isEmpty();
        assertThat(browser.backLabelProperty().get()).isEmpty();
    }

    @Test
    void listedAgainItIsSelectedAgainAndAnotherCaseChosenEndsTheNotice() {
        browser.refresh();
        browser.read(xanax);
        searchFor("-specialty:spine");
        assertThat(browser.notListedProperty().get()).contains(xanax);
        assertThat(browser.backLabelProperty().get()).isEqualTo("Clear the search and show it");
        searchFor("");              // the search cleared by hand
        assertThat(browser.selectedProperty().get().id()).isEqualTo(xanax);
        assertThat(browser.notListedProperty().get()).isEmpty();

        searchFor("-specialty:spine");
        String other = browser.cases().get(0).id();
        browser.read(other);        // chosen in the list
        assertThat(browser.notListedProperty().get()).isEmpty();
        assertThat(browser.selectedProperty().get().id()).isEqualTo(other);
    }

    @Test
    void aCaseOpenedFromElsewhereStaysInViewUntilTheSearchChanges() {
        searchFor("-specialty:spine");
        browser.read(xanax);        // opened from its precedents, say: not in the list, but asked for
        assertThat(browser.notListedProperty().get()).isEmpty();
        assertThat(browser.selectedProperty().get()).isNull();
        browser.refresh();          // the same search again, after a tag was added to it
        assertThat(browser.notListedProperty().get()).isEmpty();
        searchFor("-specialty:spine knee");
        assertThat(browser.notListedProperty().get()).contains(xanax);
        assertThat(browser.backLabelProperty().get()).isEqualTo("Back to \u201C-specialty:spine\u201D and show it");
    }

    @Test
    void oneCaseFoundIsSaidAsOne() {
        String single = search.facets("").drugs().keySet().stream().map(g -> "generic:\"" + g + "\"")
                .filter(q -> search.caseIds(q).size() == 1 && !search.caseIds(q).contains(xanax))
                .findFirst().orElseThrow();
        browser.refresh();
        browser.read(xanax);
        searchFor(single);
        assertThat(browser.notListedProperty().get())
                .isEqualTo("The case you were reading, " + xanax + ", is not the case this search finds.");
    }
}
