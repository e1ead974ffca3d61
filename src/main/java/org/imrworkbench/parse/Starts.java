package org.imrworkbench.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Where the matches of a regular expression can begin: one of a few beginnings of one or two letters, or a digit.
 * {@link #find} then finds what {@code Matcher.find} finds, trying the expression only there: Java tries an expression
 * that begins with an alternation or a look-behind ({@code (?<!\\p{L})decision}) at every place of the text, which for
 * the case summary's dates of injury was a sixth of a letter's parse, and for the guideline statements' markers as much
 * again.
 *
 * <p>A letter of a beginning is compared as a case-insensitive expression compares it, with or without Unicode case
 * ({@link TreatmentLexicon#fold}): an ASCII letter in either case, and the few other characters that fold to it (the
 * Kelvin sign to k, the long s to s). Without Unicode case those others are tried and not found, which costs nothing.
 *
 * <p>The beginnings must be right for the expression: {@code StartsTest} compares the two ways on many texts for each
 * expression that uses one, and shows that each beginning is needed.
 */
final class Starts {

    /** A beginning of one letter: any second character will do. */
    private static final long ANY_SECOND = Long.MIN_VALUE;

    /**
     * For each ASCII character, as a beginning's first character (either case, or a digit): the second letters its
     * beginnings go on with, bit {@code k} for {@code 'a' + k}, {@link #ANY_SECOND} when one of them is one letter
     * long (or it is a digit and digits begin matches); 0 when no match begins with it.
     */
    private final long[] seconds = new long[128];

    private Starts(boolean digit, String... beginnings) {
        for (String beginning : beginnings) {
            String b = beginning.toLowerCase(Locale.ROOT);
            if (b.isEmpty() || b.length() > 2 || b.chars().anyMatch(c -> c < 'a' || c > 'z')) {
                throw new IllegalArgumentException("not one or two ASCII letters: " + Arrays.toString(beginnings));
            }
            char first = b.charAt(0);
            long mask = b.length() == 2 ? 1L << (b.charAt(1) - 'a') : ANY_SECOND;
            seconds[first] |= mask;
            seconds[Character.toUpperCase(first)] |= mask;
        }
        if (digit) {
            for (char c = '0'; c <= '9'; c++) {
                seconds[c] = ANY_SECOND;
            }
        }
    }

    /** Matches begin with one of these beginnings of one or two letters (ASCII, either case). */
    static Starts letters(String... beginnings) {
        return new Starts(false, beginnings);
    }

    /** Matches begin with an ASCII digit, or with one of these beginnings of one or two letters (ASCII, either case). */
    static Starts digitOrLetters(String... beginnings) {
        return new Starts(true, beginnings);
    }

    /** Whether a match can begin at {@code i} of {@code s}. */
    boolean at(CharSequence s, int i) {
        char c = s.charAt(i);
        long mask = c < 128 ? seconds[c] : secondsOfFolded(c);
        if (mask == 0) {
            return false;
        }
        if (mask < 0) {                         // ANY_SECOND is the sign bit
            return true;
        }
        if (i + 1 >= s.length()) {
            return false;
        }
        char second = TreatmentLexicon.fold(s.charAt(i + 1));
        return second >= 'a' && second <= 'z' && (mask & 1L << (second - 'a')) != 0;
    }

    /** {@link #seconds} of a character beyond ASCII, by the ASCII letter it folds to (the Kelvin sign to k). */
    private long secondsOfFolded(char c) {
        char folded = TreatmentLexicon.fold(c);
        return folded >= 'a' && folded <= 'z' ? seconds[folded] : 0;
    }

    /**
     * The next match at or after {@code from}, as {@code m.find(from)} would find it: true with {@code m}'s groups
     * set, or false. {@code m} must be a matcher of {@code s} with transparent, non-anchoring bounds (so that what
     * comes before and after a place looks as it does to {@code find}); its region is changed.
     */
    boolean find(Matcher m, CharSequence s, int from) {
        return find(m, s, from, s.length());
    }

    /**
     * The next match at or after {@code from} and within {@code to}, as {@code find} finds it in the region
     * [{@code from}, {@code to}) with transparent bounds, for an expression without {@code ^} or {@code $}.
     */
    boolean find(Matcher m, CharSequence s, int from, int to) {
        return find(m, s, from, to, to - 1);
    }

    /**
     * As {@link #find(Matcher, CharSequence, int, int)}, for a match beginning at {@code lastStart} at the latest: what
     * {@code find} finds if its match begins there or before, else false.
     */
    boolean find(Matcher m, CharSequence s, int from, int to, int lastStart) {
        int last = Math.min(lastStart, to - 1);
        for (int i = from; i <= last; i++) {
            if (at(s, i) && m.region(i, to).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Where the next {@link #find} goes on after {@code m}'s match, as {@code Matcher.find} does. */
    static int after(Matcher m) {
        return m.end() > m.start() ? m.end() : m.end() + 1;
    }

    /** A matcher of {@code s} ready for {@link #find}. */
    static Matcher matcher(java.util.regex.Pattern pattern, CharSequence s) {
        return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
