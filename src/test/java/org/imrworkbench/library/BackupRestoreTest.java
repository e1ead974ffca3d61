package org.imrworkbench.library;

import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup (online, checked, private, never overwriting) and restore (checked, keeping the replaced library). */
class BackupRestoreTest {

    @TempDir
    Path dir;

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private Path libraryWith(String... caseNumbers) {
        Path file = dir.resolve("library.db");
        try (Library lib = Library.open(file)) {
            for (String n : caseNumbers) {
                Fixtures.add(lib, LibraryTest.sample(n, "Summary of case " + n + "."));
                lib.annotations().highlight(n, 1, "Opioids", "note on " + n, null, "me");
            }
        }
        return file;
    }

    private static List<String> ids(Path file) {
        try (Library lib = Library.open(file)) {
            return lib.caseIds();
        }
    }

    private List<String> strayFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aBackupIsAPrivateCheckedCopyTakenWhileTheLibraryIsInUse() throws Exception {
        Path file = libraryWith("CM17-0000001", "CM17-0000002");
        Path backup = dir.resolve("backups/nested/copy.db");
        try (Library lib = Library.open(file); Library other = Library.open(file)) {
            // another connection has written to the log, not yet checkpointed: the backup must still hold it
            Fixtures.add(other, LibraryTest.sample("CM17-0000003", "Written elsewhere."));
            BackupInfo info = lib.backup(backup);
            assertThat(info.file()).isEqualTo(backup.toAbsolutePath());
            assertThat(info.cases()).isEqualTo(3);
            assertThat(info.annotations()).isEqualTo(2);
            assertThat(info.schemaVersion()).isEqualTo(Library.SCHEMA_VERSION);
            assertThat(info.bytes()).isEqualTo(Files.size(backup));
            assertThatThrownBy(() -> lib.backup(backup)).isInstanceOf(LibraryException.class)
                    .hasMessage(backup.toAbsolutePath() + ": the file already exists; a backup never overwrites a "
                            + "file, choose another name");
            assertThatThrownBy(() -> lib.backup(file)).isInstanceOf(LibraryException.class)
                    .hasMessageContaining("cannot overwrite the library itself");
        }
        assertThat(Library.verifyBackup(backup).cases()).isEqualTo(3);
        assertThat(ids(backup)).containsExactly("CM17-0000001", "CM17-0000002", "CM17-0000003");
        assertThat(Files.exists(Path.of(backup + "-wal"))).isFalse();
        if (POSIX) {
            assertThat(perms(backup)).isEqualTo("rw-------");
            assertThat(perms(backup.getParent())).isEqualTo("rwx------");
        }
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files).containsExactly(backup);
        }
    }

    @Test
    void restoreReplacesTheLibraryAndKeepsACopyOfTheOneItReplaced() throws Exception {
        Path file = libraryWith("CM17-0000001");
        Path backup = dir.resolve("backup.db");
        try (Library lib = Library.open(file)) {
            lib.backup(backup);
            Fixtures.add(lib, LibraryTest.sample("CM17-0000009", "Added after the backup."));
        }
        RestoreResult result = Library.restore(file, backup);
        assertThat(result.library()).isEqualTo(file.toAbsolutePath());
        assertThat(result.restored().cases()).isEqualTo(1);
        Path replaced = result.replacedCopy().orElseThrow();
        assertThat(replaced.getFileName().toString()).startsWith("library.db.before-restore-");
        assertThat(ids(file)).containsExactly("CM17-0000001");
        assertThat(ids(replaced)).containsExactly("CM17-0000001", "CM17-0000009");
        try (Library lib = Library.open(file)) {
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            assertThat(lib.annotations().list("CM17-0000001")).singleElement()
                    .satisfies(a -> assertThat(a.note()).isEqualTo("note on CM17-0000001"));
        }
        assertThat(ids(backup)).as("the backup itself is untouched").containsExactly("CM17-0000001");
        if (POSIX) {
            assertThat(perms(file)).isEqualTo("rw-------");
            assertThat(perms(replaced)).isEqualTo("rw-------");
        }
        assertThat(strayFiles()).isEmpty();
    }

    @Test
    void restoreIntoAMissingLibraryCreatesIt() {
        Path file = libraryWith("CM17-0000001");
        Path backup = dir.resolve("backup.db");
        try (Library lib = Library.open(file)) {
            lib.backup(backup);
        }
        Path fresh = dir.resolve("new/place/library.db");
        RestoreResult result = Library.restore(fresh, backup);
        assertThat(result.replacedCopy()).isEmpty();
        assertThat(ids(fresh)).containsExactly("CM17-0000001");
    }

    @Test
    void restoreIsRefusedWhileTheLibraryIsOpenAndNothingChanges() throws Exception {
        Path file = libraryWith("CM17-0000001");
        Path backup = dir.resolve("backup.db");
        try (Library lib = Library.open(file)) {
            lib.backup(backup);
            Fixtures.add(lib, LibraryTest.sample("CM17-0000002", "Newer work."));
            assertThatThrownBy(() -> Library.restore(file, backup)).isInstanceOf(LibraryInUseException.class)
                    .hasMessage(file.toAbsolutePath() + ": the library is in use by another window or program; "
                            + "close it and try again (nothing was changed)");
            assertThat(lib.caseIds()).containsExactly("CM17-0000001", "CM17-0000002");
            Fixtures.add(lib, LibraryTest.sample("CM17-0000003", "Still writable."));
        }
        assertThat(ids(file)).containsExactly("CM17-0000001", "CM17-0000002", "CM17-0000003");
        assertThat(strayFiles()).isEmpty();
    }

    @Test
    void aBackupThatIsNotSoundIsRefusedAndTheLibraryIsUntouched() throws Exception {
        Path file = libraryWith("CM17-0000001");
        Path good = dir.resolve("good.db");
        try (Library lib = Library.open(file)) {
            lib.backup(good);
        }
        Path notADatabase = Files.writeString(dir.resolve("notes.db"), "just some text, not a database at all");
        assertThatThrownBy(() -> Library.restore(file, notADatabase)).isInstanceOf(LibraryException.class)
                .hasMessage(notADatabase + ": the backup is not an IMR Workbench library (not a SQLite database)");

        Path damaged = dir.resolve("damaged.db");
        Files.copy(good, damaged);
        try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
            // overwrite pages after the first (the schema page stays readable, the tables do not)
            byte[] junk = new byte[8192];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(4096 * 3);
            raf.write(junk);
        }
        assertThatThrownBy(() -> Library.restore(file, damaged)).isInstanceOf(LibraryException.class)
                .hasMessageStartingWith(damaged + ": the backup ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\n"));

        Path otherProgram = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + otherProgram); var s = c.createStatement()) {
            s.execute("CREATE TABLE recipes (name TEXT)");
        }
        assertThatThrownBy(() -> Library.restore(file, otherProgram)).isInstanceOf(LibraryException.class)
                .hasMessage(otherProgram + ": the backup is not an IMR Workbench library");

        Path newer = dir.resolve("newer.db");
        Files.copy(good, newer);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer); var s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Library.SCHEMA_VERSION + 1));
        }
        assertThatThrownBy(() -> Library.restore(file, newer)).isInstanceOf(LibraryException.class)
                .hasMessageContaining("written by a newer IMR Workbench");

        assertThatThrownBy(() -> Library.restore(file, dir.resolve("missing.db")))
                .hasMessage(dir.resolve("missing.db") + ": no such backup file");
        assertThatThrownBy(() -> Library.restore(file, file)).hasMessageContaining("is the library itself");

        assertThat(ids(file)).containsExactly("CM17-0000001");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("before-restore") || n.startsWith("."));
        }
    }

    @Test
    void manyWindowsOpeningANewLibraryAtOnceCreateItOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = dir.resolve("race-" + round + ".db");
            int windows = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(windows);
            try {
                List<Future<Integer>> opened = new ArrayList<>();
                for (int w = 0; w < windows; w++) {
                    opened.add(pool.submit(() -> {
                        go.await();
                        try (Library lib = Library.open(file)) {
                            return lib.schemaVersion();
                        }
                    }));
                }
                go.countDown();
                for (Future<Integer> f : opened) {
                    assertThat(f.get()).isEqualTo(Library.SCHEMA_VERSION);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Library lib = Library.open(file)) {
                assertThat(lib.integrityCheck()).isEqualTo("ok");
            }
        }
    }

    @Test
    void suggestedBackupNamesAreBesideTheLibraryAndFree() throws Exception {
        Path file = libraryWith();
        Path suggested = Library.suggestedBackupFile(file);
        assertThat(suggested.getParent()).isEqualTo(file.toAbsolutePath().getParent());
        assertThat(suggested.getFileName().toString()).matches("library-backup-\\d{8}-\\d{6}\\.db");
        assertThat(suggested).doesNotExist();
    }
}
