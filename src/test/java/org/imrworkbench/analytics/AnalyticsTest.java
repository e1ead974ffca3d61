package org.imrworkbench.analytics;

import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcome breakdowns against counts computed independently with plain SQL over the library: the samples plus
 * hand-built letters with known decisions, drugs, reviewers and dates.
 */
class AnalyticsTest {

    @TempDir
    static Path dir;
    static Library library;
    static Analytics analytics;

    @BeforeAll
    static void setUp() {
        library = Fixtures.seedLibrary(dir.resolve("library.db"));
        add("CM15-1000001", LocalDate.of(2015, 3, 2), "Texas", Fixtures.item("Oxycodone 10mg #90", Decision.UPHELD,
                Category.OPIOID, "Oxycodone", "oxycodone", "No functional improvement documented.",
                CitationSource.MTUS));
        add("CM15-1000002", LocalDate.of(2015, 3, 20), "California", Fixtures.item("Oxycodone 5mg #60",
                Decision.OVERTURNED, Category.OPIOID, "Oxycodone", "oxycodone",
                "Documented functional improvement supports continued use.", CitationSource.MTUS, CitationSource.ODG),
                Fixtures.item("Physical therapy x 6", Decision.OVERTURNED, Category.PHYSICAL_THERAPY,
                        "Physical therapy", null, "A short course is appropriate.", CitationSource.ACOEM));
        add("CM16-1000003", LocalDate.of(2016, 7, 1), "Texas", Fixtures.item("Norco 10/325mg #120",
                Decision.UPHELD, Category.OPIOID, "Norco", "hydrocodone/acetaminophen",
                "Weaning is advised.", CitationSource.MTUS));
        analytics = new Analytics(library);
    }

    private static void add(String caseNumber, LocalDate decided, String state, Fixtures.ItemSpec... items) {
        Fixtures.add(library, Fixtures.letter(caseNumber, decided, LocalDate.of(2012, 5, 7),
                List.of("Internal Medicine"), List.of(state), "A worker with low back pain.", items));
    }

    @AfterAll
    static void tearDown() {
        library.close();
    }

    /** The same counts by plain SQL: (item, key) pairs for each dimension, then upheld and overturned per key. */
    private static String pairs(Dimension d) {
        return switch (d) {
            case CATEGORY -> "SELECT pk, category FROM items";
            case DRUG -> "SELECT pk, lower(treatment_generic) FROM items WHERE treatment_generic IS NOT NULL";
            case GUIDELINE -> "SELECT DISTINCT item_pk, source FROM citations";
            case SECTION -> "SELECT DISTINCT c.item_pk, lower(s.value) FROM citations c, json_each(c.sections) s";
            case SPECIALTY -> "SELECT DISTINCT i.pk, cr.value FROM items i JOIN credentials cr"
                    + " ON cr.case_pk = i.case_pk WHERE cr.kind = 'SPECIALTY'";
            case STATE -> "SELECT DISTINCT i.pk, cr.value FROM items i JOIN credentials cr"
                    + " ON cr.case_pk = i.case_pk WHERE cr.kind = 'LICENSURE'";
            case YEAR -> "SELECT i.pk, strftime('%Y', c.decided) FROM items i JOIN cases c ON c.pk = i.case_pk";
            case MONTH -> "SELECT i.pk, strftime('%Y-%m', c.decided) FROM items i JOIN cases c ON c.pk = i.case_pk";
        };
    }

