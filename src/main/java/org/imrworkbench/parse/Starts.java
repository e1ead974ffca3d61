package org.imrworkbench.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Where the matches of a regular expression can begin: its first two characters, one of a few pairs compared as an
 * ASCII case-insensitive pattern compares them, or a digit. {@link #find} then finds what {@code Matcher.find} finds,
 * trying the expression only there: Java tries an expression beginning with an alternation at every place of the
 * text, which for the case summary's dates of injury was a sixth of a letter's parse.
 *
 * <p>The pairs must be right for the expression: {@code StartsTest} compares the two ways on many texts for each
 * expression that uses one.
 */
final class Starts {

    private final boolean digit;
    private final char[] firsts;
    private final char[] seconds;

    private Starts(boolean digit, String... pairs) {
        this.digit = digit;
        this.firsts = new char[pairs.length];
        this.seconds = new char[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].toLowerCase(Locale.ROOT);
            if (pair.length() != 2 || pair.chars().anyMatch(c -> c >= 128 || !Character.isLetter(c))) {
                throw new IllegalArgumentException("not two ASCII letters: " + Arrays.toString(pairs));
            }
            firsts[i] = pair.charAt(0);
            seconds[i] = pair.charAt(1);
        }
    }

    /** Matches begin with one of these pairs of letters (ASCII, either case). */
    static Starts letters(String... pairs) {
        return new Starts(false, pairs);
    }

    /** Matches begin with an ASCII digit, or with one of these pairs of letters (ASCII, either case). */
    static Starts digitOrLetters(String... pairs) {
        return new Starts(true, pairs);
    }

    /** Whether a match can begin at {@code i} of {@code s}. */
    boolean at(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            return digit;
        }
        if (i + 1 >= s.length()) {
            return false;
        }
        char first = lower(c);
        char second = lower(s.charAt(i + 1));
        for (int k = 0; k < firsts.length; k++) {
            if (firsts[k] == first && seconds[k] == second) {
                return true;
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The next match at or after {@code from}, as {@code m.find(from)} would find it: true with {@code m}'s groups
     * set, or false. {@code m} must be a matcher of {@code s} with transparent, non-anchoring bounds (so that what
     * comes before and after a place looks as it does to {@code find}); its region is changed.
     */
    boolean find(Matcher m, CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (at(s, i) && m.region(i, s.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** A matcher of {@code s} ready for {@link #find}. */
    static Matcher matcher(java.util.regex.Pattern pattern, CharSequence s) {
        return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
