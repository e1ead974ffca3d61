package org.imrworkbench.search;

import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Treatment;
import org.imrworkbench.parse.TreatmentNormalizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Full-text search with filters, snippets, facets and statistics over a {@link Library}.
 *
 * <p>Documents are items: each indexed with its case summary, request, both guideline texts and rationale (a letter
 * without items is indexed by its summary alone). A hit is an item when the query's words match the item's own text;
 * when they match a case only through its summary, the case is one hit with {@code item} null. Hits are ranked by
 * FTS5's bm25; a query with only filters lists matching items by case id and item order.
 *
 * <p>Only the words are matched and ranked in SQLite. Filters, facets and statistics work on the library's
 * {@link FactIndex}, a copy in memory of the facts they read, kept per service and read again when the letters
 * change; share one service per library (the desktop app does) so the copy is read once.
 *
 * <p>Snippets mark matches with {@code «} and {@code »} and cut text with {@code …}. Thread-safe; call off the UI
 * thread.
 */
public final class SearchService {

    public static final String MARK_START = "«";
    public static final String MARK_END = "»";
    public static final String ELLIPSIS = "…";
    private static final int SNIPPET_TOKENS = 24;
    /** Ranking is confined to the rows a search needs when they are fewer than one in this many of the word matches. */
    private static final int CONFINE_RATIO = 3;

    private final Library library;
    private final boolean readIndex;
    /** The facts of the library's letters, as last read; replaced when the letters change. */
    private volatile FactIndex facts;
    /** The rows' lengths in tokens of {@link #facts}, for bm25; read with the first ranked search. */
    private volatile RowTokens rowTokens;

    private record RowTokens(FactIndex facts, int[] tokens) {
    }

    public SearchService(Library library) {
        this(library, true);
    }

    /**
     * A service that matches and ranks the words in Java from FTS5's index when {@code readIndex} (the public
     * constructor's choice), or always through FTS5's queries, as it does when it cannot read the index: the
     * equivalence tests hold both ways to the same results.
     */
    SearchService(Library library, boolean readIndex) {
        this.library = library;
        this.readIndex = readIndex;
    }

    /** A hit before its details are read: {@code rowid} of the item, or of the case's best-matching row. */
    private record RawHit(long rowid, long casePk, boolean caseOnly) {
    }

    /**
     * What a query selects, as sets over the rows and cases of a {@link FactIndex}.
     *
     * @param textMatches how many rows the words match before the filters (0 without words)
     * @param matched  rows matching the words (if any) and every filter: the rows of facets and statistics
     * @param itemHits rows that are item hits: for a query with words, items whose own text matched
     * @param caseHits cases (indices) that are one hit each: matched only through the summary, or without items
     */
    private record Selection(FactIndex facts, SearchQuery query, TextMatch text, int textMatches, BitSet matched,
                             BitSet itemHits, BitSet caseHits) {
        int total() {
            return itemHits.cardinality() + caseHits.cardinality();
        }

        BitSet cases() {
            return facts.casesOf(matched);
        }
    }

    /** What {@link #withMatches} gives its work: the library's facts and the rows a query matched. */
    @FunctionalInterface
    public interface MatchWork<T> {
        T apply(FactIndex facts, BitSet matchedRows) throws SQLException;
    }

    /** What {@link #withFacts} gives its work: the library's connection and its facts. */
    @FunctionalInterface
    public interface FactsWork<T> {
        T apply(Connection c, FactIndex facts) throws SQLException;
    }

