package org.imrworkbench.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.imrworkbench.model.Category;

/**
 * The treatment lexicon: which words in a disputed-item request name which treatment.
 *
 * <p>The terms live in a user-editable, tab-separated file (the bundled one is
 * {@code resources/lexicon/treatments.tsv}, on the classpath as {@value #RESOURCE}); its header comment
 * documents the format. Each row becomes an {@link Entry} whose {@link Entry#pattern() pattern} finds the
 * row's terms case-insensitively on word boundaries. This class only reads and validates the file; the
 * choice between several matches is {@link TreatmentNormalizer}'s.
 *
 * <p>A malformed row is never dropped: loading fails with an {@link IllegalArgumentException} whose message
 * starts with {@code "<file> line <n>: "}.
 */
public final class TreatmentLexicon {

    /** Classpath location of the bundled lexicon. */
    public static final String RESOURCE = "/lexicon/treatments.tsv";

    /** Source name used in error messages when a lexicon is read from an unnamed reader. */
    private static final String DEFAULT_SOURCE = "treatments.tsv";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** What separates the words of a term in the text: whitespace (the no-break space included), or a hyphen. */
    private static final String SPACE = "[\\s\\u00A0]";
    private static final String SPACE_OR_HYPHEN = "[\\s\\u00A0-]";

    /** A term must not touch a letter or digit on either side. */
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";

    /**
     * One row of the lexicon.
     *
     * @param terms    the row's terms as written (a single element for a {@code /regular expression/} row)
     * @param pattern  finds any of the terms, case-insensitively, on word boundaries
     * @param generic  lower-case generic name, combinations joined with '/'; null when the row gives none
     * @param category the category a match of this row means
     * @param priority higher wins when a request names several treatments (0 when the column is empty)
     * @param source   the file the row came from
     * @param line     the row's line number in that file (1-based)
     */
    public record Entry(List<String> terms, Pattern pattern, String generic, Category category, int priority,
                        String source, int line) {
        public Entry {
            terms = List.copyOf(terms);
        }
    }

    private final List<Entry> entries;
    /**
     * The rows that may match starting with any character: a {@code /regular expression/} row whose beginning
     * {@link #regexStartKeys} cannot work out, or a row with a term starting with a space, hyphen or slash.
     */
    private final int[] anyStart;
    /** For each folded character ({@link #fold}), the {@code /regular expression/} rows that can start with it. */
    private final Map<Character, int[]> regexByStart;
    /** The plain terms' literal beginnings, folded, with the rows they belong to ({@link #candidatesAt}). */
    private final Node beginnings;

    /**
     * A node of the trie of the plain terms' literal beginnings: the characters a term's pattern compares one by one
     * before its first space, hyphen or slash (which match runs of several characters). {@code rows} are the rows
     * with a term whose whole beginning is the path to this node.
     */
    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private int[] rows = new int[0];

        Node child(char key) {
            int k = Arrays.binarySearch(keys, key);
            return k < 0 ? null : children[k];
        }

        Node addChild(char key) {
            int k = Arrays.binarySearch(keys, key);
            if (k >= 0) {
                return children[k];
            }
            int at = -k - 1;
            char[] newKeys = new char[keys.length + 1];
            Node[] newChildren = new Node[keys.length + 1];
            System.arraycopy(keys, 0, newKeys, 0, at);
            System.arraycopy(children, 0, newChildren, 0, at);
            newKeys[at] = key;
            newChildren[at] = new Node();
            System.arraycopy(keys, at, newKeys, at + 1, keys.length - at);
            System.arraycopy(children, at, newChildren, at + 1, keys.length - at);
            keys = newKeys;
            children = newChildren;
            return newChildren[at];
        }

