package org.imrworkbench.search;

import java.util.List;

/** A page of hits, best first, and the total number of hits. */
public record SearchResult(int total, List<Hit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
