package org.imrworkbench.model;

import java.time.LocalDate;

/** The dates of a letter; each is null when the letter does not give it. */
public record LetterDates(LocalDate assigned, LocalDate decided, LocalDate injury, LocalDate urDenial,
                          LocalDate received) {
    public static final LetterDates NONE = new LetterDates(null, null, null, null, null);
}
