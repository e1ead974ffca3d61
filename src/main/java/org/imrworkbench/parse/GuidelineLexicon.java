package org.imrworkbench.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrworkbench.model.CitationSource;

/**
 * The small data lists the {@link CitationParser} recognises names by, loaded from the classpath:
 * <ul>
 *   <li>{@code /lexicon/guideline-titles.txt}: MTUS guideline titles ("Low Back Complaints");</li>
 *   <li>{@code /lexicon/guideline-chapters.txt}: chapter names of non-MTUS guidelines ("Knee &amp; Leg");</li>
 *   <li>{@code /lexicon/guideline-sources.txt}: the names that mark a non-MTUS source ("ODG");</li>
 *   <li>{@code /lexicon/guideline-sections.txt}: section titles that contain a comma.</li>
 * </ul>
 * A missing or unreadable file leaves its list empty: the parser then falls back on its general rules.
 * Names are matched with {@link #namePattern(String)}.
 */
final class GuidelineLexicon {

    /** A name of a non-MTUS source, with its pattern. */
    record SourceName(CitationSource source, String name, Pattern pattern) {
    }

    private static final class Holder {
        private static final GuidelineLexicon SHARED = new GuidelineLexicon(
                readLines("/lexicon/guideline-titles.txt"),
                readLines("/lexicon/guideline-chapters.txt"),
                readLines("/lexicon/guideline-sources.txt"),
                readLines("/lexicon/guideline-sections.txt"));
    }

    private final List<Pattern> titles;
    private final char[] titleFirsts;
    private final char[] titleSeconds;
    private final List<Pattern> chapters;
    private final char[] chapterFirsts;
    private final char[] chapterSeconds;
    private final List<SourceName> sources;
    private final char[] sourceFirsts;
    private final char[] sourceSeconds;
    private final Pattern anySource;
    /** Where a match of {@link #anySource} can begin, or null when that cannot be told by its first character. */
    private final Starts anySourceStarts;
    private final Set<String> commaSections;
    private final int maxSectionPieces;

