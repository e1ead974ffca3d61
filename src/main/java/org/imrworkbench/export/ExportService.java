package org.imrworkbench.export;

import com.fasterxml.jackson.core.JsonGenerator;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.Tag;
import org.imrworkbench.search.FilterKey;
import org.imrworkbench.search.Hit;
import org.imrworkbench.search.QueryParser;
import org.imrworkbench.search.SearchQuery;
import org.imrworkbench.search.SearchService;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Exports a selection of library cases as a PDF binder, CSV or JSON: the API behind the {@code export} command and
 * the workstation's export dialog.
 *
 * <p>Usage from a UI, off the JavaFX thread (e.g. in a {@code javafx.concurrent.Task}):
 * <pre>{@code
 * ExportService service = new ExportService(library);
 * ExportRequest request = new ExportRequest(new Selection.Tagged("for hearing"), Path.of("binder.pdf"),
 *         ExportFormat.PDF, new BinderOptions("Binder", "Smith v. Acme", "Judge Doe", "J. Paralegal", null,
 *         CaseOrder.DECISION_DATE, "IMR", 1, 6, true, false, false));
 * Cancellation cancel = ...; // the Cancel button sets it
 * ExportResult result = service.export(request,
 *         p -> Platform.runLater(() -> progressBar.setProgress(p.fraction())), cancel::isCancelled);
 * }</pre>
 *
 * <p>The file is written to a temporary file in the destination's folder and moved into place when complete, so a
 * failed or cancelled export never leaves a half-written file (an existing file at the destination stays as it
 * was). Thread-safe as far as the library is; each call is independent.
 */
public final class ExportService {

    private final Library library;
    private final SearchService search;

    public ExportService(Library library) {
        this(library, new SearchService(library));
    }

    /** With the search the caller already has, so a search selection uses the facts it has read. */
    public ExportService(Library library, SearchService search) {
        this.library = library;
        this.search = search;
    }

    /**
     * Exports the request's selection.
     *
     * @param listener  told after each case is written (on this thread)
     * @param cancelled polled before each case; when it answers true the export stops, writing nothing
     * @return what was written, with the selection's case ids not found in the library (left out)
     * @throws ExportCancelledException when cancelled
     * @throws ExportException          when nothing matches the selection, the destination is a folder or cannot be
     *                                  written, or a case cannot be exported; the message is one line for the user
     */
    public ExportResult export(ExportRequest request, ExportListener listener, BooleanSupplier cancelled) {
        Path out = request.out().toAbsolutePath().normalize();
        checkDestination(out);
        List<String> missing = new ArrayList<>();
        List<CaseRecord> cases = order(load(resolve(request.selection()), missing), request.options().order());
        if (cases.isEmpty()) {
            throw new ExportException(missing.isEmpty()
                    ? "nothing to export: no case matches " + request.selection().describe()
                    : missing.get(0) + ": no such case in the library");
        }
        Path temp;
        try {
            temp = Files.createTempFile(out.getParent(), "." + out.getFileName() + "-", ".part");
        } catch (IOException e) {
            throw new ExportException(out + ": cannot write in this folder (" + reason(e) + ")", e);
        }
        try {
            int pages = write(request, cases, temp, listener, cancelled);
            move(temp, out);
            int items = cases.stream().mapToInt(c -> c.letter().items().size()).sum();
            return new ExportResult(out, request.format(), cases.size(), items, pages, missing);
        } catch (IOException e) {
            throw new ExportException(out + ": could not write the export (" + reason(e) + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Best effort: a leftover hidden .part file is harmless and named after the export.
            }
        }
    }

    /** The ids a selection stands for, in its own order, without repeats. */
    public List<String> resolve(Selection selection) {
        if (selection instanceof Selection.Cases c) {
            return List.copyOf(new LinkedHashSet<>(c.ids()));
        }
        if (selection instanceof Selection.All) {
            return library.caseIds();
        }
        SearchQuery query;
        if (selection instanceof Selection.Tagged t) {
            Optional<Tag> tag = library.tags().find(t.tag());
            if (tag.isEmpty()) {
                throw new ExportException(t.tag() + ": no tag of this name in the library");
            }
            query = new SearchQuery(List.of(), List.of(), Map.of(FilterKey.TAG, List.of(tag.get().name())), Map.of());
        } else {
            query = QueryParser.parse(((Selection.Query) selection).query());
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Hit hit : search.search(query, 0, Integer.MAX_VALUE).hits()) {
            ids.add(hit.id());
        }
        return List.copyOf(ids);
    }

    private List<CaseRecord> load(List<String> ids, List<String> missing) {
        List<CaseRecord> cases = new ArrayList<>();
        for (String id : ids) {
            library.loadCase(id).ifPresentOrElse(cases::add, () -> missing.add(id));
        }
        return cases;
    }

    static List<CaseRecord> order(List<CaseRecord> cases, CaseOrder order) {
        Comparator<CaseRecord> byNumber = Comparator.comparing(ExportService::caseKey, String.CASE_INSENSITIVE_ORDER);
        List<CaseRecord> sorted = new ArrayList<>(cases);
        switch (order) {
            case CASE_NUMBER -> sorted.sort(byNumber);
            case DECISION_DATE -> sorted.sort(Comparator.comparing(
                    (CaseRecord c) -> c.letter().dates().decided(),
                    Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())).thenComparing(byNumber));
            case AS_LISTED -> {
            }
        }
        return sorted;
    }

    private static String caseKey(CaseRecord c) {
        return c.letter().caseNumber() != null ? c.letter().caseNumber() : c.id();
    }

    private int write(ExportRequest request, List<CaseRecord> cases, Path file, ExportListener listener,
                      BooleanSupplier cancelled) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            switch (request.format()) {
                case PDF -> {
                    return new BinderExporter(library, request.options()).write(cases,
                            request.selection().describe(), out, listener, cancelled);
                }
                case CSV -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CsvExporter.header(w);
                    for (int i = 0; i < cases.size(); i++) {
                        checkCancelled(cancelled);
                        CsvExporter.rows(w, cases.get(i));
                        listener.progress(new ExportProgress(cases.size(), i + 1, cases.get(i).id()));
                    }
                    w.flush();
                    return 0;
                }
                case JSON -> {
                    try (JsonGenerator g = LetterJson.MAPPER.getFactory().createGenerator(out)) {
                        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                        g.useDefaultPrettyPrinter();
                        g.writeStartArray();
                        for (int i = 0; i < cases.size(); i++) {
                            checkCancelled(cancelled);
                            LetterJson.MAPPER.writeTree(g, CaseJson.show(cases.get(i)));
                            listener.progress(new ExportProgress(cases.size(), i + 1, cases.get(i).id()));
                        }
                        g.writeEndArray();
                        g.writeRaw(System.lineSeparator());
                    }
                    return 0;
                }
                default -> throw new IllegalStateException("unhandled format " + request.format());
            }
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new ExportCancelledException("the export was cancelled");
        }
    }

    private static void checkDestination(Path out) {
        if (Files.isDirectory(out)) {
            throw ExportException.aFolder(out);
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ExportException(out + ": the folder " + parent + " does not exist");
        }
        if (Files.exists(out) && !Files.isWritable(out)) {
            throw new ExportException(out + ": the file exists and cannot be overwritten (permission denied)");
        }
    }

    private static void move(Path temp, Path out) throws IOException {
        try {
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message.replaceAll("\\s+", " ").strip();
    }
}
