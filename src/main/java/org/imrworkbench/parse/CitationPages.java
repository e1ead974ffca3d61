package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page references of a citation: "Page(s): 60-61, 76-78", "pages 98-99", "pg 128", "Page(s): 98 of 127".
 *
 * <p>Numbers are read only right after a page marker ({@code Page(s):}, {@code Pages}, {@code Page},
 * {@code pgs}, {@code pg}, {@code pp.}, {@code p.}), as a list of numbers and ranges joined by commas,
 * semicolons, "and" or "&amp;". Rules:
 * <ul>
 *   <li>a page is 1 to 999: a longer number (a year such as 2009) is never a page and ends the list;</li>
 *   <li>"98 of 127" is page 98 (the "of" total is not a page);</li>
 *   <li>a range "60-61" (also "60 to 61", en dash) is expanded; an abbreviated end takes the start's
 *       leading digits ("128-30" is 128-130);</li>
 *   <li>a range of more than {@value #MAX_RANGE} pages ("1-500"), or one that still runs backwards
 *       ("98-7"), is doubtful: only its two numbers, as written, are kept;</li>
 *   <li>pages are kept in the order cited, duplicates removed.</li>
 * </ul>
 */
final class CitationPages {

    /** The most pages a range may cover and still be expanded page by page. */
    static final int MAX_RANGE = 200;

    /** The largest number read as a page. */
    static final int MAX_PAGE = 999;

    /** A page marker directly followed (after optional ":" and spaces) by a digit. */
    static final Pattern MARKER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:page\\s*+\\(s\\)|pages?|pgs?|pp|p(?=\\.))\\.?\\s*+:?\\s*+(?=\\d)",
            Pattern.CASE_INSENSITIVE);
    /** Where the matches of {@link #MARKER} begin. */
    static final Starts MARKER_STARTS = Starts.letters("p");

    private CitationPages() {
    }

    /** A found page reference: where its marker starts, where it ends, and the pages (maybe none). */
    record PageRef(int start, int end, List<Integer> pages) {
    }

    /** Every page reference in [from, to) of {@code text}, in order. */
    static List<PageRef> find(CharSequence text, int from, int to) {
        List<PageRef> refs = new ArrayList<>();
        if (text == null || from >= to) {
            return refs;
        }
        int limit = Math.min(to, text.length());
        Matcher m = Starts.matcher(MARKER, text);
        int searchFrom = Math.max(0, from);
        while (searchFrom < limit) {
            if (!MARKER_STARTS.find(m, text, searchFrom, limit)) {
                break;
            }
            List<Integer> pages = new ArrayList<>();
            int end = readList(text, m.end(), limit, pages);
            // a marker whose numbers are not pages ("page 2009") is still a page reference, with no pages
            refs.add(new PageRef(m.start(), Math.max(end, m.end()), pages));
            searchFrom = Math.max(end, m.end());
        }
        return refs;
    }

    /** All the pages of the references, in order, duplicates removed. */
    static List<Integer> pages(List<PageRef> refs) {
        Set<Integer> all = new LinkedHashSet<>();
        for (PageRef r : refs) {
            all.addAll(r.pages());
        }
        return List.copyOf(all);
    }

    /** Reads a page list starting at {@code pos}; adds pages to {@code out}; returns where the list ends. */
    private static int readList(CharSequence s, int pos, int to, List<Integer> out) {
        int i = pos;
        int lastEnd = pos;
        while (i < to) {
            int numEnd = digitsEnd(s, i, to);
            if (numEnd == i) {
                break;
            }
            int first = number(s, i, numEnd);
            if (first < 1 || first > MAX_PAGE) {
                break;
            }
            int j = numEnd;
            // a range: "-", en/em dash, "to", "through"
            int k = GuidelineText.skipSpaces(s, j, to);
            int rangeStart = -1;
            if (k < to && "-\u2013\u2014".indexOf(s.charAt(k)) >= 0) {
                rangeStart = GuidelineText.skipSpaces(s, k + 1, to);
            } else if (wordAt(s, k, to, "to") || wordAt(s, k, to, "through")) {
                rangeStart = GuidelineText.skipSpaces(s, k + (wordAt(s, k, to, "to") ? 2 : 7), to);
            }
            if (rangeStart >= 0) {
                int endEnd = digitsEnd(s, rangeStart, to);
                if (endEnd > rangeStart) {
                    int last = number(s, rangeStart, endEnd);
                    addRange(first, last, endEnd - rangeStart, numEnd - i, out);
                    j = endEnd;
                } else {
                    out.add(first);
                }
            } else {
                out.add(first);
            }
            // "98 of 127": the total is not a page
            k = GuidelineText.skipSpaces(s, j, to);
            if (wordAt(s, k, to, "of")) {
                int totalStart = GuidelineText.skipSpaces(s, k + 2, to);
                int totalEnd = digitsEnd(s, totalStart, to);
                if (totalEnd > totalStart) {
                    j = totalEnd;
                }
            }
            lastEnd = j;
            // a further item: ", 76-78", "; 88", "and 100", "& 12"
            k = GuidelineText.skipSpaces(s, j, to);
            int next;
            if (k < to && ",;&".indexOf(s.charAt(k)) >= 0) {
                next = GuidelineText.skipSpaces(s, k + 1, to);
            } else if (wordAt(s, k, to, "and")) {
                next = GuidelineText.skipSpaces(s, k + 3, to);
            } else {
                break;
            }
            if (wordAt(s, next, to, "and")) {
                next = GuidelineText.skipSpaces(s, next + 3, to);
            }
            if (digitsEnd(s, next, to) == next) {
                break;
            }
            i = next;
        }
        return lastEnd;
    }

    private static void addRange(int first, int last, int lastDigits, int firstDigits, List<Integer> out) {
        int end = last;
        if (end < first && lastDigits < firstDigits) {
            // abbreviated end: "128-30" means 128-130
            int scale = (int) Math.pow(10, lastDigits);
            end = first / scale * scale + last;
        }
        if (end < first || end - first + 1 > MAX_RANGE || end > MAX_PAGE) {
            out.add(first);
            if (last >= 1 && last <= MAX_PAGE) {
                out.add(last);
            }
            return;
        }
        for (int p = first; p <= end; p++) {
            out.add(p);
        }
    }

    private static boolean wordAt(CharSequence s, int pos, int to, String word) {
        int end = pos + word.length();
        if (end > to || !word.equalsIgnoreCase(s.subSequence(pos, end).toString())) {
            return false;
        }
        return end == to || !Character.isLetterOrDigit(s.charAt(end));
    }

    /** End of the run of ASCII digits at {@code pos}; a run longer than 6 digits counts as no number. */
    private static int digitsEnd(CharSequence s, int pos, int to) {
        int i = pos;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i - pos > 6 || (i < to && Character.isLetter(s.charAt(i)))) {
            return pos;
        }
        return i;
    }

    private static int number(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
