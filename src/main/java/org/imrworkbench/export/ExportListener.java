package org.imrworkbench.export;

/**
 * Receives progress of an export, on the exporting thread after each case: a UI must hand the event over to its own
 * thread (e.g. {@code Platform.runLater}) and keep the callback cheap.
 */
@FunctionalInterface
public interface ExportListener {

    /** A listener that ignores progress. */
    ExportListener NONE = p -> {
    };

    void progress(ExportProgress progress);
}
