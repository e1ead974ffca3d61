package org.imrworkbench.model;

/** Spans of a letter's own fields in its normalised text; null where the field was not found. */
public record LetterSpans(Span caseNumber, Span priority, Span assigned, Span decided, Span injury, Span urDenial,
                          Span received, Span credentials, Span age, Span sex, Span summary) {
    public static final LetterSpans NONE =
            new LetterSpans(null, null, null, null, null, null, null, null, null, null, null);
}
