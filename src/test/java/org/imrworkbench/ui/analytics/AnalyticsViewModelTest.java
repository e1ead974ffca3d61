package org.imrworkbench.ui.analytics;

import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Dimension;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.Library;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics tab's view model, without the toolkit. */
class AnalyticsViewModelTest {

    @TempDir
    Path dir;
    Library library;
    AnalyticsViewModel vm;
    final List<String> filtered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        library = Library.open(dir.resolve("library.db"));
        for (int k = 0; k < 12; k++) {
            add("CM15-30000" + (10 + k), LocalDate.of(2015, 1 + k % 2, 5), Fixtures.item("Oxycodone 10mg #90",
                    k < 3 ? Decision.OVERTURNED : Decision.UPHELD, Category.OPIOID, "Oxycodone", "oxycodone",
                    "Rationale " + k, CitationSource.MTUS));
        }
        add("CM15-3000100", LocalDate.of(2015, 2, 9), Fixtures.item("Physical therapy, x 6", Decision.OVERTURNED,
                Category.PHYSICAL_THERAPY, "Physical therapy", null, "A short course.", CitationSource.ACOEM));
        vm = new AnalyticsViewModel(new Analytics(library), Background.direct());
        vm.setOnFilter(filtered::add);
    }

    private void add(String caseNumber, LocalDate decided, Fixtures.ItemSpec item) {
        Fixtures.add(library, Fixtures.letter(caseNumber, decided, LocalDate.of(2012, 5, 7),
                List.of("Internal Medicine"), List.of("California"), "A worker with low back pain.", item));
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    @Test
    void showsTheRowsOfTheChosenDimensionAndTheMonthlyTrend() {
        vm.refresh();
        assertThat(vm.rows()).containsExactly(new OutcomeRow("OPIOID", 9, 3), new OutcomeRow("PHYSICAL_THERAPY", 0, 1));
        assertThat(vm.trend()).extracting(OutcomeRow::key).containsExactly("2015-01", "2015-02");
        assertThat(vm.allProperty().get().total()).isEqualTo(13);
        assertThat(vm.statusProperty().get()).isEqualTo("13 decided items in the library");
        assertThat(vm.label("PHYSICAL_THERAPY")).isEqualTo("Physical therapy");

        vm.dimensionProperty().set(Dimension.GUIDELINE);
        vm.queryProperty().set("category:opioid");
        vm.refresh();
        assertThat(vm.rows()).containsExactly(new OutcomeRow("MTUS", 9, 3));
        assertThat(vm.statusProperty().get()).isEqualTo("12 decided items matching \u201Ccategory:opioid\u201D");
    }

    @Test
    void saysWhyTheTableIsEmptyAndWhatTheMonthlyChartsLeaveOut() {
        add("CM15-3000200", null, Fixtures.item("Gym membership", Decision.UPHELD, Category.OTHER, null, null,
                "Not medical treatment.", CitationSource.ODG));
        vm.refresh();
        assertThat(vm.statusProperty().get())
                .isEqualTo("14 decided items in the library (1 without a decision date, not in the monthly charts)");
        assertThat(vm.trend().stream().mapToInt(OutcomeRow::total).sum()).isEqualTo(13);

        vm.dimensionProperty().set(Dimension.DRUG);
        vm.queryProperty().set("category:physical_therapy");
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyRowsProperty().get()).isEqualTo("No drug among the 1 decided item of this search.");

        vm.queryProperty().set("zzzunfindable");
        vm.refresh();
        assertThat(vm.emptyRowsProperty().get()).isEqualTo("No decided items in this search.");
    }

    @Test
    void smallCountsReadAsSuchNotAsRates() {
        assertThat(AnalyticsViewModel.rateText(new OutcomeRow("x", 2, 1))).isEqualTo("n<10");
        assertThat(AnalyticsViewModel.rateText(new OutcomeRow("x", 9, 3))).isEqualTo("25%");
        assertThat(AnalyticsViewModel.intervalText(new OutcomeRow("x", 5, 5))).isEqualTo("24\u201376%");
    }

    @Test
    void choosingARowNarrowsTheQueryOnce() {
        vm.queryProperty().set("oxycodone");
        vm.refresh();
        vm.filter(vm.rows().get(0));
        assertThat(filtered).containsExactly("oxycodone category:opioid");
        vm.queryProperty().set("weaning category:opioid");
        assertThat(vm.filterQuery(new OutcomeRow("OPIOID", 1, 1))).isEqualTo("weaning category:opioid");
        vm.queryProperty().set("");
        vm.dimensionProperty().set(Dimension.SPECIALTY);
        assertThat(vm.filterQuery(new OutcomeRow("Internal Medicine", 1, 1)))
                .isEqualTo("board:\"Internal Medicine\"");
    }

    @Test
    void choosingARowFindsAsManyItemsAsItShowsEvenUnderItsOwnFilter() {
        add("CM15-3000300", LocalDate.of(2015, 1, 20), Fixtures.item("Oxycodone/acetaminophen 10/325mg #60",
                Decision.UPHELD, Category.OPIOID, "Percocet", "oxycodone/acetaminophen", "Weaning.",
                CitationSource.MTUS));
        var search = new org.imrworkbench.search.SearchService(library);
        vm.dimensionProperty().set(Dimension.DRUG);
        vm.refresh();
        OutcomeRow oxycodone = vm.rows().stream().filter(r -> r.key().equals("oxycodone")).findFirst().orElseThrow();
        vm.filter(oxycodone);
        assertThat(filtered).containsExactly("generic:oxycodone");
        assertThat(search.search(filtered.get(0), 0).total()).isEqualTo(oxycodone.total()).isEqualTo(12);

        // months of a year already searched: the month is required as well, not one more alternative
        vm.queryProperty().set("decided:2015");
        vm.dimensionProperty().set(Dimension.MONTH);
        vm.refresh();
        OutcomeRow january = vm.rows().get(0);
        assertThat(vm.filterQuery(january)).isEqualTo("decided:2015 +decided:2015-01");
        assertThat(search.search(vm.filterQuery(january), 0).total()).isEqualTo(january.total()).isEqualTo(7);
    }

    @Test
    void theTableExportsAsCsv() {
        vm.refresh();
        assertThat(vm.csv()).isEqualTo("category,upheld,overturned,total,rate,low,high\r\n"
                + "OPIOID,9,3,12,0.2500,0.0889,0.5323\r\n"
                + "PHYSICAL_THERAPY,0,1,1,1.0000,0.2065,1.0000\r\n");
    }
}
