package org.imrworkbench.testutil;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Small malformed PDFs, one for each way PDFBox fails to read a file: each is a good PDF with a few bytes changed
 * (the same number of bytes, so every offset in the file stays right) or cut short.
 */
public final class BadPdfs {

    private static final List<String> LINES = List.of("HOW THE IMR FINAL DETERMINATION WAS MADE",
            "MAXIMUS Federal Services sent the complete case file to an expert reviewer.");

    private BadPdfs() {
    }

    /** A good letter-like PDF, as {@link PdfMaker} writes it (objects in a compressed object stream). */
    public static byte[] good() {
        return new PdfMaker(40).make(LINES);
    }

    /** Cut to a third of its length: the end of the file, with its cross-reference table, is missing. */
    public static byte[] truncated() {
        byte[] pdf = good();
        return Arrays.copyOf(pdf, pdf.length / 3);
    }

    /** Cut inside its header: nothing after "%PDF-1.6" and a few bytes. */
    public static byte[] cutInHeader() {
        return Arrays.copyOf(good(), 12);
    }

    /** The document catalog's page tree is an empty array instead of a dictionary. */
    public static byte[] damagedPageList() {
        return replace(good(), "/Pages 2 0 R", "/Pages [ ]  ");
    }

    /** A font of the page's text claims to be a composite (Type 0) font but has no descendant font. */
    public static byte[] damagedFont() {
        return replace(goodUncompressed(), "/Subtype /Type1", "/Subtype /Type0");
    }

    /** Encrypted with a security handler no reader knows ("/FooSec" instead of the standard one). */
    public static byte[] unknownEncryption() {
        return replace(encrypted(), "/Filter /Standard", "/Filter /FooSecur");
    }

    /** Encrypted for the holders of certain certificates (public-key security, "/Adobe.PubSec"). */
    public static byte[] certificateEncryption() {
        return replace(encrypted(), "/Filter /Standard\n/V 2\n/R 3", "/Filter /Adobe.PubSec /V 4 ");
    }

    /** Encrypted with a user password ("secret"). */
    public static byte[] passwordProtected() {
        return encrypted();
    }

    private static byte[] encrypted() {
        return new PdfMaker(40).withUserPassword("secret").make(LINES);
    }

    /** The same page written without compression, so that its font dictionary can be edited. */
    public static byte[] goodUncompressed() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                    false)) {
                float y = 700;
                PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                for (String line : LINES) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(72, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 12;
                }
            }
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdf} with its one occurrence of {@code from} replaced by {@code to}, which has the same length. */
    private static byte[] replace(byte[] pdf, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("a replacement must keep the file's offsets: " + from + " -> " + to);
        }
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("not exactly one \"" + from + "\" in the PDF");
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }
}
