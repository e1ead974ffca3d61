package org.imrworkbench.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Treatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreatmentLexiconTest {

    private static TreatmentLexicon lexicon(String tsv) {
        return TreatmentLexicon.load(new StringReader(tsv));
    }

    private static TreatmentLexicon.Entry only(TreatmentLexicon lexicon) {
        assertThat(lexicon.entries()).hasSize(1);
        return lexicon.entries().get(0);
    }

    @Test
    void bundledLexiconLoadsOnceAndCoversEveryCategory() {
        TreatmentLexicon bundled = TreatmentLexicon.bundled();

        assertThat(TreatmentLexicon.bundled()).isSameAs(bundled);
        assertThat(bundled.entries()).hasSizeGreaterThan(150);
        Set<Category> covered = bundled.entries().stream().map(TreatmentLexicon.Entry::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
        assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.of(Category.OTHER)));
    }

    @Test
    void bundledGenericsAreLowerCaseAndOnlyForDrugs() {
        for (TreatmentLexicon.Entry entry : TreatmentLexicon.bundled().entries()) {
            if (entry.generic() != null) {
                assertThat(entry.category().isMedication()).as("line %d", entry.line()).isTrue();
                assertThat(entry.generic()).isEqualTo(entry.generic().toLowerCase(Locale.ROOT));
            }
            assertThat(entry.source()).isEqualTo("treatments.tsv");
        }
    }

    @Test
    void readsColumnsSkippingCommentsBlankLinesAndHeader() {
        TreatmentLexicon lexicon = lexicon("""
                # a comment
                pattern\tgeneric\tcategory\tpriority

                  # an indented comment
                Norco|Vicodin\tHydrocodone/Acetaminophen\tOPIOID
                post-op\t\tSURGERY\t-10
                """);

        assertThat(lexicon.entries()).hasSize(2);
        TreatmentLexicon.Entry norco = lexicon.entries().get(0);
        assertThat(norco.terms()).containsExactly("Norco", "Vicodin");
        assertThat(norco.generic()).isEqualTo("hydrocodone/acetaminophen");
        assertThat(norco.category()).isEqualTo(Category.OPIOID);
        assertThat(norco.priority()).isZero();
        assertThat(norco.line()).isEqualTo(5);
        TreatmentLexicon.Entry postOp = lexicon.entries().get(1);
        assertThat(postOp.generic()).isNull();
        assertThat(postOp.priority()).isEqualTo(-10);
    }

    @ParameterizedTest(name = "{0} finds \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Norco        | NORCO 10/325             | true
            Norco        | norco                    | true
            Norco        | Norcott                  | false
            Norco        | SuperNorco               | false
            Norco        | Norco5                   | false
            x-ray        | X-Ray of the hip         | true
            x-ray        | xray of the hip          | true
            x-ray        | x ray of the hip         | true
            x-ray        | X-rays of the hip        | true
            brace        | Wrist braces #2          | true
            crutch       | crutches                 | true
            follow up    | follow-up visit          | true
            follow up    | follow   up              | true
            hot/cold     | hot / cold unit          | true
            Tylenol #3   | Tylenol #3 #60           | true
            Tylenol #3   | Tylenol #30              | false
            """)
    void termsMatchCaseInsensitivelyOnWordBoundaries(String term, String text, boolean found) {
        TreatmentLexicon.Entry entry = only(lexicon(term + "\t\tDME\n"));

        assertThat(entry.pattern().matcher(text).find()).isEqualTo(found);
    }

    @Test
    void longestTermOfARowWinsWhereSeveralStartTogether() {
        TreatmentLexicon.Entry entry = only(lexicon("CT|CT scan\t\tIMAGING\n"));

        var matcher = entry.pattern().matcher("Cervical CT scan");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo("CT scan");
    }

    @Test
    void aCellBetweenSlashesIsOneRegularExpression() {
        TreatmentLexicon.Entry entry = only(lexicon("/ultrasound(?=\\s+of)|sonogram/\t\tIMAGING\t1\n"));

        assertThat(entry.terms()).containsExactly("/ultrasound(?=\\s+of)|sonogram/");
        assertThat(entry.pattern().matcher("Ultrasound of the knee").find()).isTrue();
        assertThat(entry.pattern().matcher("Ultrasound 1 times 8").find()).isFalse();
        assertThat(entry.pattern().matcher("sonograms").find()).isFalse();
        assertThat(entry.priority()).isEqualTo(1);
    }

    @Test
    void aNoBreakSpaceCountsAsASpace() {
        TreatmentLexicon.Entry entry = only(lexicon("physical therapy\t\tPHYSICAL_THERAPY\n"));

        assertThat(entry.pattern().matcher("Physical\u00A0therapy x 12").find()).isTrue();
    }

    @Test
    void headerIsOnlyRecognisedBeforeTheFirstRow() {
        assertThatThrownBy(() -> lexicon("MRI\t\tIMAGING\npattern\tgeneric\tcategory\tpriority\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("treatments.tsv line 2: unknown category 'category'");
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(only(lexicon("\uFEFFNorco\thydrocodone/acetaminophen\tOPIOID\n")).terms()).containsExactly("Norco");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Norco\\tOPIOID                                  ; line 3: expected 3 or 4 tab-separated columns
            Norco\\thydrocodone\\tOPIOID\\t1\\textra           ; line 3: expected 3 or 4 tab-separated columns
            \\thydrocodone\\tOPIOID                          ; line 3: the pattern column is empty
            Norco||Vicodin\\thydrocodone\\tOPIOID            ; line 3: empty term in 'Norco||Vicodin'
            Norco|\\thydrocodone\\tOPIOID                    ; line 3: empty term
            Norco\\thydrocodone\\tOPIOIDS                    ; line 3: unknown category 'OPIOIDS' (expected one of OPIOID,
            Norco\\thydrocodone\\topioid                     ; line 3: unknown category 'opioid'
            Norco\\thydrocodone\\t                           ; line 3: unknown category ''
            Norco\\thydrocodone\\tOPIOID\\thigh               ; line 3: priority 'high' is not a whole number
            MRI\\tgadolinium\\tIMAGING                       ; line 3: category IMAGING is not a medication, so the generic column must be empty
            /mri(/\\t\\tIMAGING                              ; line 3: invalid regular expression /mri(/
            /(?:mri)?/\\t\\tIMAGING                          ; line 3: pattern /(?:mri)?/ matches empty text
            vicodin\\thydrocodone/acetaminophen\\tOPIOID     ; line 3: term 'vicodin' is already defined on line 2
            """)
    void malformedRowIsAnErrorNamingItsLine(String row, String message) {
        String tsv = "# a comment\nVicodin\thydrocodone/acetaminophen\tOPIOID\n" + row.replace("\\t", "\t") + "\n";

        assertThatThrownBy(() -> lexicon(tsv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("treatments.tsv " + message.substring(0, message.indexOf(':')))
                .hasMessageContaining(message);
    }

    @Test
    void errorNamesTheGivenSource() {
        assertThatThrownBy(() -> TreatmentLexicon.load(new StringReader("MRI\t\tIMAGERY\n"), "mine.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mine.tsv line 1: unknown category 'IMAGERY'");
    }

    @Test
    void everyCategoryNameIsAccepted() {
        String tsv = Arrays.stream(Category.values())
                .map(category -> "term" + category.ordinal() + "\t\t" + category.name())
                .collect(Collectors.joining("\n"));

        assertThat(lexicon(tsv).entries()).hasSize(Category.values().length);
    }

    @Test
    void userRowsWin(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("my-treatments.tsv");
        Files.writeString(user, """
                # my corrections
                pattern\tgeneric\tcategory\tpriority
                Norco\thydrocodone bitartrate/acetaminophen\tOPIOID
                Physical exam\t\tPHYSICAL_THERAPY
                Gizmotron\t\tDME
                """, StandardCharsets.UTF_8);

        TreatmentLexicon layered = TreatmentLexicon.bundled().withOverrides(user);
        TreatmentNormalizer normalizer = new TreatmentNormalizer(layered);

        Treatment norco = normalizer.normalize("Norco 10/325mg #60", 0);
        assertThat(norco.generic()).isEqualTo("hydrocodone bitartrate/acetaminophen");
        Treatment vicodin = normalizer.normalize("Vicodin 5/300mg", 0);
        assertThat(vicodin.generic()).as("other terms of the bundled row stay").isEqualTo("hydrocodone/acetaminophen");
        assertThat(normalizer.normalize("Physical exam 2 times 8", 0).category()).isEqualTo(Category.PHYSICAL_THERAPY);
        assertThat(normalizer.normalize("Gizmotron rental", 0).category()).isEqualTo(Category.DME);
        assertThat(normalizer.normalize("MRI of the knee", 0).category()).isEqualTo(Category.IMAGING);
        assertThat(layered.entries().get(0).source()).isEqualTo("my-treatments.tsv");

        assertThat(new TreatmentNormalizer().normalize("Norco", 0).generic())
                .as("the bundled lexicon itself is unchanged").isEqualTo("hydrocodone/acetaminophen");
    }

    @Test
    void userRowWinsATieWithABundledRow(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("user.tsv");
        Files.writeString(user, "/mri(?=\\s+of)/\t\tOTHER\n", StandardCharsets.UTF_8);

        Treatment treatment = new TreatmentNormalizer(TreatmentLexicon.bundled().withOverrides(user))
                .normalize("MRI of the knee", 0);

        assertThat(treatment.category()).isEqualTo(Category.OTHER);
        assertThat(treatment.name()).isEqualTo("MRI");
    }

    @Test
    void malformedUserFileNamesItselfAndTheLine(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("user.tsv");
        Files.writeString(user, "# mine\nNorco\thydrocodone\tPAINKILLER\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TreatmentLexicon.bundled().withOverrides(user))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user.tsv line 2: unknown category 'PAINKILLER'");
    }

    @Test
    void missingUserFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> TreatmentLexicon.bundled().withOverrides(dir.resolve("absent.tsv")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.tsv");
    }
}
