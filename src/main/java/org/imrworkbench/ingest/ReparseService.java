package org.imrworkbench.ingest;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryException;
import org.imrworkbench.library.Reparsed;
import org.imrworkbench.library.Source;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-parses every letter of a library from its stored bytes (after a parser change), keeping tags and re-anchoring
 * annotations. Letters are parsed in parallel in batches of 64, and each batch is written in one transaction, each
 * case whole or not at all ({@link Library#replaceLetters}). A case the current
 * parser cannot read keeps its previous parse and is reported. Call off the UI thread.
 */
public final class ReparseService {

    private static final int BATCH = 64;

    private final Library library;
    private final LetterReader reader;

    public ReparseService(Library library) {
        this(library, new LetterReader());
    }

    public ReparseService(Library library, LetterReader reader) {
        this.library = library;
        this.reader = reader;
    }

    /** A case's new parse, ready to write (its fingerprint worked out on the parsing thread), or null. */
    private record Parsed(String id, ParsedFile file, Library.Replacement replacement) {
        static Parsed of(String id, ParsedFile file) {
            return new Parsed(id, file, file.ok() ? new Library.Replacement(id, file.letter(), ParserVersion.current())
                    : null);
        }
    }

    public ReparseReport reparseAll(ProgressListener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        List<String> ids = library.caseIds();
        List<Reparsed> reparsed = new ArrayList<>();
        List<FileOutcome.Failed> failed = new ArrayList<>();
        int done = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            if (cancellation.isCancelled()) {
                return new ReparseReport(reparsed, failed, true);
            }
            List<Source> sources = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                    .map(library::source).flatMap(Optional::stream).toList();
            List<Parsed> batch = sources.parallelStream()
                    .map(s -> Parsed.of(s.id(), reader.read(s.fileName(), s.bytes()))).toList();
            List<Library.Replacement> replacements = batch.stream().map(Parsed::replacement)
                    .filter(java.util.Objects::nonNull).toList();
            Map<String, Library.Replaced> replaced = new HashMap<>();
            try {
                for (Library.Replaced r : library.replaceLetters(replacements)) {
                    replaced.put(r.id(), r);
                }
            } catch (LibraryException e) {
                // the batch's transaction was not committed: its cases keep their previous parse
                replacements.forEach(r -> replaced.put(r.id(), new Library.Replaced(r.id(), null, e.getMessage())));
            }
            for (Parsed p : batch) {
                Library.Replaced r = replaced.get(p.id());
                if (!p.file().ok()) {
                    failed.add(new FileOutcome.Failed(p.id(), p.file().error(), p.file().cause()));
                } else if (r.reparsed() != null) {
                    reparsed.add(r.reparsed());
                } else {
                    failed.add(new FileOutcome.Failed(p.id(), r.error()));
                }
                done++;
                listener.progress(Progress.of(ids.size(), done, reparsed.size(), 0, failed.size(), start, p.id()));
            }
        }
        return new ReparseReport(reparsed, failed, false);
    }
}
