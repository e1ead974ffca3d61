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
     * For each case-folded character ({@link #fold}), the indexes of the entries a match of which may start with it,
     * in lexicon order, together with the entries that may start with any character ({@link #anyStart}).
     */
    private final Map<Character, int[]> byStart;
    private final int[] anyStart;
    /** The candidates of characters that fold to another (upper case), merged once; shared by parser threads. */
    private final Map<Character, int[]> unfolded = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * For each entry, the folded characters the second character of a match can be, or null when it may be any
     * (a {@code /regular expression/} row, or a term whose first two characters are not both letters or digits).
     */
    private final List<Set<Character>> secondKeys;
    /** {@link #candidatesAt(char, int)} of pairs of characters below {@link #CACHED_BELOW}, worked out once. */
    private final Map<Integer, int[]> byPair = new java.util.concurrent.ConcurrentHashMap<>();
    private static final char CACHED_BELOW = '\u3000';

    private TreatmentLexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Integer> any = new ArrayList<>();
        Map<Character, List<Integer>> keyed = new HashMap<>();
        List<Set<Character>> second = new ArrayList<>();
        for (int i = 0; i < this.entries.size(); i++) {
            Set<Character> keys = startKeys(this.entries.get(i));
            second.add(keys == null ? null : secondKeys(this.entries.get(i)));
            if (keys == null) {
                any.add(i);
                keyed.values().forEach(list -> list.add(any.get(any.size() - 1)));
            } else {
                for (char k : keys) {
                    keyed.computeIfAbsent(k, key -> new ArrayList<>(any)).add(i);
                }
            }
        }
        this.anyStart = any.stream().mapToInt(Integer::intValue).toArray();
        Map<Character, int[]> index = new HashMap<>();
        keyed.forEach((k, list) -> index.put(k, list.stream().mapToInt(Integer::intValue).toArray()));
        this.byStart = index;
        this.secondKeys = second;
    }

    /**
     * The indexes in {@link #entries()} of the rows that can match at a place starting with character {@code c}, in
     * lexicon order: a prefilter for trying every row at every place. A row of plain terms can only start with the
     * first character of one of its terms, compared as its pattern compares (case-insensitively, Unicode case);
     * a {@code /regular expression/} row, or a term starting with a space, hyphen or slash, can start anywhere.
     * The array is shared: do not change it.
     */
    int[] candidatesAt(char c) {
        char folded = fold(c);
        int[] exact = byStart.getOrDefault(c, anyStart);
        if (folded == c) {
            return exact;
        }
        return unfolded.computeIfAbsent(c, k -> java.util.stream.IntStream.concat(Arrays.stream(exact),
                Arrays.stream(byStart.getOrDefault(folded, anyStart))).sorted().distinct().toArray());
    }

    /**
     * {@link #candidatesAt(char)} narrowed by the character after {@code c}, {@code next} (-1 at the end of the
     * text): a row all of whose terms begin with two letters or digits is left out unless the second character of
     * one of them compares equal to {@code next}, as its pattern compares them. For a request this leaves one or two
     * rows to try at a word's start instead of a dozen or more. The array is shared: do not change it.
     */
    int[] candidatesAt(char c, int next) {
        if (next >= 0 && c < CACHED_BELOW && next < CACHED_BELOW) {
            return byPair.computeIfAbsent((c << 16) | next, key -> narrowed(c, next));
        }
        return narrowed(c, next);
    }

    private int[] narrowed(char c, int next) {
        int[] first = candidatesAt(c);
        int[] kept = new int[first.length];
        int n = 0;
        for (int i : first) {
            Set<Character> keys = secondKeys.get(i);
            if (keys == null || next >= 0 && (keys.contains((char) next) || keys.contains(fold((char) next)))) {
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * The folded characters the second character of a match of a row of plain terms can be, or null when one of
     * its terms does not begin with two letters or digits. Such a term's pattern begins with the two characters as
     * literals ({@link #termRegex}), which a case-insensitive, Unicode-case pattern compares as it compares the
     * first ({@link #candidatesAt(char)}: equal, or equal once folded).
     */
    private static Set<Character> secondKeys(Entry entry) {
        Set<Character> keys = new HashSet<>();
        for (String term : entry.terms()) {
            if (term.length() < 2 || !plainLetterOrDigit(term.charAt(0)) || !plainLetterOrDigit(term.charAt(1))) {
                return null;
            }
            keys.add(fold(term.charAt(1)));
        }
        return keys;
    }

    private static boolean plainLetterOrDigit(char c) {
        return Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    /** A character as a case-insensitive, Unicode-case pattern compares it. */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The folded characters a match of a row can start with, or null when it may start with any character. */
    private static Set<Character> startKeys(Entry entry) {
        if (isRegex(entry) || entry.pattern().flags() != FLAGS
                || !entry.pattern().pattern().equals(regex(entry.terms(), false))) {
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
