package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a letter's extracted text into its normalised text: one paragraph per line.
 *
 * <ul>
 *   <li>line breaks inside a paragraph are joined with a space, and words hyphenated across lines rejoined;</li>
 *   <li>page breaks ({@code \f}) are removed, and a paragraph running over a page break is joined;</li>
 *   <li>page furniture (page numbers, running heads and feet repeated on most pages) is dropped;</li>
 *   <li>the 2014–15 rendering, where every line is followed by a blank line, is recognised: there a single
 *       blank line is a line break and two or more are a paragraph break;</li>
 *   <li>white space runs become one space; the letter's labels ("Decision rationale:", "MAXIMUS guideline:",
 *       item outcomes) always start or end a paragraph, even where the extraction lost the blank line.</li>
 * </ul>
 */
public final class Normaliser {

    /** Labels and headings that always begin a new paragraph. */
    private static final Pattern PARAGRAPH_START = Pattern.compile(
            "^(Case Number:|Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:"
                    + "|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES"
                    + "|HOW THE IMR FINAL DETERMINATION WAS MADE|The Expert Reviewer has the following credentials"
                    + "|State\\(s\\) of Licensure:|Certification\\(s\\)/Specialty:"
                    + "|The Final Determination was based on decisions"
                    + "|The expert reviewer developed the following clinical case summary)",
            Pattern.CASE_INSENSITIVE);

    /** Headings that stand alone: the paragraph ends after them. */
    private static final Pattern STANDALONE_HEADING = Pattern.compile(
            "^(CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES|HOW THE IMR FINAL DETERMINATION WAS MADE)$");

    /** A line that is only a decision (compiled once: it is asked of every line). */
    private static final Pattern OUTCOME_ONLY = Pattern.compile("(?i)(Upheld|Overturned)\\.?");
    /** A full stop, question or exclamation mark followed by a space: a sentence ends inside. */
    private static final Pattern SENTENCE_INSIDE = Pattern.compile(".*[.?!]\\s.*");
    /** A line that ends an item's heading with its outcome: ask {@link #endsWithOutcome}, which is quicker. */
    private static final Pattern OUTCOME_AT_END = Pattern.compile("(?i)(?:^|:)\\s*(Upheld|Overturned)\\.?$");

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:page\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^-\\s*\\d{1,4}\\s*-$");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Prefixes written with a hyphen ("anti-epilepsy", "non-malignant"): a line-end hyphen after one is kept. */
    private static final Set<String> HYPHENATED_PREFIXES = Set.of("anti", "non", "post", "pre", "re", "co", "self",
            "well", "multi", "semi", "sub", "inter", "intra", "over", "under", "cross", "pseudo", "bi", "tri", "ex",
            "long", "short", "low", "high", "full", "part", "half", "mid", "extra", "ultra", "micro", "macro");

    private Normaliser() {
    }

