package org.imrworkbench.library;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the case list.
 *
 * @param caseNumber     null for letters without one
 * @param firstSpecialty the reviewer's first specialty, or null
 * @param tags           the case's own tags, by name
 */
public record CaseSummary(String id, String caseNumber, LocalDate decided, LocalDate injury, String firstSpecialty,
                          int itemCount, Outcome outcome, List<String> tags) {
    public CaseSummary {
        tags = List.copyOf(tags);
    }
}
