package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers of the citation parser. Every method accepts any input and never throws. */
final class GuidelineText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A revision year, which is the year of the edition cited: "(Revised 2007)" is read as " 2007". */
    private static final Pattern REVISION_YEAR = Pattern.compile(
            "\\s*+\\(\\s*+revised\\s++((?:19|20)\\d{2})\\s*+\\)", Pattern.CASE_INSENSITIVE);
    /** Edition notes that are not part of a name: "(updated 12/12/16)", "(Online Version)". */
    private static final Pattern EDITION_NOTE = Pattern.compile(
            "\\(\\s*+(?:last\\s++)?(?:updated|revised|online\\s++version|version)[^()]{0,80}\\)",
            Pattern.CASE_INSENSITIVE);

    private GuidelineText() {
    }

    /** True for the characters that open a bracket the splitter respects. */
    static boolean isOpen(char ch) {
        return ch == '(' || ch == '[' || ch == '{';
    }

    /** True for the characters that close a bracket the splitter respects. */
    static boolean isClose(char ch) {
        return ch == ')' || ch == ']' || ch == '}';
    }

    /**
     * A name or section as it should be returned: a revision year kept as a year ("Elbow Disorders
     * (Revised 2007)" is "Elbow Disorders 2007"), other edition notes removed, whitespace runs a single
     * space, separators and periods stripped from both ends. Null for null or nothing left.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = EDITION_NOTE.matcher(REVISION_YEAR.matcher(s).replaceAll(" $1")).replaceAll(" ");
        t = WHITESPACE.matcher(t).replaceAll(" ").strip();
        int start = 0;
        int end = t.length();
        while (start < end && ",;:/.-\u2013\u2014 ".indexOf(t.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ",;:/.-\u2013\u2014 ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        t = t.substring(start, end);
        return t.isEmpty() ? null : t;
    }

    /**
     * Splits {@code s} at the separator characters that stand outside brackets. Pieces are returned as
     * written (not cleaned), so a caller can tell which separator preceded each one by position.
     */
    static List<String> topLevelSplit(String s, String separators) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isOpen(ch)) {
                depth++;
            } else if (isClose(ch)) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && separators.indexOf(ch) >= 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** Index of the first separator character outside brackets in [from, to), or -1. */
    static int indexOfTopLevel(CharSequence s, String separators, int from, int to) {
        int depth = 0;
        for (int i = Math.max(0, from); i < Math.min(to, s.length()); i++) {
            char ch = s.charAt(i);
            if (isOpen(ch)) {
                depth++;
            } else if (isClose(ch)) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && separators.indexOf(ch) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index just after the bracket closing the one opened at {@code open}, or -1 if unclosed before {@code to}. */
    static int closingBracket(CharSequence s, int open, int to) {
        int depth = 0;
        for (int i = open; i < Math.min(to, s.length()); i++) {
            char ch = s.charAt(i);
            if (isOpen(ch)) {
                depth++;
            } else if (isClose(ch)) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** First index at or after {@code pos} (before {@code to}) that is not whitespace. */
    static int skipSpaces(CharSequence s, int pos, int to) {
        int i = pos;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The end of [from, to) once trailing whitespace, separators, periods and dangling connectives
     * ("and", "the", "&amp;", "or") are trimmed off.
     */
    static int trimEnd(CharSequence s, int from, int to) {
        int end = Math.min(to, s.length());
        boolean changed = true;
        while (changed && end > from) {
            changed = false;
            while (end > from && (Character.isWhitespace(s.charAt(end - 1))
                    || ",;:.&-\u2013\u2014/".indexOf(s.charAt(end - 1)) >= 0)) {
                end--;
                changed = true;
            }
            for (String word : new String[] {"and", "the", "or"}) {
                int w = end - word.length();
                if (w >= from && word.equalsIgnoreCase(s.subSequence(w, end).toString())
                        && (w == from || !Character.isLetterOrDigit(s.charAt(w - 1)))) {
                    end = w;
                    changed = true;
                }
            }
        }
        return end;
    }

    /** The start of [from, to) once leading whitespace and separators are skipped. */
    static int trimStart(CharSequence s, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(to, s.length());
        while (start < end && (Character.isWhitespace(s.charAt(start))
                || ",;:.-\u2013\u2014/".indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        return start;
    }
}
