package org.imrworkbench.export;

import org.apache.pdfbox.pdmodel.PDPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a highlight of characters {@code [start, end)} of a laid-out text falls: one box per line it touches, from the
 * left edge of its first highlighted glyph to the right edge of its last, grouped by page.
 */
final class HighlightGeometry {

    /** One line's part of a highlight: {@code x0..x1} on the line at {@code baseline}. */
    record LineBox(float x0, float x1, float baseline, Typesetter.Style style) {

        float top() {
            return baseline + style.ascent();
        }

        float bottom() {
            return baseline - style.descent();
        }
    }

    private HighlightGeometry() {
    }

    /**
     * The boxes of {@code [start, end)} of {@code text}, laid out as {@code placed}, by page in page order; empty when
     * the range covers no placed glyph.
     */
    static Map<PDPage, List<LineBox>> boxes(List<Typesetter.Placed> placed, String text, int start, int end,
                                            PdfFonts fonts) {
        Map<PDPage, List<LineBox>> byPage = new LinkedHashMap<>();
        for (Typesetter.Placed p : placed) {
            int from = Math.max(start, p.start());
            int to = Math.min(end, p.end());
            if (from >= to) {
                continue;
            }
            Typesetter.Style s = p.style();
            float x0 = p.x() + fonts.width(s.font(), s.size(), text.substring(p.start(), from));
            float x1 = p.x() + fonts.width(s.font(), s.size(), text.substring(p.start(), to));
            List<LineBox> boxes = byPage.computeIfAbsent(p.page(), k -> new ArrayList<>());
            LineBox last = boxes.isEmpty() ? null : boxes.get(boxes.size() - 1);
            if (last != null && last.baseline() == p.baseline()) {
                boxes.set(boxes.size() - 1, new LineBox(last.x0(), x1, last.baseline(), s));
            } else {
                boxes.add(new LineBox(x0, x1, p.baseline(), s));
            }
        }
        return byPage;
    }

    /**
     * The quad points of boxes in the order readers expect: per box, top-left, top-right, bottom-left,
     * bottom-right.
     */
    static float[] quadPoints(List<LineBox> boxes) {
        float[] q = new float[boxes.size() * 8];
        int k = 0;
        for (LineBox b : boxes) {
            float[] points = {b.x0(), b.top(), b.x1(), b.top(), b.x0(), b.bottom(), b.x1(), b.bottom()};
            System.arraycopy(points, 0, q, k, 8);
            k += 8;
        }
        return q;
    }
}
