package org.imrworkbench.analytics;

import java.util.List;
import java.util.Set;

/**
 * Outcomes of a query's matched items by one {@link Dimension}.
 *
 * @param by        the dimension
 * @param query     the query (blank: the whole library)
 * @param all       all matched decided items together (key {@code "all"})
 * @param rows      one row per key with at least one decided item: by key for the dimensions of time, else most
 *                  decided items first (then by key)
 * @param undecided the keys of rows whose key the query also matches on what the rows do not count: items whose
 *                  decision is unknown, cases without items
 */
public record Breakdown(Dimension by, String query, OutcomeRow all, List<OutcomeRow> rows, Set<String> undecided) {
    public Breakdown {
        rows = List.copyOf(rows);
        undecided = Set.copyOf(undecided);
    }

    public Breakdown(Dimension by, String query, OutcomeRow all, List<OutcomeRow> rows) {
        this(by, query, all, rows, Set.of());
    }

    /**
     * The query that finds exactly the items a row counts: the breakdown's query narrowed by the row's filter
     * ({@link Dimension#drillDown}), and to decided items when the row's key has others. Its search's total, its
     * statistics' upheld and overturned counts and its cases are the row's (with words in the query, the search
     * counts a case matched by its summary alone as one hit, as it does for any query).
     */
    public String drillDown(OutcomeRow row) {
        return by.drillDown(query, row.key(), undecided.contains(row.key()));
    }
}
