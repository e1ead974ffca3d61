package org.imrworkbench.library;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A citation's sections or pages in one column of its row, as a JSON array ({@code ["Opioids for chronic pain",
 * "Weaning of medications"]}, {@code [79,80]}); null for an empty list. (Schema 8; until then each was a row of
 * {@code citation_sections} or {@code citation_pages}, and the upgrade writes this form from those rows with SQLite's
 * {@code json_group_array}, which SQL can read back with {@code json_each}.)
 */
public final class ListColumn {

    private static final JsonFactory JSON = new JsonFactory();

    private ListColumn() {
    }

    /** The column's value for these strings, or null when there are none. */
    static String strings(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringWriter out = new StringWriter(16 * values.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The column's value for these numbers, or null when there are none. */
    static String ints(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(4 * values.size() + 2).append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(values.get(i).intValue());
        }
        return out.append(']').toString();
    }

    /**
     * The strings a column's value holds (none for null).
     *
     * @throws LibraryException when the value is not a JSON array of strings (a library changed by another program)
     */
    public static List<String> readStrings(String value) {
        List<String> values = compact(value);
        if (values == null) {
            List<String> parsed = new ArrayList<>(2);
            read(value, JsonToken.VALUE_STRING, p -> parsed.add(p.getText()));
            values = parsed;
        }
        return values;
    }

    /**
     * The strings of an array as {@link #strings} and SQLite write it when no string needs an escape
     * ({@code ["a","b"]}: no backslash, so a quote always ends a string), or null for any other value. The search
     * reads every citation's sections when it first opens a library (some 680,000 at 100,000 letters), and a parser
     * for each costs more than the rest of that scan.
     */
    private static List<String> compact(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '[' || value.charAt(value.length() - 1) != ']'
                || value.indexOf('\\') >= 0) {
            return null;
        }
        List<String> values = new ArrayList<>(2);
        int end = value.length() - 1;
        int at = 1;
        while (at < end) {
            int close = value.charAt(at) == '"' ? value.indexOf('"', at + 1) : -1;
            if (close < 0 || close >= end) {
                return null;
            }
            for (int k = at + 1; k < close; k++) {
                if (value.charAt(k) < 0x20) {
                    return null; // a control character JSON requires escaped
                }
            }
            values.add(value.substring(at + 1, close));
            at = close + 1;
            if (at < end && (value.charAt(at) != ',' || ++at == end)) {
                return null;
            }
        }
        return values;
    }

    /**
     * The numbers a column's value holds (none for null).
     *
     * @throws LibraryException when the value is not a JSON array of integers (a library changed by another program)
     */
    public static List<Integer> readInts(String value) {
        List<Integer> values = new ArrayList<>(2);
        read(value, JsonToken.VALUE_NUMBER_INT, p -> values.add(p.getIntValue()));
        return values;
    }

    private interface Element {
        void accept(JsonParser p) throws IOException;
    }

    private static void read(String value, JsonToken kind, Element element) {
        if (value == null) {
            return;
        }
        try (JsonParser p = JSON.createParser(value)) {
            boolean ok = p.nextToken() == JsonToken.START_ARRAY;
            JsonToken t;
            while (ok && (t = p.nextToken()) != JsonToken.END_ARRAY) {
                ok = t == kind;
                if (ok) {
                    element.accept(p);
                }
            }
            if (ok && p.nextToken() == null) {
                return;
            }
        } catch (IOException e) {
            // not JSON, or a number out of range: reported below
        }
        throw new LibraryException("the library holds a list it cannot read: \"" + value + "\"");
    }
}
