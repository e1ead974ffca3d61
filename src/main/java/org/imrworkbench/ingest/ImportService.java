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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.stream.Stream;

/**
 * Imports letter files and folders into a {@link Library}.
 *
 * <p>Files are read and parsed on a pool of worker threads (one per core), a bounded window ahead of one writer (the
 * calling thread), which adds each letter in its own transaction and in the order the files were listed: a letter is
 * fully in the library or not at all, so an interrupted import leaves only complete letters, and of two identical
 * files the first listed is the one imported. Files whose bytes are already stored are
 * recognised before parsing; duplicates by case number or content are recognised by the library.
 *
 * <p>Call {@link #importPaths} off the UI thread: it blocks until done or cancelled. Progress events come on the
 * calling thread after each file.
 */
public final class ImportService {

    private final Library library;
    private final LetterReader reader;
    private final int threads;

    public ImportService(Library library) {
        this(library, new LetterReader(), Runtime.getRuntime().availableProcessors());
    }

    public ImportService(Library library, LetterReader reader, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.library = library;
        this.reader = reader;
        this.threads = threads;
    }

    /** A file read and parsed by a worker, or the reason it could not be. */
    private record Work(String file, byte[] bytes, String sha256, ParsedFile parsed, boolean knownBytes,
                        String error) {
    }

    /**
     * Imports files and folders (searched recursively for {@code .pdf} and {@code .txt} files; a file named
     * explicitly is read whatever its extension).
     *
     * @param paths        files and folders
     * @param listener     progress after each file
     * @param cancellation checked between files; a cancelled import keeps what it has imported
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
        // window of permits keeps the parsers at most a few files ahead of the writer.
        List<CompletableFuture<Work>> parsed = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            parsed.add(new CompletableFuture<>());
        }
        Semaphore window = new Semaphore(Math.max(4, threads * 4));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "imr-import-parser");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    while (!cancellation.isCancelled()) {
                        window.acquire();
                        int index = next.getAndIncrement();
                        if (index >= files.size()) {
                            return;
                        }
                        Work work;
                        try {
                            work = read(files.get(index), known);
                        } catch (Error e) {
                            // the writer waits for every slot in turn: an error must still fill it
                            work = new Work(files.get(index).toString(), null, null, null, false,
                                    "could not be read: an internal error (run with --debug for details)");
                        }
                        parsed.get(index).complete(work);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        int done = failed.size();
        boolean cancelled = false;
        try {
            for (int received = 0; received < files.size(); received++) {
                CompletableFuture<Work> slot = parsed.get(received);
                while (!slot.isDone() && !cancellation.isCancelled()) {
                    try {
                        slot.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stillParsing) {
                        // check for cancellation, then wait again
                    } catch (ExecutionException impossible) {
                        // slots are only ever completed normally
                    }
                }
                if (cancellation.isCancelled()) {
                    // stop at once: what is written stays, what is parsed but not written is left for next time
                    cancelled = true;
                    break;
                }
                Work work = slot.join();
                parsed.set(received, null);
                window.release();
                FileOutcome outcome = write(work);
                if (outcome instanceof FileOutcome.Imported i) {
                    imported.add(i);
                } else if (outcome instanceof FileOutcome.Duplicate d) {
                    duplicates.add(d);
                } else {
                    failed.add((FileOutcome.Failed) outcome);
                }
                done++;
                listener.progress(Progress.of(total, done, imported.size(), duplicates.size(), failed.size(), start,
                        work.file()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            pool.shutdownNow();
        }
        return new ImportReport(imported, duplicates, failed, cancelled, total - done,
                java.time.Duration.ofNanos(System.nanoTime() - start));
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
            return new Work(file, bytes, sha, parsed, false, parsed.ok() ? null : parsed.error());
        } catch (NoSuchFileException e) {
            return new Work(file, null, null, null, false, "no such file");
        } catch (AccessDeniedException e) {
            return new Work(file, null, null, null, false, "permission denied");
        } catch (IOException e) {
            return new Work(file, null, null, null, false, "cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // A defect must not stop a batch: the file is reported, never silently dropped.
            return new Work(file, null, null, null, false,
                    "could not be read: an internal error (run with --debug for details)");
        }
    }

    private FileOutcome write(Work work) {
        if (work.error() != null) {
            return new FileOutcome.Failed(work.file(), work.error());
        }
        try {
            // A read never waits for a writer (WAL): a file another import has stored meanwhile is recognised here
            // without queueing for the write lock. Library.add checks again inside its write transaction.
            String id = library.caseIdBySha256(work.sha256()).orElse(null);
            if (id != null) {
                return new FileOutcome.Duplicate(work.file(), id, AddResult.Reason.SAME_FILE);
            }
            ParsedFile parsed = work.parsed() != null ? work.parsed()
                    : reader.read(Path.of(work.file()).getFileName().toString(), work.bytes());
            if (!parsed.ok()) {
                return new FileOutcome.Failed(work.file(), parsed.error());
            }
            AddResult result = library.add(new NewLetter(parsed.file(), work.sha256(), parsed.format(),
                    parsed.encoding(), work.bytes(), parsed.letter(), ParserVersion.current()));
            if (result instanceof AddResult.Added a) {
                return new FileOutcome.Imported(work.file(), a.id(), a.items());
            }
            AddResult.Duplicate d = (AddResult.Duplicate) result;
            return new FileOutcome.Duplicate(work.file(), d.id(), d.reason());
        } catch (LibraryException e) {
            return new FileOutcome.Failed(work.file(), e.getMessage());
        }
    }

    /** Adds a file, or a folder's {@code .pdf} and {@code .txt} files (recursively, in name order), to {@code files}. */
    static void collect(Path path, List<Path> files, List<FileOutcome.Failed> failed) {
        if (!Files.exists(path)) {
            failed.add(new FileOutcome.Failed(path.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(path)) {
            files.add(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile).filter(ImportService::isLetterFile).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            failed.add(new FileOutcome.Failed(path.toString(), "folder cannot be read (" + e.getMessage() + ")"));
        }
    }

    private static boolean isLetterFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".txt");
    }
}
