package org.imrworkbench.export;

/**
 * Progress of an export.
 *
 * @param total   cases to export
 * @param done    cases written so far
 * @param current the case just written, or null
 */
public record ExportProgress(int total, int done, String current) {

    /** Done as a fraction of total, 0..1 (1 for an empty export). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
