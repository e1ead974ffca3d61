package org.imrworkbench.analytics;

import java.util.List;

/**
 * Outcomes of a query's matched items by one {@link Dimension}.
 *
 * @param by    the dimension
 * @param query the query (blank: the whole library)
 * @param all   all matched decided items together (key {@code "all"})
 * @param rows  one row per key with at least one decided item: by key for the dimensions of time, else most decided
 *              items first (then by key)
 */
public record Breakdown(Dimension by, String query, OutcomeRow all, List<OutcomeRow> rows) {
    public Breakdown {
        rows = List.copyOf(rows);
    }
}
