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
 * several levels, and rows deleted and written again (so segments hold delete markers and newer entries for the
 * same rows).
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
    private static String expected(String term) throws Exception {
        java.util.TreeMap<Long, java.util.TreeSet<Integer>> rows = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT doc, col, \"offset\" FROM temp.v_inst WHERE term = ?")) {
            ps.setString(1, term);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int col = List.of("summary", "request", "claims_guideline", "reviewer_guideline", "rationale")
                            .indexOf(rs.getString(2));
                    rows.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>())
                            .add(col << Fts5Index.POSITION_BITS | rs.getInt(3));
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
