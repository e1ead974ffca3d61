package org.imrworkbench.parse;

import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same letter as text and as PDF (with page breaks mid-paragraph and page furniture) parses the same. */
class TextAndPdfEquivalenceTest {

    private final LetterReader reader = new LetterReader();

    static List<Path> seeds() {
        return SharedCorpus.samples();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedAsPdfParsesLikeSeedAsText(Path seed) throws IOException {
        byte[] textBytes = Files.readAllBytes(seed);
        List<String> lines = PdfMaker.undoubleSpacing(new String(textBytes, StandardCharsets.UTF_8));
        byte[] pdf = new PdfMaker(23).withPageNumbers().withRunningHead("IMR Final Determination").make(lines);

        ParsedFile asText = reader.read(seed.getFileName().toString(), textBytes);
        ParsedFile asPdf = reader.read(seed.getFileName().toString().replace(".txt", ".pdf"), pdf);
        assertThat(asText.error()).isNull();
        assertThat(asPdf.error()).isNull();
        assertThat(asPdf.format()).isEqualTo("PDF");
        Letter t = asText.letter();
        Letter p = asPdf.letter();

        assertThat(p.text()).isEqualTo(t.text());
        assertThat(p.dates()).isEqualTo(t.dates());
        assertThat(p.reviewer()).isEqualTo(t.reviewer());
        assertThat(p.patient()).isEqualTo(t.patient());
        assertThat(p.summary()).isEqualTo(t.summary());
        assertThat(p.items()).hasSameSizeAs(t.items());
        for (int i = 0; i < t.items().size(); i++) {
            Item a = t.items().get(i);
            Item b = p.items().get(i);
            assertThat(b.request()).isEqualTo(a.request());
            assertThat(b.decision()).isEqualTo(a.decision());
            assertThat(b.serviceDate()).isEqualTo(a.serviceDate());
            assertThat(b.rationale()).isEqualTo(a.rationale());
            assertThat(b.citations()).isEqualTo(a.citations());
        }
        assertThat(p.warnings()).isEqualTo(t.warnings());
    }
}
