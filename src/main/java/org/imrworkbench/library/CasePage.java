package org.imrworkbench.library;

import java.util.List;

/** One page of the case list and the total number of cases. */
public record CasePage(List<CaseSummary> cases, int total) {
    public CasePage {
        cases = List.copyOf(cases);
    }
}