        void addRow(int row) {
            if (rows.length == 0 || rows[rows.length - 1] != row) {
                rows = Arrays.copyOf(rows, rows.length + 1);
                rows[rows.length - 1] = row;
            }
        }
    }

    private TreatmentLexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Integer> any = new ArrayList<>();
        Map<Character, List<Integer>> regexKeyed = new HashMap<>();
        Node root = new Node();
        for (int i = 0; i < this.entries.size(); i++) {
            Entry entry = this.entries.get(i);
            Set<Character> keys = startKeys(entry);
            if (keys == null) {
                any.add(i);
            } else if (isRegex(entry)) {
                for (char k : keys) {
                    regexKeyed.computeIfAbsent(k, key -> new ArrayList<>()).add(i);
                }
            } else {
                for (String term : entry.terms()) {
                    Node node = root;
                    for (int k = 0; k < term.length() && isLiteralInTerm(term.charAt(k)); k++) {
                        node = node.addChild(fold(term.charAt(k)));
                    }
                    node.addRow(i);
                }
            }
        }
        this.anyStart = any.stream().mapToInt(Integer::intValue).toArray();
        Map<Character, int[]> index = new HashMap<>();
        regexKeyed.forEach((k, list) -> index.put(k, list.stream().mapToInt(Integer::intValue).toArray()));
        this.regexByStart = index;
        this.beginnings = root;
    }

    /**
     * Whether a term's pattern compares this character by itself ({@link #termRegex}), as its pattern compares a
     * literal: equal once folded. A space, hyphen or slash matches runs of characters instead.
     */
    private static boolean isLiteralInTerm(char c) {
        return !Character.isWhitespace(c) && c != '-' && c != '/' && !Character.isSurrogate(c);
    }

    /**
     * The indexes in {@link #entries()}, ascending, of the rows that can match at {@code start} in {@code text}: a
     * prefilter for trying every row at every place. A row of plain terms is left out unless one of its terms'
     * literal beginning (up to its first space, hyphen or slash) is there, compared as its pattern compares:
     * case-insensitively, Unicode case, that is equal once {@link #fold folded}. A {@code /regular expression/} row
     * is left out where its expression cannot start ({@link #regexStartKeys}). For a request this leaves a row or
     * two to try at a word's start instead of a dozen or more.
     */
    int[] candidatesAt(CharSequence text, int start) {
        char first = fold(text.charAt(start));
        int[] regex = regexByStart.getOrDefault(first, NONE);
        int[] found = Arrays.copyOf(anyStart, anyStart.length + regex.length + 4);
        System.arraycopy(regex, 0, found, anyStart.length, regex.length);
        int n = anyStart.length + regex.length;
        Node node = beginnings;
        for (int k = start; k < text.length() && (node = node.child(fold(text.charAt(k)))) != null; k++) {
            if (n + node.rows.length > found.length) {
                found = Arrays.copyOf(found, 2 * (n + node.rows.length));
            }
            System.arraycopy(node.rows, 0, found, n, node.rows.length);
            n += node.rows.length;
        }
        Arrays.sort(found, 0, n);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (distinct == 0 || found[distinct - 1] != found[k]) {
                found[distinct++] = found[k];
            }
        }
        return Arrays.copyOf(found, distinct);
    }

    private static final int[] NONE = new int[0];

    /**
     * A character as a case-insensitive, Unicode-case pattern compares it: its upper case's lower case. An ASCII
     * character's is ASCII, so an ASCII letter's is its lower case and other ASCII characters are their own (asked for
     * every character the prefilters look at, and nearly all are ASCII).
     */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The folded characters a match of a row can start with, or null when it may start with any character. */
    private static Set<Character> startKeys(Entry entry) {
        if (entry.pattern().flags() != FLAGS) {
            return null;
        }
        if (isRegex(entry)) {
            return entry.pattern().pattern().equals(regex(entry.terms(), true))
                    ? regexStartKeys(entry.terms().get(0).substring(1, entry.terms().get(0).length() - 1)) : null;
        }
        if (!entry.pattern().pattern().equals(regex(entry.terms(), false))) {
            return null;
        }
        Set<Character> keys = new HashSet<>();
        for (String term : entry.terms()) {
            if (term.isEmpty()) {
                return null;
            }
            char c = term.charAt(0);
            if (Character.isWhitespace(c) || c == '-' || c == '/' || Character.isSurrogate(c)) {
                return null;
            }
            keys.add(fold(c));
        }
        return keys;
    }

    /**
     * The folded characters a match of a {@code /regular expression/} row's expression can start with, or null when
     * its shape does not say for sure. Each of its alternatives must begin, after any lookarounds (which take no
     * characters), with a letter or digit that is not optional, or with a non-capturing group {@code (?:...)} that is
     * not optional and each of whose alternatives does. Anything else, such as a character class, an escape or a
     * quantifier that allows nothing, leaves the row to be tried everywhere, as do inline flags and quoting anywhere
     * in the expression, which could change what a letter matches.
     */
    static Set<Character> regexStartKeys(String expression) {
        if (expression.contains("\\Q")) {
            return null;
        }
        for (int i = expression.indexOf("(?"); i >= 0; i = expression.indexOf("(?", i + 1)) {
            if (!(expression.startsWith("(?:", i) || expression.startsWith("(?=", i)
                    || expression.startsWith("(?!", i) || expression.startsWith("(?<=", i)
                    || expression.startsWith("(?<!", i)) || isEscaped(expression, i)) {
                return null;
            }
        }
        Set<Character> keys = new HashSet<>();
        return addAlternativesKeys(expression, 0, expression.length(), keys) ? keys : null;
    }

    /** Adds the start keys of each alternative of {@code re[from, to)}; false when one may start with anything. */
    private static boolean addAlternativesKeys(String re, int from, int to, Set<Character> keys) {
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            int end = atomEnd(re, i);
            if (end < 0) {
                return false;
            }
            char c = re.charAt(i);
            if (end > i) {
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (!addAlternativeKeys(re, start, i, keys)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return addAlternativeKeys(re, start, to, keys);
    }

    private static boolean addAlternativeKeys(String re, int i, int to, Set<Character> keys) {
        while (re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i)
                || re.startsWith("(?<!", i)) {
            int close = closingParen(re, i);
            if (close < 0 || close >= to || close + 1 < to && "?*+{".indexOf(re.charAt(close + 1)) >= 0) {
                return false; // a quantified lookaround: too odd to reason about
            }
            i = close + 1;
        }
        if (i >= to) {
            return false;
        }
        if (re.startsWith("(?:", i)) {
            int close = closingParen(re, i);
            return close > 0 && close < to && !mayTakeNothing(re, close + 1, to)
                    && addAlternativesKeys(re, i + 3, close, keys);
        }
        char c = re.charAt(i);
        if (c < 128 && Character.isLetterOrDigit(c) && !mayTakeNothing(re, i + 1, to)) {
            keys.add(fold(c));
            return true;
        }
        return false;
    }

    /** Whether a quantifier at {@code re[i]} lets what precedes it match nothing. */
    private static boolean mayTakeNothing(String re, int i, int to) {
        return i < to && (re.charAt(i) == '?' || re.charAt(i) == '*' || re.startsWith("{0", i));
    }

    /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
    private static int closingParen(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            int end = atomEnd(re, i);
            if (end < 0) {
                return -1;
            }
            char c = re.charAt(i);
            if (end > i) {
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where what begins at {@code re[i]} ends when it is an escape or a character class, whose parentheses and bars
     * are not the expression's; {@code i} itself otherwise, and -1 for a class {@link #classEnd} does not follow.
     */
    private static int atomEnd(String re, int i) {
        char c = re.charAt(i);
        return c == '\\' ? i + 1 : c == '[' ? classEnd(re, i) : i;
    }

    /**
     * The index of the ']' closing the character class opened at {@code open}, or -1, also for a class this does not
     * follow: one holding another class, or a ']' first.
     */
    private static int classEnd(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            return -1;
        }
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEscaped(String re, int i) {
        int backslashes = 0;
        for (int k = i - 1; k >= 0 && re.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The rows in precedence order: on a tie between two matches the earlier row wins. */
    public List<Entry> entries() {
        return entries;
    }

    /** The lexicon bundled with the application, loaded once. */
    public static TreatmentLexicon bundled() {
        return Bundled.INSTANCE;
    }

    /** Lazy holder: the bundled file is read on first use only. */
    private static final class Bundled {
        static final TreatmentLexicon INSTANCE = loadBundled();

        private static TreatmentLexicon loadBundled() {
            InputStream in = TreatmentLexicon.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled treatment lexicon " + RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return load(reader, DEFAULT_SOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** Reads a lexicon; errors name the source {@code treatments.tsv}. */
    public static TreatmentLexicon load(Reader reader) {
        return load(reader, DEFAULT_SOURCE);
    }

    /**
     * Reads a lexicon.
     *
     * @param sourceName the name errors give for the source, e.g. the file name
     * @throws IllegalArgumentException on the first malformed row, naming the source and line
     * @throws UncheckedIOException     when the reader fails
     */
    public static TreatmentLexicon load(Reader reader, String sourceName) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> termLines = new HashMap<>();
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            int lineNumber = 0;
            boolean headerAllowed = true;
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                boolean header = headerAllowed && isHeader(line);
                headerAllowed = false;
                if (header) {
                    continue;
                }
                Entry entry = parseRow(line, sourceName, lineNumber);
                for (String term : entry.terms()) {
                    Integer previous = termLines.putIfAbsent(termKey(term), lineNumber);
                    if (previous != null) {
                        throw rowError(sourceName, lineNumber,
                                "term '" + term + "' is already defined on line " + previous);
                    }
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        return new TreatmentLexicon(entries);
    }

    /**
     * This lexicon with the rows of a user file layered on top. User rows win: a term the user file defines
     * is removed from this lexicon's rows (a row left without terms disappears), and on any remaining tie
     * between two matches a user row beats a bundled one.
     *
     * @throws IllegalArgumentException on a malformed row of the user file, naming the file and line
     * @throws UncheckedIOException     when the file cannot be read
     */
    public TreatmentLexicon withOverrides(Path userFile) {
        TreatmentLexicon user;
        try (Reader reader = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
            user = load(reader, String.valueOf(userFile.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + userFile, e);
        }
        Set<String> overridden = new HashSet<>();
        user.entries.forEach(entry -> entry.terms().forEach(term -> overridden.add(termKey(term))));

        List<Entry> merged = new ArrayList<>(user.entries);
        for (Entry entry : entries) {
            List<String> kept = entry.terms().stream().filter(term -> !overridden.contains(termKey(term))).toList();
            if (kept.size() == entry.terms().size()) {
                merged.add(entry);
            } else if (!kept.isEmpty()) {
                merged.add(new Entry(kept, compile(kept, isRegex(entry)), entry.generic(), entry.category(),
                        entry.priority(), entry.source(), entry.line()));
            }
        }
        return new TreatmentLexicon(merged);
    }

    /** The optional column-name line, recognised only before the first row. */
    private static boolean isHeader(String line) {
        return line.split("\t", -1)[0].strip().equalsIgnoreCase("pattern");
    }

    private static boolean isRegex(Entry entry) {
        return entry.terms().size() == 1 && isRegexCell(entry.terms().get(0));
    }

    private static boolean isRegexCell(String cell) {
        return cell.length() > 2 && cell.startsWith("/") && cell.endsWith("/");
    }

    private static Entry parseRow(String line, String source, int lineNumber) {
        String[] cells = line.split("\t", -1);
        if (cells.length < 3 || cells.length > 4) {
            throw rowError(source, lineNumber, "expected 3 or 4 tab-separated columns (pattern, generic, category"
                    + "[, priority]) but found " + cells.length);
        }
        String patternCell = cells[0].strip();
        if (patternCell.isEmpty()) {
            throw rowError(source, lineNumber, "the pattern column is empty");
        }
        Category category = parseCategory(cells[2].strip(), source, lineNumber);
        String generic = cells[1].strip().toLowerCase(Locale.ROOT);
        if (!generic.isEmpty() && !category.isMedication()) {
            throw rowError(source, lineNumber, "category " + category
                    + " is not a medication, so the generic column must be empty (found '" + generic + "')");
        }
        int priority = parsePriority(cells.length == 4 ? cells[3].strip() : "", source, lineNumber);

        boolean regex = isRegexCell(patternCell);
        List<String> terms = regex ? List.of(patternCell)
                : Arrays.stream(patternCell.split("\\|", -1)).map(String::strip).toList();
        if (terms.stream().anyMatch(String::isEmpty)) {
            throw rowError(source, lineNumber, "empty term in '" + patternCell + "' (check the '|' separators)");
        }
        Pattern pattern;
        try {
            pattern = compile(terms, regex);
        } catch (PatternSyntaxException e) {
            throw rowError(source, lineNumber, "invalid regular expression " + patternCell + ": "
                    + e.getDescription());
        }
        if (pattern.matcher("").find()) {
            throw rowError(source, lineNumber, "pattern " + patternCell + " matches empty text");
        }
        return new Entry(terms, pattern, generic.isEmpty() ? null : generic, category, priority, source, lineNumber);
    }

    private static Category parseCategory(String cell, String source, int lineNumber) {
        try {
            return Category.valueOf(cell);
        } catch (IllegalArgumentException e) {
            throw rowError(source, lineNumber, "unknown category '" + cell + "' (expected one of "
                    + Arrays.stream(Category.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static int parsePriority(String cell, String source, int lineNumber) {
        if (cell.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw rowError(source, lineNumber, "priority '" + cell + "' is not a whole number");
        }
    }

    private static IllegalArgumentException rowError(String source, int lineNumber, String message) {
        return new IllegalArgumentException(source + " line " + lineNumber + ": " + message);
    }

    /** Case- and spacing-insensitive identity of a term, used for duplicates and overrides. */
    private static String termKey(String term) {
        return term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * One pattern for a row: its regular expression, or the alternation of its plain terms, longest first so
     * that the longest term wins where several start at the same place ("CT scan" over "CT").
     */
    private static Pattern compile(List<String> terms, boolean regex) {
        return Pattern.compile(regex(terms, regex), FLAGS);
    }

    private static String regex(List<String> terms, boolean regex) {
        String body = regex
                ? terms.get(0).substring(1, terms.get(0).length() - 1)
                : terms.stream()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .map(TreatmentLexicon::termRegex)
                        .collect(Collectors.joining("|"));
        return BEFORE + "(?:" + body + ")" + AFTER;
    }

    /**
     * The regular expression of a plain term. A space matches any run of spaces or hyphens ("follow up" finds
     * "follow-up"), a hyphen matches an optional hyphen or spaces ("x-ray" finds "xray", "X ray"), a slash may
     * have spaces around it, and a term ending in a letter also finds its plural ("brace" finds "braces").
     * Everything else is literal (ASCII punctuation is escaped).
     */
    private static String termRegex(String term) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i + 1 < term.length() && Character.isWhitespace(term.charAt(i + 1))) {
                    i++;
                }
                regex.append(SPACE_OR_HYPHEN + "+");
            } else if (c == '-') {
                regex.append(SPACE_OR_HYPHEN + "*");
            } else if (c == '/') {
                regex.append(SPACE + "*/" + SPACE + "*");
            } else if (c < 128 && !Character.isLetterOrDigit(c)) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        if (Character.isLetter(term.charAt(term.length() - 1))) {
            regex.append("(?:e?s)?");
        }
        return regex.toString();
    }
}