    GuidelineLexicon(List<String> titleLines, List<String> chapterLines, List<String> sourceLines,
                     List<String> sectionLines) {
        this.titles = patterns(titleLines);
        this.titleFirsts = firsts(titles);
        this.titleSeconds = seconds(titles, titleFirsts);
        List<String> chapterNames = new ArrayList<>(chapterLines);
        chapterNames.addAll(titleLines);
        this.chapters = patterns(chapterNames);
        this.chapterFirsts = firsts(chapters);
        this.chapterSeconds = seconds(chapters, chapterFirsts);

        List<SourceName> names = new ArrayList<>();
        for (String line : sourceLines) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length < 2) {
                continue;
            }
            try {
                CitationSource source = CitationSource.valueOf(parts[0].toUpperCase(Locale.ROOT));
                names.add(new SourceName(source, parts[1].trim(), namePattern(parts[1].trim())));
            } catch (IllegalArgumentException unknownSource) {
                // a line naming no known source is ignored
            }
        }
        names.sort(Comparator.comparingInt((SourceName n) -> n.name().length()).reversed());
        this.sources = List.copyOf(names);
        List<Pattern> sourcePatterns = sources.stream().map(SourceName::pattern).toList();
        this.sourceFirsts = firsts(sourcePatterns);
        this.sourceSeconds = seconds(sourcePatterns, sourceFirsts);
        StringBuilder any = new StringBuilder();
        for (SourceName n : sources) {
            any.append(any.length() == 0 ? "" : "|").append("(?:").append(n.pattern().pattern()).append(')');
        }
        this.anySource = any.length() == 0 ? null
                : Pattern.compile(any.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.anySourceStarts = startsOf(sourceFirsts);

        Set<String> keys = new HashSet<>();
        int max = 1;
        for (String line : sectionLines) {
            String key = sectionKey(line);
            if (!key.isEmpty()) {
                keys.add(key);
                max = Math.max(max, GuidelineText.topLevelSplit(line, ",").size());
            }
        }
        this.commaSections = Set.copyOf(keys);
        this.maxSectionPieces = max;
    }

    /** The lexicon of the bundled lists, loaded once. */
    static GuidelineLexicon shared() {
        return Holder.SHARED;
    }

    /** End of the longest MTUS title starting exactly at {@code pos}, or -1. */
    int titleAt(CharSequence text, int pos, int limit) {
        return longestAt(titles, titleFirsts, titleSeconds, text, pos, limit);
    }

    /** End of the longest chapter name (non-MTUS chapters and MTUS titles) starting at {@code pos}, or -1. */
    int chapterAt(CharSequence text, int pos, int limit) {
        return longestAt(chapters, chapterFirsts, chapterSeconds, text, pos, limit);
    }

    /** The source name starting exactly at {@code pos} (longest first), or null. */
    SourceName sourceAt(CharSequence text, int pos, int limit) {
        for (int i = 0; i < sources.size(); i++) {
            if (mayStartAt(sourceFirsts[i], sourceSeconds[i], text, pos)
                    && lookingAt(sources.get(i).pattern(), text, pos, limit) >= 0) {
                return sources.get(i);
            }
        }
        return null;
    }

    /** A matcher finding any source name in {@code text} with {@link #findSource}, or null when the list is empty. */
    Matcher sourceFinder(CharSequence text) {
        return anySource == null ? null : Starts.matcher(anySource, text);
    }

    /**
     * The first source name in [{@code from}, {@code to}) of {@code text}, as {@code find} finds it in that region with
     * transparent bounds: true with {@code finder} (from {@link #sourceFinder}) on it, or false. The names are tried
     * only where a name's first letter stands.
     */
    boolean findSource(Matcher finder, CharSequence text, int from, int to) {
        if (from > to) {
            return false;
        }
        return anySourceStarts != null ? anySourceStarts.find(finder, text, from, to) : finder.region(from, to).find();
    }

    /**
     * The beginnings of names whose patterns begin with these folded characters ({@link #firsts}), or null when one
     * of them may begin otherwise than with an ASCII letter or digit (the lists are the user's to edit).
     */
    private static Starts startsOf(char[] firsts) {
        boolean digit = false;
        java.util.TreeSet<String> letters = new java.util.TreeSet<>();
        for (char c : firsts) {
            if (c >= 'a' && c <= 'z') {
                letters.add(String.valueOf(c));
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                return null;
            }
        }
        String[] beginnings = letters.toArray(String[]::new);
        return digit ? Starts.digitOrLetters(beginnings) : Starts.letters(beginnings);
    }

    /** True when the section, compared by {@link #sectionKey}, is a known title containing a comma. */
    boolean isCommaSection(String section) {
        return commaSections.contains(sectionKey(section));
    }

    /** The largest number of comma-separated pieces of a known comma section. */
    int maxSectionPieces() {
        return maxSectionPieces;
    }

    /**
     * A pattern for a name as listed: case-insensitive; "&amp;" and "and" alike; a hyphen optional and
     * spaces around it free ("Low Back - Lumbar" = "Low Back- Lumbar", "Post-Surgical" = "Postsurgical");
     * a comma before "and"/"&amp;" optional; the name must end at a word boundary. Quantifiers are
     * possessive, so matching stays linear whatever the text.
     */
    static Pattern namePattern(String name) {
        String compact = name.trim().replaceAll("\\s*[-\u2013\u2014]\\s*", "-");
        String[] tokens = compact.split("\\s+");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            boolean nextIsAnd = i + 1 < tokens.length && isAnd(tokens[i + 1]);
            if (i > 0) {
                re.append(tokens[i - 1].endsWith(",") ? "\\s*+" : "\\s++");
            }
            if (isAnd(token)) {
                re.append("(?:and|&)");
                continue;
            }
            for (int c = 0; c < token.length(); c++) {
                char ch = token.charAt(c);
                if (ch == '-') {
                    re.append("\\s*+[-\u2013\u2014]?\\s*+");
                } else if (ch == ',' && c == token.length() - 1) {
                    re.append(nextIsAnd ? "\\s*+,?" : "\\s*+,");
                } else if (Character.isLetterOrDigit(ch)) {
                    re.append(ch);
                } else {
                    re.append(Pattern.quote(String.valueOf(ch)));
                }
            }
        }
        char last = compact.isEmpty() ? ' ' : compact.charAt(compact.length() - 1);
        if (Character.isLetterOrDigit(last)) {
            re.append("(?![\\p{L}\\p{N}])");
        }
        if (!compact.isEmpty() && Character.isLetterOrDigit(compact.charAt(0))) {
            re.insert(0, NOT_AFTER_WORD);
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The comparison key of a section title: lower case, parenthesised text removed, "&amp;" read as
     * "and", every run of other symbols a single space, no space around commas.
     */
    static String sectionKey(String section) {
        if (section == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < section.length(); i++) {
            char ch = section.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if (ch == '&') {
                    sb.append(" and ");
                } else if (Character.isLetterOrDigit(ch) || ch == ',') {
                    sb.append(Character.toLowerCase(ch));
                } else {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().replaceAll("\\s+", " ").replaceAll(" ?, ?", ",").trim();
    }

    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";

    private static boolean isAnd(String token) {
        return token.equals("&") || token.equalsIgnoreCase("and");
    }

    private static List<Pattern> patterns(List<String> names) {
        Set<String> unique = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.isBlank()) {
                unique.add(n.trim());
            }
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<Pattern> out = new ArrayList<>();
        for (String n : sorted) {
            out.add(namePattern(n));
        }
        return List.copyOf(out);
    }

    /** The longest match end among the patterns at {@code pos}; -1 when none matches. */
    private static int longestAt(List<Pattern> patterns, char[] firsts, char[] seconds, CharSequence text, int pos,
                                 int limit) {
        int best = -1;
        for (int i = 0; i < patterns.size(); i++) {
            if (mayStartAt(firsts[i], seconds[i], text, pos)) {
                best = Math.max(best, lookingAt(patterns.get(i), text, pos, limit));
            }
        }
        return best;
    }

    /**
     * Whether a name whose pattern begins with the folded characters {@code first} and {@code second} ({@link #firsts},
     * {@link #seconds}) may match at {@code pos}: a prefilter that spares making a matcher for each of the names at
     * each place.
     */
    private static boolean mayStartAt(char first, char second, CharSequence text, int pos) {
        if (first == ANY) {
            return true;
        }
        if (pos < 0 || pos >= text.length() || TreatmentLexicon.fold(text.charAt(pos)) != first) {
            return false;
        }
        return second == ANY || pos + 1 < text.length() && TreatmentLexicon.fold(text.charAt(pos + 1)) == second;
    }

    private static final char ANY = 0;

    /**
     * For each name pattern ({@link #namePattern}), the letter or digit its match must begin with, folded as its
     * case-insensitive, Unicode-case pattern compares it ({@link TreatmentLexicon#fold}); {@link #ANY} when it may
     * begin otherwise (a name beginning with "and", "&amp;", a hyphen or another symbol).
     */
    private static char[] firsts(List<Pattern> patterns) {
        char[] firsts = new char[patterns.size()];
        for (int i = 0; i < firsts.length; i++) {
            String re = body(patterns.get(i));
            char c = re.isEmpty() ? ANY : re.charAt(0);
            boolean optional = re.length() > 1 && "?*{".indexOf(re.charAt(1)) >= 0;
            firsts[i] = Character.isLetterOrDigit(c) && !optional ? TreatmentLexicon.fold(c) : ANY;
        }
        return firsts;
    }

    /**
     * For each name pattern, the letter or digit its match must have second, folded as its first in {@code firsts}
     * ({@link #firsts}): where the pattern begins with two letters or digits, the second not made optional; {@link #ANY}
     * otherwise (and wherever the first is). "Pain" is tried only where "pa" stands, not at every "p".
     */
    private static char[] seconds(List<Pattern> patterns, char[] firsts) {
        char[] seconds = new char[patterns.size()];
        for (int i = 0; i < seconds.length; i++) {
            String re = body(patterns.get(i));
            boolean twoLetters = firsts[i] != ANY && re.length() > 1 && Character.isLetterOrDigit(re.charAt(1));
            boolean optional = re.length() > 2 && "?*{".indexOf(re.charAt(2)) >= 0;
            seconds[i] = twoLetters && !optional ? TreatmentLexicon.fold(re.charAt(1)) : ANY;
        }
        return seconds;
    }

    /** A name pattern's expression without the look-behind that keeps a name from starting inside a word. */
    private static String body(Pattern namePattern) {
        String re = namePattern.pattern();
        return re.startsWith(NOT_AFTER_WORD) ? re.substring(NOT_AFTER_WORD.length()) : re;
    }

    private static int lookingAt(Pattern p, CharSequence text, int pos, int limit) {
        if (pos < 0 || pos >= limit || limit > text.length()) {
            return -1;
        }
        Matcher m = p.matcher(text);
        m.region(pos, limit);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() : -1;
    }

    /** The non-blank, non-comment lines of a classpath resource; empty when it cannot be read. */
    static List<String> readLines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = GuidelineLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(lines);
    }
}
