package org.imrworkbench.synth;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link LetterDocument} out as the word processor did for the real letters: US Letter, 1-inch margins,
 * Times 12 pt with single spacing, lines broken greedily at spaces or after a hyphen (never hyphenating a word
 * itself), and pages broken with widow and orphan control (no paragraph leaves a single line on either side of a
 * page break), so that page breaks fall inside paragraphs as they do in reality. An empty paragraph that would
 * open a page is dropped, as in the real letters. The text and PDF renderings share this layout, so a letter
 * breaks its lines and pages in the same places in both.
 */
final class Typesetter {

    static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
    static final float MARGIN = 72;
    static final float TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    static final float BODY_SIZE = 12;
    static final float LEADING = 13.8f;
    /** Body lines on a page. */
    static final int LINES_PER_PAGE = (int) ((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
    /** Body lines the header table and the space after it take on the first page. */
    static final int HEADER_LINES = 7;

    /** Glyph widths of Times-Roman in thousandths of the font size, for the printable ASCII characters. */
    private static final float[] TIMES_WIDTHS = widths(Standard14Fonts.FontName.TIMES_ROMAN);

    private Typesetter() {
    }

    enum Kind { HEADING, BODY, BLANK }

    /**
     * One laid-out line.
     *
     * @param text     the line's characters without the spaces the line was broken at
     * @param trailing the spaces the line was broken at ("" after a hyphen); a paragraph's last line keeps one
     */
    record Line(Kind kind, String text, String trailing) {
    }

    /** A document and its pages of lines; the header table, when there is one, stands above page 1's lines. */
    record Layout(LetterDocument document, List<List<Line>> pages) {
    }

    static Layout layout(LetterDocument document) {
        Pager pager = new Pager(document.header() == null ? LINES_PER_PAGE : LINES_PER_PAGE - HEADER_LINES);
        for (LetterDocument.Block block : document.blocks()) {
            if (block instanceof LetterDocument.Heading h) {
                pager.heading(new Line(Kind.HEADING, h.text(), " "));
            } else if (block instanceof LetterDocument.Paragraph p) {
                pager.paragraph(wrap(p.text(), document.twoSpacesBetweenSentences()));
            } else {
                pager.blank();
            }
        }
        return new Layout(document, pager.pages);
    }

    /** Fills pages with widow and orphan control; headings keep with the two lines after them. */
    private static final class Pager {
        final List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        int capacity;

        Pager(int firstPageCapacity) {
            capacity = firstPageCapacity;
            pages.add(page);
        }

        int room() {
            return capacity - page.size();
        }

        void newPage() {
            page = new ArrayList<>();
            pages.add(page);
            capacity = LINES_PER_PAGE;
        }

        void heading(Line line) {
            if (room() < 3) {
                newPage();
            }
            page.add(line);
        }

        void blank() {
            if (room() < 1) {
                newPage();
            }
            if (!page.isEmpty() || pages.size() == 1) {
                page.add(new Line(Kind.BLANK, "", " "));
            }
        }

        void paragraph(List<Line> lines) {
            int from = 0;
            while (from < lines.size()) {
                int left = lines.size() - from;
                int take = Math.min(left, room());
                if (take < left) {
                    if (left - take == 1) {
                        take--; // no widow: carry a second line over
                    }
                    if (take < 2) {
                        take = 0; // no orphan: the paragraph starts on the next page
                    }
                }
                page.addAll(lines.subList(from, from + take));
                from += take;
                if (from < lines.size()) {
                    newPage();
                }
            }
        }
    }

    /**
     * Breaks a paragraph into lines of at most {@link #TEXT_WIDTH} points. The spaces a line breaks at hang past
     * the margin, as in a word processor; a word too long for the rest of a line is broken after one of its own
     * hyphens when its head fits ("45-" / "year-old", "C7-" / "T1").
     */
    static List<Line> wrap(String text, boolean twoSpacesBetweenSentences) {
        List<String> words = new ArrayList<>();
        List<String> spaces = new ArrayList<>();
        tokenize(text, twoSpacesBetweenSentences, words, spaces);
        List<Line> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float width = 0;
        String pendingSpace = "";
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            float wordWidth = width(word);
            float spaceWidth = width(pendingSpace);
            if (line.length() > 0 && width + spaceWidth + wordWidth > TEXT_WIDTH) {
                int cut = hyphenCut(word, TEXT_WIDTH - width - spaceWidth);
                if (cut > 0) {
                    line.append(pendingSpace).append(word, 0, cut);
                    lines.add(new Line(Kind.BODY, line.toString(), ""));
                    word = word.substring(cut);
                    wordWidth = width(word);
                } else {
                    lines.add(new Line(Kind.BODY, line.toString(), pendingSpace));
                }
                line.setLength(0);
                width = 0;
                pendingSpace = "";
            }
            line.append(pendingSpace).append(word);
            width += width(pendingSpace) + wordWidth;
            pendingSpace = spaces.get(i);
        }
        lines.add(new Line(Kind.BODY, line.toString(), " "));
        return lines;
    }

    /** Splits on spaces, keeping each word's following spaces; a full stop may be given two. */
    private static void tokenize(String text, boolean twoSpaces, List<String> words, List<String> spaces) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) != ' ') {
                i++;
            }
            String word = text.substring(start, i);
            int spaceStart = i;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            String space = text.substring(spaceStart, i);
            if (twoSpaces && space.equals(" ") && endsSentence(word) && i < n
                    && Character.isUpperCase(text.charAt(i))) {
                space = "  ";
            }
            words.add(word);
            spaces.add(space);
        }
    }

    private static boolean endsSentence(String word) {
        return word.length() > 3 && word.endsWith(".") && Character.isLowerCase(word.charAt(word.length() - 2));
    }

    /** The length of the longest head of {@code word} ending in one of its hyphens that fits {@code room}. */
    private static int hyphenCut(String word, float room) {
        for (int h = word.length() - 2; h > 0; h--) {
            if (word.charAt(h) == '-' && Character.isLetterOrDigit(word.charAt(h - 1))
                    && width(word.substring(0, h + 1)) <= room) {
                return h + 1;
            }
        }
        return 0;
    }

    /** The width of {@code s} in points, set in Times-Roman at {@link #BODY_SIZE}. */
    static float width(String s) {
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c > 126) {
                throw new IllegalArgumentException("generated text must be printable ASCII (a subset of WinAnsi): "
                        + "U+" + Integer.toHexString(c) + " in \"" + s + "\"");
            }
            w += TIMES_WIDTHS[c];
        }
        return w * BODY_SIZE / 1000f;
    }

    private static float[] widths(Standard14Fonts.FontName name) {
        PDType1Font font = new PDType1Font(name);
        float[] widths = new float[127];
        try {
            for (char c = 32; c < 127; c++) {
                widths[c] = font.getStringWidth(String.valueOf(c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the standard 14 font metrics ship with PDFBox", e);
        }
        return widths;
    }
}
