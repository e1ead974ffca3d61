package org.imrworkbench.library;

import org.imrworkbench.model.Span;

import java.util.HashMap;
import java.util.Map;

/**
 * The spans of a row's fields in one column of that row: {@code field:start-end} separated by spaces, e.g.
 * {@code "heading:2148-2195 request:2148-2187"}, in any order, a field at most once; null when there is none.
 * (Schema 4; until then a span was a row of {@code letter_spans} or {@code item_spans}, and the upgrade writes this
 * form from those rows with SQL.)
 */
final class SpanColumn {

    private SpanColumn() {
    }

    /** The column's value for these fields' spans (a null span is left out), or null when every span is null. */
    static String encode(String[] names, Span[] spans) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (spans[i] != null) {
                if (!value.isEmpty()) {
                    value.append(' ');
                }
                value.append(names[i]).append(':').append(spans[i].start()).append('-').append(spans[i].end());
            }
        }
        return value.isEmpty() ? null : value.toString();
    }

    /**
     * The spans a column's value holds, by field.
     *
     * @throws LibraryException when the value is not of this form (a library changed by another program)
     */
    static Map<String, Span> decode(String value) {
        Map<String, Span> spans = new HashMap<>();
        if (value == null || value.isEmpty()) {
            return spans;
        }
        for (String part : value.split(" ")) {
            int colon = part.indexOf(':');
            int dash = colon < 1 ? -1 : part.indexOf('-', colon + 1);
            Span span = dash < 0 ? null : span(part.substring(colon + 1, dash), part.substring(dash + 1));
            if (span == null || spans.put(part.substring(0, colon), span) != null) {
                throw new LibraryException("the library holds spans it cannot read: \"" + value + "\"");
            }
        }
        return spans;
    }

    private static Span span(String start, String end) {
        try {
            return new Span(Integer.parseInt(start), Integer.parseInt(end));
        } catch (IllegalArgumentException e) {
            return null; // not a number, or not a span
        }
    }
}
