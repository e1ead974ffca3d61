package org.imrworkbench.parse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.imrworkbench.synth.LetterGenerator;
import org.imrworkbench.synth.PdfLetterWriter;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OverlapFilter} leaves out exactly the glyphs PDFBox's own duplicate overlapping text suppression leaves out:
 * the same text from a stripper with PDFBox's rule and from one with the filter, on generated letters, the real
 * corpus, and letters with fake bold (every line drawn twice, slightly offset) and near misses.
 */
class OverlapFilterTest {

    /** PDFBox's stripper with its own rule (its default). */
    private static String withPdfBoxRule(PDDocument d) throws IOException {
        return new PDFTextStripper().getText(d);
    }

    /** The same stripper with PDFBox's rule off and the filter instead, as {@link PdfTextReader} does. */
    private static String withFilter(PDDocument d) throws IOException {
        OverlapFilter filter = new OverlapFilter();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            public void processPage(PDPage page) throws IOException {
                filter.clear();
                super.processPage(page);
            }

            @Override
            protected void processTextPosition(TextPosition t) {
                if (!filter.repeats(t.getUnicode(), t.getX(), t.getY(), t.getWidth())) {
                    super.processTextPosition(t);
                }
            }
        };
        s.setSuppressDuplicateOverlappingText(false);
        return s.getText(d);
    }

    private static void assertSameText(byte[] pdf, String name) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(withFilter(d)).as(name).isEqualTo(withPdfBoxRule(d));
        }
    }

    @Test
    void generatedLettersReadTheSame() throws IOException {
        LetterGenerator generator = new LetterGenerator(5);
        PdfLetterWriter writer = new PdfLetterWriter(true);
        for (long i = 0; i < 40; i++) {
            assertSameText(writer.write(generator.generate(i)), "generated letter " + i);
        }
    }

    @Test
    void theRealCorpusReadsTheSame() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.corpusLetters())) {
            List<Path> pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
            assertThat(pdfs).hasSizeGreaterThan(60);
            for (Path p : pdfs) {
                assertSameText(Files.readAllBytes(p), p.getFileName().toString());
            }
        }
    }

    @Test
    void fakeBoldAndNearMissesReadTheSame() throws IOException {
        // each line drawn again at offsets from nothing to past the tolerance (a third of a glyph's width), across,
        // down and both, with glyphs at cell borders and on a second page: the repeats within it are left out
        float[] offsets = {0f, 0.2f, 0.5f, 0.9f, 1.1f, 1.5f, 1.99f, 2f, 2.01f, 3f, 3.99f, 4f, 6f, -0.5f, -1.2f, -2.5f};
        byte[] pdf = pdf(offsets);
        assertSameText(pdf, "fake bold");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = withFilter(d);
            assertThat(text).contains("Norco 10/325mg #120 is Upheld");
            assertThat(text).doesNotContain("NNorco").doesNotContain("UUpheld");
        }
    }

    private static byte[] pdf(float[] offsets) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int page = 0; page < 2; page++) {
                PDPage p = new PDPage();
                d.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(d, p)) {
                    float y = 740;
                    for (float dx : offsets) {
                        for (float[] shift : new float[][]{{dx, 0}, {0, dx}, {dx, dx}}) {
                            for (float[] at : new float[][]{{72, y}, {72 + shift[0], y + shift[1]}}) {
                                cs.beginText();
                                cs.setFont(font, 11);
                                cs.newLineAtOffset(at[0], at[1]);
                                cs.showText("Norco 10/325mg #120 is Upheld");
                                cs.endText();
                            }
                            y -= 14;
                        }
                    }
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(4f, 8f);       // on a cell border
                    cs.showText("edge");
                    cs.endText();
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }
}
