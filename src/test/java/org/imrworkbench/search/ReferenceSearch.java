package org.imrworkbench.search;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.SqlWork;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The search as it was before the {@link FactIndex}: matching, filters, facets and statistics in SQL over the
 * library's own tables (temporary tables of the matches, then joins). Kept in the tests as an independent oracle:
 * {@link SearchEquivalenceTest} checks that the in-memory implementation gives the same answers.
 */
final class ReferenceSearch {

    static final String MARK_START = "«";
    static final String MARK_END = "»";
    static final String ELLIPSIS = "…";
    private static final int SNIPPET_TOKENS = 24;

    private final Library library;

    ReferenceSearch(Library library) {
        this.library = library;
    }

    /** One matching row of the index: an item ({@code rowid > 0}) or an item-less case's summary. */
    private record Match(long rowid, long casePk, double rank) {
    }

    /** A hit before its details are read: {@code rowid} of the item, or of the case's best-matching row. */
    private record RawHit(long rowid, long casePk, boolean caseOnly) {
    }

    /** Searches; {@code limit} hits at most, best first. */
    public SearchResult search(String query, int limit) {
        return search(QueryParser.parse(query), 0, limit);
    }

    /** Searches a parsed query, returning hits {@code offset .. offset + limit - 1}. */
    public SearchResult search(SearchQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return library.read(c -> {
            List<Match> matches = matches(c, query);
            List<RawHit> hits = hits(c, query, matches);
            List<Hit> page = new ArrayList<>();
            for (int k = offset; k < Math.min(hits.size(), offset + limit); k++) {
                page.add(details(c, query, hits.get(k)));
            }
            return new SearchResult(hits.size(), page);
        });
    }

    /**
     * The ids of the cases a query matches (in any item or in the summary), best match first; for a blank query,
     * every case. For the case list of the desktop app, which shows cases rather than hits.
     */
    public List<String> caseIds(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.read(c -> {
            java.util.LinkedHashSet<Long> pks = new java.util.LinkedHashSet<>();
            for (Match m : matches(c, q)) {
                pks.add(m.casePk());
            }
            Map<Long, String> idByPk = new java.util.HashMap<>();
            List<Long> all = new ArrayList<>(pks);
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT pk, id FROM cases WHERE pk IN ("
                        + "?,".repeat(part.size() - 1) + "?)")) {
                    for (int k = 0; k < part.size(); k++) {
                        ps.setLong(k + 1, part.get(k));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            idByPk.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            }
            List<String> ids = new ArrayList<>(all.size());
            for (long pk : all) {
                ids.add(idByPk.get(pk));
            }
            return ids;
        });
    }