    /** Normalises extracted text; never throws. */
    public static String normalise(String raw) {
        String cleaned = clean(raw);
        List<List<String>> pages = new ArrayList<>();
        for (String page : cleaned.split("\f", -1)) {
            pages.add(new ArrayList<>(List.of(page.split("\n", -1))));
        }
        removeFurniture(pages);
        List<Line> lines = flatten(pages);
        boolean doubleSpaced = isDoubleSpaced(lines);
        int typicalLength = typicalLineLength(lines);
        // The letter's words, read only if a line ends in a hyphen between two lower-case word parts.
        Supplier<Set<String>> vocabulary = lazily(() -> vocabulary(lines));

        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<Integer> lineStarts = new ArrayList<>();
        int blankRun = 0;
        boolean sawSpaceLine = false;
        boolean usesSpaceLines = lines.stream().anyMatch(l -> l.spaceOnly);
        boolean pageBreakSincePrevious = false;
        String previous = null;
        for (Line line : lines) {
            if (line.pageBreakBefore) {
                pageBreakSincePrevious = true;
            }
            String text = line.text;
            if (text.isEmpty()) {
                blankRun++;
                sawSpaceLine |= line.spaceOnly;
                continue;
            }
            boolean breakHere;
            if (previous == null) {
                breakHere = true;
            } else if (blankRun > 0) {
                // In the seeds' rendering a paragraph break is a line holding a space among the empty lines; a run
                // of empty lines alone is a page break inside a paragraph.
                breakHere = !doubleSpaced || blankRun >= 2 && (sawSpaceLine || !usesSpaceLines);
            } else {
                breakHere = false;
            }
            if (PARAGRAPH_START.matcher(text).lookingAt()) {
                breakHere = true;
            }
            boolean outcomeOnly = isOutcomeOnly(text);
            boolean endsHeading = endsWithOutcome(text) && !outcomeOnly
                    || outcomeOnly && previous != null && previous.strip().endsWith(":");
            int partialStart = !breakHere && previous != null && endsHeading
                    ? partialHeadingStart(lineStarts, current) : -1;
            if (partialStart > 0) {
                // A partial authorisation's heading ("X was the original request. ... is: Upheld") that follows
                // a rationale without the blank line (lost at a page break) is split off where it began.
                paragraphs.add(current.substring(0, partialStart).strip());
                current.delete(0, partialStart);
                lineStarts.clear();
                lineStarts.add(0);
            } else if (!breakHere && previous != null && endsHeading
                    && !current.toString().toLowerCase(Locale.ROOT).contains("original request")) {
                // An item's heading ("EKG: Upheld") right after a sentence ends starts a paragraph, even where the
                // blank line before it was lost (at the top of a page). A heading wrapped over two or three lines
                // (the outcome alone on the last: "...DOS: 01/21/17:" / "Upheld") is split off where it began; a
                // partial authorisation's heading, which has sentences of its own, is split only where it begins.
                if (!outcomeOnly && endsWithFullStop(previous) && startsLikeAHeading(text)) {
                    breakHere = true;
                } else {
                    int headingStart = wrappedHeadingStart(lineStarts, current);
                    if (headingStart > 0) {
                        paragraphs.add(current.substring(0, headingStart).strip());
                        current.delete(0, headingStart);
                        lineStarts.clear();
                        lineStarts.add(0);
                    }
                }
            }
            if (previous != null && (STANDALONE_HEADING.matcher(previous).matches()
                    || endsWithOutcome(previous) && !isOutcomeOnly(text))) {
                breakHere = true;
            }
            if (pageBreakSincePrevious && blankRun == 0 && previous != null && !breakHere) {
                // Across a page break the blank line that ends a paragraph is often lost: a short line ending
                // a sentence is taken as the end of its paragraph.
                breakHere = endsSentence(previous) && previous.length() < typicalLength * 0.7;
            }
            if (breakHere && current.length() > 0) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            if (current.length() == 0) {
                lineStarts.clear();
                lineStarts.add(0);
                current.append(text);
            } else {
                int before = current.length();
                join(current, text, vocabulary);
                lineStarts.add(current.charAt(before) == ' ' ? before + 1 : before);
            }
            previous = text;
            blankRun = 0;
            sawSpaceLine = false;
            pageBreakSincePrevious = false;
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n", paragraphs);
    }

    private static boolean endsWithFullStop(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == '?' || last == '!' || last == '"' || last == '\u201D';
    }

    /**
     * Where a heading wrapped over the last one or two lines of the paragraph begins: a line that starts like a
     * heading right after a line ending a sentence, with no sentence ending between it and the outcome; -1 if none.
     */
    private static int wrappedHeadingStart(List<Integer> lineStarts, StringBuilder current) {
        for (int k = lineStarts.size() - 1; k >= Math.max(1, lineStarts.size() - 2); k--) {
            int start = lineStarts.get(k);
            String before = current.substring(0, start).strip();
            String heading = current.substring(start);
            if (!before.isEmpty() && endsWithFullStop(before) && startsLikeAHeading(heading)
                    && !SENTENCE_INSIDE.matcher(heading).matches()) {
                return start;
            }
        }
        return -1;
    }

    /** The first sentence of a partial authorisation's heading: "Norco 10/325mg #90 was the original request." */
    private static final Pattern PARTIAL_HEADING = Pattern.compile(
            "(?s)(?:(?![.?!]\\s).){1,300}?\\swas\\s+the\\s+original\\s+request\\.(?:\\s.*)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Where a partial authorisation's heading ending the paragraph begins: a line, one of the last four, that
     * starts like a heading right after a line ending a sentence, and whose first sentence is "... was the
     * original request."; -1 if none.
     */
    private static int partialHeadingStart(List<Integer> lineStarts, StringBuilder current) {
        for (int k = lineStarts.size() - 1; k >= Math.max(1, lineStarts.size() - 4); k--) {
            int start = lineStarts.get(k);
            String before = current.substring(0, start).strip();
            String heading = current.substring(start);
            if (!before.isEmpty() && endsWithFullStop(before) && startsLikeAHeading(heading)
                    && PARTIAL_HEADING.matcher(heading).matches()) {
                return start;
            }
        }
        return -1;
    }

    private static boolean startsLikeAHeading(String text) {
        char first = text.charAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first);
    }

    /**
     * Whether a line ends an item's heading with its outcome ({@link #OUTCOME_AT_END}). The regular expression, which
     * is tried at every place of the line, is asked only of a line that ends as it requires: with "Upheld" or
     * "Overturned", a full stop perhaps, and perhaps one line terminator (where its {@code $} also matches).
     */
    static boolean endsWithOutcome(String line) {
        int end = line.length();
        if (end > 0 && isLineTerminator(line.charAt(end - 1))) {
            end -= end > 1 && line.charAt(end - 1) == '\n' && line.charAt(end - 2) == '\r' ? 2 : 1;
        }
        if (end > 0 && line.charAt(end - 1) == '.') {
            end--;
        }
        boolean word = endsWithIgnoringCase(line, end, "upheld") || endsWithIgnoringCase(line, end, "overturned");
        return word && OUTCOME_AT_END.matcher(line).find();
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean endsWithIgnoringCase(String s, int end, String word) {
        return end >= word.length() && s.regionMatches(true, end - word.length(), word, 0, word.length());
    }

    private static boolean isOutcomeOnly(String text) {
        return OUTCOME_ONLY.matcher(text).matches();
    }

    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == ':' || last == '?' || last == '!' || last == '"' || last == '\u201D';
    }

    /** Line endings to \n, odd spaces to ' ', other control characters removed, soft hyphens kept for join. */
    private static String clean(String raw) {
        int first = 0;
        while (first < raw.length() && cleaned(raw.charAt(first)) == raw.charAt(first)) {
            first++;
        }
        if (first == raw.length()) {
            return raw; // most letters: nothing to change
        }
        StringBuilder sb = new StringBuilder(raw.length());
        sb.append(raw, 0, first);
        for (int i = first; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                sb.append('\n');
            } else {
                int kept = cleaned(c);
                if (kept != DROPPED) {
                    sb.append((char) kept);
                }
            }
        }
        return sb.toString();
    }

