package org.imrworkbench.library;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Backup and restore of library files, behind {@link Library#backup}, {@link Library#verifyBackup} and
 * {@link Library#restore}.
 *
 * <p>Copies are made by SQLite itself ({@code VACUUM INTO}): a consistent snapshot of the library, including what is
 * still in its write-ahead log, taken while other connections keep reading and writing. Every file is first written
 * under a temporary owner-only name beside its destination, checked, and only then renamed into place, so an
 * interrupted backup or restore never leaves a half-written file under the real name.
 */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Writes a checked copy of the (open) library {@code library} to {@code target}, which must not exist. */
    static BackupInfo backup(Path library, Path target) {
        Path out = target.toAbsolutePath().normalize();
        if (out.equals(library)) {
            throw new LibraryException(out + ": a backup cannot overwrite the library itself");
        }
        if (Files.exists(out)) {
            throw new LibraryException(out + ": the file already exists; a backup never overwrites a file, choose "
                    + "another name");
        }
        Path temp = null;
        try {
            PrivateFiles.createFolders(out.getParent());
            temp = PrivateFiles.createTempBeside(out, ".partial");
            // Its own read-only connection: sees every committed write (the log included) and leaves the library's
            // connection free, so the application keeps working while a large library is copied.
            try (Connection source = connect(library, true)) {
                vacuumInto(source, temp);
            } catch (SQLException e) {
                throw new LibraryException(library + ": cannot copy the library (" + oneLine(e) + ")", e);
            }
            BackupInfo checked = inspect(temp, "the backup");
            moveIntoPlace(temp, out);
            temp = null;
            return new BackupInfo(out, checked.schemaVersion(), checked.cases(), checked.annotations(),
                    checked.bytes());
        } catch (IOException e) {
            throw new LibraryException(out + ": cannot write the backup (" + PrivateFiles.reason(e) + ")", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Checks that {@code file} is a sound library this version can open; never changes it. */
    static BackupInfo verify(Path file) {
        Path in = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(in)) {
            throw new LibraryException(in + ": no such backup file");
        }
        return inspect(in, "the backup");
    }

    /**
     * Replaces the library at {@code library} with a checked copy of {@code backup}, keeping a copy of the library
     * it replaces. Refused, with nothing changed, when the backup is not sound or the library is open elsewhere.
     */
    static RestoreResult restore(Path library, Path backup) {
        Path target = library.toAbsolutePath().normalize();
        Path from = backup.toAbsolutePath().normalize();
        if (target.equals(from)) {
            throw new LibraryException(from + ": this is the library itself, not a backup of it");
        }
        BackupInfo info = verify(from);
        Path temp = null;
        try {
            PrivateFiles.createFolders(target.getParent());
            temp = PrivateFiles.createTempBeside(target, ".restoring");
            try (Connection source = connect(from, true)) {
                vacuumInto(source, temp);
            } catch (SQLException e) {
                throw new LibraryException(from + ": cannot read the backup (" + oneLine(e) + ")", e);
            }
            inspect(temp, "the copy of the backup");
            Path replaced = Files.exists(target) ? replace(target, temp) : null;
            if (replaced == null) {
                moveIntoPlace(temp, target);
            }
            temp = null;
            return new RestoreResult(target, info, replaced);
        } catch (IOException e) {
            throw new LibraryException(target + ": cannot restore the library (" + PrivateFiles.reason(e)
                    + "); the library is unchanged", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Swaps {@code restored} in for the existing library while holding the library's exclusive lock, after copying
     * the library aside. Switching the library out of WAL mode is what proves nobody else has it open: SQLite refuses
     * that switch while any other connection, in any process, is open on the file.
     */
    private static Path replace(Path target, Path restored) throws IOException {
        try (Connection c = connect(target, false)) {
            boolean sqlite = true;
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = DELETE")) {
                    rs.next();
                }
                s.execute("BEGIN EXCLUSIVE");
            } catch (SQLException e) {
                if (busy(e)) {
                    throw new LibraryInUseException(target + ": the library is in use by another window or program;"
                            + " close it and try again (nothing was changed)");
                }
                sqlite = false; // not a SQLite file at all: it is still kept, byte for byte
            }
            Path copy = uniqueBeside(target, ".before-restore-" + STAMP.format(Instant.now()));
            PrivateFiles.createFile(copy);
            try (OutputStream out = Files.newOutputStream(copy, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.copy(target, out);
            }
            // After leaving WAL mode the log is checkpointed and gone; a stale log must never meet the new file.
            Files.deleteIfExists(Path.of(target + "-wal"));
            Files.deleteIfExists(Path.of(target + "-shm"));
            moveIntoPlace(restored, target);
            if (sqlite) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the connection is on the replaced file, which is closed next
                }
            }
            return copy;
        } catch (SQLException e) {
            throw new LibraryException(target + ": cannot open the library to replace it (" + oneLine(e)
                    + "); nothing was changed", e);
        }
    }

    /** Opens a raw connection to a library file, without creating or migrating anything. */
    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void vacuumInto(Connection c, Path into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, into.toString());
            ps.execute();
        }
    }

    /** Reads and checks a library file read-only: integrity, schema version, counts. */
    private static BackupInfo inspect(Path file, String what) {
        try (Connection c = connect(file, true); Statement s = c.createStatement()) {
            String integrity;
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(sb.isEmpty() ? "" : "; ").append(rs.getString(1));
                }
                integrity = sb.toString();
            }
            if (!integrity.equals("ok")) {
                throw new LibraryException(file + ": " + what + " is damaged (SQLite's integrity check: "
                        + abbreviate(integrity) + ")");
            }
            int version = (int) longOf(s, "PRAGMA user_version");
            if (version == 0 || longOf(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name IN ('cases', 'annotations')") < 2) {
                throw new LibraryException(file + ": " + what + " is not an IMR Workbench library");
            }
            if (version > Library.SCHEMA_VERSION) {
                throw new LibraryException(file + ": " + what + " was written by a newer IMR Workbench (schema "
                        + version + "; this version reads up to " + Library.SCHEMA_VERSION + ")");
            }
            int cases = (int) longOf(s, "SELECT count(*) FROM cases");
            int annotations = (int) longOf(s, "SELECT count(*) FROM annotations");
            return new BackupInfo(file, version, cases, annotations, Files.size(file));
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("NOTADB") || message.contains("not a database")) {
                throw new LibraryException(file + ": " + what + " is not an IMR Workbench library (not a SQLite "
                        + "database)", e);
            }
            if (message.contains("CORRUPT") || message.contains("malformed")) {
                throw new LibraryException(file + ": " + what + " is damaged (SQLite reports a malformed database)",
                        e);
            }
            throw new LibraryException(file + ": cannot read " + what + " (" + oneLine(e) + ")", e);
        } catch (IOException e) {
            throw new LibraryException(file + ": cannot read " + what + " (" + PrivateFiles.reason(e) + ")", e);
        }
    }

    static long longOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path uniqueBeside(Path file, String suffix) {
        Path candidate = file.resolveSibling(file.getFileName() + suffix);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(file.getFileName() + suffix + "-" + n);
        }
        return candidate;
    }

    /** A name for a new backup of {@code library}: beside it, stamped with the time, not yet taken. */
    static Path suggestedBackupFile(Path library) {
        Path file = library.toAbsolutePath().normalize();
        String base = file.getFileName().toString().replaceFirst("\\.db$", "") + "-backup-"
                + STAMP.format(Instant.now());
        Path candidate = file.resolveSibling(base + ".db");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n + ".db");
        }
        return candidate;
    }

    private static boolean busy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("database is locked");
    }

    private static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").replaceFirst("^\\[SQLITE_\\w+]\\s*", "")
                .strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden temporary file is harmless; the real file name was never touched
        }
    }
}
