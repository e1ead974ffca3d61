package org.imrworkbench.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Recognises a glyph drawn again over one already drawn, as a PDF writer does to fake bold type: the same text
 * within a third of the glyph's width, across and down, of an earlier glyph on the page. The rule is PDFBox's own
 * ({@code PDFTextStripper}'s duplicate overlapping text suppression: an earlier glyph of the same text at
 * {@code x} in {@code [x0 - t, x0 + t)} and {@code y} in {@code [y0 - t, y0 + t)}, {@code t = width / length / 3}),
 * kept here in a grid of cells instead of PDFBox's tree of boxed floats, which cost more than half of a letter's text
 * extraction. One instance per page; not thread-safe.
 */
final class OverlapFilter {

    /** The side of a grid cell, in PDF units; a glyph's tolerance is a few units. */
    private static final float CELL = 4f;
    /** Beyond this distance from the origin (pages are at most 14,400 units) the grid is not used. */
    private static final float FAR = 1e6f;
    /** A tolerance over this many units spans too many cells to visit one by one. */
    private static final float WIDE = 16 * CELL;

    /** Per text, per cell key, the positions of the glyphs shown there. */
    private final Map<String, Map<Long, float[]>> shown = new HashMap<>();

    /** Forgets every glyph: at the start of a page. */
    void clear() {
        shown.clear();
    }

    /**
     * True when a glyph of {@code text} at {@code (x, y)} of {@code width} repeats one already shown (it is to be
     * left out); otherwise records it as shown and returns false. A glyph whose tolerance is not a number or is
     * negative is always shown.
     */
    boolean repeats(String text, float x, float y, float width) {
        float tolerance = width / text.length() / 3.0f;
        if (!(tolerance >= 0) || !Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(tolerance)) {
            return false;
        }
        Map<Long, float[]> cells = shown.computeIfAbsent(text, k -> new HashMap<>());
        float x0 = x - tolerance;
        float x1 = x + tolerance;
        float y0 = y - tolerance;
        float y1 = y + tolerance;
        if (Math.abs(x) > FAR || Math.abs(y) > FAR || tolerance > WIDE) {
            // off any page, or a glyph many cells wide: look at every glyph of the text (rare)
            for (float[] points : cells.values()) {
                if (within(points, x0, x1, y0, y1)) {
                    return true;
                }
            }
        } else {
            for (long cx = cell(x0); cx <= cell(x1); cx++) {
                for (long cy = cell(y0); cy <= cell(y1); cy++) {
                    if (within(cells.get(key(cx, cy)), x0, x1, y0, y1)) {
                        return true;
                    }
                }
            }
        }
        cells.merge(key(cell(x), cell(y)), new float[]{1, x, y}, OverlapFilter::append);
        return false;
    }

    /** True when one of {@code points} (may be null) has x in {@code [x0, x1)} and y in {@code [y0, y1)}. */
    private static boolean within(float[] points, float x0, float x1, float y0, float y1) {
        if (points == null) {
            return false;
        }
        for (int i = 1; i <= (int) points[0]; i++) {
            float px = points[2 * i - 1];
            float py = points[2 * i];
            if (Float.compare(px, x0) >= 0 && Float.compare(px, x1) < 0
                    && Float.compare(py, y0) >= 0 && Float.compare(py, y1) < 0) {
                return true;
            }
        }
        return false;
    }

    private static long cell(float v) {
        return (long) Math.floor(v / CELL);
    }

    private static Long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xFFFFFFFFL);
    }

    /** Points as {@code [count, x1, y1, x2, y2, ...]}, with room to spare. */
    private static float[] append(float[] points, float[] one) {
        int n = (int) points[0];
        float[] out = points;
        if (2 * n + 3 > points.length) {
            out = java.util.Arrays.copyOf(points, 4 * n + 3);
        }
        out[2 * n + 1] = one[1];
        out[2 * n + 2] = one[2];
        out[0] = n + 1;
        return out;
    }
}
