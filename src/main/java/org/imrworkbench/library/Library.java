package org.imrworkbench.library;

import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The local library: one SQLite file holding every imported letter (original bytes, normalised text and the parsed
 * letter in tables), tags, annotations and a full-text index.
 *
 * <p>The file is opened in WAL mode with foreign keys on and a busy timeout; its schema version is
 * {@code PRAGMA user_version}, brought up to date by ordered {@link Migration}s, with a backup copy of the file
 * ({@code VACUUM INTO}) before migrating an existing library. A missing file is created with owner-only permissions
 * where the file system has POSIX permissions.
 *
 * <p>Thread-safe: one connection, every operation holds the library's lock, so a UI may call it from any background
 * thread (never from the JavaFX thread: operations do disk I/O). Each write is one transaction.
 */
public final class Library implements AutoCloseable {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = Schema.latestVersion(Schema.MIGRATIONS);

    /** How long a write waits for another window or program to finish its transaction. */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Db db;
    private final LetterRows rows;
    private final Tags tags;
    private final Annotations annotations;
    private final Path backup;
    private final AtomicLong letterChanges = new AtomicLong();

    private Library(Path file, Db db, Path backup) {
        this.file = file;
        this.db = db;
        this.rows = new LetterRows(db);
        this.tags = new Tags(db, this::casePk);
        this.annotations = new Annotations(db, this::casePk, rows);
        this.backup = backup;
    }

    /** Opens (creating it when missing) and migrates the library at {@code file}. */
    public static Library open(Path file) {
        return open(file, Schema.MIGRATIONS);
    }

