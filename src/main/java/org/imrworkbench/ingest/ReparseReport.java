package org.imrworkbench.ingest;

import org.imrworkbench.library.Reparsed;

import java.util.List;

/**
 * The outcome of re-parsing the library.
 *
 * @param reparsed  cases re-parsed (each with its id before and after, and its highlights moved / orphaned)
 * @param failed    cases the current parser could not read, by case id; they keep their previous parse
 * @param cancelled true when cancelled before every case was re-parsed
 */
public record ReparseReport(List<Reparsed> reparsed, List<FileOutcome.Failed> failed, boolean cancelled) {
    public ReparseReport {
        reparsed = List.copyOf(reparsed);
        failed = List.copyOf(failed);
    }

    /** Highlights moved to follow their quote, over all cases. */
    public int moved() {
        return reparsed.stream().mapToInt(Reparsed::moved).sum();
    }

    /** Highlights whose quote is gone, over all cases (kept, flagged orphaned). */
    public int orphaned() {
        return reparsed.stream().mapToInt(Reparsed::orphaned).sum();
    }
}
