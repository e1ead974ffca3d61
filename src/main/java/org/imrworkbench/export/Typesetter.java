package org.imrworkbench.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lays text out on US Letter pages, word by word, breaking lines and pages itself, and remembers where every word
 * went ({@link Placed}), so highlights can be drawn exactly over laid-out words. Text is left-aligned and never
 * hyphenated; a word wider than the line is broken between characters.
 *
 * <p>One content stream is open at a time, for the current page; {@link #close()} closes it.
 */
final class Typesetter implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.LETTER;
    static final float MARGIN = 60;
    static final float TOP = PAGE.getHeight() - 56;
    static final float BOTTOM = 64;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    /** A font, size, line height and colour. */
    record Style(PDType0Font font, float size, float leading, Color color) {

        /** The height a highlight covers above the baseline. */
        float ascent() {
            return size * 0.93f;
        }

        /** The depth a highlight covers below the baseline. */
        float descent() {
            return size * 0.25f;
        }
    }

    /**
     * Where a piece of text went: characters {@code [start, end)} of the text given to {@link #flow}, drawn from
     * {@code x} on the line at {@code baseline} of {@code page}.
     */
    record Placed(PDPage page, int start, int end, float x, float baseline, Style style) {
    }

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final Consumer<PDPage> pageSink;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    /**
     * @param pageSink where a new page goes ({@code doc::addPage} to append; the contents are inserted elsewhere)
     */
    Typesetter(PDDocument doc, PdfFonts fonts, Consumer<PDPage> pageSink) {
        this.doc = doc;
        this.fonts = fonts;
        this.pageSink = pageSink;
    }

    /** Starts a new page; the cursor goes to its top. */
    PDPage newPage() {
        closeStream();
        page = new PDPage(PAGE);
        pageSink.accept(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
        return page;
    }

    PDPage page() {
        return page;
    }

    /** The cursor: the top of the next thing laid out. */
    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points fit above the bottom margin. */
    void ensure(float height) {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    // ------------------------------------------------------------------------------------------- drawing

    /** Draws one run of text (made glyph-safe) with its baseline at {@code baseline}. */
    void text(Style style, float x, float baseline, String text) {
        try {
            cs.beginText();
            cs.setFont(style.font(), style.size());
            cs.setNonStrokingColor(style.color());
            cs.newLineAtOffset(x, baseline);
            cs.showText(fonts.safe(style.font(), text));
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text right-aligned at {@code right}. */
    void textRight(Style style, float right, float baseline, String text) {
        text(style, right - width(style, text), baseline, text);
    }

    float width(Style style, String text) {
        return fonts.width(style.font(), style.size(), text);
    }

    void fill(float x, float y, float w, float h, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, y, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle with rounded corners of radius {@code r}, filled. */
    void fillRounded(float x, float y, float w, float h, float r, Color color) {
        float k = 0.5523f * r;
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(x + r, y);
            cs.lineTo(x + w - r, y);
            cs.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
            cs.lineTo(x + w, y + h - r);
            cs.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
            cs.lineTo(x + r, y + h);
            cs.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
            cs.lineTo(x, y + r);
            cs.curveTo(x, y + r - k, x + r - k, y, x + r, y);
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A horizontal line. */
    void rule(float x0, float x1, float y, float thickness, Color color) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(thickness);
            cs.moveTo(x0, y);
            cs.lineTo(x1, y);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- flowing

    /**
     * Lays out {@code text} from the cursor in the column {@code [left, left + width)}: each line of the text is a
     * paragraph (separated by {@code paragraphGap} points), words are wrapped greedily, pages break as needed.
     *
     * @return where each word went, in text order
     */
    List<Placed> flow(String text, Style style, float left, float width, float paragraphGap) {
        List<Placed> placed = new ArrayList<>();
        float space = width(style, " ");
        int paragraphStart = 0;
        boolean first = true;
        while (paragraphStart <= text.length()) {
            int paragraphEnd = text.indexOf('\n', paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            if (!first) {
                y -= paragraphGap;
            }
            first = false;
            List<int[]> words = words(text, paragraphStart, paragraphEnd, style, width);
            List<int[]> line = new ArrayList<>();
            float lineWidth = 0;
            for (int[] w : words) {
                float ww = width(style, text.substring(w[0], w[1]));
                float needed = line.isEmpty() ? ww : lineWidth + space + ww;
                if (!line.isEmpty() && needed > width) {
                    placeLine(text, line, style, left, space, placed);
                    line.clear();
                    needed = ww;
                }
                line.add(w);
                lineWidth = needed;
            }
            if (!line.isEmpty()) {
                placeLine(text, line, style, left, space, placed);
            }
            paragraphStart = paragraphEnd + 1;
        }
        return placed;
    }

    /** The words of {@code text[from, to)} as {@code [start, end)}; a word wider than {@code width} is cut. */
    private List<int[]> words(String text, int from, int to, Style style, float width) {
        List<int[]> words = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                int s = start;
                while (width(style, text.substring(s, i)) > width) {
                    int cut = s + 1;
                    while (cut < i && width(style, text.substring(s, cut + 1)) <= width) {
                        cut++;
                    }
                    if (Character.isHighSurrogate(text.charAt(cut - 1)) && cut < i) {
                        cut++;
                    }
                    words.add(new int[]{s, cut});
                    s = cut;
                }
                words.add(new int[]{s, i});
            }
        }
        return words;
    }

    private void placeLine(String text, List<int[]> line, Style style, float left, float space, List<Placed> placed) {
        ensure(style.leading());
        float baseline = y - style.size();
        float x = left;
        try {
            cs.beginText();
            cs.setFont(style.font(), style.size());
            cs.setNonStrokingColor(style.color());
            for (int[] w : line) {
                String word = text.substring(w[0], w[1]);
                cs.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
                cs.showText(fonts.safe(style.font(), word));
                placed.add(new Placed(page, w[0], w[1], x, baseline, style));
                x += width(style, word) + space;
            }
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= style.leading();
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    @Override
    public void close() {
        closeStream();
    }
}
