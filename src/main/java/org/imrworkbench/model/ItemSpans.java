package org.imrworkbench.model;

/** Spans of an item's fields in the letter's normalised text; a span is null when the field was not found. */
public record ItemSpans(Span heading, Span request, Span decision, Span serviceDate,
                        Span claimsAdministratorGuideline, Span reviewerGuideline, Span rationale) {
}
