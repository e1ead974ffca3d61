package org.imrworkbench.model;

import java.util.List;

/**
 * A parsed IMR final determination letter.
 *
 * @param text     the letter's normalised text: one paragraph per line, PDF line breaks joined, page breaks
 *                 and page furniture removed. Every span of this letter indexes into it, and every string
 *                 field equals the text under its span.
 * @param warnings what the parser could not place or had to guess
 */
public record Letter(String caseNumber, String priority, LetterDates dates, Reviewer reviewer, Patient patient,
                     String summary, List<Item> items, List<String> warnings, String text, LetterSpans spans) {
    public Letter {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
