package org.imrworkbench.library;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.ItemSpans;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.LetterSpans;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Span;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library written by a released version ({@code fixtures/library-v1.db}, made by {@link FixtureLibrary} and never
 * refreshed) opens in this version, upgraded when its schema is older, with nothing lost.
 */
class OlderLibraryTest {

    private static final String FIXTURE = "/fixtures/library-v1.db";
    private static final int FIXTURE_SCHEMA = 1;

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void copyFixture() throws Exception {
        file = dir.resolve("library.db");
        try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
            assertThat(in).as("the fixture " + FIXTURE).isNotNull();
            Files.copy(in, file);
        }
    }

    @Test
    void aReleasedLibraryOpensWithEverythingInIt() throws Exception {
        assertThat(Library.needsUpgrade(file)).isEqualTo(FIXTURE_SCHEMA < Library.SCHEMA_VERSION);
        try (Library lib = Library.open(file)) {
            assertThat(lib.schemaVersion()).isEqualTo(Library.SCHEMA_VERSION);
            assertThat(lib.migrationBackup().isPresent()).isEqualTo(FIXTURE_SCHEMA < Library.SCHEMA_VERSION);
            assertThat(lib.integrityCheck()).isEqualTo("ok");

            List<String> expectedIds = new ArrayList<>();
            for (Path sample : Fixtures.seedFiles()) {
                byte[] bytes = Files.readAllBytes(sample);
                String id = "L-" + LetterReader.sha256(bytes).substring(0, 12);
                expectedIds.add(id);
                assertThat(lib.source(id).orElseThrow().bytes()).as(id).isEqualTo(bytes);
            }
            List<String> ids = lib.caseIds();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);

            for (String id : ids) {
                CaseRecord record = lib.loadCase(id).orElseThrow();
                assertThat(record.letter().items()).isNotEmpty();
                for (Annotation a : record.annotations()) {
                    assertThat(a.author()).isEqualTo(FixtureLibrary.AUTHOR);
                    if (a.isHighlight()) {
                        String text = Library.fieldText(record.letter(), a.field(), a.item());
                        assertThat(text.substring(a.start(), a.end())).isEqualTo(a.quote());
                        assertThat(a.orphaned()).isFalse();
                    }
                }
            }
            CaseRecord first = lib.loadCase(ids.get(0)).orElseThrow();
            assertThat(first.tags()).containsExactly(FixtureLibrary.REVIEWED);
            assertThat(first.itemTags(1)).containsExactly(FixtureLibrary.RELAXANT);
            assertThat(lib.tags().find(FixtureLibrary.RELAXANT).orElseThrow().color())
                    .isEqualTo(FixtureLibrary.RELAXANT_COLOR);
            assertThat(first.annotations()).hasSize(2);
            assertThat(first.annotations().get(0).note()).isEqualTo(FixtureLibrary.NOTE);
            assertThat(first.annotations().get(0).color()).isEqualTo("green");
            assertThat(lib.loadCase(ids.get(1)).orElseThrow().tags()).containsExactly(FixtureLibrary.REVIEWED);
            assertThat(lib.loadCase(ids.get(4)).orElseThrow().annotations()).singleElement()
                    .satisfies(a -> assertThat(a.note()).isEqualTo(FixtureLibrary.CASE_NOTE));
            assertThat(ids.stream().mapToInt(id -> lib.annotations().list(id).size()).sum()).isEqualTo(7);

            // and it works: the search index answers, and new notes can be written
            long hits = lib.read(c -> {
                try (var s = c.createStatement();
                     var rs = s.executeQuery(
                             "SELECT count(*) FROM search_index WHERE search_index MATCH 'methocarbamol'")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            assertThat(hits).isPositive();
            // schema 5: the index reads its texts from the rows (no copy of its own), and holds exactly their words
            long copies = lib.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'search_index_content'")) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            });
            assertThat(copies).isZero();
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            lib.annotations().note(ids.get(2), 1, "a new note", null, "me");
            assertThat(lib.annotations().list(ids.get(2))).hasSize(3);
        }
    }

    @Test
    void theNextSchemaVersionUpgradesItWithABackupAndLosesNothing() throws Exception {
        List<CaseRecord> before = records(file, Schema.MIGRATIONS);
        List<Migration> next = new ArrayList<>(Schema.MIGRATIONS);
        next.add(new Migration(Schema.MIGRATIONS.size() + 1, "a later version's column",
                List.of("ALTER TABLE annotations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")));
        Path backup;
        try (Library lib = Library.open(file, next)) {
            assertThat(lib.schemaVersion()).isEqualTo(next.size());
            backup = lib.migrationBackup().orElseThrow();
            assertThat(lib.integrityCheck()).isEqualTo("ok");
        }
        assertThat(records(file, next)).isEqualTo(before);
        assertThat(Library.verifyBackup(backup).schemaVersion()).isEqualTo(Library.SCHEMA_VERSION);
        assertThat(records(backup, Schema.MIGRATIONS)).isEqualTo(before);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
    }

    @Test
    void theSpansRowsOfAnOlderLibraryBecomeTheColumnsOfTheirRows() throws Exception {
        // schema 4 moved each span from a row of letter_spans or item_spans into a column of its case or item row
        Map<String, Span> before = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT c.id, s.field, s.start, s.end FROM letter_spans s"
                    + " JOIN cases c ON c.pk = s.case_pk")) {
                while (rs.next()) {
                    before.put(rs.getString(1) + " " + rs.getString(2), new Span(rs.getInt(3), rs.getInt(4)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT c.id, i.position, s.field, s.start, s.end FROM item_spans s"
                    + " JOIN items i ON i.pk = s.item_pk JOIN cases c ON c.pk = i.case_pk")) {
                while (rs.next()) {
                    before.put(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3),
                            new Span(rs.getInt(4), rs.getInt(5)));
                }
            }
        }
        assertThat(before).hasSizeGreaterThan(100);
        Map<String, Span> after = new TreeMap<>();
        try (Library lib = Library.open(file)) {
            for (String id : lib.caseIds()) {
                Letter letter = lib.loadCase(id).orElseThrow().letter();
                LetterSpans ls = letter.spans();
                put(after, id + " ", new String[]{"caseNumber", "priority", "assigned", "decided", "injury", "urDenial",
                    "received", "credentials", "age", "sex", "summary"}, ls.caseNumber(), ls.priority(), ls.assigned(),
                        ls.decided(), ls.injury(), ls.urDenial(), ls.received(), ls.credentials(), ls.age(), ls.sex(),
                        ls.summary());
                for (int position = 0; position < letter.items().size(); position++) {
                    Item item = letter.items().get(position);
                    ItemSpans is = item.spans();
                    PartialAuthorization p = item.partial();
                    put(after, id + " " + position + " ", new String[]{"heading", "request", "decision", "serviceDate",
                        "claimsAdministratorGuideline", "reviewerGuideline", "rationale", "treatment",
                        "partialOriginal", "partialAuthorized", "partialDisputed"}, is.heading(), is.request(),
                            is.decision(), is.serviceDate(), is.claimsAdministratorGuideline(), is.reviewerGuideline(),
                            is.rationale(), item.treatment().span(), p == null ? null : p.originalRequestSpan(),
                            p == null ? null : p.authorizedSpan(), p == null ? null : p.disputedSpan());
                }
            }
            assertThat(Fixtures.longs(lib,
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('letter_spans', 'item_spans')"))
                    .containsExactly(0L);
        }
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theSectionsAndPagesRowsOfAnOlderLibraryBecomeColumnsOfTheirCitations() throws Exception {
        // schema 8 moved each section and page from a row of citation_sections or citation_pages into a column of
        // its citation's row; each citation keeps them in their order
        Map<String, List<String>> before = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // {list, its table, its column}; a page is read as its decimal digits
            for (String[] rows : new String[][] {{"sections", "citation_sections", "section"},
                {"pages", "citation_pages", "page"}}) {
                try (ResultSet rs = st.executeQuery("SELECT k.id, i.position, ci.position, r." + rows[2]
                        + " FROM " + rows[1] + " r JOIN citations ci ON ci.pk = r.citation_pk"
                        + " JOIN items i ON i.pk = ci.item_pk JOIN cases k ON k.pk = i.case_pk"
                        + " ORDER BY r.citation_pk, r.position")) {
                    while (rs.next()) {
                        before.computeIfAbsent(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " "
                                + rows[0], k -> new ArrayList<>()).add(rs.getString(4));
                    }
                }
            }
        }
        assertThat(before.keySet()).anyMatch(k -> k.endsWith("sections")).anyMatch(k -> k.endsWith("pages"));
        assertThat(before.values()).anyMatch(list -> list.size() > 1);
        Map<String, List<String>> after = new TreeMap<>();
        try (Library lib = Library.open(file)) {
            for (String id : lib.caseIds()) {
                List<Item> items = lib.loadCase(id).orElseThrow().letter().items();
                for (int position = 0; position < items.size(); position++) {
                    List<Citation> citations = items.get(position).citations();
                    for (int k = 0; k < citations.size(); k++) {
                        String key = id + " " + position + " " + k + " ";
                        if (!citations.get(k).sections().isEmpty()) {
                            after.put(key + "sections", citations.get(k).sections());
                        }
                        if (!citations.get(k).pages().isEmpty()) {
                            after.put(key + "pages", citations.get(k).pages().stream().map(String::valueOf).toList());
                        }
                    }
                }
            }
            assertThat(Fixtures.longs(lib,
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('citation_sections', 'citation_pages')"))
                    .containsExactly(0L);
        }
        assertThat(after).isEqualTo(before);
    }

    private static void put(Map<String, Span> spans, String prefix, String[] names, Span... values) {
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                spans.put(prefix + names[i], values[i]);
            }
        }
    }

    @Test
    void theTextsAnOlderLibraryStoredTwiceReadTheSameFromTheLettersText() throws Exception {
        // schema 9 reads a summary, guideline text or rationale whose column is null from the letter's text at its
        // span; the released library's rows keep their copies, so taking them away must change nothing anyone reads
        List<CaseRecord> before = records(file, Schema.MIGRATIONS);
        try (Library lib = Library.open(file)) {
            long[] copies = Fixtures.longs(lib, "SELECT (SELECT count(summary) FROM cases),"
                    + " (SELECT count(claims_guideline) + count(reviewer_guideline) + count(rationale) FROM items)");
            assertThat(copies[0]).isEqualTo(5);
            assertThat(copies[1]).isGreaterThan(10);
            lib.read(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("UPDATE cases SET summary = NULL");
                    return s.executeUpdate("UPDATE items SET claims_guideline = NULL, reviewer_guideline = NULL,"
                            + " rationale = NULL");
                }
            });
            // the index compares its words with the texts it reads through the views
            assertThat(lib.integrityCheck()).isEqualTo("ok");
        }
        assertThat(records(file, Schema.MIGRATIONS)).isEqualTo(before);
    }

    private static List<CaseRecord> records(Path file, List<Migration> migrations) {
        try (Library lib = Library.open(file, migrations)) {
            return lib.caseIds().stream().map(id -> lib.loadCase(id).orElseThrow()).toList();
        }
    }
}
