package org.imrworkbench.search;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.synth.CorpusWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Fts5Index} and {@link TextMatch} against FTS5 itself: every term's rows and positions against FTS5's
 * {@code fts5vocab} instances, and the rows and order of queries against {@code MATCH ... ORDER BY bm25, rowid} —
 * on an index written with small pages (so doclists and position lists run over many pages), many segments on
 * several levels, rows deleted and written again (so segments hold delete markers and newer entries for the same
 * rows), and an incremental merge left half done (its inputs trimmed, its output holding the terms merged so far).
 */
class TextMatchTest {

    @TempDir
    static Path dir;
    static Connection c;
    static List<String> vocabulary;

    @BeforeAll
    static void setUp() throws Exception {
        Path letters = dir.resolve("letters");
        new CorpusWriter(7L, 0.0, false).write(letters, 60);
        Path db = dir.resolve("library.db");
        try (Library library = Library.open(db)) {
            new ImportService(library).importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
        }
        c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement s = c.createStatement()) {
            // Rewrite the index with tiny pages and no automatic merging, in many small transactions, then delete
            // and rewrite a third of the rows: many segments, doclists over many pages, delete markers.
            s.execute("CREATE TEMP TABLE copy AS SELECT rowid AS id, * FROM search_index");
            s.execute("DELETE FROM search_index");
            s.execute("INSERT INTO search_index(search_index, rank) VALUES ('pgsz', 64)");
            s.execute("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0)");
            s.execute("INSERT INTO search_index(search_index) VALUES ('optimize')");
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM temp.copy ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (int k = 0; k < ids.size(); k += 17) {
                s.execute("INSERT INTO search_index (rowid, summary, request, claims_guideline, reviewer_guideline,"
                        + " rationale) SELECT id, summary, request, claims_guideline, reviewer_guideline, rationale"
                        + " FROM temp.copy WHERE id >= " + ids.get(k) + " AND id < "
                        + (k + 17 < ids.size() ? ids.get(k + 17) : Long.MAX_VALUE));
            }
            s.execute("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 4)");
            s.execute("INSERT INTO search_index(search_index, rank) VALUES ('merge', 50)");
            Random random = new Random(3);
            for (int k = 0; k < ids.size() / 3; k++) {
                long id = ids.get(random.nextInt(ids.size()));
                s.execute("DELETE FROM search_index WHERE rowid = " + id);
                if (random.nextBoolean()) {
                    s.execute("INSERT INTO search_index (rowid, summary, request, claims_guideline,"
                            + " reviewer_guideline, rationale) SELECT id, summary, request, claims_guideline,"
                            + " reviewer_guideline, rationale FROM temp.copy WHERE id = " + id);
                }
            }
            // Leave an incremental merge half done: its input segments trimmed, its output holding the terms so far.
            s.execute("INSERT INTO search_index(search_index, rank) VALUES ('merge', -3)");
            if (System.getProperty("textmatch.keep") != null) {
                s.execute("VACUUM INTO '" + System.getProperty("textmatch.keep") + "'");
            }
            s.execute("CREATE VIRTUAL TABLE temp.v_row USING fts5vocab(main, search_index, row)");
            s.execute("CREATE VIRTUAL TABLE temp.v_inst USING fts5vocab(main, search_index, instance)");
            vocabulary = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT term FROM temp.v_row ORDER BY term")) {
                while (rs.next()) {
                    vocabulary.add(rs.getString(1));
                }
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        c.close();
    }

    /** FTS5's rows and positions of a term, packed as the reader packs them, as text for comparison. */
    private static final List<String> COLUMNS =
            List.of("summary", "request", "claims_guideline", "reviewer_guideline", "rationale");

    /** The library's index: FTS5's rows and positions of a term, as {@link #expected(String, List, String)}. */
    private static String expected(String term) throws Exception {
        return expected("temp.v_inst", COLUMNS, term);
    }