    /** Facet counts of a query's matches (an empty query: the whole library). */
    public Facets facets(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.read(c -> {
            fillHitRows(c, matches(c, q));
            return new Facets(
                    counts(c, "SELECT i.decision, count(*) FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                            + " GROUP BY 1"),
                    counts(c, "SELECT i.category, count(*) FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                            + " GROUP BY 1"),
                    counts(c, "SELECT lower(i.treatment_generic), count(*) FROM temp.hit_rows h"
                            + " JOIN items i ON i.pk = h.rowid WHERE i.treatment_generic IS NOT NULL GROUP BY 1"),
                    counts(c, "SELECT cr.value, count(DISTINCT cr.case_pk) FROM temp.hit_cases hc"
                            + " JOIN credentials cr ON cr.case_pk = hc.pk AND cr.kind = 'SPECIALTY' GROUP BY 1"),
                    counts(c, "SELECT ci.source, count(DISTINCT ci.item_pk) FROM temp.hit_rows h"
                            + " JOIN citations ci ON ci.item_pk = h.rowid GROUP BY 1"),
                    counts(c, "SELECT substr(ca.decided, 1, 4), count(*) FROM temp.hit_cases hc"
                            + " JOIN cases ca ON ca.pk = hc.pk WHERE ca.decided IS NOT NULL GROUP BY 1"),
                    counts(c, """
                            SELECT t.name, count(DISTINCT x.case_pk) FROM (
                              SELECT ct.case_pk, ct.tag_pk FROM temp.hit_cases hc JOIN case_tags ct ON ct.case_pk = hc.pk
                              UNION ALL
                              SELECT it.case_pk, it.tag_pk FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid
                                JOIN item_tags it ON it.case_pk = i.case_pk AND it.item_number = i.number
                            ) x JOIN tags t ON t.pk = x.tag_pk GROUP BY t.pk"""),
                    counts(c, """
                            SELECT 'warnings', count(*) FROM temp.hit_cases hc
                              WHERE EXISTS (SELECT 1 FROM warnings w WHERE w.case_pk = hc.pk) HAVING count(*) > 0
                            UNION ALL
                            SELECT 'notes', count(*) FROM temp.hit_cases hc
                              WHERE EXISTS (SELECT 1 FROM annotations a WHERE a.case_pk = hc.pk) HAVING count(*) > 0"""));
        });
    }

    /** The counts of {@code stats}: the whole library for a blank query, else the query's matches. */
    public Stats stats(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.read(c -> {
            fillHitRows(c, matches(c, q));
            Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
            for (Decision d : Decision.values()) {
                decisions.put(d, 0);
            }
            counts(c, "SELECT i.decision, count(*) FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid GROUP BY 1")
                    .forEach((k, v) -> decisions.put(Decision.valueOf(k), v));
            Map<Category, Integer> categories = new EnumMap<>(Category.class);
            for (Category cat : Category.values()) {
                categories.put(cat, 0);
            }
            counts(c, "SELECT i.category, count(*) FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid GROUP BY 1")
                    .forEach((k, v) -> categories.put(Category.valueOf(k), v));
            int cases = (int) single(c, "SELECT count(*) FROM temp.hit_cases");
            int items = (int) single(c, "SELECT count(*) FROM temp.hit_rows WHERE rowid > 0");
            return new Stats(cases, items, decisions, categories);
        });
    }

    /**
     * Runs {@code work} under the library's lock with the query's matches in two temporary tables: the matched items
     * in {@code temp.hit_rows(rowid)} (an item's {@code items.pk}; a negative rowid is an item-less case matched by its
     * summary) and their cases in {@code temp.hit_cases(pk)}. A blank query matches the whole library. For statistics
     * built on the search, such as the outcome analytics; the work must only read.
     */
    public <T> T withMatches(String query, SqlWork<T> work) {
        SearchQuery q = QueryParser.parse(query);
        return library.read(c -> {
            fillHitRows(c, matches(c, q));
            return work.apply(c);
        });
    }

    // ------------------------------------------------------------------------------------------- matching

    private static List<Match> matches(Connection c, SearchQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        String match = q.matchExpression();
        if (match != null) {
            sql.append("SELECT search_index.rowid, c.pk, search_index.rank FROM search_index")
                    .append(" LEFT JOIN items i ON i.pk = search_index.rowid")
                    .append(" JOIN cases c ON c.pk = coalesce(i.case_pk, -search_index.rowid)")
                    .append(" WHERE search_index MATCH ?");
            params.add(match);
        } else {
            sql.append("SELECT d.rowid, c.pk, 0 FROM (SELECT pk AS rowid FROM items")
                    .append(" UNION ALL SELECT -pk FROM cases WHERE item_count = 0) d")
                    .append(" LEFT JOIN items i ON i.pk = d.rowid")
                    .append(" JOIN cases c ON c.pk = coalesce(i.case_pk, -d.rowid) WHERE 1");
            String excluded = q.excludedExpression();
            if (excluded != null) {
                sql.append(" AND d.rowid NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)");
                params.add(excluded);
            }
        }
        for (var e : q.filters().entrySet()) {
            StringJoiner any = new StringJoiner(" OR ", " AND (", ")");
            for (String v : e.getValue()) {
                any.add(condition(e.getKey(), v, params));
            }
            sql.append(any);
        }
        for (SearchQuery.Filter r : q.required()) {
            sql.append(" AND (").append(condition(r.key(), r.value(), params)).append(")");
        }
        for (var e : q.excludedFilters().entrySet()) {
            for (String v : e.getValue()) {
                sql.append(" AND NOT coalesce((").append(condition(e.getKey(), v, params)).append("), 0)");
            }
        }
        sql.append(match != null ? " ORDER BY search_index.rank" : " ORDER BY c.id, i.position");
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int k = 0; k < params.size(); k++) {
                ps.setObject(k + 1, params.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matches.add(new Match(rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
                }
            }
        }
        return matches;
    }

    /** The SQL condition of one filter value on the row's item {@code i} and case {@code c}. */
    private static String condition(FilterKey key, String v, List<Object> params) {
        switch (key) {
            case DECISION:
                params.add(v);
                return "i.decision = ?";
            case CATEGORY:
                params.add(v);
                return "i.category = ?";
            case DRUG: {
                params.add(v);
                params.add("%/" + escapeLike(v) + "/%");
                params.add(v);
                params.add("%" + escapeLike(v) + "%");
                // which generic a brand is, is the lexicon's (SearchServiceTest checks that lookup); what the filter
                // then matches is said here in SQL
                String brandsGeneric = SearchService.genericOf(v);
                String viaLexicon = "";
                if (brandsGeneric != null) {
                    params.add(brandsGeneric);
                    params.add("%/" + escapeLike(brandsGeneric) + "/%");
                    viaLexicon = " OR lower(i.treatment_generic) = ? OR '/' || lower(i.treatment_generic) || '/' LIKE ?"
                            + " ESCAPE '\\'";
                }
                return "(lower(i.treatment_generic) = ? OR '/' || lower(i.treatment_generic) || '/' LIKE ? ESCAPE '\\'"
                        + " OR lower(i.treatment_name) = ? OR i.request LIKE ? ESCAPE '\\'" + viaLexicon + ")";
            }
            case GENERIC:
                params.add(v);
                return "lower(i.treatment_generic) = ?";
            case SPECIALTY:
                params.add("%" + escapeLike(v) + "%");
                return "EXISTS (SELECT 1 FROM credentials cr WHERE cr.case_pk = c.pk"
                        + " AND cr.kind IN ('SPECIALTY', 'SUBSPECIALTY') AND cr.value LIKE ? ESCAPE '\\')";
            case BOARD:
                params.add(v);
                return "EXISTS (SELECT 1 FROM credentials cr WHERE cr.case_pk = c.pk AND cr.kind = 'SPECIALTY'"
                        + " AND cr.value = ? COLLATE NOCASE)";
            case STATE:
                // "TX" and "texas" find "Texas": licensure is stored with full state names.
                params.add(org.imrworkbench.parse.States.fullName(v));
                return "EXISTS (SELECT 1 FROM credentials cr WHERE cr.case_pk = c.pk AND cr.kind = 'LICENSURE'"
                        + " AND cr.value = ? COLLATE NOCASE)";
            case TAG:
                params.add(v);
                params.add(v);
                return "(EXISTS (SELECT 1 FROM case_tags ct JOIN tags t ON t.pk = ct.tag_pk"
                        + " WHERE ct.case_pk = c.pk AND t.name = ?)"
                        + " OR EXISTS (SELECT 1 FROM item_tags it JOIN tags t ON t.pk = it.tag_pk"
                        + " WHERE it.case_pk = c.pk AND it.item_number = i.number AND t.name = ?))";
            case GUIDELINE:
                params.add(v);
                return "EXISTS (SELECT 1 FROM citations ci WHERE ci.item_pk = i.pk AND ci.source = ?)";
            case YEAR:
                params.add(v);
                params.add(v);
                return "(substr(c.decided, 1, 4) = ? OR substr(c.injury, 1, 4) = ?)";
            case SECTION:
                params.add(v);
                return "EXISTS (SELECT 1 FROM citations ci, json_each(ci.sections) cs"
                        + " WHERE ci.item_pk = i.pk AND cs.value = ? COLLATE NOCASE)";
            case DECIDED:
                params.add(v);
                return "substr(c.decided, 1, " + v.length() + ") = ?";
            case HAS:
                return switch (v) {
                    case "warnings" -> "EXISTS (SELECT 1 FROM warnings w WHERE w.case_pk = c.pk)";
                    case "notes" -> "EXISTS (SELECT 1 FROM annotations a WHERE a.case_pk = c.pk)";
                    default -> throw new IllegalStateException("unhandled has: " + v);
                };
            default:
                throw new IllegalStateException("unhandled filter " + key);
        }
    }

    private static String escapeLike(String v) {
        return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Item hits where the item's own text matched; one case hit for a case matched only through its summary. */
    private static List<RawHit> hits(Connection c, SearchQuery q, List<Match> matches) throws SQLException {
        List<RawHit> hits = new ArrayList<>();
        if (!q.hasText()) {
            for (Match m : matches) {
                hits.add(new RawHit(m.rowid, m.casePk, m.rowid < 0));
            }
            return hits;
        }
        Set<Long> itemMatches = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?")) {
            ps.setString(1, q.itemColumnsExpression());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    itemMatches.add(rs.getLong(1));
                }
            }
        }
        Set<Long> casesWithItemHits = new HashSet<>();
        for (Match m : matches) {
            if (itemMatches.contains(m.rowid)) {
                casesWithItemHits.add(m.casePk);
            }
        }
        Set<Long> caseHits = new HashSet<>();
        for (Match m : matches) {
            if (itemMatches.contains(m.rowid)) {
                hits.add(new RawHit(m.rowid, m.casePk, false));
            } else if (!casesWithItemHits.contains(m.casePk) && caseHits.add(m.casePk)) {
                hits.add(new RawHit(m.rowid, m.casePk, true));
            }
        }
        return hits;
    }