    private static final int DROPPED = -1;

    /**
     * What {@link #clean} makes of {@code c}: itself, a space (tabs and odd spaces), a line feed (Unicode's line and
     * paragraph separators, NEL) or {@link #DROPPED} (byte order marks, zero-width spaces and control characters,
     * which carry no text). A carriage return, dropped here, is a line end to {@code clean}.
     */
    private static int cleaned(char c) {
        if (c >= ' ' && c < 0x7F || c == '\n' || c == '\f') {
            return c;
        }
        if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u2002' || c == '\u2003'
                || c == '\u2009' || c == '\u200A') {
            return ' ';
        }
        if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
            return '\n';
        }
        if (c == '\uFEFF' || c == '\u200B' || Character.isISOControl(c)) {
            return DROPPED;
        }
        return c;
    }

    /** A trimmed line; {@code spaceOnly} when the original held only white space (not nothing at all). */
    private record Line(String text, boolean pageBreakBefore, boolean spaceOnly) {
    }

    /** Trims and collapses each line; marks the first line of each page after the first. */
    private static List<Line> flatten(List<List<String>> pages) {
        List<Line> lines = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            boolean first = p > 0;
            for (String raw : pages.get(p)) {
                String text = collapse(raw);
                lines.add(new Line(text, first, text.isEmpty() && !raw.isEmpty()));
                first = false;
            }
        }
        return lines;
    }

    static String collapse(String line) {
        int run = line.indexOf("  ");
        if (run < 0) {
            return line.strip();
        }
        // runs of spaces to one space (as " {2,}" replaced by " " would, without a regular expression)
        StringBuilder sb = new StringBuilder(line.length());
        sb.append(line, 0, run + 1);
        for (int i = run + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' || line.charAt(i - 1) != ' ') {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    /**
     * Drops page numbers at the top or bottom of a page, and running heads or feet: a line that stands, digits
     * aside, at the top or bottom of most pages.
     */
    private static void removeFurniture(List<List<String>> pages) {
        // A running head stands at the top of most pages, a running foot at the bottom: count shapes per edge.
        Map<String, Integer> edgeShapes = new HashMap<>();
        for (List<String> page : pages) {
            Set<String> seen = new HashSet<>();
            for (int i : edgeIndexes(page)) {
                String key = edgeKey(page, i);
                if (seen.add(key)) {
                    edgeShapes.merge(key, 1, Integer::sum);
                }
            }
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        for (List<String> page : pages) {
            Set<Integer> furniture = new java.util.TreeSet<>();
            for (int i : edgeIndexes(page)) {
                String line = collapse(page.get(i));
                boolean pageNumber = PAGE_NUMBER.matcher(line).matches();
                boolean runningHead = pages.size() >= 2 && line.length() <= 60 && !endsSentence(line)
                        && !PARAGRAPH_START.matcher(line).lookingAt() && !endsWithOutcome(line)
                        && edgeShapes.getOrDefault(edgeKey(page, i), 0) >= needed;
                if (pageNumber || runningHead) {
                    furniture.add(i);
                }
            }
            if (furniture.isEmpty()) {
                continue;
            }
            int firstBody = firstNonBlank(page, 0);
            int lastBody = lastNonBlank(page, page.size() - 1);
            boolean top = furniture.contains(firstBody);
            boolean bottom = furniture.contains(lastBody);
            List<Integer> descending = new ArrayList<>(furniture);
            java.util.Collections.reverse(descending);
            for (int i : descending) {
                page.remove(i);
            }
            // The space between furniture and the page's body is layout, not a paragraph break.
            while (top && !page.isEmpty() && collapse(page.get(0)).isEmpty()) {
                page.remove(0);
            }
            while (bottom && !page.isEmpty() && collapse(page.get(page.size() - 1)).isEmpty()) {
                page.remove(page.size() - 1);
            }
        }
    }

    private static int firstNonBlank(List<String> page, int from) {
        for (int i = from; i < page.size(); i++) {
            if (!collapse(page.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonBlank(List<String> page, int from) {
        for (int i = from; i >= 0; i--) {
            if (!collapse(page.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of the first two and last two non-blank lines of a page. */
    private static Set<Integer> edgeIndexes(List<String> page) {
        Set<Integer> edges = new java.util.TreeSet<>();
        int found = 0;
        for (int i = 0; i < page.size() && found < 2; i++) {
            if (!collapse(page.get(i)).isEmpty()) {
                edges.add(i);
                found++;
            }
        }
        found = 0;
        for (int i = page.size() - 1; i >= 0 && found < 2; i--) {
            if (!collapse(page.get(i)).isEmpty()) {
                edges.add(i);
                found++;
            }
        }
        return edges;
    }

    /** "top:" or "bottom:" and the line's shape (digits folded, lower case). */
    private static String edgeKey(List<String> page, int index) {
        int firstBody = firstNonBlank(page, 0);
        return (index - firstBody < 2 ? "top:" : "bottom:") + shape(page.get(index));
    }

    private static String shape(String line) {
        return DIGITS.matcher(collapse(line)).replaceAll("#").toLowerCase(Locale.ROOT);
    }

    /**
     * The seeds' rendering puts a blank line after every line: most gaps between two text lines are then
     * exactly one blank line.
     */
    private static boolean isDoubleSpaced(List<Line> lines) {
        int gaps = 0;
        int singleBlank = 0;
        int run = 0;
        boolean seenText = false;
        for (Line line : lines) {
            if (line.text.isEmpty()) {
                run++;
            } else {
                if (seenText) {
                    gaps++;
                    if (run == 1) {
                        singleBlank++;
                    }
                }
                seenText = true;
                run = 0;
            }
        }
        return gaps >= 4 && singleBlank >= gaps * 0.6;
    }

    private static int typicalLineLength(List<Line> lines) {
        int max = 0;
        for (Line line : lines) {
            max = Math.max(max, line.text.length());
        }
        return max == 0 ? 80 : Math.min(max, 200);
    }

    /** {@code value}, computed on the first call only. */
    private static <T> Supplier<T> lazily(Supplier<T> value) {
        return new Supplier<>() {
            private T computed;

            @Override
            public T get() {
                if (computed == null) {
                    computed = value.get();
                }
                return computed;
            }
        };
    }

    /** Lower-case words of the letter, to decide whether a line-end hyphen belongs to the word. */
    private static Set<String> vocabulary(List<Line> lines) {
        Set<String> words = new HashSet<>();
        for (Line line : lines) {
            Matcher m = WORD.matcher(line.text);
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Joins {@code next} to the paragraph. A line ending in a soft hyphen, or in a hyphen between two lower-case
     * word parts whose joined form the letter uses elsewhere, is a hyphenated word: rejoined without the hyphen.
     * Any other line-end hyphen ("C7-", "45-", "well-") is kept and joined without a space; a dash after a space
     * is punctuation and joined with one.
     */
    private static void join(StringBuilder paragraph, String next, Supplier<Set<String>> vocabulary) {
        int last = paragraph.length() - 1;
        char end = paragraph.charAt(last);
        if (end == '\u00AD') {
            paragraph.setLength(last);
            paragraph.append(next);
            return;
        }
        if (end == '-' && last > 0 && paragraph.charAt(last - 1) != ' ' && paragraph.charAt(last - 1) != '-') {
            String head = trailingLetters(paragraph, last);
            String tail = leadingLetters(next);
            if (!head.isEmpty() && !tail.isEmpty() && Character.isLowerCase(tail.charAt(0))
                    && Character.isLowerCase(head.charAt(head.length() - 1))
                    && !HYPHENATED_PREFIXES.contains(head.toLowerCase(Locale.ROOT))
                    && vocabulary.get().contains((head + tail).toLowerCase(Locale.ROOT))) {
                paragraph.setLength(last);
            }
            paragraph.append(next);
            return;
        }
        paragraph.append(' ').append(next);
    }

    private static String trailingLetters(CharSequence s, int endExclusive) {
        int i = endExclusive;
        while (i > 0 && Character.isLetter(s.charAt(i - 1))) {
            i--;
        }
        return s.subSequence(i, endExclusive).toString();
    }

    private static String leadingLetters(String s) {
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