    /**
     * FTS5's rows and positions of a term, read from an {@code fts5vocab} instance table over a table with these
     * columns, packed as the reader packs them, as text for comparison.
     */
    private static String expected(String instances, List<String> columns, String term) throws Exception {
        java.util.TreeMap<Long, java.util.TreeSet<Integer>> rows = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT doc, col, \"offset\" FROM " + instances + " WHERE term = ?")) {
            ps.setString(1, term);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>())
                            .add(columns.indexOf(rs.getString(2)) << Fts5Index.POSITION_BITS | rs.getInt(3));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        rows.forEach((doc, positions) -> {
            sb.append('\n').append(doc).append(':');
            positions.forEach(p -> sb.append(' ').append(p));
        });
        return sb.toString();
    }

    private static String actual(Fts5Index.Postings p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            sb.append('\n').append(p.rowids()[i]).append(':');
            for (int k = p.start()[i]; k < p.start()[i + 1]; k++) {
                sb.append(' ').append(p.positions()[k]);
            }
        }
        return sb.toString();
    }

    /** Words, prefixes, phrases (a prefix phrase too), OR, -word, repeats, numbers, absent words. */
    private static final List<String> QUERIES = List.of("lumbar", "acupunct*", "\"home exercise program\"",
            "pain OR therapy", "opioid -tramadol", "\"functional improvement\"", "neck pain physical therapy",
            "norco 10/325mg", "\"urine drug\"*", "pain pain", "-lumbar", "-pain -therapy", "zzzzqx", "MTUS ODG",
            "p*", "a*", "\"medically necessary\" OR \"not medically\"", "physical therap* -acupuncture", "DOS",
            "\"date of service\" OR dos*", "\"the\"", "injur* -\"home exercise\"", "épidural", "CA-MTUS chronic");

    /** The rows of an FTS5 query, as rows of {@code f}, in FTS5's order. */
    private static List<Integer> fts5(FactIndex f, String sql, String expression) throws Exception {
        List<Integer> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, expression);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = f.rowOf(rs.getLong(1));
                    if (r >= 0) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    private static java.util.BitSet bits(List<Integer> rows) {
        java.util.BitSet b = new java.util.BitSet();
        rows.forEach(b::set);
        return b;
    }

    @Test
    void queriesMatchAndRankAsFts5Does() throws Exception {
        FactIndex f = FactIndex.read(c, "test");
        int[] tokens = TextMatch.rowTokens(c, f);
        TextMatch.RowLengths lengths = () -> tokens;
        String match = "SELECT rowid FROM search_index WHERE search_index MATCH ?";
        for (String query : QUERIES) {
            SearchQuery q = QueryParser.parse(query);
            TextMatch t = TextMatch.of(c, f, lengths, q);
            assertThat(t).as(query).isNotNull();
            if (!q.hasText()) {
                assertThat(t.excluded).as(query).isEqualTo(bits(fts5(f, match, q.excludedExpression())));
                continue;
            }
            assertThat(t.matched).as(query).isEqualTo(bits(fts5(f, match, q.matchExpression())));
            assertThat(t.itemMatched).as(query).isEqualTo(bits(fts5(f, match, q.itemColumnsExpression())));
            List<Integer> ranked = new ArrayList<>();
            t.ranked(t.matched, r -> ranked.add(r));
            assertThat(ranked).as(query)
                    .isEqualTo(fts5(f, match + " ORDER BY bm25(search_index), rowid", q.matchExpression()));
            // a part of the rows, as a page of hits asks: the same order, cut short when the sink says so
            java.util.BitSet some = (java.util.BitSet) t.matched.clone();
            for (int r = some.nextSetBit(0), k = 0; r >= 0; r = some.nextSetBit(r + 1), k++) {
                if (k % 3 == 0) {
                    some.clear(r);
                }
            }
            List<Integer> first = new ArrayList<>();
            t.ranked(some, r -> first.add(r) && first.size() < 5);
            assertThat(first).as(query).isEqualTo(ranked.stream().filter(some::get).limit(5).toList());
        }
    }

    @Test
    void aNonEmptyResultIsTested() throws Exception {
        FactIndex f = FactIndex.read(c, "test");
        TextMatch t = TextMatch.of(c, f, () -> TextMatch.rowTokens(c, f),
                QueryParser.parse("\"home exercise program\""));
        assertThat(t.matched.cardinality()).isGreaterThan(20);
        assertThat(t.matched.cardinality()).isLessThan(f.rows());
    }

    @Test
    void anIndexInAFormatItDoesNotKnowIsRefusedSoTheSearchAsksFts5() throws Exception {
        try (Statement s = c.createStatement()) {
            // contentless_delete=1 tables keep a V2 structure record (and tombstones) that this reader does not read
            s.execute("CREATE VIRTUAL TABLE temp.v2 USING fts5(a, content='', contentless_delete=1)");
            s.execute("INSERT INTO temp.v2 (rowid, a) VALUES (1, 'lumbar strain')");
            s.execute("DELETE FROM temp.v2 WHERE rowid = 1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fts5Index.open(c, "v2", 1))
                    .isInstanceOf(Fts5Index.UnsupportedIndexException.class).hasMessageContaining("V2");
        }
    }

    @Test
    void theIndexsColumnsAndTokenizerAreReadFromItsDeclaration() throws Exception {
        assertThat(TextMatch.Shape.of(c)).isEqualTo(new TextMatch.Shape(5, "porter unicode61 remove_diacritics 2"));
        java.util.Map<String, TextMatch.Shape> declarations = new java.util.LinkedHashMap<>();
        declarations.put("fts5(a, b, tokenize = 'ascii')", new TextMatch.Shape(2, "ascii"));
        declarations.put("fts5(a, b, c)", new TextMatch.Shape(3, null));
        declarations.put("fts5(a, TOKENIZE='unicode61 tokenchars ''-''')",
                new TextMatch.Shape(1, "unicode61 tokenchars '-'"));
        declarations.put("fts5(a, tokenize = \"porter\")", null); // another spelling: FTS5 reads such queries
        for (var declared : declarations.entrySet()) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:");
                 Statement s = other.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE search_index USING " + declared.getKey());
                assertThat(TextMatch.Shape.of(other)).as(declared.getKey()).isEqualTo(declared.getValue());
            }
        }
    }

    @Test
    void anIndexThatNeverHeldARowIsReadAsEmpty() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE temp.never USING fts5(a)");
            Fts5Index index = Fts5Index.open(c, "never", 1);
            try {
                assertThat(index.rowCount).isZero();
                assertThat(index.counts("lumbar", false).size()).isZero();
                assertThat(index.prefix("lum").size()).isZero();
            } finally {
                index.close();
            }
        }
    }

    @Test
    void theIndexHasManySegmentsAndAMergeInProgress() throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT block FROM search_index_data WHERE id = 10")) {
            rs.next();
            Fts5Index.Reader r = new Fts5Index.Reader(rs.getBytes(1), 4);
            int levels = (int) r.varint();
            int segments = (int) r.varint();
            r.varint();
            int merging = 0;
            for (int level = 0; level < levels; level++) {
                merging += (int) r.varint();
                int n = (int) r.varint();
                for (int k = 0; k < 3 * n; k++) {
                    r.varint();
                }
            }
            assertThat(segments).isGreaterThan(5);
            assertThat(merging).as("segments in a merge in progress").isPositive();
        }
    }

    @Test
    void termsOfEveryLengthOnTheSmallestPagesAreReadAsFts5Does() throws Exception {
        // The smallest pages FTS5 allows and terms from 1 to 60 characters: terms that fill a page (the doclist then
        // starts on the next), terms longer than the space left, doclists of one row and of many.
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE temp.tiny USING fts5(a, b)");
            s.execute("INSERT INTO temp.tiny(tiny, rank) VALUES ('pgsz', 32)");
            s.execute("CREATE VIRTUAL TABLE temp.tiny_inst USING fts5vocab(temp, tiny, instance)");
        }
        Random random = new Random(5);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp.tiny (rowid, a, b) VALUES (?, ?, ?)")) {
            for (int row = 1; row <= 400; row++) {
                StringBuilder a = new StringBuilder();
                StringBuilder b = new StringBuilder();
                for (int w = random.nextInt(6); w >= 0; w--) {
                    StringBuilder target = random.nextBoolean() ? a : b;
                    int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 60 : 8);
                    for (int k = 0; k < length; k++) {
                        target.append((char) ('a' + random.nextInt(random.nextInt(3) == 0 ? 26 : 3)));
                    }
                    target.append(' ');
                }
                ps.setLong(1, row * 3L);
                ps.setString(2, a.toString());
                ps.setString(3, b.toString());
                ps.executeUpdate();
            }
        }
        List<String> terms = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT term FROM temp.tiny_inst ORDER BY term")) {
            while (rs.next()) {
                terms.add(rs.getString(1));
            }
        }
        assertThat(terms).hasSizeGreaterThan(300);
        Fts5Index index = Fts5Index.open(c, "tiny", 2);
        try {
            for (String term : terms) {
                assertThat(actual(index.term(term))).as(term)
                        .isEqualTo(expected("temp.tiny_inst", List.of("a", "b"), term));
            }
        } finally {
            index.close();
        }
    }

    @Test
    void everyTermHasFts5sRowsAndPositions() throws Exception {
        assertThat(vocabulary).hasSizeGreaterThan(300);
        Fts5Index index = Fts5Index.open(c, "search_index", 5);
        try {
            for (String term : vocabulary) {
                assertThat(actual(index.term(term))).as(term).isEqualTo(expected(term));
            }
        } finally {
            index.close();
        }
    }
}
