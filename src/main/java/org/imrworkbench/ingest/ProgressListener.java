package org.imrworkbench.ingest;

/**
 * Receives progress of a long job. Called on the job's thread after each file: a UI must hand the event over to its
 * own thread (e.g. {@code Platform.runLater}) and should keep the callback cheap.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = p -> {
    };

    void progress(Progress progress);
}
