package org.imrworkbench.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a text for the log-odds comparison: its words (letters only, three or more, not an English function
 * word) and its two-word phrases (two such words next to each other, nothing but spaces or a hyphen between them),
 * lower case, in text order, with repeats.
 */
final class Phrases {

    /** English function words: they separate nothing and would join unrelated words into phrases. */
    private static final Set<String> STOP = new HashSet<>(Arrays.asList((
            "a about above after again against all also am an and any are as at be because been before being below"
            + " between both but by can could did do does doing down during each either few for from further had has"
            + " have having he her here hers him his how if in into is it its itself may me might more most must my"
            + " no nor not now of off on once only or other our out over own per same she should so some such than"
            + " that the their theirs them then there these they this those through to too under until up upon us"
            + " very was we were what when where which while who whom why will with within without would you your"
            + " yet also who's it's").split(" ")));

    private static final Pattern TOKEN = Pattern.compile("\\p{L}+|[^\\p{L}\\s-]+");

    private Phrases() {
    }

    /** The words and two-word phrases of {@code text} (empty for null). */
    static List<String> of(String text) {
        List<String> phrases = new ArrayList<>();
        if (text == null) {
            return phrases;
        }
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        String previous = null;
        while (m.find()) {
            String token = m.group();
            boolean word = Character.isLetter(token.charAt(0)) && token.length() >= 3 && !STOP.contains(token);
            if (!word) {
                previous = null;
                continue;
            }
            phrases.add(token);
            if (previous != null) {
                phrases.add(previous + " " + token);
            }
            previous = token;
        }
        return phrases;
    }
}
