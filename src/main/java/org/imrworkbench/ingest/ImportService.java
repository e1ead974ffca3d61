package org.imrworkbench.ingest;

import org.imrworkbench.library.AddResult;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryException;
import org.imrworkbench.library.NewLetter;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports letter files and folders into a {@link Library}.
 *
 * <p>Files are read and parsed on a pool of worker threads (one per core), a bounded window ahead of one writer (the
 * calling thread). A text letter takes less time to parse than to write, so text letters are parsed on one core fewer
 * than there are, leaving one to the writer; PDFs, which take several times longer to read than to write, on every
 * core. The writer adds the letters in the order the files were listed, in batches of up to 250 letters or
 * 0.4 s of parsing, one transaction each ({@link Library#addAll}, which rolls back and writes again a savepoint per
 * letter only when the library refuses one): a letter is fully in the library or not at all, so an interrupted
 * import leaves only complete letters (a crash loses at most the batch being written, none of which had been reported
 * imported), and of two identical files the first listed is the one imported. Files whose bytes are already stored
 * are recognised before parsing; duplicates by case number or content are recognised by the library.
 *
 * <p>Call {@link #importPaths} off the UI thread: it blocks until done or cancelled. Progress events come on the
 * calling thread for each file, once its batch is written.
 */
public final class ImportService {

    /** The parsers' window ahead of the writer, in units of {@link #UNIT_BYTES} of file: about 16 MB of files. */
    private static final int WINDOW_UNITS = 512;
    private static final long UNIT_BYTES = 32 * 1024;
    /**
     * Letters a batch takes at most before it is written, unless the constructor says otherwise. Larger batches
     * write less (each rewrites the pages of the library's indexes its letters fall into: 1,000 letters a batch wrote
     * 30,000 letters with 1.8 GB of writes instead of 3.0 GB, and imported 90,129 in about 3 s less), but they leave
     * the search index in segments that the search reads 7-10% more slowly, and searching is what a library is for.
     */
    private static final int BATCH_LETTERS = 250;
    /** Bytes of original files a batch takes at most before it is written. */
    private static final long BATCH_BYTES = 32L << 20;
    /** How long the first letter of a batch waits at most for the batch to be written, so progress keeps moving. */
    private static final long BATCH_NANOS = 400_000_000L;

    private final Library library;
    private final LetterReader reader;
    private final int threads;
    private final int batchLetters;

    public ImportService(Library library) {
        this(library, new LetterReader(), Runtime.getRuntime().availableProcessors());
    }

    public ImportService(Library library, LetterReader reader, int threads) {
        this(library, reader, threads, BATCH_LETTERS);
    }

    /** As the other constructors, with batches of at most {@code batchLetters} letters (1: a transaction each). */
    public ImportService(Library library, LetterReader reader, int threads, int batchLetters) {
        if (threads < 1 || batchLetters < 1) {
            throw new IllegalArgumentException("threads and batchLetters must be at least 1");
        }
        this.library = library;
        this.reader = reader;
        this.threads = threads;
        this.batchLetters = batchLetters;
    }

    /**
     * A file read and parsed by a worker (the letter ready to add, its fingerprint worked out off the writer's
     * thread), or the reason it could not be; a file whose bytes were already stored is read but not parsed.
     */
    private record Work(String file, byte[] bytes, String sha256, NewLetter letter, boolean knownBytes,
                        String error, Throwable cause) {

        Work(String file, byte[] bytes, String sha256, NewLetter letter, boolean knownBytes, String error) {
            this(file, bytes, sha256, letter, knownBytes, error, null);
        }
    }

    /**
     * Imports files and folders (searched recursively for {@code .pdf} and {@code .txt} files; a file named
     * explicitly is read whatever its extension).
     *
     * @param paths        files and folders
     * @param listener     progress after each file
     * @param cancellation checked between files; a cancelled import keeps what it has imported, and writes the
     *                     letters of its batch already parsed
     */
    public ImportReport importPaths(List<Path> paths, ProgressListener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        List<FileOutcome.Imported> imported = new ArrayList<>();
        List<FileOutcome.Duplicate> duplicates = new ArrayList<>();
        List<FileOutcome.Failed> failed = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files, failed);
        }
        int total = files.size() + failed.size();
        Set<String> known = library.sha256s();
        // Files are parsed on all cores but written in the order they were listed, so that of two identical files
        // the first is imported and the second reported as its duplicate, however the parsing interleaves. A
        // window of units of file size keeps the parsers at most about 16 MB of files ahead of the writer, and far
        // enough ahead to go on parsing while it writes a batch. Files take their units in the order they are
        // written, so the file the writer waits for never waits for units held by files after it.
        List<CompletableFuture<Work>> parsed = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            parsed.add(new CompletableFuture<>());
        }
        Semaphore window = new Semaphore(WINDOW_UNITS);
        int[] unitsOf = new int[files.size()];
        Object inOrder = new Object();
        AtomicInteger next = new AtomicInteger();
        Semaphore textParsers = new Semaphore(Math.max(1, threads - 1));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "imr-import-parser");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    while (!cancellation.isCancelled()) {
                        int index;
                        synchronized (inOrder) {
                            index = next.getAndIncrement();
                            if (index >= files.size()) {
                                return;
                            }
                            unitsOf[index] = units(files.get(index));
                            window.acquire(unitsOf[index]);
                        }
                        Work work;
                        boolean text = !isPdf(files.get(index));
                        if (text) {
                            textParsers.acquire();
                        }
                        try {
                            work = read(files.get(index), known);
                        } catch (Error e) {
                            // the writer waits for every slot in turn: an error must still fill it
                            work = new Work(files.get(index).toString(), null, null, null, false,
                                    "could not be read: an internal error (run with --debug for details)", e);
                        } finally {
                            if (text) {
                                textParsers.release();
                            }
                        }
                        parsed.get(index).complete(work);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        boolean cancelled = false;
        Batch batch = new Batch(total, start, listener, imported, duplicates, failed);
        Library.BulkWrites bulk;
        try {
            bulk = library.bulkWrites();
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        try (bulk) {
            try {
                for (int received = 0; received < files.size(); received++) {
                    CompletableFuture<Work> slot = parsed.get(received);
                    while (!slot.isDone() && !cancellation.isCancelled()) {
                        try {
                            slot.get(100, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException stillParsing) {
                            // a slow file (a large PDF) must not hold back the ones already parsed
                            if (batch.age() > BATCH_NANOS) {
                                batch.write();
                            }
                        } catch (ExecutionException impossible) {
                            // slots are only ever completed normally
                        }
                    }
                    if (cancellation.isCancelled()) {
                        // stop at once: the letters parsed into the batch are written, the rest left for next time
                        cancelled = true;
                        break;
                    }
                    Work work = slot.join();
                    parsed.set(received, null);
                    window.release(unitsOf[received]);
                    batch.add(work);
                    if (batch.full()) {
                        batch.write();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            } finally {
                pool.shutdownNow();
            }
            batch.write(); // the letters parsed into the last batch, also of a cancelled import
        }
        return new ImportReport(imported, duplicates, failed, cancelled, total - batch.done,
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Files read and parsed, in the order listed, waiting to be written together in one transaction
     * ({@link Library#addAll}: a letter whole or not at all), then reported in that order.
     */
    private final class Batch {
        private final int total;
        private final long start;
        private final ProgressListener listener;
        private final List<FileOutcome.Imported> imported;
        private final List<FileOutcome.Duplicate> duplicates;
        private final List<FileOutcome.Failed> failed;
        private final List<Work> works = new ArrayList<>();
        private long bytes;
        private long first;
        int done;

        Batch(int total, long start, ProgressListener listener, List<FileOutcome.Imported> imported,
              List<FileOutcome.Duplicate> duplicates, List<FileOutcome.Failed> failed) {
            this.total = total;
            this.start = start;
            this.listener = listener;
            this.imported = imported;
            this.duplicates = duplicates;
            this.failed = failed;
            this.done = failed.size();
        }

        void add(Work work) {
            if (works.isEmpty()) {
                first = System.nanoTime();
            }
            works.add(work);
            bytes += work.bytes() == null ? 0 : work.bytes().length;
        }

        boolean full() {
            return works.size() >= batchLetters || bytes >= BATCH_BYTES || age() > BATCH_NANOS;
        }

        long age() {
            return works.isEmpty() ? 0 : System.nanoTime() - first;
        }

        /** Writes the batch's letters and reports each file, in order. */
        void write() {
            if (works.isEmpty()) {
                return;
            }
            FileOutcome[] outcomes = new FileOutcome[works.size()];
            List<NewLetter> letters = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int k = 0; k < works.size(); k++) {
                Work work = works.get(k);
                NewLetter letter = null;
                try {
                    outcomes[k] = settledBeforeWriting(work);
                    if (outcomes[k] == null && work.letter() != null) {
                        letter = work.letter();
                    } else if (outcomes[k] == null) {
                        // bytes stored before the import began, and since deleted: parsed now after all
                        ParsedFile p = reader.read(Path.of(work.file()).getFileName().toString(), work.bytes());
                        if (p.ok()) {
                            letter = newLetter(p, work.sha256(), work.bytes());
                        } else {
                            outcomes[k] = new FileOutcome.Failed(work.file(), p.error(), p.cause());
                        }
                    }
                } catch (LibraryException e) {
                    outcomes[k] = new FileOutcome.Failed(work.file(), e.getMessage());
                }
                if (letter != null) {
                    letters.add(letter);
                    positions.add(k);
                }
            }
            if (!letters.isEmpty()) {
                try {
                    List<AddResult> results = library.addAll(letters);
                    for (int j = 0; j < results.size(); j++) {
                        outcomes[positions.get(j)] = outcome(works.get(positions.get(j)).file(), results.get(j));
                    }
                } catch (LibraryException e) {
                    // the transaction was not committed: none of these letters is in the library
                    for (int k : positions) {
                        outcomes[k] = new FileOutcome.Failed(works.get(k).file(), e.getMessage());
                    }
                }
            }
            for (int k = 0; k < works.size(); k++) {
                FileOutcome outcome = outcomes[k];
                if (outcome instanceof FileOutcome.Imported i) {
                    imported.add(i);
                } else if (outcome instanceof FileOutcome.Duplicate d) {
                    duplicates.add(d);
                } else {
                    failed.add((FileOutcome.Failed) outcome);
                }
                done++;
                listener.progress(Progress.of(total, done, imported.size(), duplicates.size(), failed.size(), start,
                        works.get(k).file()));
            }
            works.clear();
            bytes = 0;
        }
    }

    /** A file's share of the parsers' window: one unit per 32 KB begun, at least one, at most the whole window. */
    private static int units(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0; // reported when the file is read
        }
        return (int) Math.min(WINDOW_UNITS, Math.max(1, (size + UNIT_BYTES - 1) / UNIT_BYTES));
    }

    private Work read(Path path, Set<String> known) {
        String file = path.toString();
        try {
            long size = Files.size(path);
            if (size > LetterReader.MAX_BYTES) {
                return new Work(file, null, null, null, false, String.format(Locale.ROOT,
                        "too large for an IMR letter (%.1f MB; the limit is %d MB)", size / 1048576.0,
                        LetterReader.MAX_BYTES / 1048576));
            }
            byte[] bytes = Files.readAllBytes(path);
            String sha = LetterReader.sha256(bytes);
            if (known.contains(sha)) {
                return new Work(file, bytes, sha, null, true, null);
            }
            String name = path.getFileName() == null ? file : path.getFileName().toString();
            ParsedFile parsed = reader.read(name, bytes);
            return parsed.ok() ? new Work(file, bytes, sha, newLetter(parsed, sha, bytes), false, null)
                    : new Work(file, bytes, sha, null, false, parsed.error(), parsed.cause());
        } catch (NoSuchFileException e) {
            return new Work(file, null, null, null, false, "no such file");
        } catch (AccessDeniedException e) {
            return new Work(file, null, null, null, false, "permission denied");
        } catch (IOException e) {
            return new Work(file, null, null, null, false, "cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // A defect must not stop a batch: the file is reported, never silently dropped.
            return new Work(file, null, null, null, false,
                    "could not be read: an internal error (run with --debug for details)", e);
        }
    }

    private static NewLetter newLetter(ParsedFile p, String sha256, byte[] bytes) {
        return new NewLetter(p.file(), sha256, p.format(), p.encoding(), bytes, p.letter(), ParserVersion.current());
    }

    /** The outcome of a file settled without writing: unreadable, or its bytes already stored; else null. */
    private FileOutcome settledBeforeWriting(Work work) {
        if (work.error() != null) {
            return new FileOutcome.Failed(work.file(), work.error(), work.cause());
        }
        if (work.knownBytes()) {
            // bytes stored before this import began: recognised without parsing (unless deleted since)
            String id = library.caseIdBySha256(work.sha256()).orElse(null);
            if (id != null) {
                return new FileOutcome.Duplicate(work.file(), id, AddResult.Reason.SAME_FILE);
            }
        }
        return null;
    }

    private static FileOutcome outcome(String file, AddResult result) {
        if (result instanceof AddResult.Added a) {
            return new FileOutcome.Imported(file, a.id(), a.items());
        }
        if (result instanceof AddResult.Duplicate d) {
            return new FileOutcome.Duplicate(file, d.id(), d.reason());
        }
        return new FileOutcome.Failed(file, ((AddResult.Refused) result).reason());
    }

    /**
     * Adds a file, or a folder's {@code .pdf} and {@code .txt} files (recursively, following symbolic links, in name
     * order), to {@code files}. A folder with no letter file in it, or a subfolder that cannot be read, is reported
     * rather than passed over in silence; a link back to a folder already walked is not walked again.
     */
    static void collect(Path path, List<Path> files, List<FileOutcome.Failed> failed) {
        if (!Files.exists(path)) {
            failed.add(new FileOutcome.Failed(path.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(path)) {
            files.add(path);
            return;
        }
        List<Path> found = new ArrayList<>();
        int failedBefore = failed.size();
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new LetterFiles(found, failed));
        } catch (IOException | UncheckedIOException e) {
            failed.add(new FileOutcome.Failed(path.toString(), "folder cannot be read (" + e.getMessage() + ")"));
            return;
        }
        if (found.isEmpty() && failed.size() == failedBefore) {
            failed.add(new FileOutcome.Failed(path.toString(), "no letter files (.pdf or .txt) in this folder"));
        }
        found.sort(null);
        files.addAll(found);
    }

    /** The walk of {@link #collect}: letter files to {@code found}, what cannot be read to {@code failed}. */
    static final class LetterFiles extends SimpleFileVisitor<Path> {
        private final List<Path> found;
        private final List<FileOutcome.Failed> failed;

        LetterFiles(List<Path> found, List<FileOutcome.Failed> failed) {
            this.found = found;
            this.failed = failed;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && isLetterFile(file)) {
                found.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!(e instanceof FileSystemLoopException)) {   // a link back to a folder already walked
                failed.add(new FileOutcome.Failed(file.toString(), (Files.isDirectory(file)
                        ? "folder cannot be read (" : "cannot be read (") + reason(e) + ")"));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A file named as a PDF (by its name only: the parsers' share of the cores is decided before it is read). */
    private static boolean isPdf(Path p) {
        return nameEndsWith(p, ".pdf");
    }

    private static boolean isLetterFile(Path p) {
        return isPdf(p) || nameEndsWith(p, ".txt");
    }

    /** Whether the file's name ends with {@code suffix} (lower case), in any case. */
    private static boolean nameEndsWith(Path p, String suffix) {
        Path name = p.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(suffix);
    }
}
