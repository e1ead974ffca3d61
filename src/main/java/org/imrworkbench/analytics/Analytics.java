package org.imrworkbench.analytics;

import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Outcome analytics over a library: for the whole library or any search, how many denials were upheld and how many
 * overturned, by {@link Dimension}; and the precedents of a disputed item ({@link Precedents}).
 *
 * <p>A breakdown counts the decided items (upheld or overturned) the query matches, as the search matches them
 * ({@link SearchService#withMatches}), so every analytics view works for any search or filter. Thread-safe and
 * blocking: call it off the UI thread.
 */
public final class Analytics {

    private final SearchService search;
    private final Precedents precedents;

    public Analytics(Library library) {
        this(library, new SearchService(library));
    }

    public Analytics(Library library, SearchService search) {
        this.search = Objects.requireNonNull(search);
        this.precedents = new Precedents(library, new WordBackground(library));
    }

    /** The outcomes of a query's matched items (a blank query: the whole library) by one dimension. */
    public Breakdown breakdown(String query, Dimension by) {
        String q = query == null ? "" : query.strip();
        return search.withMatches(q, c -> {
            List<OutcomeRow> rows = rows(c, by);
            OutcomeRow all = rows(c, "SELECT i.pk AS pk, 'all' AS k"
                    + " FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid").stream()
                    .findFirst().orElse(new OutcomeRow("all", 0, 0));
            return new Breakdown(by, q, all, rows);
        });
    }

    /**
     * The precedents of item {@code itemNumber} of case {@code caseId}: the {@code limit} most similar decided items,
     * their outcomes and the phrases that separate their overturned from their upheld rationales.
     *
     * @throws org.imrworkbench.library.NotFoundException when there is no such case or item
     */
    public Precedents.Result precedents(String caseId, int itemNumber, int limit) {
        return precedents.find(caseId, itemNumber, limit);
    }

    private static List<OutcomeRow> rows(Connection c, Dimension by) throws SQLException {
        List<OutcomeRow> rows = rows(c, by.pairsSql());
        rows.sort(by.chronological() ? Comparator.comparing(OutcomeRow::key)
                : Comparator.comparingInt(OutcomeRow::total).reversed().thenComparing(OutcomeRow::key));
        return rows;
    }

    /** Outcome rows of the {@code (pk, k)} pairs of {@code pairsSql}, keys with a decided item only. */
    private static List<OutcomeRow> rows(Connection c, String pairsSql) throws SQLException {
        String sql = "SELECT p.k, sum(i.decision = 'UPHELD'), sum(i.decision = 'OVERTURNED')"
                + " FROM (" + pairsSql
                + ") p JOIN items i ON i.pk = p.pk"
                + " WHERE i.decision IN ('UPHELD', 'OVERTURNED') AND p.k IS NOT NULL AND p.k <> '' GROUP BY p.k";
        List<OutcomeRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new OutcomeRow(rs.getString(1), rs.getInt(2), rs.getInt(3)));
            }
        }
        return rows;
    }
}
