package org.imrworkbench.ingest;

import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.testutil.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut or crash in the middle of writing loses nothing that was reported done and never leaves a half-written
 * letter or note. A child JVM imports (or saves annotations) and is killed with SIGKILL at a random moment, ten
 * times over; after each kill SQLite's integrity check passes, everything present is complete, and the library
 * opens and works: the next import completes it.
 */
class CrashSafetyTest {

    private static final int ROUNDS = 10;
    private static final int LETTERS_PER_ROUND = 60;

    @TempDir
    Path dir;

    @Test
    void tenKilledImportsLeaveOnlyCompleteLettersAndEachNextImportCompletesTheLibrary() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path db = dir.resolve("library.db");
        Path all = dir.resolve("letters");
        GeneratedLetters.write(all, ROUNDS * LETTERS_PER_ROUND);
        for (int round = 0; round < ROUNDS; round++) {
            String as = "seed " + seed + ", round " + round;
            // each round brings new letters, so the library grows as a reviewer's does
            Path folder = Files.createDirectories(dir.resolve("round-" + round));
            for (int n = round * LETTERS_PER_ROUND; n < (round + 1) * LETTERS_PER_ROUND; n++) {
                String name = String.format("CM99-%07d.txt", n);
                Files.copy(all.resolve(name), folder.resolve(name));
            }
            Process child = ChildJvm.start(CrashImportMain.class, dir.resolve("child-" + round + ".err"),
                    db.toString(), folder.toString());
            int killAfter = 1 + random.nextInt(LETTERS_PER_ROUND * 3 / 4);
            int reported = 0;
            try (BufferedReader out = ChildJvm.lines(child)) {
                String line;
                while (reported < killAfter && (line = out.readLine()) != null) {
                    reported = Integer.parseInt(line.strip());
                }
                // a random moment after that letter: inside the next transaction, between two, or in a commit
                LockSupport.parkNanos(random.nextInt(2_000_000));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(as).isTrue();
            assertThat(child.exitValue()).as(as + ": the child was killed, not finished").isNotZero();

            int expectedBefore = round * LETTERS_PER_ROUND;
            try (Library lib = Library.open(db)) {
                assertThat(lib.integrityCheck()).as(as).isEqualTo("ok");
                int present = lib.caseCount();
                assertThat(present).as(as + ": every letter reported imported is there")
                        .isBetween(expectedBefore + reported, expectedBefore + LETTERS_PER_ROUND);
                for (String id : lib.caseIds()) {
                    assertComplete(lib, id, as);
                }
            }
            assertSearchIndexSound(db, as);
            try (Library lib = Library.open(db)) {
                int present = lib.caseCount();
                ImportReport next = new ImportService(lib).importPaths(List.of(folder), ProgressListener.NONE,
                        new Cancellation());
                assertThat(next.failed()).as(as).isEmpty();
                assertThat(next.duplicates()).as(as).hasSize(present - expectedBefore);
                assertThat(next.imported()).as(as).hasSize(expectedBefore + LETTERS_PER_ROUND - present);
                assertThat(lib.caseCount()).as(as).isEqualTo(expectedBefore + LETTERS_PER_ROUND);
                assertThat(lib.integrityCheck()).as(as).isEqualTo("ok");
            }
        }
    }

