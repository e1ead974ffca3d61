package org.imrworkbench.library;

import java.time.Instant;

/**
 * A highlight on a span of a summary or rationale, or a note on a whole case or item.
 *
 * @param item     the item number, or null for the case
 * @param field    the highlighted text, or null for a note on the whole case or item
 * @param start    start of the highlight in the field's text (as {@code show} reports the field), or null
 * @param end      end (exclusive) of the highlight, or null
 * @param quote    the highlighted text when it was made, used to re-anchor after a re-parse; null for a note
 * @param orphaned true when a re-parse could no longer find the quote: the annotation is kept, its span is stale
 */
public record Annotation(long id, Integer item, AnnotationField field, Integer start, Integer end, String quote,
                         String note, String color, String author, Instant created, Instant updated,
                         boolean orphaned) {

    /** True for a highlight, false for a note on a whole case or item. */
    public boolean isHighlight() {
        return field != null;
    }
}
