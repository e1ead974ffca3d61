package org.imrworkbench.ingest;

import java.time.Duration;

/**
 * Progress of an import or re-parse.
 *
 * @param total      files (or cases) to process
 * @param done       processed so far
 * @param succeeded  imported (or re-parsed) so far
 * @param duplicates duplicates so far (import only)
 * @param failed     failures so far
 * @param elapsed    time since the job started
 * @param remaining  estimated time left, or null before the first file is done
 * @param current    the file (or case) just processed, or null
 */
public record Progress(int total, int done, int succeeded, int duplicates, int failed, Duration elapsed,
                       Duration remaining, String current) {

    /** Done as a fraction of total, 0..1 (1 for an empty job). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    static Progress of(int total, int done, int succeeded, int duplicates, int failed, long startNanos,
                       String current) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration remaining = done == 0 ? null : elapsed.multipliedBy(total - done).dividedBy(done);
        return new Progress(total, done, succeeded, duplicates, failed, elapsed, remaining, current);
    }
}
