package org.imrworkbench.synth;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Writes a generated letter as a PDF laid out like the published ones: US Letter, 1-inch margins, the body in
 * Times 12 pt, headings in Times Bold centred, the 2016–17 header table in Helvetica 11 pt with its labels and
 * values in two columns. Only the standard 14 fonts are used (nothing embedded), so the text must stay within
 * WinAnsi; the {@link Typesetter} enforces printable ASCII. With page numbers on, "Page N of M" stands at the
 * foot of every page, to exercise the parser's removal of page furniture (the real letters have none).
 * Thread-safe: each call builds its own document.
 */
public final class PdfLetterWriter {

    private static final float HEADER_SIZE = 11;
    private static final float HEADER_LEADING = 13.1f;
    private static final float HEADER_TOP = Typesetter.PAGE_HEIGHT - 95.4f - HEADER_SIZE * 0.9f;
    private static final float[] HEADER_COLUMNS = {72.0f, 179.4f, 329.0f, 426.9f};
    private static final float FOOTER_BASELINE = 40;

    private final boolean pageNumbers;

    /** @param pageNumbers whether to print "Page N of M" at the foot of each page */
    public PdfLetterWriter(boolean pageNumbers) {
        this.pageNumbers = pageNumbers;
    }

    /** The letter as PDF bytes. */
    public byte[] write(GeneratedLetter letter) {
        return write(Typesetter.layout(letter.document()));
    }

    byte[] write(Typesetter.Layout layout) {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font body = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setCreator("IMR Workbench synthetic letter generator (test data, not a real determination)");
            info.setProducer("Apache PDFBox");
            List<List<Typesetter.Line>> pages = layout.pages();
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                    float top = Typesetter.PAGE_HEIGHT - Typesetter.MARGIN - Typesetter.BODY_SIZE;
                    if (p == 0 && layout.document().header() != null) {
                        header(out, sans, layout.document().header());
                        top -= Typesetter.HEADER_LINES * Typesetter.LEADING;
                    }
                    float y = top;
                    for (Typesetter.Line line : pages.get(p)) {
                        if (line.kind() == Typesetter.Kind.HEADING) {
                            float width = bold.getStringWidth(line.text()) * Typesetter.BODY_SIZE / 1000f;
                            show(out, bold, Typesetter.BODY_SIZE, (Typesetter.PAGE_WIDTH - width) / 2, y,
                                    line.text() + line.trailing());
                        } else {
                            show(out, body, Typesetter.BODY_SIZE, Typesetter.MARGIN, y,
                                    line.text() + line.trailing());
                        }
                        y -= Typesetter.LEADING;
                    }
                    if (pageNumbers) {
                        String folio = "Page " + (p + 1) + " of " + pages.size();
                        float width = body.getStringWidth(folio) * 10 / 1000f;
                        show(out, body, 10, (Typesetter.PAGE_WIDTH - width) / 2, FOOTER_BASELINE, folio);
                    }
                }
            }
            COSString id = new COSString(contentDigest(layout));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32768);
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PDF in memory", e);
        }
    }

    /**
     * The file identifier: PDFBox would otherwise make one from the clock, and the same letter must give the same
     * bytes.
     */
    private static byte[] contentDigest(Typesetter.Layout layout) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(String.valueOf(layout.document().header()).getBytes(StandardCharsets.US_ASCII));
            for (List<Typesetter.Line> page : layout.pages()) {
                for (Typesetter.Line line : page) {
                    md5.update(line.text().getBytes(StandardCharsets.US_ASCII));
                    md5.update((byte) '\n');
                }
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * The header table, drawn cell by cell in the order Word writes it, so that PDFBox reads it back as the real
     * letters read: "Priority: Standard Application" / "Received:" / the received date.
     */
    private static void header(PDPageContentStream out, PDType1Font font, LetterDocument.Header h)
            throws IOException {
        float[] row = new float[5];
        for (int i = 0; i < row.length; i++) {
            row[i] = HEADER_TOP - i * HEADER_LEADING;
        }
        cell(out, font, 0, row[0], "Case Number:");
        cell(out, font, 1, row[0], h.caseNumber());
        cell(out, font, 0, row[1], "Date Assigned:");
        cell(out, font, 1, row[1], h.assigned());
        cell(out, font, 2, row[1], "Date of Injury:");
        cell(out, font, 3, row[1], h.injury());
        cell(out, font, 0, row[2], "Decision Date:");
        cell(out, font, 1, row[2], h.decided());
        cell(out, font, 2, row[2], "UR Denial Date:");
        cell(out, font, 3, row[2], h.urDenial());
        cell(out, font, 0, row[3], "Priority:");
        cell(out, font, 1, row[3], h.priority());
        cell(out, font, 2, row[3], "Application");
        cell(out, font, 2, row[4], "Received:");
        cell(out, font, 3, row[3], h.received());
    }

    private static void cell(PDPageContentStream out, PDType1Font font, int column, float y, String text)
            throws IOException {
        show(out, font, HEADER_SIZE, HEADER_COLUMNS[column], y, text + " ");
    }

    private static void show(PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
