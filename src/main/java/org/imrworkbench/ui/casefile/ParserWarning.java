package org.imrworkbench.ui.casefile;

import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of a letter's parser warnings as the case view lists it: the disputed item it names, if the letter has that
 * item, and what it says, begun with a capital ("item 2: no decision rationale found" is item 2, "No decision
 * rationale found"; "the reviewer's specialty was not found" names no item).
 *
 * @param item the number of the disputed item the warning is about, or null
 * @param text what the parser was unsure about, without the "item N:" that begins it
 */
public record ParserWarning(Integer item, String text) {

    /** "item 3: …" as {@code parse.LetterParser} writes it. */
    private static final Pattern NAMES_ITEM = Pattern.compile("^\\s*item\\s+(\\d{1,4})\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The letter's warnings in the parser's order; a blank one is left out. */
    public static List<ParserWarning> of(Letter letter) {
        Set<Integer> numbers = letter.items().stream().map(Item::number).collect(Collectors.toSet());
        List<ParserWarning> entries = new ArrayList<>();
        for (String warning : letter.warnings()) {
            if (warning != null && !warning.isBlank()) {
                entries.add(of(warning, numbers));
            }
        }
        return List.copyOf(entries);
    }

    /** One warning; it names an item only if {@code items} holds that item's number. */
    static ParserWarning of(String warning, Set<Integer> items) {
        String text = warning.strip();
        Matcher m = NAMES_ITEM.matcher(text);
        if (m.matches() && !m.group(2).isBlank()) {
            int number = Integer.parseInt(m.group(1));
            if (items.contains(number)) {
                return new ParserWarning(number, capitalised(m.group(2).strip()));
            }
        }
        return new ParserWarning(null, capitalised(text));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
