package org.imrworkbench.ui.casefile;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Letter;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case view model's list of the letter's parser warnings, its count, and going to a warning's item. */
class CaseViewModelWarningsTest {

    @TempDir
    Path dir;
    Library library;
    CaseViewModel caseFile;
    String warned;
    String sample;

    @BeforeEach
    void library() throws Exception {
        library = Library.open(dir.resolve("lib.db"));
        Path letters = Files.createDirectories(dir.resolve("letters"));
        Files.copy(Fixtures.seeds().resolve("000_9869cb0672e92b90.txt"), letters.resolve("sample.txt"));
        Files.writeString(letters.resolve("warned.txt"), Fixtures.sampleWithWarnings(), StandardCharsets.UTF_8);
        new ImportService(library).importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
        SearchService search = new SearchService(library);
        warned = search.caseIds("xanax").get(0);
        sample = search.caseIds("methocarbamol").get(0);
        caseFile = new CaseViewModel(library, Background.direct());
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aLetterWithWarningsListsEachWithTheItemItNames() {
        caseFile.load(warned, 0);
        assertThat(caseFile.parserWarnings()).containsExactly(
                new ParserWarning(null, "Text before the first disputed item not placed: \"Please note that the "
                        + "requesting physician's office was cl...\""),
                new ParserWarning(2, "No decision rationale found"),
                new ParserWarning(3, "No reviewer's guideline (\"MAXIMUS guideline:\") found"));
        assertThat(caseFile.warningCountProperty().get()).isEqualTo("3 parser warnings");
    }

    @Test
    void goingToAWarningsItemSelectsThatItem() {
        caseFile.load(warned, 0);
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(1);
        assertThat(caseFile.goToItem(3)).isTrue();
        assertThat(caseFile.selectedIndexProperty().get()).isEqualTo(2);
        assertThat(caseFile.selectedItemProperty().get().request()).contains("Xanax 1mg #60");
        assertThat(caseFile.goToItem(2)).isTrue();
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(2);
        assertThat(caseFile.goToItem(9)).as("an item the case does not have").isFalse();
        assertThat(caseFile.selectedItemProperty().get().number()).isEqualTo(2);
    }

    @Test
    void aLetterWithoutWarningsHasNoneAndNoCount() {
        caseFile.load(warned, 0);
        caseFile.load(sample, 0);
        assertThat(caseFile.parserWarnings()).isEmpty();
        assertThat(caseFile.warningCountProperty().get()).isEmpty();
        caseFile.load(warned, 0);
        caseFile.load(null, -1);
        assertThat(caseFile.parserWarnings()).isEmpty();
        assertThat(caseFile.goToItem(1)).isFalse();
    }

    @Test
    void oneWarningIsCountedInTheSingular() {
        Letter built = Fixtures.letter("CM16-0000002", LocalDate.of(2016, 12, 1), null, List.of(),
                List.of("California"), "The patient is a 40 year old.",
                Fixtures.item("MRI of the lumbar spine", Decision.UPHELD, Category.IMAGING, "MRI", null, "No."));
        String id = Fixtures.add(library, new Letter(built.caseNumber(), built.priority(), built.dates(),
                built.reviewer(), built.patient(), built.summary(), built.items(),
                List.of("the reviewer's specialty was not found"), built.text(), built.spans()));
        caseFile.load(id, 0);
        assertThat(caseFile.parserWarnings())
                .containsExactly(new ParserWarning(null, "The reviewer's specialty was not found"));
        assertThat(caseFile.warningCountProperty().get()).isEqualTo("1 parser warning");
    }
}
