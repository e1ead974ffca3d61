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

    // What is wrong with a PDF PDFBox cannot read, and what the user can do, in our words; PDFBox's own words stay
    // in the exception's cause, which --debug prints.
    private static final String PASSWORD_PROTECTED = "password-protected PDF: open it with its password in a PDF "
            + "viewer and save a copy without one, then import that";
    private static final String UNKNOWN_ENCRYPTION = "encrypted PDF of a kind IMR Workbench cannot open (certificate "
            + "security or an unknown method); open it in a PDF viewer that can and save or print it to a new PDF "
            + "without encryption, then import that";
    private static final String INCOMPLETE = "incomplete PDF: the file is cut short, as an interrupted download or "
            + "copy leaves it; download or copy it again, then import the new copy";
    private static final String RESAVE =
            "; open it in a PDF viewer and save or print it to a new PDF, then import that";
    private static final String DAMAGED_PAGE_LIST = "damaged PDF: its page list cannot be read" + RESAVE;
    private static final String DAMAGED_STRUCTURE = "damaged PDF: its structure cannot be read" + RESAVE;
    private static final String DAMAGED_TEXT = "damaged PDF: the text of its pages cannot be read" + RESAVE;
    private static final String NO_TEXT = "no text layer — scanned image; OCR is not supported, so import a copy "
            + "with selectable text (a PDF program with OCR can make one)";

    public static String read(byte[] bytes) throws UnreadableLetterException {
        if (bytes.length == 0) {
            throw new UnreadableLetterException("empty file (zero bytes)");
        }
        if (!isPdf(bytes)) {
            throw new UnreadableLetterException("not a PDF (no %PDF header)");
        }
        PDDocument loaded;
        try {
            loaded = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new UnreadableLetterException(PASSWORD_PROTECTED, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox signals some malformed structures with unchecked exceptions.
            throw new UnreadableLetterException(unopenable(bytes, e), e);
        } catch (NoClassDefFoundError e) {
            // PDFBox reads certificate (public-key) security through Bouncy Castle, which the app does not bundle.
            if (!isEncrypted(bytes)) {
                throw e;
            }
            throw new UnreadableLetterException(UNKNOWN_ENCRYPTION, e);
        }
        try (PDDocument document = loaded) {
            int pages;
            try {
                pages = document.getNumberOfPages();
            } catch (RuntimeException e) {
                throw new UnreadableLetterException(isCutShort(bytes) ? INCOMPLETE : DAMAGED_PAGE_LIST, e);
            }
            String creator;
            try {
                creator = document.getDocumentInformation().getCreator();
            } catch (RuntimeException e) {
                throw new UnreadableLetterException(isCutShort(bytes) ? INCOMPLETE : DAMAGED_STRUCTURE, e);
            }
            if (pages == 0) {
                throw new UnreadableLetterException("the PDF has no pages");
            }
            if (pages > MAX_PAGES) {
                throw new UnreadableLetterException("the PDF has " + pages
                        + " pages; an IMR letter has a few (at most " + MAX_PAGES + " are read)");
            }
            if (BINDER_CREATOR.equals(creator)) {
                // its cases' texts would parse as one letter of many items, which then stands in the way of the
                // real letter of the first case number as its duplicate
                throw new UnreadableLetterException("a binder exported by IMR Workbench, not a letter; import the "
                        + "original letters instead");
            }
            String text;
            try {
                PDFTextStripper stripper = new GapMarkingStripper();
                stripper.setPageEnd("\f");
                stripper.setLineSeparator("\n");
                text = stripper.getText(document);
            } catch (IOException | RuntimeException e) {
                throw new UnreadableLetterException(isCutShort(bytes) ? INCOMPLETE : DAMAGED_TEXT, e);
            }
            if (text.replace('\f', ' ').isBlank()) {
                throw new UnreadableLetterException(NO_TEXT);
            }
            return text;
        } catch (IOException e) {
            // closing a document read from memory
            throw new UnreadableLetterException(DAMAGED_STRUCTURE, e);
        }
    }

    /** Why PDFBox could not open a PDF, for the user: cut short, encrypted, or which part is damaged. */
    private static String unopenable(byte[] bytes, Exception e) {
        if (isCutShort(bytes)) {
            return INCOMPLETE;
        }
        if (isEncrypted(bytes)) {
            return UNKNOWN_ENCRYPTION;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        // PDFBox checks the page tree as it opens a document ("Page tree root must be a dictionary")
        return message.contains("page tree") ? DAMAGED_PAGE_LIST : DAMAGED_STRUCTURE;
    }

    /** Whether the file lacks the "%%EOF" that ends every complete PDF (within its last KiB, as readers allow). */
    private static boolean isCutShort(byte[] bytes) {
        return indexOf(bytes, "%%EOF", Math.max(0, bytes.length - 1024)) < 0;
    }

    /**
     * Whether the PDF names an encryption dictionary ("/Encrypt" in its trailer, which is never compressed nor
     * encrypted itself).
     */
    private static boolean isEncrypted(byte[] bytes) {
        return indexOf(bytes, "/Encrypt", 0) >= 0;
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        outer:
        for (int i = from; i + ascii.length() <= bytes.length; i++) {
            for (int k = 0; k < ascii.length(); k++) {
                if (bytes[i + k] != ascii.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
}