    private static Map<String, List<Integer>> bySql(String pairsSql) {
        return library.read(c -> {
            Map<String, List<Integer>> counts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("WITH p(pk, k) AS (" + pairsSql
                    + ") SELECT p.k, i.decision FROM p JOIN items i ON i.pk = p.pk")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        Decision decision = Decision.valueOf(rs.getString(2));
                        if (key == null || decision == Decision.UNKNOWN) {
                            continue;
                        }
                        List<Integer> row = counts.computeIfAbsent(key, k -> new java.util.ArrayList<>(List.of(0, 0)));
                        row.set(decision == Decision.UPHELD ? 0 : 1, row.get(decision == Decision.UPHELD ? 0 : 1) + 1);
                    }
                }
            }
            return counts;
        });
    }

    private static Map<String, List<Integer>> asMap(Breakdown b) {
        Map<String, List<Integer>> m = new TreeMap<>();
        b.rows().forEach(r -> m.put(r.key(), List.of(r.upheld(), r.overturned())));
        return m;
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void theWholeLibraryByEveryDimensionMatchesPlainSql(Dimension d) {
        Breakdown b = analytics.breakdown("", d);
        assertThat(b.rows()).isNotEmpty();
        Map<String, List<Integer>> rows = asMap(b);
        if (d == Dimension.SECTION) {
            // sections group ignoring case ("Muscle relaxants" and "Muscle Relaxants" are one)
            rows = new TreeMap<>();
            for (OutcomeRow r : b.rows()) {
                rows.put(r.key().toLowerCase(java.util.Locale.ROOT), List.of(r.upheld(), r.overturned()));
            }
        }
        assertThat(rows).isEqualTo(bySql(pairs(d)));
        b.rows().forEach(r -> {
            assertThat(r.rate()).isEqualTo((double) r.overturned() / r.total());
            assertThat(r.low()).isEqualTo(Wilson.interval(r.overturned(), r.total()).low());
        });
    }

    @Test
    void theWholeLibraryRowCountsEveryDecidedItem() {
        Map<String, List<Integer>> all = bySql("SELECT pk, 'all' FROM items");
        OutcomeRow row = analytics.breakdown("", Dimension.CATEGORY).all();
        assertThat(List.of(row.upheld(), row.overturned())).isEqualTo(all.get("all"));
    }

    @Test
    void aQueryRestrictsTheCounts() {
        Breakdown texas = analytics.breakdown("state:TX", Dimension.DRUG);
        assertThat(asMap(texas)).isEqualTo(bySql("SELECT DISTINCT i.pk, lower(i.treatment_generic) FROM items i"
                + " JOIN credentials cr ON cr.case_pk = i.case_pk WHERE cr.kind = 'LICENSURE' AND cr.value = 'Texas'"
                + " AND i.treatment_generic IS NOT NULL"));
        Breakdown words = analytics.breakdown("functional improvement", Dimension.CATEGORY);
        assertThat(words.all().total()).isPositive();
        assertThat(words.all().total()).isLessThan(analytics.breakdown("", Dimension.CATEGORY).all().total());
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void eachRowsFilterFindsExactlyItsItems(Dimension d) {
        for (OutcomeRow row : analytics.breakdown("", d).rows()) {
            OutcomeRow found = analytics.breakdown(d.filter(row.key()), d).all();
            assertThat(List.of(found.upheld(), found.overturned())).as(d.filter(row.key()))
                    .isEqualTo(List.of(row.upheld(), row.overturned()));
        }
    }

    @Test
    void timeReadsInOrderAndOtherDimensionsBySize() {
        List<String> months = analytics.breakdown("", Dimension.MONTH).rows().stream().map(OutcomeRow::key).toList();
        assertThat(months).isSorted().contains("2015-03", "2016-07");
        List<Integer> totals = analytics.breakdown("", Dimension.CATEGORY).rows().stream()
                .map(OutcomeRow::total).toList();
        assertThat(totals).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void dimensionsHaveWordsAndFilters() {
        assertThat(Dimension.of("Drug")).contains(Dimension.DRUG);
        assertThat(Dimension.of("nope")).isEmpty();
        assertThat(Dimension.CATEGORY.filter("PHYSICAL_THERAPY")).isEqualTo("category:physical_therapy");
        assertThat(Dimension.SPECIALTY.filter("Internal Medicine")).isEqualTo("board:\"Internal Medicine\"");
        assertThat(Dimension.MONTH.filter("2015-03")).isEqualTo("decided:2015-03");
        assertThat(Dimension.YEAR.filter("2015")).isEqualTo("decided:2015");
        assertThat(Dimension.DRUG.filter("hydrocodone/acetaminophen")).isEqualTo("generic:hydrocodone/acetaminophen");
        assertThat(Dimension.DRUG.filter("lidocaine/methyl salicylate"))
                .isEqualTo("generic:\"lidocaine/methyl salicylate\"");
    }
}
