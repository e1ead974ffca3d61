package org.imrworkbench.ui.importing;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.FileOutcome;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.Progress;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An import of letter files and folders into the library: runs {@link ImportService#importPaths} off the FX thread,
 * shows its progress (counts, the current file, time left), cancels it on request (what is imported stays), and
 * ends with a report of the files that failed or were already in the library, each with its reason.
 *
 * <p>Progress events arrive on the import's thread; the latest is handed to the FX thread with
 * {@link Background#onUi}, at most one hand-over pending at a time, so a fast import never floods the FX thread.
 */
public final class ImportViewModel {

    /** Where the import stands. */
    public enum State {
        /** Not started. */
        READY,
        /** Importing. */
        RUNNING,
        /** Done, cancelled or stopped by a failure: the report is there. */
        FINISHED
    }

    /**
     * A file that was not imported.
     *
     * @param file    the file's path as found
     * @param name    its file name
     * @param outcome "Failed" or "Duplicate"
     * @param reason  why, in a sentence
     */
    public record Problem(String file, String name, String outcome, String reason) {

        /** The folder the file is in, as found; empty for a bare file name. */
        public String folder() {
            Path parent = Path.of(file).getParent();
            return parent == null ? "" : parent.toString();
        }
    }

    private final ImportService service;
    private final Background background;
    private final List<Consumer<ImportReport>> finishedListeners = new ArrayList<>();
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private Cancellation cancellation;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper imported = new ReadOnlyIntegerWrapper(this, "imported");
    private final ReadOnlyIntegerWrapper duplicates = new ReadOnlyIntegerWrapper(this, "duplicates");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "Looking for letters…");
    private final ReadOnlyStringWrapper currentFile = new ReadOnlyStringWrapper(this, "currentFile", "");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyObjectWrapper<Problem> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    public ImportViewModel(ImportService service, Background background) {
        this.service = Objects.requireNonNull(service);
        this.background = Objects.requireNonNull(background);
    }

    /** Calls {@code listener} on the FX thread with the report when an import finishes (also when cancelled). */
    public void onFinished(Consumer<ImportReport> listener) {
        finishedListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Imports files and folders (folders searched for {@code .pdf} and {@code .txt} files) off the FX thread.
     *
     * @throws IllegalStateException when an import is running
     */
    public void start(List<Path> paths) {
        if (state.get() == State.RUNNING) {
            throw new IllegalStateException("an import is running");
        }
        List<Path> files = List.copyOf(paths);
        Cancellation thisRun = new Cancellation();
        cancellation = thisRun;
        reset();
        state.set(State.RUNNING);
        background.run(() -> service.importPaths(files, this::progressed, thisRun), this::finished, this::stopped);
    }

    /** Stops the import after the letter being written; what is imported stays. */
    public void cancel() {
        if (state.get() == State.RUNNING && cancellation != null) {
            cancellation.cancel();
            cancelling.set(true);
            counts.set(counts.get() + " — cancelling…");
        }
    }

    private void reset() {
        latest.set(null);
        progress.set(-1);
        total.set(0);
        done.set(0);
        imported.set(0);
        duplicates.set(0);
        failed.set(0);
        counts.set("Looking for letters…");
        currentFile.set("");
        timeLeft.set("");
        summary.set("");
        cancelling.set(false);
        report.set(null);
        selected.set(null);
        problems.clear();
    }

    /** On the import's thread: keeps the latest event, and hands it over unless a hand-over is pending. */
    private void progressed(Progress p) {
        if (latest.getAndSet(p) == null) {
            background.onUi(() -> {
                Progress last = latest.getAndSet(null);
                if (last != null && state.get() == State.RUNNING) {
                    show(last);
                }
            });
        }
    }

    private void show(Progress p) {
        total.set(p.total());
        done.set(p.done());
        imported.set(p.succeeded());
        duplicates.set(p.duplicates());
        failed.set(p.failed());
        progress.set(p.fraction());
        counts.set(p.done() + " of " + Labels.count(p.total(), "file") + " · " + p.succeeded() + " imported · "
                + p.duplicates() + " already in the library · " + p.failed() + " failed"
                + (cancelling.get() ? " — cancelling…" : ""));
        currentFile.set(p.current() == null ? "" : fileName(p.current()));
        timeLeft.set(p.remaining() == null ? "" : timeLeft(p.remaining()));
    }

    private void finished(ImportReport r) {
        latest.set(null);
        List<Problem> rows = new ArrayList<>();
        for (FileOutcome.Failed f : r.failed()) {
            rows.add(new Problem(f.file(), fileName(f.file()), "Failed", sentence(f.error())));
        }
        for (FileOutcome.Duplicate d : r.duplicates()) {
            rows.add(new Problem(d.file(), fileName(d.file()), "Duplicate", duplicateReason(d)));
        }
        problems.setAll(rows);
        selected.set(rows.isEmpty() ? null : rows.get(0));
        imported.set(r.imported().size());
        duplicates.set(r.duplicates().size());
        failed.set(r.failed().size());
        done.set(r.imported().size() + r.duplicates().size() + r.failed().size());
        total.set(done.get() + r.notProcessed());
        progress.set(1);
        currentFile.set("");
        timeLeft.set("");
        counts.set("");
        summary.set(summaryOf(r));
        report.set(r);
        cancelling.set(false);
        state.set(State.FINISHED);
        finishedListeners.forEach(l -> l.accept(r));
    }

    private void stopped(Throwable failure) {
        latest.set(null);
        progress.set(0);
        counts.set("");
        currentFile.set("");
        timeLeft.set("");
        summary.set("The import stopped: " + UserMessages.of(failure));
        cancelling.set(false);
        state.set(State.FINISHED);
    }

    /** "Imported 12 letters (30 items), 2 already in the library, 1 failed, in 4 s." and, if cancelled, so. */
    static String summaryOf(ImportReport r) {
        int items = r.imported().stream().mapToInt(FileOutcome.Imported::items).sum();
        StringBuilder sb = new StringBuilder(r.cancelled() ? "Cancelled. " : "");
        sb.append("Imported ").append(Labels.count(r.imported().size(), "letter"));
        if (!r.imported().isEmpty()) {
            sb.append(" (").append(Labels.count(items, "item")).append(')');
        }
        sb.append(", ").append(r.duplicates().size()).append(" already in the library, ")
                .append(r.failed().size()).append(" failed, in ").append(duration(r.elapsed())).append('.');
        if (r.notProcessed() > 0) {
            sb.append(' ').append(Labels.count(r.notProcessed(), "file")).append(" not imported.");
        }
        return sb.toString();
    }

    private static String duplicateReason(FileOutcome.Duplicate d) {
        String why = switch (d.reason()) {
            case SAME_FILE -> "the same file";
            case SAME_CASE_NUMBER -> "the same case number";
            case SAME_CONTENT -> "the same letter in another format";
        };
        return "Already in the library as case " + d.id() + " (" + why + ").";
    }

    /** The import's one-line reason as a sentence: capitalised, ending with a full stop. */
    private static String sentence(String reason) {
        if (reason == null || reason.isBlank()) {
            return "Could not be read.";
        }
        String s = reason.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    private static String fileName(String file) {
        Path p = Path.of(file).getFileName();
        return p == null ? file : p.toString();
    }


    /** Shows this file's whole reason and folder under the list; null shows none. */
    public void select(Problem problem) {
        selected.set(problem == null || problems.contains(problem) ? problem : null);
    }

    /**
     * The report as plain text, to paste into an e-mail or a note: the summary, then each file not imported with
     * where it is and why.
     *
     * <pre>
     * Imported 2 letters (5 items), 1 already in the library, 1 failed, in 3 s.
     *
     * Not imported: 2 files
     *
     * Failed: /home/ann/letters/CM16-0247802.pdf
     * Incomplete PDF: the file is cut short, ...; download or copy it again, then import the new copy.
     *
     * Duplicate: /home/ann/letters/copy.txt
     * Already in the library as case CM16-0247802 (the same file).
     * </pre>
     */
    public String reportText() {
        StringBuilder sb = new StringBuilder(summary.get());
        if (!problems.isEmpty()) {
            sb.append("\n\nNot imported: ").append(Labels.count(problems.size(), "file")).append('\n');
            for (Problem p : problems) {
                sb.append('\n').append(p.outcome()).append(": ").append(p.file()).append('\n')
                        .append(p.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    /** "About 3 min left", "About 40 s left", "A few seconds left". */
    static String timeLeft(Duration d) {
        long s = d.toSeconds();
        if (s < 5) {
            return "A few seconds left";
        }
        if (s < 90) {
            return "About " + s + " s left";
        }
        if (s < 90 * 60) {
            return "About " + Math.round(s / 60.0) + " min left";
        }
        return "About " + Math.round(s / 3600.0) + " h left";
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return "under a second";
        }
        long s = Math.round(ms / 1000.0);
        return s < 120 ? s + " s" : Math.round(s / 60.0) + " min";
    }

    // ------------------------------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Done as a fraction 0..1; -1 (indeterminate) until the first file is done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty duplicatesProperty() {
        return duplicates.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** "37 of 120 files · 30 imported · 5 already in the library · 2 failed" while running. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The name of the file just processed. */
    public ReadOnlyStringProperty currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /** "About 2 min left", or empty before the first file is done. */
    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** The outcome in a sentence, when finished. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True between {@link #cancel()} and the end of the import. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** The report when finished, else null (also null when the import stopped on a failure). */
    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The file whose reason is shown whole under the list: at first the first of them; null when there are none. */
    public ReadOnlyObjectProperty<Problem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The failed files and the duplicates of the finished import, failures first, each with its reason. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }
}
