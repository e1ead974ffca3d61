package org.imrworkbench.parse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.List;

/**
 * Reads a PDF letter's text layer through PDFBox. Pages are separated by a form feed ({@code \f}) so that the
 * {@link Normaliser} can remove page breaks and page furniture.
 */
public final class PdfTextReader {

    /** Letters run to a handful of pages; a document far longer than that is refused rather than read. */
    public static final int MAX_PAGES = 400;

    /**
     * PDFBox logs font substitutions and recoverable syntax problems through java.util.logging; they mean nothing
     * to our users and must not clutter stderr. Strong references keep the levels set.
     */
    private static final java.util.logging.Logger[] QUIET = {
        java.util.logging.Logger.getLogger("org.apache.pdfbox"),
        java.util.logging.Logger.getLogger("org.apache.fontbox"),
    };

    static {
        for (java.util.logging.Logger logger : QUIET) {
            logger.setLevel(java.util.logging.Level.OFF);
        }
    }

    private PdfTextReader() {
    }

    public static boolean isPdf(byte[] bytes) {
        // The header may be preceded by a little junk; readers accept it within the first KiB.
        int n = Math.min(bytes.length, 1024);
        for (int i = 0; i + 4 < n; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F'
                    && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** The creator named in the document information of the binders this app exports. */
    public static final String BINDER_CREATOR = "IMR Workbench";

    public static String read(byte[] bytes) throws UnreadableLetterException {
        if (bytes.length == 0) {
            throw new UnreadableLetterException("empty file (zero bytes)");
        }
        if (!isPdf(bytes)) {
            throw new UnreadableLetterException("not a PDF (no %PDF header)");
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableLetterException("the PDF has no pages");
            }
            if (pages > MAX_PAGES) {
                throw new UnreadableLetterException("the PDF has " + pages
                        + " pages; an IMR letter has a few (at most " + MAX_PAGES + " are read)");
            }
            if (BINDER_CREATOR.equals(document.getDocumentInformation().getCreator())) {
                // its cases' texts would parse as one letter of many items, which then stands in the way of the
                // real letter of the first case number as its duplicate
                throw new UnreadableLetterException("a binder exported by IMR Workbench, not a letter; import the "
                        + "original letters instead");
            }
            PDFTextStripper stripper = new GapMarkingStripper();
            stripper.setPageEnd("\f");
            stripper.setLineSeparator("\n");
            String text = stripper.getText(document);
            if (text.replace('\f', ' ').isBlank()) {
                throw new UnreadableLetterException("no text layer — scanned image; OCR is not supported");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new UnreadableLetterException("password-protected PDF; open it with its password and save an "
                    + "unprotected copy", e);
        } catch (IOException e) {
            throw new UnreadableLetterException("damaged or truncated PDF (" + plain(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            // PDFBox signals some malformed structures with unchecked exceptions.
            throw new UnreadableLetterException("damaged PDF structure (" + plain(e.getMessage()) + ")", e);
        }
    }

    /**
     * Marks a vertical gap of about a blank line between two lines of text with an empty line, as a writer that
     * typed an empty paragraph would have: the {@link Normaliser} takes either as a paragraph break. (PDFBox's own
     * paragraph detection also reacts to indentation and splits the real letters' paragraphs.) Leaves out a glyph
     * drawn again over itself (fake bold), as PDFBox does by default, through the cheaper {@link OverlapFilter}.
     */
    private static final class GapMarkingStripper extends PDFTextStripper {
        private static final float BLANK_LINE_FACTOR = 1.8f;
        private boolean lineStart = true;
        private float lastBaseline = Float.NaN;

        private final OverlapFilter overlaps = new OverlapFilter();

        GapMarkingStripper() throws IOException {
            super();
            // the same rule, kept cheaper: see OverlapFilter
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            overlaps.clear();
            super.processPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (!overlaps.repeats(text.getUnicode(), text.getX(), text.getY(), text.getWidth())) {
                super.processTextPosition(text);
            }
        }

        @Override
        protected void writePageStart() throws IOException {
            super.writePageStart();
            lastBaseline = Float.NaN;
            lineStart = true;
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            super.writeLineSeparator();
            lineStart = true;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (lineStart && !positions.isEmpty()) {
                TextPosition first = positions.get(0);
                float baseline = first.getYDirAdj();
                float size = Math.max(first.getFontSizeInPt(), first.getHeightDir());
                if (!Float.isNaN(lastBaseline) && size > 0 && baseline - lastBaseline > BLANK_LINE_FACTOR * size) {
                    super.writeLineSeparator();
                }
                lastBaseline = baseline;
                lineStart = false;
            }
            super.writeString(text, positions);
        }
    }

    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }
}
