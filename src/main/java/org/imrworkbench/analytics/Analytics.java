package org.imrworkbench.analytics;

import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;

import org.imrworkbench.model.Decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Outcome analytics over a library: for the whole library or any search, how many denials were upheld and how many
 * overturned, by {@link Dimension}; and the precedents of a disputed item ({@link Precedents}).
 *
 * <p>A breakdown counts the decided items (upheld or overturned) the query matches, as the search matches them
 * ({@link SearchService#withMatches}), so every analytics view works for any search or filter. Thread-safe and
 * blocking: call it off the UI thread.
 */
public final class Analytics {

    private final SearchService search;
    private final Precedents precedents;

    public Analytics(Library library) {
        this(library, new SearchService(library));
    }

    public Analytics(Library library, SearchService search) {
        this.search = Objects.requireNonNull(search);
        this.precedents = new Precedents(search, new WordBackground(library));
    }

    /** The outcomes of a query's matched items (a blank query: the whole library) by one dimension. */
    public Breakdown breakdown(String query, Dimension by) {
        String q = query == null ? "" : query.strip();
        return search.withMatches(q, (facts, rows) -> {
            Map<String, int[]> counts = new HashMap<>();
            Set<String> undecided = new HashSet<>();
            int[] all = new int[2];
            for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                Decision d = facts.decision(r);
                if (d != Decision.UPHELD && d != Decision.OVERTURNED) {
                    // not counted (an unknown decision, a case without items), but found by a row's filter
                    undecided.addAll(by.keys(facts, r));
                    continue;
                }
                int side = d == Decision.UPHELD ? 0 : 1;
                all[side]++;
                for (String key : by.keys(facts, r)) {
                    if (key != null && !key.isEmpty()) {
                        counts.computeIfAbsent(key, k -> new int[2])[side]++;
                    }
                }
            }
            List<OutcomeRow> out = new ArrayList<>(counts.size());
            counts.forEach((k, v) -> out.add(new OutcomeRow(k, v[0], v[1])));
            out.sort(by.chronological() ? Comparator.comparing(OutcomeRow::key)
                    : Comparator.comparingInt(OutcomeRow::total).reversed().thenComparing(OutcomeRow::key));
            undecided.retainAll(counts.keySet());
            return new Breakdown(by, q, new OutcomeRow("all", all[0], all[1]), out, undecided);
        });
    }

    /**
     * The precedents of item {@code itemNumber} of case {@code caseId}: the {@code limit} most similar decided items,
     * their outcomes and the phrases that separate their overturned from their upheld rationales.
     *
     * @throws org.imrworkbench.library.NotFoundException when there is no such case or item
     */
    public Precedents.Result precedents(String caseId, int itemNumber, int limit) {
        return precedents.find(caseId, itemNumber, limit);
    }
}