    static Library open(Path file, List<Migration> migrations) {
        checkOrder(migrations);
        Path path = file.toAbsolutePath().normalize();
        String name = path.toString();
        boolean created = createPrivately(path);
        Connection connection;
        try {
            // The driver would otherwise prepare and run "SELECT last_insert_rowid()" after every INSERT, for
            // getGeneratedKeys, which the library never calls (it asks for the rowid where it needs one): a
            // statement prepared, run and finalised for each of the two dozen rows an imported letter writes.
            SQLiteConfig config = new SQLiteConfig();
            config.setGetGeneratedKeys(false);
            connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        } catch (SQLException e) {
            throw new LibraryException(name + ": cannot open the library (" + e.getMessage() + ")", e);
        }
        Db db = new Db(connection, name);
        try {
            db.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            db.execute("PRAGMA foreign_keys = ON");
            if (db.queryLong("PRAGMA page_count") == 0) {
                // a new library (the size is fixed when the first page is written; an existing file keeps its own)
                db.execute("PRAGMA page_size = " + NEW_LIBRARY_PAGE_SIZE);
            }
            db.queryLong("SELECT count(*) FROM sqlite_master");
            enableWal(db);
            db.execute("PRAGMA synchronous = NORMAL");
            db.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_BYTES / db.queryLong("PRAGMA page_size"));
            Path backup = migrate(db, path, migrations);
            restrict(Path.of(name + "-wal"));
            restrict(Path.of(name + "-shm"));
            if (created) {
                restrict(path);
            }
            return new Library(path, db, backup);
        } catch (SQLException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof LibraryException le) {
                throw le;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("NOTADB") || message.contains("not a database")) {
                throw new LibraryException(name + ": not an IMR Workbench library (not a SQLite database)", e);
            }
            throw e instanceof SQLException se ? db.failure(se) : (RuntimeException) e;
        }
    }

    /**
     * Switches the library to WAL mode (a no-op once it is). The switch needs the file to itself for a moment, and
     * when several windows or imports open a new library at once SQLite answers "busy" at once, without waiting, to
     * all but one of them (a lock upgrade that waiting could deadlock). So this retries, for as long as the busy
     * timeout, until the library is in WAL mode, whoever switched it.
     */
    private static void enableWal(Db db) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    return; // a file system without WAL support: SQLite's rollback journal is just as safe
                }
            } catch (SQLException e) {
                if (!Db.isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(5 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LibraryException(db.name() + ": opening the library was interrupted", e);
            }
        }
    }

    private static void checkOrder(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... in order");
            }
        }
    }

    /** Creates a missing library file (and folder) readable by its owner only; true when it was created. */
    private static boolean createPrivately(Path file) {
        try {
            PrivateFiles.createFolders(file.getParent());
            if (Files.exists(file)) {
                return false;
            }
            PrivateFiles.createFile(file);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false; // another process created it a moment ago
        } catch (IOException e) {
            throw new LibraryException(file + ": cannot create the library (" + PrivateFiles.reason(e) + ")", e);
        }
    }

    private static void restrict(Path file) {
        PrivateFiles.restrict(file);
    }

    /**
     * Brings the schema up to date, one migration per transaction, with a backup copy of an existing library made
     * before the first one; a new library gets every migration in one transaction, so no process ever sees it half
     * made (nor backs it up). Safe when several processes open the same library at once: each migration re-reads the
     * schema version under SQLite's write lock ({@code BEGIN IMMEDIATE}), so a migration another process has just
     * applied is never applied twice.
     *
     * @return the backup made, or null when none was needed
     */
    private static Path migrate(Db db, Path file, List<Migration> migrations) throws SQLException {
        int latest = Schema.latestVersion(migrations);
        Path backup = null;
        while (true) {
            int current = (int) db.queryLong("PRAGMA user_version");
            if (current > latest) {
                throw new LibraryException(file + ": this library was written by a newer IMR Workbench (schema "
                        + current + "; this version reads up to " + latest + ")");
            }
            if (current == latest) {
                return backup;
            }
            if (current > 0 && backup == null) {
                backup = backupBeforeMigrating(db, file, current);
            }
            List<Migration> steps = current == 0 ? migrations : List.of(migrations.get(current));
            Migration m = steps.get(steps.size() - 1);
            db.execute("BEGIN IMMEDIATE");
            try {
                if ((int) db.queryLong("PRAGMA user_version") != current) {
                    db.execute("ROLLBACK"); // another process migrated meanwhile: look again
                    continue;
                }
                if (current == 0 && db.queryLong("SELECT count(*) FROM sqlite_master") > 0) {
                    throw new LibraryException(file
                            + ": not an IMR Workbench library (a SQLite database of another program)");
                }
                for (Migration step : steps) {
                    for (String sql : step.statements()) {
                        db.execute(sql);
                    }
                }
                db.execute("PRAGMA user_version = " + m.version());
                db.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    db.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                if (e instanceof LibraryException le) {
                    throw le;
                }
                throw new LibraryException(file + ": could not upgrade the library to schema " + m.version()
                        + " (" + m.description() + "): " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
                        + (backup == null ? "" : "; the backup " + backup + " is untouched"), e);
            }
        }
    }

    /** A complete, owner-only copy of the library ({@code VACUUM INTO}) before its schema is changed. */
    private static Path backupBeforeMigrating(Db db, Path file, int version) throws SQLException {
        String name = file.getFileName() + ".v" + version + "-backup-" + BACKUP_STAMP.format(Instant.now());
        Path backup = file.resolveSibling(name);
        try {
            for (int n = 2; ; n++) {
                try {
                    PrivateFiles.createFile(backup);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException taken) {   // by another process, a moment ago
                    backup = file.resolveSibling(name + "-" + n);
                }
            }
        } catch (IOException e) {
            throw new LibraryException(file + ": cannot make the backup before upgrading the library ("
                    + PrivateFiles.reason(e) + "); the library is untouched", e);
        }
        try (PreparedStatement ps = db.connection().prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, backup.toString());
            ps.execute();
        }
        return backup;
    }

    /**
     * True when the library at {@code file} exists and {@link #open} will upgrade its schema first: a backup copy and
     * the migrations, which take a while on a large library (about 30 s at 100,000 letters), so a window can say so
     * instead of seeming to hang. False for a missing file, a new or current library, or a file that is not one.
     */
    public static boolean needsUpgrade(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Connection c = Backups.connect(file, true); Statement s = c.createStatement()) {
            long version = Backups.longOf(s, "PRAGMA user_version");
            return version > 0 && version < SCHEMA_VERSION;
        } catch (SQLException e) {
            return false; // not a library, or unreadable: open() says why
        }
    }

    /** The library's file. */
    public Path file() {
        return file;
    }

    /** The backup copy made before migrating this library when it was opened, if one was made. */
    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(backup);
    }

    /** The schema version of the open library. */
    public int schemaVersion() {
        return db.read(c -> (int) db.queryLong("PRAGMA user_version"));
    }

    /** Tag operations. */
    public Tags tags() {
        return tags;
    }

    /** Annotation operations. */
    public Annotations annotations() {
        return annotations;
    }

    // ---------------------------------------------------------------------------------------------- letters

    /** The sha256 of every stored file: lets an import skip known files before parsing them. */
    public Set<String> sha256s() {
        return db.read(c -> {
            Set<String> shas = new HashSet<>();
            try (ResultSet rs = db.ps("SELECT sha256 FROM cases").executeQuery()) {
                while (rs.next()) {
                    shas.add(rs.getString(1));
                }
            }
            return shas;
        });
    }

    /** The existing case a file with this sha256 is, if any. */
    public Optional<String> caseIdBySha256(String sha256) {
        return db.read(c -> Optional.ofNullable(string("SELECT id FROM cases WHERE sha256 = ?", sha256)));
    }

    /**
     * Adds a letter in one transaction (all of its rows or none), unless it is already in the library: the same
     * file bytes, the same case number, or the same content in another format ({@link Fingerprint}).
     */
    public AddResult add(NewLetter letter) {
        return db.write(c -> addOne(letter));
    }

    /**
     * Bytes of write-ahead log between checkpoints during {@link #bulkWrites} (about 160 MB), and otherwise (SQLite's
     * 1,000 pages of 4 KB): SQLite counts them in pages, of the library's size.
     */
    static final long BULK_CHECKPOINT_BYTES = 40_000L * 4096;
    static final long CHECKPOINT_BYTES = 1_000L * 4096;
    /**
     * The page size of a new library: 16 KB instead of SQLite's 4 KB. A case's row (its normalised text is 4-5 KB)
     * then fits a page instead of spilling onto another, and an import writes fewer, fuller pages: 90,129 texts in
     * 36.2-37.2 s instead of 38.2-38.6 s (three pairs), about 1 s less of the kernel's time, a library 3% larger;
     * searching, the analytics and start-up take as long as with 4 KB (docs/BENCHMARKS.md). A library made before
     * keeps its pages: SQLite fixes the size when it writes the first.
     */
    static final int NEW_LIBRARY_PAGE_SIZE = 16_384;
    /** SQLite's page cache during {@link #bulkWrites}, in KiB ({@code PRAGMA cache_size} of a negative number). */
    static final int BULK_CACHE_KIB = 65_536;

    /**
     * Until closed, lets the write-ahead log grow to about 160 MB between checkpoints instead of SQLite's 4 MB: for an
     * import, which writes the library in batches of many letters. Each checkpoint copies the log into the file and
     * waits for the disk twice; at 4 MB an import of 100,000 letters made some 450 of them, and took 14% longer.
     * Nothing is less safe: a letter is still whole or absent whatever stops the program, only a power cut may take
     * back more of the last letters written (their transactions are in the log, which is flushed at checkpoints).
     * Closing goes back to 4 MB and checkpoints what it can without waiting for readers.
     *
     * <p>SQLite's page cache is also 64 MB instead of 2 MB until closed: a batch of letters changes pages all over
     * the library's indexes (the files' hashes, the fingerprints, case numbers and dates are in no order), more than
     * 2 MB hold, so pages were read back from the log again and again (3.8 GB of reads to write 30,000 letters into
     * a library of 590 MB; 1.0 GB with 64 MB).
     */
    public BulkWrites bulkWrites() {
        long cacheSize = db.read(c -> db.queryLong("PRAGMA cache_size"));
        pragma("wal_autocheckpoint = " + BULK_CHECKPOINT_BYTES / pageSize());
        pragma("cache_size = -" + BULK_CACHE_KIB);
        return new BulkWrites(cacheSize);
    }

    /** The end of {@link #bulkWrites}. */
    public final class BulkWrites implements AutoCloseable {
        private final long cacheSize;
        private boolean closed;

        private BulkWrites(long cacheSize) {
            this.cacheSize = cacheSize;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                pragma("wal_autocheckpoint = " + CHECKPOINT_BYTES / pageSize());
                pragma("cache_size = " + cacheSize);
                pragma("wal_checkpoint(PASSIVE)");
            }
        }
    }

    private long pageSize() {
        return db.read(c -> db.queryLong("PRAGMA page_size"));
    }

    /** Runs {@code PRAGMA setting} (whatever row it answers is not needed). */
    private void pragma(String setting) {
        db.read(c -> {
            db.execute("PRAGMA " + setting);
            return null;
        });
    }

    /**
     * Adds letters in one transaction: every letter is in the library whole or not at all, and a letter the library
     * refuses leaves the others in. Far cheaper per letter than {@link #add} for an import: the full-text index and
     * the write-ahead log are written once for the batch, not once per letter. A letter duplicating one earlier in the
     * batch is recognised as its duplicate.
     *
     * @return a result per letter, in order: {@link AddResult.Added}, {@link AddResult.Duplicate}, or
     *         {@link AddResult.Refused} with the library's reason
     * @throws LibraryException when the transaction cannot be begun or committed; then none of the letters is added
     */
    public List<AddResult> addAll(List<NewLetter> letters) {
        return db.write(c -> eachAtomically(letters, this::addOne,
                (letter, reason) -> new AddResult.Refused(letter.id(), reason)));
    }

    /** Adds a letter unless it is a duplicate, within the caller's transaction. */
    private AddResult addOne(NewLetter letter) throws SQLException {
        Optional<AddResult.Duplicate> duplicate = duplicate(letter, letter.fingerprint());
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        rows.insertCase(letter, letter.id(), letter.fingerprint(), now());
        letterChanges.incrementAndGet();
        return new AddResult.Added(letter.id(), letter.letter().items().size());
    }

    /** One step of {@link #eachAtomically}. */
    @FunctionalInterface
    private interface Step<T, R> {
        R apply(T input) throws SQLException;
    }

    /**
     * Runs {@code step} for each input within the caller's transaction, each input whole or not at all: a step that
     * fails (SQLite refuses, or the library does) leaves nothing behind, gives {@code refused}'s result with the
     * one-line reason, and the others stay.
     *
     * <p>Must be the whole of its transaction ({@code db.write(c -> eachAtomically(...))}). All the steps are first
     * run straight in the transaction. Only when one of them fails is the transaction rolled back, a new one begun,
     * and the steps run again, each under a savepoint of its own. A savepoint per step from the start would be
     * simpler, but FTS5 writes its pending terms out as a new index segment at every savepoint opened after it joined
     * the transaction: a batch of 250 letters became 250 small segments to merge, and the full-text index took about
     * twice as long to write (the {@code sqlite3} shell alone takes 9.4 s instead of 3.6 s to load 30,000 letters with
     * a savepoint around each). Nor is there one savepoint around them all: SQLite would then copy every page of the
     * library the batch changes into a sub-journal first, a temporary file (about 2,000 writes of a page every three
     * seconds of an import), to be able to go back to the savepoint; rolling back the transaction needs no copy.
     */
    private <T, R> List<R> eachAtomically(List<T> inputs, Step<T, R> step,
                                          java.util.function.BiFunction<T, String, R> refused) throws SQLException {
        try {
            List<R> results = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                results.add(step.apply(input));
            }
            return results;
        } catch (SQLException | LibraryException e) {
            // one of them is refused: nothing of the batch is kept, and it is run again one savepoint a step
            db.execute("ROLLBACK");
            db.execute("BEGIN IMMEDIATE");
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            db.execute("SAVEPOINT one");
            try {
                results.add(step.apply(input));
                db.execute("RELEASE one");
            } catch (SQLException | LibraryException e) {
                db.execute("ROLLBACK TO one");
                db.execute("RELEASE one");
                results.add(refused.apply(input, e instanceof SQLException sql ? db.failure(sql).getMessage()
                        : e.getMessage()));
            }
        }
        return results;
    }

    private Optional<AddResult.Duplicate> duplicate(NewLetter letter, String fingerprint) throws SQLException {
        String id = string("SELECT id FROM cases WHERE sha256 = ?", letter.sha256());
        if (id != null) {
            return Optional.of(new AddResult.Duplicate(id, AddResult.Reason.SAME_FILE));
        }
        String caseNumber = letter.letter().caseNumber();
        if (caseNumber != null) {
            id = string("SELECT id FROM cases WHERE case_number = ?", caseNumber);
            if (id != null) {
                return Optional.of(new AddResult.Duplicate(id, AddResult.Reason.SAME_CASE_NUMBER));
            }
        }
        id = string("SELECT id FROM cases WHERE fingerprint = ?", fingerprint);
        return id == null ? Optional.empty() : Optional.of(new AddResult.Duplicate(id, AddResult.Reason.SAME_CONTENT));
    }

    /**
     * Replaces a case's parsed letter with a new parse of its stored bytes, in one transaction, keeping its tags
     * and re-anchoring its highlights (see {@link Annotations}). The case id follows the new case number.
     *
     * @throws NotFoundException when there is no such case
     * @throws LibraryException  when the new case number is already another case's
     */
    public Reparsed replaceLetter(String id, Letter letter, String parserVersion) {
        return db.write(c -> replace(new Replacement(id, letter, parserVersion)));
    }

    /**
     * A case's new parse, for {@link #replaceLetters}, with its {@link Fingerprint} worked out where it is made (a
     * re-parse makes it on the parsing threads, so the writer does not have to).
     */
    public record Replacement(String id, Letter letter, String parserVersion, String fingerprint) {
        public Replacement(String id, Letter letter, String parserVersion) {
            this(id, letter, parserVersion, Fingerprint.of(letter.text()));
        }
    }

    /**
     * What became of one case of {@link #replaceLetters}: {@code reparsed}, or the library's one-line reason for
     * keeping its previous parse ({@code error}); exactly one of the two is set.
     */
    public record Replaced(String id, Reparsed reparsed, String error) {
    }

    /**
     * Replaces the parses of several cases in one transaction, each whole or not at all, as
     * {@link #replaceLetter} does for one: a case is replaced whole or keeps its previous parse, and one that
     * cannot be replaced leaves the others replaced. Far cheaper per case than a transaction each.
     *
     * @throws LibraryException when the transaction cannot be begun or committed; then no case is changed
     */
    public List<Replaced> replaceLetters(List<Replacement> replacements) {
        return db.write(c -> eachAtomically(replacements,
                r -> new Replaced(r.id(), replace(r), null),
                (r, reason) -> new Replaced(r.id(), null, reason)));
    }

    /** Replaces one case's parse, within the caller's transaction. */
    private Reparsed replace(Replacement r) throws SQLException {
        String id = r.id();
        Letter letter = r.letter();
        long pk = casePk(id);
        String newId = CaseIds.of(letter.caseNumber(), string("SELECT sha256 FROM cases WHERE pk = ?", pk));
        if (!newId.equals(id) && string("SELECT id FROM cases WHERE id = ? OR case_number = ?", newId,
                letter.caseNumber()) != null) {
            throw new LibraryException(id + ": the new parse gives case number " + letter.caseNumber()
                    + ", which is already another case in the library");
        }
        rows.replace(pk, newId, letter, r.fingerprint(), r.parserVersion(), now());
        letterChanges.incrementAndGet();
        int[] counts = annotations.reanchor(pk, letter);
        return new Reparsed(id, newId, counts[0], counts[1]);
    }

    /** The stored original file of a case. */
    public Optional<Source> source(String id) {
        return db.read(c -> {
            PreparedStatement ps = db.ps("SELECT c.id, c.file_name, c.sha256, c.format, c.encoding, s.bytes,"
                    + " s.deflated, CASE WHEN s.deflated = " + StoredBytes.WITH_TEXT + " THEN c.text END"
                    + " FROM cases c JOIN sources s ON s.case_pk = c.pk WHERE c.id = ?");
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] bytes;
                try {
                    bytes = StoredBytes.restore(rs.getInt(7), rs.getBytes(6), rs.getString(8));
                } catch (java.util.zip.DataFormatException e) {
                    throw new LibraryException(db.name() + ": the stored original file of case " + id
                            + " is damaged (" + e.getMessage() + ")", e);
                }
                return Optional.of(new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), bytes));
            }
        });
    }

    /** Every case id, in id order. */
    public List<String> caseIds() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = db.ps("SELECT id FROM cases ORDER BY id").executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** The number of cases. */
    public int caseCount() {
        return db.read(c -> (int) db.queryLong("SELECT count(*) FROM cases"));
    }

    /** A case in full (letter, tags, item tags, annotations), or empty when there is no such case. */
    public Optional<CaseRecord> loadCase(String id) {
        return db.readSnapshot(c -> {
            PreparedStatement ps = db.ps("SELECT pk, file_name, sha256, format, imported_at, parser_version"
                    + " FROM cases WHERE id = ?");
            ps.setString(1, id);
            long pk;
            String fileName;
            String sha;
            String format;
            Instant imported;
            String parserVersion;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                pk = rs.getLong(1);
                fileName = rs.getString(2);
                sha = rs.getString(3);
                format = rs.getString(4);
                imported = Instant.parse(rs.getString(5));
                parserVersion = rs.getString(6);
            }
            Letter letter = rows.load(pk);
            return Optional.of(new CaseRecord(id, fileName, sha, format, imported, parserVersion, letter,
                    tags.caseTagNames(pk), tags.itemTagNames(pk), annotations.list(pk)));
        });
    }

    /**
     * One page of the case list.
     *
     * @param sort       the order
     * @param descending true for the reverse order (nulls last either way)
     * @param offset     cases to skip
     * @param limit      the most cases to return
     */
    public CasePage listCases(CaseSort sort, boolean descending, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        String sql = casePageSql(sort, descending);
        return db.readSnapshot(c -> {
            PreparedStatement ps = db.ps(sql);
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            return new CasePage(summaries(ps), (int) db.queryLong("SELECT count(*) FROM cases"));
        });
    }

    /** The statement of {@link #listCases}: its two parameters are the limit and the offset. */
    static String casePageSql(CaseSort sort, boolean descending) {
        // The page is cut from the covering index cases_list first (named: by the case id SQLite would take the ids'
        // own index and read every wide case row); only its cases' specialty, decisions and tags are then looked up
        // (materialised, so that SQLite does not look them up for every case before sorting). Empty values go last
        // either way: SQLite orders NULL before every value, so a descending order has them last already, and
        // without the IS NULL term the newest cases (the first screen) are read in the index's own order instead of
        // sorting every case first (100 ms at 100,000 letters).
        String order = descending
                ? " ORDER BY %s DESC, c.id DESC".formatted(sort.column)
                : " ORDER BY %s IS NULL, %s ASC, c.id ASC".formatted(sort.column, sort.column);
        return "WITH page AS MATERIALIZED (SELECT c.pk, c.id, c.case_number, c.decided, c.injury, c.item_count,"
                + " c.imported_at FROM cases c INDEXED BY cases_list" + order + " LIMIT ? OFFSET ?) "
                + SUMMARY_SELECT.replace("FROM cases c", "FROM page c") + order;
    }

    /** The case-list rows of the given cases, in the order given; ids not in the library are left out. */
    public List<CaseSummary> summaries(List<String> ids) {
        return db.read(c -> {
            java.util.Map<String, CaseSummary> byId = new java.util.HashMap<>();
            int chunk = 500;
            for (int from = 0; from < ids.size(); from += chunk) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
                String sql = SUMMARY_SELECT + " WHERE c.id IN (" + "?,".repeat(part.size() - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int k = 0; k < part.size(); k++) {
                        ps.setString(k + 1, part.get(k));
                    }
                    for (CaseSummary summary : summaries(ps)) {
                        byId.put(summary.id(), summary);
                    }
                }
            }
            List<CaseSummary> ordered = new ArrayList<>();
            for (String id : ids) {
                CaseSummary summary = byId.get(id);
                if (summary != null) {
                    ordered.add(summary);
                }
            }
            return ordered;
        });
    }

    private static final String SUMMARY_SELECT = """
            SELECT c.pk, c.id, c.case_number, c.decided, c.injury, c.item_count,
              (SELECT value FROM credentials WHERE case_pk = c.pk AND kind = 'SPECIALTY' ORDER BY position LIMIT 1),
              (SELECT group_concat(decision, ',') FROM items WHERE case_pk = c.pk),
              (SELECT group_concat(t.name, char(31)) FROM case_tags ct JOIN tags t ON t.pk = ct.tag_pk
                 WHERE ct.case_pk = c.pk)
            FROM cases c""";

    private static List<CaseSummary> summaries(PreparedStatement ps) throws SQLException {
        List<CaseSummary> cases = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String decisions = rs.getString(8);
                List<Decision> list = decisions == null ? List.of()
                        : java.util.Arrays.stream(decisions.split(",")).map(Decision::valueOf).toList();
                String tagNames = rs.getString(9);
                List<String> caseTags = tagNames == null ? List.of()
                        : java.util.Arrays.stream(tagNames.split("\u001f")).sorted(String.CASE_INSENSITIVE_ORDER)
                        .toList();
                cases.add(new CaseSummary(rs.getString(2), rs.getString(3), LetterRows.localDate(rs.getString(4)),
                        LetterRows.localDate(rs.getString(5)), rs.getString(7), rs.getInt(6), Outcome.of(list),
                        caseTags));
            }
        }
        return cases;
    }

    /**
     * Runs read-only work on the library's connection under its lock. For the query services built on the library
     * (search, facets, statistics); do not write through it.
     */
    public <T> T read(SqlWork<T> work) {
        return db.read(work);
    }

    /**
     * As {@link #read}, with every statement of the work reading one snapshot of the library: for work that reads
     * in several statements what must agree (the search's facts, then the rows they point to), while another program
     * may be importing into the same file. The work may write temporary tables, not the library.
     */
    public <T> T readSnapshot(SqlWork<T> work) {
        return db.readSnapshot(work);
    }

    /**
     * A token that changes whenever letters (cases, items and their parsed rows) may have changed: a letter added
     * or re-parsed through this library, or anything committed by another program ({@code PRAGMA data_version}).
     * Tags and annotations written here leave it as it is. For caches of what is derived from the letters, such as
     * the search's {@code FactIndex}; call it inside {@link #read} work to pair it with what that work reads.
     */
    public String letterVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return letterChanges.get() + "/" + (rs.next() ? rs.getLong(1) : 0);
        }
    }

    // ---------------------------------------------------------------------------------------- backup and restore

    /**
     * Writes a complete copy of this library to {@code target} while it stays open and in use (SQLite's online
     * {@code VACUUM INTO}: a consistent snapshot, including what is still in the write-ahead log). The copy is written
     * under a temporary owner-only name, checked with {@code PRAGMA integrity_check}, then renamed to {@code target}.
     * Missing folders are created owner-only. Call off the UI thread.
     *
     * @throws LibraryException when {@code target} exists (a backup never overwrites a file) or cannot be written
     */
    public BackupInfo backup(Path target) {
        return Backups.backup(file, target);
    }

    /** A name for a new backup of {@code library}: beside it, as {@code NAME-backup-yyyyMMdd-HHmmss.db} (UTC). */
    public static Path suggestedBackupFile(Path library) {
        return Backups.suggestedBackupFile(library);
    }

    /**
     * Checks a backup without changing it: SQLite's integrity check, that it is an IMR Workbench library, and that
     * its schema is not newer than this version's.
     *
     * @throws LibraryException with a one-line reason when it is not a sound backup
     */
    public static BackupInfo verifyBackup(Path backup) {
        return Backups.verify(backup);
    }

    /**
     * Replaces the library file {@code library} with the backup {@code backup}. The backup is checked first (as
     * {@link #verifyBackup}); the library being replaced is copied aside ({@code NAME.before-restore-STAMP}, owner
     * only) and the restored file is owner-only. Nothing is changed when the backup is not sound or the library is
     * open anywhere, this process included: close the library (and any other window on it) first, then reopen it
     * with {@link #open} (a backup of an older schema is upgraded then, with its own migration backup).
     *
     * @throws LibraryInUseException when the library is open in another window or program
     * @throws LibraryException      when the backup is not a sound library or a file cannot be written
     */
    public static RestoreResult restore(Path library, Path backup) {
        return Backups.restore(library, backup);
    }

    /**
     * Checks the file and the search index: {@code PRAGMA integrity_check}'s answer, "ok" when the file is sound and
     * the index holds exactly the words of the texts it indexes (FTS5's {@code integrity-check}, which reads them all:
     * seconds on a large library).
     */
    public String integrityCheck() {
        return db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    sb.append(sb.isEmpty() ? "" : "; ").append(rs.getString(1));
                }
            }
            if (sb.toString().equals("ok")) {
                try (var s = c.createStatement()) {
                    // rank 1: also compare the index with the texts of its external content (Schema)
                    s.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)");
                } catch (SQLException e) {
                    return "search index: " + e.getMessage();
                }
            }
            return sb.toString();
        });
    }

    long casePk(String id) throws SQLException {
        PreparedStatement ps = db.ps("SELECT pk FROM cases WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException(id + ": no such case in the library");
            }
            return rs.getLong(1);
        }
    }

    private String string(String sql, Object... params) throws SQLException {
        PreparedStatement ps = db.ps(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The text of an annotatable field of a letter, or null when the letter has no such field or item. */
    static String fieldText(Letter letter, AnnotationField field, Integer item) {
        if (field == AnnotationField.SUMMARY) {
            return letter.summary();
        }
        if (item == null) {
            return null;
        }
        return letter.items().stream().filter(it -> it.number() == item).findFirst().map(Item::rationale)
                .orElse(null);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new LibraryException(file + ": could not close the library cleanly: " + e.getMessage(), e);
        }
    }
}
