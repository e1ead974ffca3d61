package org.imrworkbench.parse;

import org.imrworkbench.testutil.BadPdfs;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Files that are not letters get a clear, specific reason: never an exception, never a class name. */
class BadInputTest {

    private final LetterReader reader = new LetterReader();

    private ParsedFile read(String name, byte[] bytes) {
        ParsedFile result = reader.read(name, bytes);
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("\n");
        return result;
    }

    @Test
    void emptyFiles() {
        assertThat(read("empty.txt", new byte[0]).error()).isEqualTo("empty file");
        assertThat(read("empty.pdf", new byte[0]).error()).isEqualTo("empty file (zero bytes)");
    }

    @Test
    void randomBytesNamedPdfOrText() {
        byte[] random = new byte[20_000];
        new Random(42).nextBytes(random);
        assertThat(read("noise.pdf", random).error()).startsWith("not a PDF");
        assertThat(read("noise.txt", random).error()).isEqualTo("binary data, not a text letter");
    }

    @Test
    void textThatIsNotALetter() {
        byte[] invoice = "Invoice 2231\nTotal due: $120.00\nThank you for your business.".getBytes(StandardCharsets.UTF_8);
        assertThat(read("invoice.txt", invoice).error()).startsWith("not an IMR determination letter");
    }

    @Test
    void passwordProtectedPdf() {
        byte[] pdf = new PdfMaker(40).withUserPassword("secret").make(List.of("HOW THE IMR FINAL DETERMINATION WAS MADE"));
        assertThat(read("locked.pdf", pdf).error()).startsWith("password-protected PDF");
    }

    @Test
    void scannedPdfWithoutTextLayer() {
        assertThat(read("scan.pdf", PdfMaker.imageOnly(2)).error())
                .isEqualTo("no text layer — scanned image; OCR is not supported, so import a copy with selectable "
                        + "text (a PDF program with OCR can make one)");
    }

    // PDFs that PDFBox cannot read: the reason is in our words, what is wrong and what to do; PDFBox's own words
    // are kept as the cause, which --debug prints.

    /** Reads a PDF PDFBox fails on: the reason names none of PDFBox's words, which are in the cause. */
    private ParsedFile readBadPdf(String name, byte[] pdf, String pdfBoxWords) {
        ParsedFile result = read(name, pdf);
        assertThat(result.error()).doesNotContain(pdfBoxWords);
        assertThat(result.cause()).as("the technical detail, for --debug").isNotNull();
        assertThat(result.cause().toString()).contains(pdfBoxWords);
        return result;
    }

    @Test
    void aPdfWhosePageListIsDamaged() {
        assertThat(readBadPdf("pages.pdf", BadPdfs.damagedPageList(), "Page tree root must be a dictionary").error())
                .isEqualTo("damaged PDF: its page list cannot be read; open it in a PDF viewer and save or print it "
                        + "to a new PDF, then import that");
    }

    @Test
    void aPdfCutShort() {
        String incomplete = "incomplete PDF: the file is cut short, as an interrupted download or copy leaves it; "
                + "download or copy it again, then import the new copy";
        assertThat(readBadPdf("cut.pdf", BadPdfs.truncated(), "Page tree root").error()).isEqualTo(incomplete);
        assertThat(readBadPdf("header.pdf", BadPdfs.cutInHeader(), "trailer").error()).isEqualTo(incomplete);
    }

    @Test
    void aPdfWhoseTextCannotBeRead() {
        assertThat(readBadPdf("font.pdf", BadPdfs.damagedFont(), "descendant font").error())
                .isEqualTo("damaged PDF: the text of its pages cannot be read; open it in a PDF viewer and save or "
                        + "print it to a new PDF, then import that");
    }

    @Test
    void aPdfEncryptedInAWayThatCannotBeOpened() {
        String encrypted = "encrypted PDF of a kind IMR Workbench cannot open (certificate security or an unknown "
                + "method); open it in a PDF viewer that can and save or print it to a new PDF without encryption, "
                + "then import that";
        assertThat(readBadPdf("foosec.pdf", BadPdfs.unknownEncryption(), "FooSecur").error()).isEqualTo(encrypted);
        // PDFBox reads certificate security through Bouncy Castle, which is not bundled: its class is missing
        assertThat(readBadPdf("pubsec.pdf", BadPdfs.certificateEncryption(), "bouncycastle").error())
                .isEqualTo(encrypted);
    }

