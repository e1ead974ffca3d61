package org.imrworkbench.model;

import java.time.LocalDate;
import java.util.List;

/** One disputed item (treatment or service) of a letter and its decision. */
public record Item(int number, String request, Decision decision, boolean retrospective, LocalDate serviceDate,
                   PartialAuthorization partial, Treatment treatment, String claimsAdministratorGuideline,
                   String reviewerGuideline, List<Citation> citations, String rationale, ItemSpans spans) {
    public Item {
        citations = List.copyOf(citations);
    }
}
