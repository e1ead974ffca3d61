package org.imrworkbench.search;

/**
 * A full-text term: a word or a phrase, optionally a prefix ({@code lumb*}). Its text goes to FTS5 only as a quoted
 * string, so no character of it can act as FTS5 syntax.
 */
public record Term(String text, boolean phrase, boolean prefix) {

    /** The term as an FTS5 string: double-quoted, inner quotes doubled, {@code *} after it for a prefix. */
    String fts() {
        return "\"" + text.replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
    }

    /** True when the text has something the tokenizer indexes (a letter or digit). */
    static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
