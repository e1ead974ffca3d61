package org.imrworkbench.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A query's words matched and ranked in Java from FTS5's own index ({@link Fts5Index}), with FTS5's results: the
 * rows its MATCH expression selects (and the rows whose item columns match, as the {@code {request ...} : (...)}
 * column filter does), and the order of {@code ORDER BY bm25(search_index), rowid} — bm25 as FTS5 computes it
 * (k1 = 1.2, b = 0.75; a phrase's IDF from the rows holding it, floored at 1e-6; its frequency the count of its
 * occurrences in the row; the row's length from {@code %_docsize}; the same arithmetic in the same order).
 *
 * <p>FTS5 computes bm25 for every row a query matches before the best are known (about a microsecond a row, most of
 * it looking up the row's length): 100 ms and more for a word in a third of 300,000 rows. Here the lengths are in an
 * array and the scores are summed phrase by phrase over the decoded postings, then only the rows asked for are
 * ordered. {@code SearchEquivalenceTest} and {@code TextMatchTest} hold the results to FTS5's own.
 *
 * <p>The query's words are tokenized by FTS5 itself, with the library's tokenizer, through a temporary FTS5 table, so
 * stemming and case folding are exactly those of the index.
 */
final class TextMatch {

    static final String TABLE = "search_index";
    /** The {@code tokenize} option of an FTS5 CREATE statement, single-quoted. */
    private static final java.util.regex.Pattern TOKENIZE =
            java.util.regex.Pattern.compile("(?i)\\btokenize\\s*=\\s*'((?:[^']|'')*)'");
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final FactIndex facts;
    private final RowLengths rowTokens;
    /** Rows matching the positive terms and none of the excluded ones (null without positive terms). */
    final BitSet matched;
    /** Rows matching the excluded terms, for a query with only {@code -word}s (null otherwise). */
    final BitSet excluded;
    /** Rows whose item columns match the positive terms (null without positive terms). */
    final BitSet itemMatched;
    private final List<Fts5Index.Counts> positive;
    private final double[] idf;
    private final double avgdl;

    /** Each row's length in tokens (FTS5's {@code %_docsize}, as {@link #rowTokens} reads it), asked for by ranking. */
    @FunctionalInterface
    interface RowLengths {
        int[] get() throws SQLException;
    }

    private TextMatch(FactIndex facts, RowLengths rowTokens, BitSet matched, BitSet excluded, BitSet itemMatched,
                      List<Fts5Index.Counts> positive, double[] idf, double avgdl) {
        this.facts = facts;
        this.rowTokens = rowTokens;
        this.matched = matched;
        this.excluded = excluded;
        this.itemMatched = itemMatched;
        this.positive = positive;
        this.idf = idf;
        this.avgdl = avgdl;
    }

    /**
     * Matches the words of {@code q} in the index, or returns null when the index cannot be read this way (an index
     * format this reader does not know, a term the tokenizer leaves empty): the caller then asks FTS5.
     *
     * @param rowTokens each row's length in tokens, read only when the rows are ranked
     */
    static TextMatch of(Connection c, FactIndex f, RowLengths rowTokens, SearchQuery q) throws SQLException {
        List<Term> terms = new ArrayList<>();
        q.groups().forEach(terms::addAll);
        int positiveCount = terms.size();
        terms.addAll(q.excluded());
        if (terms.isEmpty()) {
            return null;
        }
        Shape shape = Shape.of(c);
        if (shape == null) {
            return null;
        }
        List<List<String>> tokens = tokens(c, shape, terms);
        for (List<String> t : tokens) {
            if (t.isEmpty()) {
                return null; // FTS5's handling of a phrase without tokens is left to FTS5
            }
        }
        List<Fts5Index.Counts> hits = new ArrayList<>();
        long rowCount;
        long tokenCount;
        try (Statement s = c.createStatement()) {
            // One snapshot for the structure and every page read (a savepoint opens a read transaction, or nests in
            // the caller's).
            s.execute("SAVEPOINT text_match");
            try {
                // Each distinct token's list is read once; a phrase is then put together from its tokens' lists.
                Map<Read, Object> lists = new HashMap<>();
                for (int i = 0; i < terms.size(); i++) {
                    for (Read r : reads(tokens.get(i), terms.get(i).prefix())) {
                        lists.put(r, null);
                    }
                }
                long[] totals = readAll(c, shape, lists);
                rowCount = totals[0];
                tokenCount = totals[1];
                Map<String, Fts5Index.Counts> cache = new HashMap<>();
                for (int i = 0; i < terms.size(); i++) {
                    Term t = terms.get(i);
                    String cacheKey = String.join("\u0000", tokens.get(i)) + (t.prefix() ? "*" : "");
                    Fts5Index.Counts h = cache.get(cacheKey);
                    if (h == null) {
                        h = phrase(lists, tokens.get(i), t.prefix());
                        cache.put(cacheKey, h);
                    }
                    hits.add(h);
                }
            } catch (Fts5Index.UnsupportedIndexException e) {
                System.getLogger(TextMatch.class.getName()).log(System.Logger.Level.WARNING,
                        "searching through FTS5's queries: " + e.getMessage());
                return null;
            } catch (RuntimeException e) {
                // Bytes this reader cannot make sense of (FTS5 would call them corrupt, or a format it does not
                // know): FTS5's own queries answer instead, or report the damage themselves.
                System.getLogger(TextMatch.class.getName()).log(System.Logger.Level.WARNING,
                        "searching through FTS5's queries: the index could not be read", e);
                return null;
            } finally {
                s.execute("RELEASE text_match");
            }
        }
        // Boolean structure over the rows of the fact index.
        BitSet[] all = new BitSet[hits.size()];
        BitSet[] item = new BitSet[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            Fts5Index.Counts h = hits.get(i);
            all[i] = new BitSet(f.rows);
            item[i] = new BitSet(f.rows);
            for (int j = 0; j < h.size(); j++) {
                int r = f.rowOf(h.rowids()[j]);
                if (r >= 0) {
                    all[i].set(r);
                    if (h.item()[j] > 0) {
                        item[i].set(r);
                    }
                }
            }
        }
        BitSet excludedRows = null;
        if (positiveCount < terms.size()) {
            excludedRows = new BitSet(f.rows);
            for (int i = positiveCount; i < terms.size(); i++) {
                excludedRows.or(all[i]);
            }
        }
        if (positiveCount == 0) {
            return new TextMatch(f, rowTokens, null, excludedRows, null, List.of(), new double[0], 0);
        }
        BitSet matched = null;
        BitSet itemMatched = null;
        int i = 0;
        for (List<Term> group : q.groups()) {
            BitSet any = new BitSet(f.rows);
            BitSet anyItem = new BitSet(f.rows);
            for (int g = 0; g < group.size(); g++, i++) {
                any.or(all[i]);
                anyItem.or(item[i]);
            }
            if (matched == null) {
                matched = any;
                itemMatched = anyItem;
            } else {
                matched.and(any);
                itemMatched.and(anyItem);
            }
        }
        if (excludedRows != null) {
            matched.andNot(excludedRows);
        }
        double[] idf = new double[positiveCount];
        for (int p = 0; p < positiveCount; p++) {
            long nHit = hits.get(p).size();
            double x = Math.log((rowCount - nHit + 0.5) / (nHit + 0.5));
            idf[p] = x <= 0.0 ? 1e-6 : x;
        }
        double avgdl = (double) tokenCount / (double) rowCount;
        return new TextMatch(f, rowTokens, matched, excludedRows, itemMatched, hits.subList(0, positiveCount), idf,
                avgdl);
    }

    /** The rows' lengths in tokens (all columns), by row of {@code f}: FTS5's {@code %_docsize}. */
    static int[] rowTokens(Connection c, FactIndex f) throws SQLException {
        int[] tokens = new int[f.rows];
        Fts5Index.rowSizes(c, TABLE, (rowid, size) -> {
            int r = f.rowOf(rowid);
            if (r >= 0) {
                tokens[r] = size;
            }
        });
        return tokens;
    }

    /**
     * Gives {@code sink} the {@code candidates} (rows of {@link #matched}) best first — bm25 descending, then rowid
     * ascending — until it returns false.
     */
    void ranked(BitSet candidates, IntPredicate sink) throws SQLException {
        int n = candidates.cardinality();
        if (n == 0) {
            return;
        }
        int[] rowTokens = this.rowTokens.get();
        // The candidates and their scores side by side, then ordered by index: the selection reads the scores in
        // sequence rather than all over an array of every row.
        int[] rows = new int[n];
        double[] scores = new double[n];
        if (!scoreOnePhrase(candidates, rowTokens, rows, scores)) {
            Arrays.fill(scores, 0.0);
            // each candidate's place among the candidates, plus one (0: not a candidate)
            int[] place = new int[facts.rows];
            for (int r = candidates.nextSetBit(0), k = 0; r >= 0; r = candidates.nextSetBit(r + 1), k++) {
                rows[k] = r;
                place[r] = k + 1;
            }
            for (int p = 0; p < positive.size(); p++) {
                Fts5Index.Counts h = positive.get(p);
                for (int j = 0; j < h.size(); j++) {
                    int r = facts.rowOf(h.rowids()[j]);
                    if (r >= 0 && place[r] > 0) {
                        scores[place[r] - 1] += bm25(p, h.all()[j], rowTokens[r]);
                    }
                }
            }
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        // Order the best rows first, in growing portions: most searches want a page of hits.
        int done = 0;
        int portion = 64;
        while (done < n) {
            int end = (int) Math.min(n, (long) done + portion);
            selectBest(order, done, n, end - done, scores, rows);
            for (int k = done; k < end; k++) {
                if (!sink.test(rows[order[k]])) {
                    return;
                }
            }
            done = end;
            portion = portion >= (1 << 20) ? portion : portion * 8;
        }
    }

    /** Phrase p's term of bm25 for a row holding it {@code freq} times in {@code tokens} tokens, as FTS5 sums it. */
    private double bm25(int p, double freq, double tokens) {
        return idf[p] * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * tokens / avgdl)));
    }

    /**
     * With one positive phrase every candidate holds it, so its list gives the candidates and their scores in one
     * pass; false when the query has more phrases (or, which the callers never ask, a candidate lacks the phrase),
     * the arrays then to be filled again.
     */
    private boolean scoreOnePhrase(BitSet candidates, int[] rowTokens, int[] rows, double[] scores) {
        if (positive.size() != 1) {
            return false;
        }
        Fts5Index.Counts h = positive.get(0);
        int k = 0;
        for (int j = 0; j < h.size() && k < rows.length; j++) {
            int r = facts.rowOf(h.rowids()[j]);
            if (r >= 0 && candidates.get(r)) {
                rows[k] = r;
                // the same sum as FTS5's: 0.0 plus the phrase's term
                scores[k] = 0.0 + bm25(0, h.all()[j], rowTokens[r]);
                k++;
            }
        }
        return k == rows.length;
    }

    /** True when candidate a goes before candidate b: a higher score, or the same score and a lower rowid. */
    private boolean before(int a, int b, double[] score, int[] rows) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        return facts.rowid[rows[a]] < facts.rowid[rows[b]];
    }

    /**
     * Moves the best {@code count} candidates of {@code order[from .. to - 1]} (indices into {@code score} and
     * {@code rows}) to its front, in order.
     */
    private void selectBest(int[] order, int from, int to, int count, double[] score, int[] rows) {
        if (to - from <= count) {
            sort(order, from, to, score, rows);
            return;
        }
        // A heap with the worst on top of the best `count` candidates seen so far.
        int[] heap = new int[count];
        for (int k = 0; k < count; k++) {
            heap[k] = order[from + k];
            up(heap, k, score, rows);
        }
        int[] rest = new int[to - from - count];
        int restN = 0;
        for (int k = from + count; k < to; k++) {
            int x = order[k];
            if (before(x, heap[0], score, rows)) {
                rest[restN++] = heap[0];
                heap[0] = x;
                down(heap, 0, count, score, rows);
            } else {
                rest[restN++] = x;
            }
        }
        System.arraycopy(heap, 0, order, from, count);
        System.arraycopy(rest, 0, order, from + count, restN);
        sort(order, from, from + count, score, rows);
    }

    private void up(int[] heap, int k, double[] score, int[] rows) {
        while (k > 0) {
            int parent = (k - 1) / 2;
            if (before(heap[parent], heap[k], score, rows)) {
                int t = heap[parent];
                heap[parent] = heap[k];
                heap[k] = t;
                k = parent;
            } else {
                return;
            }
        }
    }

    private void down(int[] heap, int k, int size, double[] score, int[] rows) {
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            if (l + 1 < size && before(heap[l], heap[l + 1], score, rows)) {
                worst = l + 1;
            }
            if (before(heap[k], heap[worst], score, rows)) {
                int t = heap[k];
                heap[k] = heap[worst];
                heap[worst] = t;
                k = worst;
            } else {
                return;
            }
        }
    }

    private void sort(int[] order, int from, int to, double[] score, int[] rows) {
        Integer[] boxed = new Integer[to - from];
        for (int k = from; k < to; k++) {
            boxed[k - from] = order[k];
        }
        Arrays.sort(boxed, (a, b) -> a.equals(b) ? 0 : before(a, b, score, rows) ? -1 : 1);
        for (int k = from; k < to; k++) {
            order[k] = boxed[k - from];
        }
    }

    // ------------------------------------------------------------------------------------------- phrases

    /** One list to read from the index: a token (or a prefix), with positions or with counts only. */
    private record Read(String token, boolean prefix, boolean positions) {
    }

    /** What a phrase needs: a one-token phrase its token's counts, a longer one each token's positions. */
    private static List<Read> reads(List<String> tokens, boolean prefix) {
        int m = tokens.size();
        if (m == 1) {
            return List.of(new Read(tokens.get(0), prefix, false));
        }
        List<Read> reads = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            reads.add(new Read(tokens.get(j), prefix && j == m - 1, true));
        }
        return reads;
    }

    /** Reads every list of {@code lists} (its keys) into it; returns the index's row and token counts. */
    private static long[] readAll(Connection c, Shape shape, Map<Read, Object> lists)
            throws SQLException, Fts5Index.UnsupportedIndexException {
        Fts5Index index = Fts5Index.open(c, TABLE, shape.columns());
        try {
            for (Read r : lists.keySet()) {
                lists.put(r, read(index, r));
            }
            return new long[]{index.rowCount, index.tokenCount};
        } finally {
            index.close();
        }
    }

    private static Object read(Fts5Index index, Read r) throws SQLException, Fts5Index.UnsupportedIndexException {
        if (!r.positions()) {
            return index.counts(r.token(), r.prefix());
        }
        return r.prefix() ? index.prefix(r.token()) : index.term(r.token());
    }

    /**
     * The rows where the tokens occur one after another within a column (the last a prefix when {@code prefix}), with
     * the phrase's occurrences, from the lists read for it.
     */
    private static Fts5Index.Counts phrase(Map<Read, Object> read, List<String> tokens, boolean prefix) {
        int m = tokens.size();
        List<Read> reads = reads(tokens, prefix);
        if (m == 1) {
            return (Fts5Index.Counts) read.get(reads.get(0));
        }
        Fts5Index.Postings[] lists = new Fts5Index.Postings[m];
        for (int j = 0; j < m; j++) {
            lists[j] = (Fts5Index.Postings) read.get(reads.get(j));
            if (lists[j].size() == 0) {
                return new Fts5Index.Counts(new int[0], new int[0], new int[0], 0);
            }
        }
        Fts5Index.Postings first = lists[0];
        int[] rowids = new int[first.size()];
        int[] all = new int[first.size()];
        int[] item = new int[first.size()];
        int n = 0;
        int[] at = new int[m];
        int[] walk = new int[m];
        int[] end = new int[m];
        int itemColumns = 1 << Fts5Index.POSITION_BITS; // packed positions of column 1 and after
        outer:
        for (int i = 0; i < first.size(); i++) {
            int rowid = first.rowids()[i];
            for (int j = 1; j < m; j++) {
                Fts5Index.Postings p = lists[j];
                while (at[j] < p.size() && p.rowids()[at[j]] < rowid) {
                    at[j]++;
                }
                if (at[j] >= p.size()) {
                    break outer;
                }
                if (p.rowids()[at[j]] != rowid) {
                    continue outer;
                }
            }
            int countAll = 0;
            int countItem = 0;
            // The row's positions of each later token, walked once: the first token's positions ascend, and so do
            // the positions the phrase wants after them.
            for (int j = 1; j < m; j++) {
                walk[j] = lists[j].start()[at[j]];
                end[j] = lists[j].start()[at[j] + 1];
            }
            for (int k = first.start()[i]; k < first.start()[i + 1]; k++) {
                int pos = first.positions()[k];
                boolean whole = true;
                for (int j = 1; j < m && whole; j++) {
                    int want = pos + j;
                    int[] positions = lists[j].positions();
                    int w = walk[j];
                    while (w < end[j] && positions[w] < want) {
                        w++;
                    }
                    walk[j] = w;
                    whole = w < end[j] && positions[w] == want
                            && (want >>> Fts5Index.POSITION_BITS) == (pos >>> Fts5Index.POSITION_BITS);
                }
                if (whole) {
                    countAll++;
                    if (pos >= itemColumns) {
                        countItem++;
                    }
                }
            }
            if (countAll > 0) {
                rowids[n] = rowid;
                all[n] = countAll;
                item[n] = countItem;
                n++;
            }
        }
        return new Fts5Index.Counts(rowids, all, item, n);
    }

    // --------------------------------------------------------------------------------------- tokenizing

    /**
     * The index's columns and its tokenizer, as its CREATE statement declares them (column 0 the case summary, the
     * others the item's own texts, as {@link SearchQuery#itemColumnsExpression()} has them), so that the reader and
     * the query's tokens follow the library's schema rather than a copy of it.
     *
     * @param tokenize the {@code tokenize} option (FTS5's default tokenizer when null)
     */
    record Shape(int columns, String tokenize) {

        /** The shape of the library's index, or null when its declaration is not one this class can follow. */
        static Shape of(Connection c) throws SQLException {
            String sql;
            try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE name = ?")) {
                ps.setString(1, TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    sql = rs.next() ? rs.getString(1) : null;
                }
            }
            if (sql == null) {
                return null;
            }
            String tokenize = null;
            var m = TOKENIZE.matcher(sql);
            if (m.find()) {
                tokenize = m.group(1).replace("''", "'");
            } else if (sql.toLowerCase(java.util.Locale.ROOT).contains("tokenize")) {
                return null; // written some other way: let FTS5 read the query
            }
            int columns = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + TABLE + ")")) {
                while (rs.next()) {
                    columns++;
                }
            }
            return columns == 0 ? null : new Shape(columns, tokenize);
        }
    }

    /**
     * Each term's tokens as FTS5 makes them from the quoted string of {@link Term#fts()}: the term's text written to a
     * temporary FTS5 table with the index's tokenizer and read back from its instances, in order. The table's name
     * carries the tokenizer's, so a library with another tokenizer gets its own.
     */
    private static List<List<String>> tokens(Connection c, Shape shape, List<Term> terms) throws SQLException {
        String suffix = shape.tokenize() == null ? "default"
                : HexFormat.of().formatHex(shape.tokenize().getBytes(StandardCharsets.UTF_8));
        String table = "query_terms_" + suffix;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp." + table + " USING fts5(text"
                    + (shape.tokenize() == null ? "" : ", tokenize = '" + shape.tokenize().replace("'", "''") + "'")
                    + ")");
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp." + table + "_tokens"
                    + " USING fts5vocab(temp, " + table + ", instance)");
            s.execute("DELETE FROM temp." + table);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp." + table + " (rowid, text) VALUES (?, ?)")) {
            for (int i = 0; i < terms.size(); i++) {
                ps.setLong(1, i);
                ps.setString(2, terms.get(i).text());
                ps.executeUpdate();
            }
        }
        List<List<String>> tokens = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            tokens.add(new ArrayList<>());
        }
        String sql = "SELECT doc, term FROM temp." + table + "_tokens ORDER BY doc, \"offset\"";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                tokens.get((int) rs.getLong(1)).add(rs.getString(2));
            }
        }
        return tokens;
    }
}