    @Test
    void aPasswordProtectedPdfSaysWhatToDo() {
        assertThat(readBadPdf("locked.pdf", BadPdfs.passwordProtected(), "password is incorrect").error())
                .isEqualTo("password-protected PDF: open it with its password in a PDF viewer and save a copy "
                        + "without one, then import that");
    }

    @Test
    void theGoodPdfsTheBadOnesAreMadeFromAreRead() {
        assertThat(reader.read("good.pdf", BadPdfs.good()).ok()).isTrue();
        assertThat(reader.read("good.pdf", BadPdfs.goodUncompressed()).ok()).isTrue();
    }

    @Test
    void truncatedPdf() throws IOException {
        byte[] text = Files.readAllBytes(SharedCorpus.samples().get(0));
        byte[] pdf = new PdfMaker(30).make(PdfMaker.undoubleSpacing(new String(text, StandardCharsets.UTF_8)));
        byte[] cut = Arrays.copyOf(pdf, pdf.length / 3);
        ParsedFile result = reader.read("cut.pdf", cut);
        // PDFBox may recover the pages it can read; then the letter is incomplete and says so, else it is refused.
        if (result.ok()) {
            assertThat(result.letter().warnings()).isNotEmpty();
        } else {
            assertThat(result.error()).containsAnyOf("incomplete PDF", "no text layer", "not an IMR");
        }
    }

    @Test
    void aLetterCutShortStillParsesWhatItHasAndWarns() throws IOException {
        String seed = Files.readString(SharedCorpus.samples().get(1));
        String half = seed.substring(0, seed.indexOf("IMR ISSUES"));
        ParsedFile result = reader.read("half.txt", half.getBytes(StandardCharsets.UTF_8));
        assertThat(result.ok()).isTrue();
        assertThat(result.letter().warnings()).contains("no disputed items found");
    }

    @Test
    void hugeFilesAreRefusedBeforeBeingRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = "Not a letter, just a very long text file. ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 50L * 1024 * 1024; written += block.length) {
                out.write(block);
            }
        }
        ParsedFile result = reader.read(big);
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).startsWith("too large for an IMR letter (50.0 MB");
    }

    @Test
    void aPdfOfAThousandPagesIsRefusedWithItsPageCount() {
        byte[] pdf = new PdfMaker(1).make(java.util.Collections.nCopies(1000, "page"));
        assertThat(read("thousand.pdf", pdf).error()).startsWith("the PDF has 1000 pages");
    }

    @Test
    void missingFilesAndFolders(@TempDir Path dir) {
        assertThat(reader.read(dir.resolve("nope.pdf")).error()).isEqualTo("no such file");
        assertThat(reader.read(dir).error()).isEqualTo("is a folder, not a letter file");
    }

    @Test
    void windows1252AndUtf16LettersKeepTheirCharacters() throws IOException {
        String seed = Files.readString(SharedCorpus.samples().get(2))
                .replace("The injured worker is a 48 year old male", "The injured worker\u2019s \u201Cna\u00EFve\u201D "
                        + "caf\u00E9 case \u2014 a 48 year old male");
        for (java.nio.charset.Charset cs : List.of(java.nio.charset.Charset.forName("windows-1252"),
                StandardCharsets.UTF_16LE, StandardCharsets.UTF_16)) {
            ParsedFile result = reader.read("accents.txt", seed.getBytes(cs));
            assertThat(result.ok()).as(cs.name()).isTrue();
            assertThat(result.letter().summary()).startsWith("The injured worker\u2019s \u201Cna\u00EFve\u201D caf\u00E9 "
                    + "case \u2014 a 48 year old male");
            assertThat(result.letter().patient().age()).isEqualTo(48);
        }
    }
}
