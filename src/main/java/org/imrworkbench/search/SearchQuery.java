package org.imrworkbench.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed query: full-text terms and filters.
 *
 * @param groups          positive terms: every group must match, any term of a group ({@code a OR b})
 * @param excluded        {@code -word} terms: no row containing any of them matches
 * @param filters         filters by key; values of one key are alternatives, keys combine with AND
 * @param excludedFilters {@code -key:value} filters: rows matching any of them are left out
 * @param required        {@code +key:value} filters: rows must match each of them as well, whatever the other
 *                        values of its key ({@code guideline:mtus +guideline:odg}: both cited)
 */
public record SearchQuery(List<List<Term>> groups, List<Term> excluded, Map<FilterKey, List<String>> filters,
                          Map<FilterKey, List<String>> excludedFilters, List<Filter> required) {

    /** One filter value ({@code value} in the canonical form of {@link FilterKey}). */
    public record Filter(FilterKey key, String value) {
    }

    public SearchQuery {
        groups = groups.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
        filters = Map.copyOf(filters);
        excludedFilters = Map.copyOf(excludedFilters);
        required = List.copyOf(required);
    }

    /** A query without required filters. */
    public SearchQuery(List<List<Term>> groups, List<Term> excluded, Map<FilterKey, List<String>> filters,
                       Map<FilterKey, List<String>> excludedFilters) {
        this(groups, excluded, filters, excludedFilters, List.of());
    }

    /** True when the query has positive full-text terms (hits get ranks and snippets). */
    public boolean hasText() {
        return !groups.isEmpty();
    }

    /** The FTS5 MATCH expression of the positive terms, or null when there are none. */
    String positiveExpression() {
        if (groups.isEmpty()) {
            return null;
        }
        return groups.stream()
                .map(g -> g.stream().map(Term::fts).collect(Collectors.joining(" OR ", "(", ")")))
                .collect(Collectors.joining(" AND "));
    }

    /** The FTS5 MATCH expression of the excluded terms joined by OR, or null when there are none. */
    String excludedExpression() {
        return excluded.isEmpty() ? null : excluded.stream().map(Term::fts).collect(Collectors.joining(" OR "));
    }

    /** The whole MATCH expression (positive terms, then NOT the excluded ones), or null without positive terms. */
    String matchExpression() {
        String positive = positiveExpression();
        if (positive == null) {
            return null;
        }
        String excludedExpr = excludedExpression();
        return excludedExpr == null ? positive : "(" + positive + ") NOT (" + excludedExpr + ")";
    }

    /** The positive terms restricted to the item's own columns (not the case summary). */
    String itemColumnsExpression() {
        String positive = positiveExpression();
        return positive == null ? null
                : "{request claims_guideline reviewer_guideline rationale} : (" + positive + ")";
    }
}
