package org.imrworkbench.testutil;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Writes plain text lines into a Letter-size PDF, the way a word processor's export would lay them out. */
public final class PdfMaker {

    private final int linesPerPage;
    private boolean pageNumbers;
    private String runningHead;
    private String userPassword;

    public PdfMaker(int linesPerPage) {
        this.linesPerPage = linesPerPage;
    }

    /** Adds "Page N of M" at the foot of every page (page furniture the reader must remove). */
    public PdfMaker withPageNumbers() {
        this.pageNumbers = true;
        return this;
    }

    /** Adds a running head at the top of every page (page furniture the reader must remove). */
    public PdfMaker withRunningHead(String head) {
        this.runningHead = head;
        return this;
    }

    /** Encrypts the PDF so that it opens only with this password. */
    public PdfMaker withUserPassword(String password) {
        this.userPassword = password;
        return this;
    }

    /** Lines of a text letter in the seeds' rendering, with the blank line after every line removed and paragraph breaks kept. */
    public static List<String> undoubleSpacing(String seedText) {
        String[] raw = seedText.replace("\r", "").split("\n", -1);
        List<String> lines = new ArrayList<>();
        boolean paragraphBreak = false;
        for (String line : raw) {
            if (line.isBlank()) {
                // a line holding a space marks a paragraph break; empty lines alone are spacing or a page break
                paragraphBreak |= !line.isEmpty();
                continue;
            }
            if (paragraphBreak && !lines.isEmpty()) {
                lines.add("");
            }
            lines.add(line.strip());
            paragraphBreak = false;
        }
        return lines;
    }

    public byte[] make(List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<List<String>> pages = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += linesPerPage) {
                pages.add(lines.subList(i, Math.min(lines.size(), i + linesPerPage)));
            }
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 740;
                    if (runningHead != null) {
                        text(cs, font, 72, 760, runningHead);
                    }
                    for (String line : pages.get(p)) {
                        text(cs, font, 72, y, line);
                        y -= 12;
                    }
                    if (pageNumbers) {
                        text(cs, font, 280, 40, "Page " + (p + 1) + " of " + pages.size());
                    }
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose pages hold only a drawn rectangle: what a scanner without OCR produces, text-wise. */
    public static byte[] imageOnly(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.addRect(100, 100, 400, 600);
                    cs.fill();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float x, float y, String line)
            throws IOException {
        if (line.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, 9);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
    }
}
