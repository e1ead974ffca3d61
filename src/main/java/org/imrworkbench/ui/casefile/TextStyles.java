package org.imrworkbench.ui.casefile;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.ui.browser.QueryFilters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The style classes of a field's text: the user's highlights (by colour) and the search's words. */
final class TextStyles {

    static final List<String> COLORS = List.of("yellow", "green", "blue", "pink", "orange");

    private TextStyles() {
    }

    /** One styled range: {@code [start, end)} with a style class. */
    record Range(int start, int end, String styleClass) {
    }

    static StyleSpans<Collection<String>> spans(String text, List<Annotation> highlights, String query) {
        List<Range> ranges = new ArrayList<>();
        for (Annotation a : highlights) {
            if (a.start() != null && a.end() != null && a.end() <= text.length() && a.start() < a.end()) {
                ranges.add(new Range(a.start(), a.end(), "hl-" + colorOf(a)));
                if (a.note() != null) {
                    ranges.add(new Range(a.start(), a.end(), "has-note"));
                }
            }
        }
        ranges.addAll(searchHits(text, query));
        // Cut the text at every range boundary and give each piece the classes of the ranges over it.
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Range r : ranges) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                Set<String> classes = new TreeSet<>();
                for (Range r : ranges) {
                    if (r.start() <= previous && cut <= r.end()) {
                        classes.add(r.styleClass());
                    }
                }
                builder.add(classes, cut - previous);
            }
            previous = cut;
        }
        if (text.isEmpty()) {
            builder.add(Set.of(), 0);
        }
        return builder.create();
    }

    static String colorOf(Annotation a) {
        String c = a.color() == null ? "yellow" : a.color().toLowerCase(Locale.ROOT);
        return COLORS.contains(c) ? c : "yellow";
    }

    /** Where the query's words (and prefixes, for {@code word*}) occur, ignoring case, on word boundaries. */
    static List<Range> searchHits(String text, String query) {
        List<Range> hits = new ArrayList<>();
        for (String word : QueryFilters.words(query)) {
            boolean prefix = word.endsWith("*");
            String w = prefix ? word.substring(0, word.length() - 1) : word;
            if (w.length() < 2) {
                continue;
            }
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w).replace(" ", "\\E\\s+\\Q")
                    + (prefix ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])"), Pattern.CASE_INSENSITIVE);
            Matcher m = p.matcher(text);
            while (m.find()) {
                hits.add(new Range(m.start(), m.end(), "search-hit"));
            }
        }
        return hits;
    }
}
