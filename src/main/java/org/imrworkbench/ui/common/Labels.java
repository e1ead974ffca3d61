package org.imrworkbench.ui.common;

import org.imrworkbench.model.Category;

import java.util.Locale;

/** Display names for enumerations: "PHYSICAL_THERAPY" reads "Physical therapy", "DME" stays "DME". */
public final class Labels {

    private Labels() {
    }

    public static String category(Category category) {
        return category.label();
    }

    /** "1 case", "2 cases", "1,234 items": a count with its noun, singular for one. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** "SEDATIVE_HYPNOTIC" → "Sedative hypnotic". */
    public static String sentence(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
