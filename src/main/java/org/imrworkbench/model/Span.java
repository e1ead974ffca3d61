package org.imrworkbench.model;

/**
 * A half-open character range {@code [start, end)} in a letter's normalised text.
 * Every extracted field keeps one, so highlights and annotations can anchor to it.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The text this span covers in {@code text}. */
    public String of(String text) {
        return text.substring(start, end);
    }

    /** This span moved by {@code offset} characters. */
    public Span shift(int offset) {
        return new Span(start + offset, end + offset);
    }

    public boolean contains(Span other) {
        return other != null && start <= other.start && other.end <= end;
    }
}
