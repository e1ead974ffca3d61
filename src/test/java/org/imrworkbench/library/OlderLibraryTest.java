package org.imrworkbench.library;

import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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

    private static List<CaseRecord> records(Path file, List<Migration> migrations) {
        try (Library lib = Library.open(file, migrations)) {
            return lib.caseIds().stream().map(id -> lib.loadCase(id).orElseThrow()).toList();
        }
    }
}
