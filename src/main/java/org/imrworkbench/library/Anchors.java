package org.imrworkbench.library;

import org.imrworkbench.model.Span;

/** Re-anchoring a highlight's quote in a field's text after the text changed (a re-parse). */
final class Anchors {

    private Anchors() {
    }

    /**
     * Where the quote stands now: the old span when the text there still equals the quote, else the occurrence of
     * the quote nearest the old start, else null (the highlight is orphaned).
     */
    static Span reanchor(String text, int start, int end, String quote) {
        if (text == null || quote == null || quote.isEmpty()) {
            return null;
        }
        if (start >= 0 && end <= text.length() && start <= end && text.substring(start, end).equals(quote)) {
            return new Span(start, end);
        }
        int best = -1;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) {
                best = at;
            }
        }
        return best < 0 ? null : new Span(best, best + quote.length());
    }
}
