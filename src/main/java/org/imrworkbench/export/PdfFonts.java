package org.imrworkbench.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The binder's fonts, DejaVu Sans and DejaVu Sans Bold (bundled in {@code resources/fonts}, subset-embedded), and
 * glyph-safe text: a character the font lacks (an emoji, CJK) or cannot show (a control character) is written as
 * {@link #FALLBACK}, one per code point, never an exception.
 */
final class PdfFonts {

    /** What a character without a glyph is written as. */
    static final char FALLBACK = '?';

    final PDType0Font regular;
    final PDType0Font bold;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final Map<PDType0Font, Map<Integer, Float>> advances = new HashMap<>();

    PdfFonts(PDDocument doc) {
        this.regular = load(doc, "/fonts/DejaVuSans.ttf");
        this.bold = load(doc, "/fonts/DejaVuSans-Bold.ttf");
    }

    private static PDType0Font load(PDDocument doc, String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the font " + resource + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + resource, e);
        }
    }

    /** The text with every character the font cannot show replaced by {@link #FALLBACK}, one per code point. */
    String safe(PDType0Font font, String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!canShow(font, cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(FALLBACK);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * The width in points of {@code text} (made safe) at {@code size}: the sum of its glyphs' advances, as PDFBox
     * measures a string (no kerning), from a per-font cache of advances.
     */
    float width(PDType0Font font, float size, String text) {
        Map<Integer, Float> widths = advances.computeIfAbsent(font, f -> new HashMap<>());
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int shown = canShow(font, cp) ? cp : FALLBACK;
            total += widths.computeIfAbsent(shown, c -> advance(font, c));
        }
        return total / 1000f * size;
    }

    private static float advance(PDType0Font font, int codePoint) {
        try {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure text", e);
        }
    }

    private boolean canShow(PDType0Font font, int cp) {
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE) {
            return false;
        }
        return glyphs.computeIfAbsent(font, f -> new HashMap<>())
                .computeIfAbsent(cp, c -> font.getCmapLookup().getGlyphId(c) > 0);
    }
}
