package org.imrworkbench.search;

import org.imrworkbench.model.Decision;

import java.util.List;
import java.util.Locale;

/**
 * Narrows a query, written in the query language, to fewer of its matches, keeping what the user wrote: for a
 * drill-down that must find exactly the items it was counted from. Adding {@code key:value} to a query that already
 * has other values of that key would widen it (values of one key are alternatives), so the value is then added as
 * required ({@code +key:value}).
 */
public final class QueryNarrowing {

    private QueryNarrowing() {
    }

    /** The filter as typed: {@code key:value}, the key in lower case, the value quoted when it has spaces. */
    public static String term(FilterKey key, String value) {
        String v = value.strip();
        return key.name().toLowerCase(Locale.ROOT) + ":"
                + (v.matches("[^\\s\"]+") ? v : "\"" + v.replace("\"", "") + "\"");
    }

    /**
     * {@code query} narrowed to its matches that also match {@code key:value}: unchanged when the query already
     * requires exactly that, {@code key:value} added when the query has no other value of the key, else
     * {@code +key:value}.
     */
    public static String narrow(String query, FilterKey key, String value) {
        String q = query == null ? "" : query.strip();
        SearchQuery parsed = QueryParser.parse(q);
        String canonical = key.canonical(value).orElse(null);
        List<String> alternatives = parsed.filters().getOrDefault(key, List.of());
        if (canonical != null && (alternatives.equals(List.of(canonical))
                || parsed.required().contains(new SearchQuery.Filter(key, canonical)))) {
            return q;
        }
        return join(q, (alternatives.isEmpty() ? "" : "+") + term(key, value));
    }

    /**
     * {@code query} narrowed to its decided items (upheld or overturned), leaving out items whose decision is
     * unknown and cases without items: {@code decision:upheld decision:overturned} added, or {@code -decision:unknown}
     * when the query has decision values of its own (which already leave out cases without items).
     */
    public static String decidedOnly(String query) {
        String q = query == null ? "" : query.strip();
        SearchQuery parsed = QueryParser.parse(q);
        if (parsed.filters().containsKey(FilterKey.DECISION)) {
            return parsed.excludedFilters().getOrDefault(FilterKey.DECISION, List.of())
                    .contains(Decision.UNKNOWN.name()) ? q : join(q, "-" + term(FilterKey.DECISION, "unknown"));
        }
        return join(q, term(FilterKey.DECISION, "upheld") + " " + term(FilterKey.DECISION, "overturned"));
    }

    private static String join(String query, String filter) {
        return query.isEmpty() ? filter : query + " " + filter;
    }
}
