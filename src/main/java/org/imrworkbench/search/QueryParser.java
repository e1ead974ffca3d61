package org.imrworkbench.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the query language: words, {@code "phrases"}, {@code prefix*}, {@code OR} between terms, {@code -word},
 * {@code AND} (the default, so ignored) and the filters of {@link FilterKey} as {@code key:value} or
 * {@code key:"two words"}, each negatable with {@code -}. Values of one key are alternatives; {@code +} before a
 * filter requires it as well ({@code guideline:mtus +guideline:odg}: both).
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
        private final List<SearchQuery.Filter> required = new ArrayList<>();
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
                } else if (s.charAt(i) == '+' && requiredFilter()) {
                    continue;
                }
                if (!filter(negated)) {
                    termOrOperator(negated);
                }
            }
            return new SearchQuery(groups, excluded, filters, excludedFilters, required);
        }

        /** A filter as written: its key, the key's word, the value and whether it was quoted. */
        private record Written(FilterKey key, String keyWord, String value, boolean quoted) {
        }

        /** Reads {@code key:value} at the cursor when a known key is there; null (cursor unmoved) otherwise. */
        private Written written() {
            int j = i;
            while (j < s.length() && Character.isLetter(s.charAt(j))) {
                j++;
            }
            if (j == i || j >= s.length() || s.charAt(j) != ':') {
                return null;
            }
            var key = FilterKey.of(s.substring(i, j));
            if (key.isEmpty()) {
                return null;
            }
            String keyWord = s.substring(i, j);
            i = j + 1;
            if (i < s.length() && s.charAt(i) == '"' && s.indexOf('"', i + 1) > 0) {
                int close = s.indexOf('"', i + 1);
                String value = s.substring(i + 1, close);
                i = close + 1;
                return new Written(key.get(), keyWord, value, true);
            }
            return new Written(key.get(), keyWord, word(), false);
        }

        /** Reads {@code key:value} at the cursor when a known key is there; false (cursor unmoved) otherwise. */
        private boolean filter(boolean negated) {
            Written w = written();
            if (w == null) {
                return false;
            }
            var canonical = w.key().canonical(w.value());
            if (canonical.isPresent()) {
                (negated ? excludedFilters : filters).computeIfAbsent(w.key(), k -> new ArrayList<>())
                        .add(canonical.get());
                return true;
            }
            // Not a usable filter: search its words instead.
            addTerm(new Term(w.keyWord(), false, false), negated);
            if (w.quoted()) {
                addTerm(new Term(w.value(), true, false), negated);
            } else {
                plainWord(w.value(), negated);
            }
            return true;
        }

        /**
         * Reads {@code +key:value} at the cursor (on the {@code +}) when it is a usable filter; false, cursor unmoved,
         * otherwise: anything else after a {@code +} is read as it always was (a word).
         */
        private boolean requiredFilter() {
            int plus = i;
            i++;
            Written w = written();
            var canonical = w == null ? java.util.Optional.<String>empty() : w.key().canonical(w.value());
            if (canonical.isEmpty()) {
                i = plus;
                return false;
            }
            required.add(new SearchQuery.Filter(w.key(), canonical.get()));
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
