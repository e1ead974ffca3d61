package org.imrworkbench.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the query language: words, {@code "phrases"}, {@code prefix*}, {@code OR} between terms, {@code -word},
 * {@code AND} (the default, so ignored) and the filters of {@link FilterKey} as {@code key:value} or
 * {@code key:"two words"}, each negatable with {@code -}.
 *
 * <p>Never fails: anything malformed is read as plain words — an unbalanced quote is dropped, a filter with a missing
 * or unknown value becomes words, a term without letters or digits ({@code *}, {@code -}, {@code (}) is ignored.
 * The user's text never reaches FTS5 unquoted (see {@link Term#fts()}).
 */
public final class QueryParser {

    private QueryParser() {
    }

    public static SearchQuery parse(String query) {
        // Control characters (a NUL would end the string FTS5 sees) are spaces.
        return new Scan(query == null ? "" : query.replaceAll("\\p{Cntrl}", " ")).run();
    }

    private static final class Scan {
        private final String s;
        private int i;
        private final List<List<Term>> groups = new ArrayList<>();
        private final List<Term> excluded = new ArrayList<>();
        private final Map<FilterKey, List<String>> filters = new EnumMap<>(FilterKey.class);
        private final Map<FilterKey, List<String>> excludedFilters = new EnumMap<>(FilterKey.class);
        private boolean pendingOr;
        private boolean lastWasPositiveTerm;

        Scan(String s) {
            this.s = s;
        }

        SearchQuery run() {
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    break;
                }
                boolean negated = false;
                if (s.charAt(i) == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                    negated = true;
                    i++;
                }
                if (!filter(negated)) {
                    termOrOperator(negated);
                }
            }
            return new SearchQuery(groups, excluded, filters, excludedFilters);
        }

        /** Reads {@code key:value} at the cursor when a known key is there; false (cursor unmoved) otherwise. */
        private boolean filter(boolean negated) {
            int j = i;
            while (j < s.length() && Character.isLetter(s.charAt(j))) {
                j++;
            }
            if (j == i || j >= s.length() || s.charAt(j) != ':') {
                return false;
            }
            var key = FilterKey.of(s.substring(i, j));
            if (key.isEmpty()) {
                return false;
            }
            String keyWord = s.substring(i, j);
            i = j + 1;
            String value;
            boolean quoted = false;
            if (i < s.length() && s.charAt(i) == '"' && s.indexOf('"', i + 1) > 0) {
                int close = s.indexOf('"', i + 1);
                value = s.substring(i + 1, close);
                i = close + 1;
                quoted = true;
            } else {
                value = word();
            }
            var canonical = key.get().canonical(value);
            if (canonical.isPresent()) {
                (negated ? excludedFilters : filters).computeIfAbsent(key.get(), k -> new ArrayList<>())
                        .add(canonical.get());
                return true;
            }
            // Not a usable filter: search its words instead.
            addTerm(new Term(keyWord, false, false), negated);
            if (quoted) {
                addTerm(new Term(value, true, false), negated);
            } else {
                plainWord(value, negated);
            }
            return true;
        }

        private void termOrOperator(boolean negated) {
            if (s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    i++; // an unbalanced quote: drop it, read the rest as words
                    return;
                }
                String phrase = s.substring(i + 1, close);
                i = close + 1;
                boolean prefix = i < s.length() && s.charAt(i) == '*';
                if (prefix) {
                    i++;
                }
                addTerm(new Term(phrase, true, prefix), negated);
                return;
            }
            String word = word();
            if (!negated && word.equals("OR")) {
                pendingOr = lastWasPositiveTerm;
                return;
            }
            if (!negated && word.equals("AND")) {
                return;
            }
            plainWord(word, negated);
        }

        private void plainWord(String word, boolean negated) {
            int end = word.length();
            while (end > 0 && word.charAt(end - 1) == '*') {
                end--;
            }
            boolean prefix = end < word.length();
            addTerm(new Term(word.substring(0, end), false, prefix), negated);
        }

        /** Reads to the next whitespace or quote. */
        private String word() {
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
                i++;
            }
            return s.substring(start, i);
        }

        private void addTerm(Term term, boolean negated) {
            if (!Term.searchable(term.text())) {
                return;
            }
            if (negated) {
                excluded.add(term);
                pendingOr = false;
                return;
            }
            if (pendingOr && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(term);
            } else {
                List<Term> group = new ArrayList<>();
                group.add(term);
                groups.add(group);
            }
            pendingOr = false;
            lastWasPositiveTerm = true;
        }
    }
}
