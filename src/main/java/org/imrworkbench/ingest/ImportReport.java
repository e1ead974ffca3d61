package org.imrworkbench.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import.
 *
 * @param cancelled    true when the import was cancelled before every file was processed
 * @param notProcessed files left unprocessed by a cancellation
 */
public record ImportReport(List<FileOutcome.Imported> imported, List<FileOutcome.Duplicate> duplicates,
                           List<FileOutcome.Failed> failed, boolean cancelled, int notProcessed, Duration elapsed) {
    public ImportReport {
        imported = List.copyOf(imported);
        duplicates = List.copyOf(duplicates);
        failed = List.copyOf(failed);
    }

    /** The contract's summary line: {@code imported N, duplicates N, failed N}. */
    public String summaryLine() {
        return "imported " + imported.size() + ", duplicates " + duplicates.size() + ", failed " + failed.size();
    }
}
