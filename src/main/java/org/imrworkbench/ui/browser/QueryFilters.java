package org.imrworkbench.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the filter terms of a query string ({@code key:value} or {@code key:"two words"}, a required one with
 * {@code +} before it) without touching the rest of what the user typed. Used when a facet is clicked.
 */
public final class QueryFilters {

    private static final Pattern FILTER = Pattern.compile("(?<![\\w-])([-+]?)([a-z]+):(\"[^\"]*\"|\\S+)",
            Pattern.CASE_INSENSITIVE);

    private QueryFilters() {
    }

    /** The term for a filter, quoted when the value has spaces. */
    public static String term(String key, String value) {
        return key + ":" + (value.matches("\\S+") ? value : "\"" + value.replace("\"", "") + "\"");
    }

    public static boolean has(String query, String key, String value) {
        return find(query, key, value) != null;
    }

    /** Adds the filter when absent, removes it when present. */
    public static String toggle(String query, String key, String value) {
        String q = query == null ? "" : query;
        int[] at = find(q, key, value);
        if (at != null) {
            return (q.substring(0, at[0]) + q.substring(at[1])).replaceAll("\\s{2,}", " ").strip();
        }
        return (q.isBlank() ? "" : q.strip() + " ") + term(key, value);
    }

    /** The free-text words of a query (what the search highlights in the text), without filters or operators. */
    public static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        if (query == null) {
            return words;
        }
        String rest = FILTER.matcher(query).replaceAll(" ");
        Matcher m = Pattern.compile("-?\"([^\"]+)\"|(\\S+)").matcher(rest);
        while (m.find()) {
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            if (m.group().startsWith("-") || token.equals("OR") || token.equals("AND") || token.equals("NOT")) {
                continue;
            }
            String cleaned = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}*]+$", "");
            if (cleaned.length() >= 2) {
                words.add(cleaned);
            }
        }
        return words;
    }

    private static int[] find(String query, String key, String value) {
        Matcher m = FILTER.matcher(query);
        while (m.find()) {
            String v = m.group(3).replace("\"", "");
            if (!m.group(1).equals("-") && m.group(2).equalsIgnoreCase(key)
                    && v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return new int[]{m.start(), m.end()};
            }
        }
        return null;
    }
}