    @Test
    void tenKillsWhileSavingAnnotationsLeaveOnlyCompleteNotesAndTheLibraryWorks() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path db = dir.resolve("library.db");
        try (Library lib = Library.open(db)) {
            ImportReport report = new ImportService(lib).importPaths(List.of(Path.of("resources/samples")),
                    ProgressListener.NONE, new Cancellation());
            assertThat(report.imported()).hasSize(5);
        }
        int saved = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String as = "seed " + seed + ", round " + round;
            Process child = ChildJvm.start(CrashAnnotateMain.class, dir.resolve("child-" + round + ".err"),
                    db.toString(), String.valueOf(round));
            int killAfter = 1 + random.nextInt(150);
            int reported = 0;
            int created = 0;
            try (BufferedReader out = ChildJvm.lines(child)) {
                String line;
                while (reported < killAfter && (line = out.readLine()) != null) {
                    String[] counts = line.strip().split(" ");
                    reported = Integer.parseInt(counts[0]);
                    created = Integer.parseInt(counts[1]);
                }
                LockSupport.parkNanos(random.nextInt(2_000_000));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(as).isTrue();
            assertThat(child.exitValue()).as(as + ": the child was killed, not finished").isNotZero();

            try (Library lib = Library.open(db)) {
                assertThat(lib.integrityCheck()).as(as).isEqualTo("ok");
                int thisRound = 0;
                int total = 0;
                for (String id : lib.caseIds()) {
                    CaseRecord record = lib.loadCase(id).orElseThrow();
                    for (Annotation a : record.annotations()) {
                        assertCompleteAnnotation(record, a, as);
                        total++;
                        if (a.author().equals(CrashAnnotateMain.author(round))) {
                            thisRound++;
                        }
                    }
                }
                assertThat(thisRound).as(as + ": every highlight reported saved is there")
                        .isGreaterThanOrEqualTo(created);
                assertThat(total).as(as + ": earlier rounds' notes are all still there")
                        .isEqualTo(saved + thisRound);
                // the library works: a new note is saved and read back
                String id = lib.caseIds().get(0);
                Annotation note = lib.annotations().note(id, null, "after crash " + round, null, "tester");
                assertThat(lib.annotations().list(id)).contains(note);
                assertThat(lib.annotations().delete(note.id())).isTrue();
                saved = total;
            }
        }
    }

    private static final Pattern NOTE = Pattern.compile("(?s)note (\\d+) (x*) end \\1");
    private static final Pattern EDITED = Pattern.compile("(?s)edited (\\d+) (y*) end \\1");

    /** A note is complete when its text, quote, span and metadata are all as the child saved them. */
    private static void assertCompleteAnnotation(CaseRecord record, Annotation a, String as) {
        assertThat(a.author()).as(as).isNotBlank();
        assertThat(a.created()).as(as).isNotNull();
        assertThat(a.updated()).as(as).isNotNull().isAfterOrEqualTo(a.created());
        String text = a.field() == org.imrworkbench.library.AnnotationField.SUMMARY ? record.letter().summary()
                : record.letter().items().stream().filter(i -> i.number() == a.item()).findFirst().orElseThrow()
                .rationale();
        assertThat(a.quote()).as(as).isNotEmpty().isEqualTo(text.substring(a.start(), a.end()));
        Matcher note = NOTE.matcher(a.note());
        Matcher edited = EDITED.matcher(a.note());
        if (note.matches()) {
            assertThat(note.group(2)).as(as).hasSize(CrashAnnotateMain.padding(Integer.parseInt(note.group(1))));
        } else {
            assertThat(edited.matches()).as(as + ": a whole note, not part of one: " + a.note()).isTrue();
            assertThat(edited.group(2)).as(as).hasSize(CrashAnnotateMain.padding(Integer.parseInt(edited.group(1))));
        }
    }

    /** A case is complete when its letter, every item, its source file and its index rows are all there. */
    private static void assertComplete(Library lib, String id, String as) {
        CaseRecord record = lib.loadCase(id).orElseThrow();
        assertThat(record.letter().items()).as(as + " " + id).isNotEmpty();
        long[] stored = Fixtures.longs(lib, "SELECT item_count, (SELECT count(*) FROM search_index WHERE rowid IN"
                + " (SELECT pk FROM items WHERE case_pk = cases.pk)) FROM cases WHERE id = ?", id);
        assertThat(record.letter().items()).as(as + " " + id).hasSize((int) stored[0]);
        assertThat(stored[1]).as(as + " " + id + ": indexed items").isEqualTo(stored[0]);
        assertThat(lib.source(id)).as(as + " " + id).isPresent();
    }

    /** FTS5's own consistency check of the full-text index against its content. */
    private static void assertSearchIndexSound(Path db, String as) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')");
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                rs.next();
                assertThat(rs.getString(1)).as(as).isEqualTo("ok");
            }
        }
    }
}
