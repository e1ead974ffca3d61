package org.imrworkbench.ui.browser;

import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facet value's count is what clicking it finds: the items of an item facet (decision, category, drug,
 * guideline), the cases of a case facet (specialty, year, tag, warnings and notes). Over the samples and letters where
 * a wider filter would find more: a generic inside a combination, a specialty inside a longer one, an injury in
 * another year; one letter's parse left warnings and one case has a note.
 */
class BrowserFacetsTest {

    private static final Set<BrowserViewModel.Facet> CASE_FACETS = Set.of(BrowserViewModel.Facet.SPECIALTY,
            BrowserViewModel.Facet.YEAR, BrowserViewModel.Facet.TAG, BrowserViewModel.Facet.HAS);

    @TempDir
    Path dir;
    Library library;
    SearchService search;
    BrowserViewModel browser;

    @BeforeEach
    void library() {
        library = Fixtures.seedLibrary(dir.resolve("lib.db"));
        Fixtures.add(library, Fixtures.letter("CM16-4000001", LocalDate.of(2016, 5, 2), LocalDate.of(2015, 1, 7),
                List.of("Preventive Medicine"), List.of("California"), "Neck pain.",
                Fixtures.item("Flurbiprofen/cyclobenzaprine cream", Decision.UPHELD, Category.COMPOUND, null,
                        "flurbiprofen/cyclobenzaprine", "Not recommended.", CitationSource.MTUS)));
        Fixtures.add(library, Fixtures.letter("CM17-4000002", LocalDate.of(2017, 2, 2), LocalDate.of(2016, 8, 1),
                List.of("Public Health & General Preventive Medicine"), List.of("Texas"), "Back pain.",
                Fixtures.item("Cyclobenzaprine 10mg #30", Decision.OVERTURNED, Category.MUSCLE_RELAXANT,
                        "Cyclobenzaprine", "cyclobenzaprine", "A short course.", CitationSource.ODG)));
        library.tags().tagCase("CM16-4000001", "appeal");
        Fixtures.add(library, Fixtures.withWarnings(Fixtures.letter("CM17-4000003", LocalDate.of(2017, 3, 1), null,
                List.of("Orthopaedic Surgery"), List.of("Texas"), "Knee pain.",
                Fixtures.item("Knee MRI", Decision.UPHELD, Category.IMAGING, null, null, "Not indicated.",
                        CitationSource.ACOEM), Fixtures.item("Knee brace", Decision.OVERTURNED, Category.DME, null,
                        null, "Indicated.", CitationSource.ODG)),
                "no \"IMR ISSUES, DECISIONS AND RATIONALES\" section found — the letter may be cut short"));
        library.annotations().note("CM17-4000002", null, "ask about the dose", null, "tester");
        search = new SearchService(library);
        browser = new BrowserViewModel(library, search, Background.direct());
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void clickingAFacetValueFindsAsManyItemsOrCasesAsItCounts() {
        browser.refresh();
        int values = 0;
        for (var facet : BrowserViewModel.Facet.values()) {
            for (FacetEntry entry : List.copyOf(browser.facetsProperty().get().get(facet))) {
                browser.toggle(entry);
                String q = browser.queryProperty().get();
                int found = CASE_FACETS.contains(facet) ? browser.cases().size() : search.search(q, 0).total();
                assertThat(found).as("%s %s: %s", facet.title, entry.label(), q).isEqualTo(entry.count());
                browser.queryProperty().set("");
                browser.refresh();
                values++;
            }
        }
        assertThat(values).isGreaterThan(20);
    }

    @Test
    void theWarningsAndNotesFacetCountsTheCasesToCheckAndAddsHasWarnings() {
        browser.queryProperty().set("cyclobenzaprine");
        browser.refresh();
        assertThat(browser.facetsProperty().get().get(BrowserViewModel.Facet.HAS))
                .containsExactly(new FacetEntry("has", "notes", "Notes, highlights", 1, false));
        browser.queryProperty().set("");
        browser.refresh();
        List<FacetEntry> has = browser.facetsProperty().get().get(BrowserViewModel.Facet.HAS);
        assertThat(has).containsExactly(new FacetEntry("has", "warnings", "Parser warnings", 1, false),
                new FacetEntry("has", "notes", "Notes, highlights", 1, false));
        browser.toggle(has.get(0));
        assertThat(browser.queryProperty().get()).isEqualTo("has:warnings");
        assertThat(browser.cases()).extracting(c -> c.id()).containsExactly("CM17-4000003");
        assertThat(browser.facetsProperty().get().get(BrowserViewModel.Facet.HAS).get(0).active()).isTrue();
        browser.toggle(browser.facetsProperty().get().get(BrowserViewModel.Facet.HAS).get(0));
        assertThat(browser.queryProperty().get()).isEmpty();
        assertThat(browser.cases()).hasSize(library.caseCount());
    }
}
