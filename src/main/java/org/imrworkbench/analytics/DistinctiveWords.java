package org.imrworkbench.analytics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most distinctive words of a disputed item, to find decisions like it by full-text ranking: letters-only words
 * of four letters or more that are not common in IMR letters, most frequent first, the request's words counting
 * double. Shared by the precedents and the compare view's similar decisions.
 */
public final class DistinctiveWords {

    /** How many words a ranking query uses. */
    public static final int QUERY_WORDS = 12;

    /** Words too common in IMR letters to tell one decision from another. */
    private static final Set<String> COMMON = new HashSet<>(Arrays.asList((
            "about above according across after again against also although among another appropriate because been"
            + " before being below between both cannot case certified chronic clinical could criteria current"
            + " date dated decision documentation documented does during each evidence from further given"
            + " guideline guidelines have having however include included includes including indicate indicated"
            + " indicates injured injury into medical medically more most necessary necessity note noted only"
            + " other over page pages patient patients per pain provided provider rationale recommend"
            + " recommended record records report reported reports request requested requesting review reviewed"
            + " reviewer section sections should since some states submitted such support supported than that"
            + " their them then there therefore these they this those through time times treatment under upon"
            + " used using very well were what when where which while will with within without worker would"
            + " year years mtus odg acoem male female").split(" ")));

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*\\p{L}");

    private DistinctiveWords() {
    }

    /**
     * At most {@link #QUERY_WORDS} distinctive words of an item's request (counting double) and its other texts
     * (rationale, case summary; null texts are skipped). Lower case, each once.
     */
    public static List<String> of(String request, String... others) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(request, 2, counts);
        for (String text : others) {
            count(text, 1, counts);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(QUERY_WORDS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void count(String text, int weight, Map<String, Integer> counts) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (word.length() >= 4 && !COMMON.contains(word) && word.chars().allMatch(Character::isLetter)) {
                counts.merge(word, weight, Integer::sum);
            }
        }
    }
}