    /** The hit's fields and snippet, read as the search reads them: matching is what this class checks. */
    private static Hit details(Connection c, SearchQuery q, RawHit h) throws SQLException {
        return SearchService.details(c, q, h.rowid(), h.casePk(), h.caseOnly());
    }

    // --------------------------------------------------------------------------------------------- facets

    /** Loads the matched rows into {@code temp.hit_rows} and their cases into {@code temp.hit_cases}. */
    private static void fillHitRows(Connection c, List<Match> matches) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS hit_rows (rowid INTEGER PRIMARY KEY)");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS hit_cases (pk INTEGER PRIMARY KEY)");
            s.execute("BEGIN");
            try {
                s.execute("DELETE FROM temp.hit_rows");
                s.execute("DELETE FROM temp.hit_cases");
                try (PreparedStatement rows = c.prepareStatement("INSERT OR IGNORE INTO temp.hit_rows VALUES (?)");
                     PreparedStatement cases = c.prepareStatement("INSERT OR IGNORE INTO temp.hit_cases VALUES (?)")) {
                    for (Match m : matches) {
                        rows.setLong(1, m.rowid);
                        rows.addBatch();
                        cases.setLong(1, m.casePk);
                        cases.addBatch();
                    }
                    rows.executeBatch();
                    cases.executeBatch();
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                entries.add(Map.entry(rs.getString(1), rs.getInt(2)));
            }
        }
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
