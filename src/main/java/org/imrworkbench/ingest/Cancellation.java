package org.imrworkbench.ingest;

/**
 * A cancellation flag shared between whoever runs a long job and whoever may stop it (a Cancel button). Thread-safe.
 * Cancelling stops the job after the letter being written: what is already in the library stays.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