    /**
     * Runs {@code work} under the library's lock with the library's {@link FactIndex}, read again if the letters have
     * changed. For services that combine the facts with their own queries, such as the precedents; the work must
     * only read (temporary tables aside).
     */
    public <T> T withFacts(FactsWork<T> work) {
        return library.readSnapshot(c -> work.apply(c, facts(c)));
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
        return library.readSnapshot(c -> {
            Selection sel = select(c, query);
            int total = sel.total();
            List<Hit> page = new ArrayList<>();
            if (offset < total && limit > 0) {
                List<RawHit> raw = hits(c, sel, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit));
                raw = raw.subList(Math.min(offset, raw.size()), raw.size());
                Map<RawHit, String> snippets = batchedSnippets(c, query, raw);
                for (RawHit h : raw) {
                    page.add(snippets == null ? details(c, query, h)
                            : fields(c, h.rowid(), h.casePk(), h.caseOnly(), snippets.get(h)));
                }
            }
            return new SearchResult(total, page);
        });
    }

    /**
     * The ids of the cases a query matches (in any item or in the summary), best match first; for a blank query,
     * every case. For the case list of the desktop app, which shows cases rather than hits.
     */
    public List<String> caseIds(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.readSnapshot(c -> {
            Selection sel = select(c, q);
            FactIndex f = sel.facts();
            BitSet seen = new BitSet(f.cases);
            List<String> ids = new ArrayList<>();
            IntPredicate take = r -> {
                if (sel.matched().get(r) && !seen.get(f.rowCase[r])) {
                    seen.set(f.rowCase[r]);
                    ids.add(f.caseId[f.rowCase[r]]);
                }
                return true;
            };
            if (q.hasText()) {
                rankedRows(c, f, q, sel.text(), sel.textMatches(), sel.matched(), take);
            } else {
                for (int r : f.idOrder) {
                    take.test(r);
                }
            }
            return ids;
        });
    }

    /** Facet counts of a query's matches (an empty query: the whole library). */
    public Facets facets(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.readSnapshot(c -> {
            Selection sel = select(c, q);
            FactIndex f = sel.facts();
            BitSet rows = sel.matched();
            BitSet cases = sel.cases();
            ItemCounts counts = ItemCounts.of(f, rows, true);
            int[] decisions = counts.decisions();
            int[] categories = counts.categories();
            int[] drugs = counts.drugs();
            int[] sources = counts.sources();
            Map<String, Integer> specialties = new HashMap<>();
            Map<String, Integer> years = new HashMap<>();
            for (int k = cases.nextSetBit(0); k >= 0; k = cases.nextSetBit(k + 1)) {
                for (String specialty : f.caseCredentials(k, FactIndex.SPECIALTY)) {
                    specialties.merge(specialty, 1, Integer::sum);
                }
                String decided = f.dates.value(f.decided[k]);
                if (decided != null) {
                    years.merge(decided.substring(0, Math.min(4, decided.length())), 1, Integer::sum);
                }
            }
            Map<String, Integer> drugCounts = new HashMap<>();
            for (int id = 0; id < drugs.length; id++) {
                if (drugs[id] > 0) {
                    drugCounts.put(f.generics.value(id), drugs[id]);
                }
            }
            Map<String, Integer> has = new HashMap<>();
            BitSet warned = f.warnedCases();
            warned.and(cases);
            BitSet annotated = annotatedCases(c, f);
            annotated.and(cases);
            if (!warned.isEmpty()) {
                has.put(FilterKey.WARNINGS, warned.cardinality());
            }
            if (!annotated.isEmpty()) {
                has.put(FilterKey.NOTES, annotated.cardinality());
            }
            return new Facets(ordered(named(decisions, Decision.values())),
                    ordered(named(categories, Category.values())), ordered(drugCounts), ordered(specialties),
                    ordered(named(sources, CitationSource.values())), ordered(years), ordered(tagCounts(c, f, rows,
                            cases)), ordered(has));
        });
    }

    /** The counts of {@code stats}: the whole library for a blank query, else the query's matches. */
    public Stats stats(String query) {
        SearchQuery q = QueryParser.parse(query);
        return library.readSnapshot(c -> {
            Selection sel = select(c, q);
            FactIndex f = sel.facts();
            ItemCounts counts = ItemCounts.of(f, sel.matched(), false);
            Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
            for (Decision d : Decision.values()) {
                decisions.put(d, counts.decisions()[d.ordinal()]);
            }
            Map<Category, Integer> categories = new EnumMap<>(Category.class);
            for (Category cat : Category.values()) {
                categories.put(cat, counts.categories()[cat.ordinal()]);
            }
            return new Stats(sel.cases().cardinality(), counts.items(), decisions, categories);
        });
    }

    /**
     * Runs {@code work} under the library's lock with the library's {@link FactIndex} and the rows the query
     * matches (a blank query: every row), the rows that facets and statistics count. For statistics built on the
     * search, such as the outcome analytics; the work must only read.
     */
    public <T> T withMatches(String query, MatchWork<T> work) {
        SearchQuery q = QueryParser.parse(query);
        return library.readSnapshot(c -> {
            Selection sel = select(c, q);
            return work.apply(sel.facts(), sel.matched());
        });
    }

    /** The library's facts as of now, read again when its letters have changed. Call under the library's lock. */
    private FactIndex facts(Connection c) throws SQLException {
        String version = library.letterVersion(c);
        FactIndex f = facts;
        if (f == null || !f.version.equals(version)) {
            f = FactIndex.read(c, version);
            facts = f;
        }
        return f;
    }

    // ------------------------------------------------------------------------------------------- matching

    /** Each row's length in tokens for bm25, read when first needed for the facts' version. */
    private int[] rowTokens(Connection c, FactIndex f) throws SQLException {
        RowTokens t = rowTokens;
        if (t == null || t.facts() != f) {
            t = new RowTokens(f, TextMatch.rowTokens(c, f));
            rowTokens = t;
        }
        return t.tokens();
    }

    private Selection select(Connection c, SearchQuery q) throws SQLException {
        FactIndex f = facts(c);
        BitSet matched;
        String match = q.matchExpression();
        String excluded = q.excludedExpression();
        // The words matched (and ranked, when asked) in Java from FTS5's index; null: FTS5's own queries instead.
        TextMatch text = readIndex && (match != null || excluded != null)
                ? TextMatch.of(c, f, () -> rowTokens(c, f), q) : null;
        int textMatches = 0;
        if (match != null) {
            matched = text != null ? (BitSet) text.matched.clone() : rowsMatching(c, f, match);
            textMatches = matched.cardinality();
        } else {
            matched = new BitSet(f.rows);
            matched.set(0, f.rows);
            if (excluded != null) {
                matched.andNot(text != null ? text.excluded : rowsMatching(c, f, excluded));
            }
        }
        for (var e : q.filters().entrySet()) {
            BitSet any = new BitSet(f.rows);
            for (String v : e.getValue()) {
                any.or(condition(c, f, e.getKey(), v));
            }
            matched.and(any);
        }
        for (SearchQuery.Filter r : q.required()) {
            matched.and(condition(c, f, r.key(), r.value()));
        }
        for (var e : q.excludedFilters().entrySet()) {
            for (String v : e.getValue()) {
                matched.andNot(condition(c, f, e.getKey(), v));
            }
        }
        BitSet itemHits = (BitSet) matched.clone();
        if (q.hasText()) {
            itemHits.and(text != null ? text.itemMatched : rowsMatching(c, f, q.itemColumnsExpression()));
        } else {
            itemHits.clear(f.itemRows, f.rows);
        }
        BitSet caseHits = f.casesOf(matched);
        caseHits.andNot(f.casesOf(itemHits));
        return new Selection(f, q, text, textMatches, matched, itemHits, caseHits);
    }

    /** The rows whose index entry matches an FTS5 expression. */
    private static BitSet rowsMatching(Connection c, FactIndex f, String expression) throws SQLException {
        BitSet rows = new BitSet(f.rows);
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM search_index WHERE search_index MATCH ?")) {
            ps.setString(1, expression);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = f.rowOf(rs.getLong(1));
                    if (r >= 0) {
                        rows.set(r);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Gives {@code sink} the rows matching the query's words, best first (FTS5's bm25), until it returns false. Only
     * the {@code candidates} are needed: when they are a small part of the {@code textMatches} rows the words match,
     * only they are scored (bm25 costs about a microsecond a row, the bulk of a search for common words), through
     * a temporary table of their rowids.
     */
    private static void rankedRows(Connection c, FactIndex f, SearchQuery q, TextMatch text, int textMatches,
                                   BitSet candidates, IntPredicate sink) throws SQLException {
        if (text != null) {
            text.ranked(candidates, sink);
            return;
        }
        int needed = candidates.cardinality();
        if (needed == 0) {
            return;
        }
        String sql = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank";
        if ((long) needed * CONFINE_RATIO < textMatches) {
            f.intoTempTable(c, "rank_rows", candidates);
            // "+rowid": test FTS5's rows against the table rather than look each one up in the index; bm25() is
            // FTS5's rank, here computed for the rows that pass.
            sql = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
                    + " AND +rowid IN (SELECT rowid FROM temp.rank_rows) ORDER BY bm25(search_index), rowid";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, q.matchExpression());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = f.rowOf(rs.getLong(1));
                    if (r >= 0 && !sink.test(r)) {
                        return;
                    }
                }
            }
        }
    }

    /** The rows satisfying one filter value, as the query language defines it ({@link FilterKey}). */
    private static BitSet condition(Connection c, FactIndex f, FilterKey key, String v) throws SQLException {
        BitSet rows = new BitSet(f.rows);
        switch (key) {
            case DECISION -> {
                byte d = (byte) Decision.valueOf(v).ordinal();
                for (int r = 0; r < f.itemRows; r++) {
                    if (f.decision[r] == d) {
                        rows.set(r);
                    }
                }
            }
            case CATEGORY -> {
                byte cat = (byte) Category.valueOf(v).ordinal();
                for (int r = 0; r < f.itemRows; r++) {
                    if (f.category[r] == cat) {
                        rows.set(r);
                    }
                }
            }
            case DRUG -> {
                String lower = FactIndex.asciiLower(v);
                // a brand the lexicon knows finds its generic's items too, however their requests name it
                // ("drug:flexeril" finds "Cyclobenzaprine 7.5mg"), as a generic finds its brands' items
                String viaLexicon = genericOf(v);
                boolean[] generic = f.generics.where(g -> isOrContains(g, lower)
                        || (viaLexicon != null && isOrContains(g, viaLexicon)));
                boolean[] name = f.names.where(n -> n.equals(lower));
                for (int r = 0; r < f.itemRows; r++) {
                    if ((f.generic[r] >= 0 && generic[f.generic[r]]) || (f.name[r] >= 0 && name[f.name[r]])) {
                        rows.set(r);
                    }
                }
                rows.or(f.requestsContaining(lower));
            }
            case GENERIC -> {
                String lower = FactIndex.asciiLower(v);
                boolean[] generic = f.generics.where(g -> g.equals(lower));
                for (int r = 0; r < f.itemRows; r++) {
                    if (f.generic[r] >= 0 && generic[f.generic[r]]) {
                        rows.set(r);
                    }
                }
            }
            case SPECIALTY -> {
                String lower = FactIndex.asciiLower(v);
                rows = f.rowsOfCases(f.casesWithCredential(
                        value -> FactIndex.asciiLower(value).contains(lower),
                        FactIndex.SPECIALTY, FactIndex.SUBSPECIALTY));
            }
            case BOARD -> {
                String lower = FactIndex.asciiLower(v);
                rows = f.rowsOfCases(f.casesWithCredential(value -> FactIndex.asciiLower(value).equals(lower),
                        FactIndex.SPECIALTY));
            }
            case STATE -> {
                // "TX" and "texas" find "Texas": licensure is stored with full state names.
                String state = FactIndex.asciiLower(org.imrworkbench.parse.States.fullName(v));
                rows = f.rowsOfCases(f.casesWithCredential(value -> FactIndex.asciiLower(value).equals(state),
                        FactIndex.LICENSURE));
            }
            case TAG -> {
                BitSet cases = new BitSet(f.cases);
                try (PreparedStatement ps = c.prepareStatement("SELECT ct.case_pk FROM case_tags ct"
                        + " JOIN tags t ON t.pk = ct.tag_pk WHERE t.name = ?")) {
                    ps.setString(1, v);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int k = f.caseOfPk(rs.getLong(1));
                            if (k >= 0) {
                                cases.set(k);
                            }
                        }
                    }
                }
                rows = f.rowsOfCases(cases);
                try (PreparedStatement ps = c.prepareStatement("SELECT it.case_pk, it.item_number FROM item_tags it"
                        + " JOIN tags t ON t.pk = it.tag_pk WHERE t.name = ?")) {
                    ps.setString(1, v);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int r = f.rowOfItem(rs.getLong(1), rs.getInt(2));
                            if (r >= 0) {
                                rows.set(r);
                            }
                        }
                    }
                }
            }
            case GUIDELINE -> {
                int bit = 1 << CitationSource.valueOf(v).ordinal();
                for (int r = 0; r < f.itemRows; r++) {
                    if ((f.sources[r] & bit) != 0) {
                        rows.set(r);
                    }
                }
            }
            case YEAR -> {
                boolean[] year = f.dates.where(d -> d.startsWith(v));
                BitSet cases = new BitSet(f.cases);
                for (int k = 0; k < f.cases; k++) {
                    if ((f.decided[k] >= 0 && year[f.decided[k]]) || (f.injury[k] >= 0 && year[f.injury[k]])) {
                        cases.set(k);
                    }
                }
                rows = f.rowsOfCases(cases);
            }
            case SECTION -> {
                String lower = FactIndex.asciiLower(v);
                boolean[] section = f.sections.where(x -> FactIndex.asciiLower(x).equals(lower));
                for (int r = 0; r < f.itemRows; r++) {
                    for (int j = f.sectionStart[r]; j < f.sectionStart[r + 1]; j++) {
                        if (section[f.sectionIds[j]]) {
                            rows.set(r);
                            break;
                        }
                    }
                }
            }
            case DECIDED -> {
                boolean[] when = f.dates.where(d -> d.startsWith(v));
                BitSet cases = new BitSet(f.cases);
                for (int k = 0; k < f.cases; k++) {
                    if (f.decided[k] >= 0 && when[f.decided[k]]) {
                        cases.set(k);
                    }
                }
                rows = f.rowsOfCases(cases);
            }
            case HAS -> rows = f.rowsOfCases(FilterKey.WARNINGS.equals(v) ? f.warnedCases() : annotatedCases(c, f));
            default -> throw new IllegalStateException("unhandled filter " + key);
        }
        return rows;
    }

    /**
     * The cases (indices) with at least one highlight or note: read per query, as tags are, since the user adds and
     * removes them while the letters (and so the facts) stay as they are.
     */
    private static BitSet annotatedCases(Connection c, FactIndex f) throws SQLException {
        BitSet cases = new BitSet(f.cases);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT case_pk FROM annotations")) {
            while (rs.next()) {
                int k = f.caseOfPk(rs.getLong(1));
                if (k >= 0) {
                    cases.set(k);
                }
            }
        }
        return cases;
    }

    /**
     * The first {@code wanted} hits, best first: item hits, and one hit for each case hit at its best row. With words,
     * in FTS5's rank order; without, by case id and item position.
     */
    private static List<RawHit> hits(Connection c, Selection sel, int wanted) throws SQLException {
        FactIndex f = sel.facts();
        List<RawHit> hits = new ArrayList<>(Math.min(wanted, 1024));
        BitSet casesDone = new BitSet(f.cases);
        IntPredicate take = r -> {
            int k = f.rowCase[r];
            if (sel.itemHits().get(r)) {
                hits.add(new RawHit(f.rowid[r], f.casePk[k], false));
            } else if (sel.matched().get(r) && sel.caseHits().get(k) && !casesDone.get(k)) {
                casesDone.set(k);
                hits.add(new RawHit(f.rowid[r], f.casePk[k], true));
            }
            return hits.size() < wanted;
        };
        if (sel.query().hasText()) {
            BitSet candidates = (BitSet) sel.itemHits().clone();
            candidates.or(f.rowsOfCases(sel.caseHits()));
            candidates.and(sel.matched());
            rankedRows(c, f, sel.query(), sel.text(), sel.textMatches(), candidates, take);
        } else {
            for (int r : f.idOrder) {
                if (!take.test(r)) {
                    break;
                }
            }
        }
        return hits;
    }

    private static Hit details(Connection c, SearchQuery q, RawHit h) throws SQLException {
        return details(c, q, h.rowid(), h.casePk(), h.caseOnly());
    }

    /**
     * A hit's fields and snippet: of item {@code rowid}, or for a case hit ({@code caseOnly}) of case {@code casePk}
     * with the snippet of its summary in row {@code rowid}.
     */
    static Hit details(Connection c, SearchQuery q, long rowid, long casePk, boolean caseOnly) throws SQLException {
        String snippet = null;
        if (q.hasText()) {
            try (PreparedStatement ps = c.prepareStatement(snippetSql(caseOnly) + " AND rowid = ?")) {
                ps.setString(1, snippetExpression(q, caseOnly));
                ps.setLong(2, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    snippet = rs.next() ? rs.getString(2) : null;
                }
            }
        }
        return fields(c, rowid, casePk, caseOnly, snippet);
    }

    /** The snippet query of an item hit (its own columns) or a case hit (its summary); parameter 1 the expression. */
    private static String snippetSql(boolean caseOnly) {
        return "SELECT rowid, snippet(search_index, " + (caseOnly ? 0 : -1) + ", '" + MARK_START + "', '" + MARK_END
                + "', '" + ELLIPSIS + "', " + SNIPPET_TOKENS + ") FROM search_index WHERE search_index MATCH ?";
    }

    private static String snippetExpression(SearchQuery q, boolean caseOnly) {
        return caseOnly ? q.positiveExpression() : q.itemColumnsExpression();
    }

    /**
     * The snippets of a page of hits in one pass over the query's matches, or null to read them hit by hit. FTS5
     * looks a single row up by rowid quickly, except for a prefix ({@code acupunct*}): without a prefix index it
     * merges the rows of every term with that prefix first, a few milliseconds for each hit of a common prefix.
     * Then one pass (per kind of hit) reads them all, with the same {@code snippet()} of the same rows.
     */
    private static Map<RawHit, String> batchedSnippets(Connection c, SearchQuery q, List<RawHit> hits)
            throws SQLException {
        boolean prefix = q.groups().stream().flatMap(List::stream).anyMatch(Term::prefix);
        if (!q.hasText() || !prefix || hits.size() < 2) {
            return null;
        }
        Map<RawHit, String> snippets = new HashMap<>();
        for (boolean caseOnly : new boolean[]{false, true}) {
            Map<Long, RawHit> byRowid = new HashMap<>();
            for (RawHit h : hits) {
                if (h.caseOnly() == caseOnly) {
                    byRowid.put(h.rowid(), h);
                }
            }
            if (byRowid.isEmpty()) {
                continue;
            }
            StringBuilder in = new StringBuilder();
            byRowid.keySet().forEach(rowid -> in.append(in.length() == 0 ? "" : ",").append(rowid));
            // "+rowid": one pass over the matches, not one lookup (and one prefix merge) per hit
            try (PreparedStatement ps = c.prepareStatement(snippetSql(caseOnly) + " AND +rowid IN (" + in + ")")) {
                ps.setString(1, snippetExpression(q, caseOnly));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        snippets.put(byRowid.get(rs.getLong(1)), rs.getString(2));
                    }
                }
            }
        }
        return snippets;
    }

    /** A hit's fields, as {@link #details}, with its snippet. */
    private static Hit fields(Connection c, long rowid, long casePk, boolean caseOnly, String snippet)
            throws SQLException {
        String id;
        String caseNumber;
        Integer item = null;
        String request = null;
        Decision decision = null;
        if (caseOnly) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, case_number FROM cases WHERE pk = ?")) {
                ps.setLong(1, casePk);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getString(1);
                    caseNumber = rs.getString(2);
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.case_number, i.number, i.request,"
                    + " i.decision FROM items i JOIN cases c ON c.pk = i.case_pk WHERE i.pk = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getString(1);
                    caseNumber = rs.getString(2);
                    item = rs.getInt(3);
                    request = rs.getString(4);
                    decision = Decision.valueOf(rs.getString(5));
                }
            }
        }
        return new Hit(id, caseNumber, item, request, decision, snippet);
    }

    /**
     * The generic (lower case) of a drug the bundled lexicon knows by this very name (a brand or a generic), or null.
     * The lexicon is read on the first {@code drug:} filter, not when the search is made (at the app's start).
     */
    static String genericOf(String drug) {
        String named = drug.strip();
        Treatment t = new TreatmentNormalizer().normalize(named, -1);
        return t.generic() != null && t.name() != null && t.name().equalsIgnoreCase(named)
                ? FactIndex.asciiLower(t.generic()) : null;
    }

    /** Whether a generic is {@code drug}, or a compound ("a/b") with {@code drug} as one of its parts. */
    private static boolean isOrContains(String generic, String drug) {
        return generic.equals(drug) || ("/" + generic + "/").contains("/" + drug + "/");
    }

    // --------------------------------------------------------------------------------------------- facets

    /**
     * Counts over the item rows of a set (its case-only rows aside): items, and items by decision and category (by
     * ordinal), and with {@code all} by generic drug (by dictionary id) and guideline source (by ordinal).
     */
    private record ItemCounts(int items, int[] decisions, int[] categories, int[] drugs, int[] sources) {
        static ItemCounts of(FactIndex f, BitSet rows, boolean all) {
            int items = 0;
            int[] decisions = new int[Decision.values().length];
            int[] categories = new int[Category.values().length];
            int[] drugs = new int[all ? f.generics.size() : 0];
            int[] sources = new int[all ? CitationSource.values().length : 0];
            for (int r = rows.nextSetBit(0); r >= 0 && r < f.itemRows; r = rows.nextSetBit(r + 1)) {
                items++;
                decisions[f.decision[r]]++;
                categories[f.category[r]]++;
                if (all) {
                    if (f.generic[r] >= 0) {
                        drugs[f.generic[r]]++;
                    }
                    for (int m = f.sources[r], k = 0; m != 0; m >>>= 1, k++) {
                        sources[k] += m & 1;
                    }
                }
            }
            return new ItemCounts(items, decisions, categories, drugs, sources);
        }
    }

    private static <E extends Enum<E>> Map<String, Integer> named(int[] counts, E[] values) {
        Map<String, Integer> named = new HashMap<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                named.put(values[k].name(), counts[k]);
            }
        }
        return named;
    }

    /** Cases with the tag on the case (a matched case) or on a matched item, by tag name. */
    private static Map<String, Integer> tagCounts(Connection c, FactIndex f, BitSet rows, BitSet cases)
            throws SQLException {
        Map<String, BitSet> tagged = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ct.case_pk, t.name FROM case_tags ct JOIN tags t ON t.pk = ct.tag_pk")) {
            while (rs.next()) {
                int k = f.caseOfPk(rs.getLong(1));
                if (k >= 0 && cases.get(k)) {
                    tagged.computeIfAbsent(rs.getString(2), t -> new BitSet()).set(k);
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT it.case_pk, it.item_number, t.name FROM item_tags it"
                     + " JOIN tags t ON t.pk = it.tag_pk")) {
            while (rs.next()) {
                int r = f.rowOfItem(rs.getLong(1), rs.getInt(2));
                if (r >= 0 && rows.get(r)) {
                    tagged.computeIfAbsent(rs.getString(3), t -> new BitSet()).set(f.rowCase[r]);
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        tagged.forEach((t, set) -> counts.put(t, set.cardinality()));
        return counts;
    }

    /** Counts largest first, then by key. */
    private static Map<String, Integer> ordered(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
