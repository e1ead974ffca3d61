package org.imrworkbench.library;

import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's lookups go through an index, never through a scan of its wide tables (a case row holds the letter's
 * text and summary, an item row its guideline texts and rationale): schema 7 dropped the indexes no statement used
 * (schema 8 the one on a citation's source), and this checks that those left still serve every lookup. SQLite's
 * plans, from {@code EXPLAIN QUERY PLAN}.
 */
class LibraryQueryPlanTest {

    @TempDir
    Path dir;

    /** The lookups by case and item number (Tags, Annotations, Precedents, LetterRows), as they are written there. */
    private static final List<String> LOOKUPS = List.of(
            "SELECT 1 FROM items WHERE case_pk = ? AND number = ?",
            "SELECT rationale FROM item_texts WHERE case_pk = ? AND number = ? ORDER BY position LIMIT 1",
            "SELECT summary FROM case_texts WHERE pk = ?",
            "SELECT rationale FROM item_texts WHERE pk = ? AND rationale IS NOT NULL",
            "SELECT c.pk, i.pk, c.case_number, i.request, i.decision, i.category, lower(i.treatment_generic),"
                    + " i.treatment_name, (SELECT rationale FROM item_texts WHERE pk = i.pk),"
                    + " (SELECT summary FROM case_texts WHERE pk = c.pk)"
                    + " FROM cases c LEFT JOIN items i ON i.case_pk = c.pk AND i.number = ? WHERE c.id = ?",
            "SELECT c.id, c.case_number, i.number, i.request, i.decision, t.rationale FROM items i"
                    + " JOIN cases c ON c.pk = i.case_pk JOIN item_texts t ON t.pk = i.pk WHERE i.pk = ?",
            "SELECT pk, summary, request, claims_guideline, reviewer_guideline, rationale FROM search_content"
                    + " WHERE pk = ?",
            "DELETE FROM items WHERE case_pk = ?",
            "DELETE FROM search_index WHERE rowid IN (SELECT pk FROM items WHERE case_pk = ?) OR rowid = -?",
            "SELECT kind, value FROM credentials WHERE case_pk = ? ORDER BY kind, position",
            "SELECT cited_by, source, guideline, span_start, span_end, sections, pages FROM citations"
                    + " WHERE item_pk = ? ORDER BY position",
            "SELECT id FROM cases WHERE sha256 = ?",
            "SELECT id FROM cases WHERE case_number = ?",
            "SELECT id FROM cases WHERE fingerprint = ?",
            "DELETE FROM cases WHERE pk = ?");

    @Test
    void lookupsByCaseAndItemUseAnIndex() throws Exception {
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            Fixtures.add(lib, LibraryTest.sample("CM17-0000001", "A worker with low back pain."));
            Fixtures.add(lib, LibraryTest.sample("CM17-0000002", "A worker with neck pain."));
            for (String sql : LOOKUPS) {
                List<String> plan = plan(lib, sql);
                assertThat(plan).as(sql).isNotEmpty();
                // a scan of a table, also under a one-letter alias in a view, or a view read whole into a table
                assertThat(plan).as(sql + " → " + plan).noneMatch(step -> step.startsWith("MATERIALIZE")
                        || step.matches("SCAN (cases|items|credentials|citations|[a-z])( [a-z])?"));
            }
        }
    }

    @Test
    void everyOrderOfTheCaseListReadsTheCoveringIndex() throws Exception {
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            Fixtures.add(lib, LibraryTest.sample("CM17-0000001", "A worker with low back pain."));
            for (CaseSort sort : CaseSort.values()) {
                for (boolean descending : new boolean[]{false, true}) {
                    List<String> plan = plan(lib, Library.casePageSql(sort, descending));
                    // the page is cut from the index; the one plain "SCAN c" is of the materialised page itself
                    assertThat(plan).as(sort + (descending ? " descending" : "") + " → " + plan)
                            .contains("MATERIALIZE page", "SCAN c USING COVERING INDEX cases_list")
                            .filteredOn(step -> step.startsWith("SCAN")).hasSize(2);
                }
            }
        }
    }

    @Test
    void theNewestCasesAreReadInTheIndexsOrderWithoutSortingEveryCase() throws Exception {
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            Fixtures.add(lib, LibraryTest.sample("CM17-0000001", "A worker with low back pain."));
            List<String> plan = plan(lib, Library.casePageSql(CaseSort.DECIDED, true));
            // one sort, of the page's own rows; the page itself comes in the order of cases_list, read backwards
            assertThat(plan).as(plan.toString()).contains("SCAN c USING COVERING INDEX cases_list")
                    .filteredOn(step -> step.startsWith("USE TEMP B-TREE FOR")).hasSize(1);
        }
    }

    @Test
    void theDroppedIndexesAreGoneAndTheUsedOnesStay() throws Exception {
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            List<String> indexes = lib.read(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            assertThat(indexes).contains("cases_list", "items_facts", "cases_fingerprint",
                    "case_tags_tag", "item_tags_tag", "annotations_case", "cases_itemless");
            assertThat(indexes).doesNotContain("cases_decided", "cases_injury", "items_case_number",
                    "items_decision", "items_category", "items_generic", "credentials_value", "citations_source");
        }
    }

    /** The plan's steps, each as SQLite words it ("SCAN c USING COVERING INDEX cases_list", "SEARCH items …"). */
    private static List<String> plan(Library lib, String sql) {
        return lib.read(c -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString(4));
                }
            }
            return steps;
        });
    }
}
