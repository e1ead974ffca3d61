package org.imrworkbench.ui.importing;

import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.library.Library;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's progress and report, without the toolkit. */
class ImportViewModelTest {

    @TempDir
    Path dir;
    Library library;
    ImportViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        library = Library.open(dir.resolve("library.db"));
        // batches of one letter: a cancel takes effect at the next letter (ImportServiceTest covers larger batches)
        model = new ImportViewModel(new ImportService(library, new LetterReader(), 2, 1), Background.direct());
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    /** Two seeds, the first again under another name, an empty PDF and random bytes named .txt. */
    static Path folderWithBadFiles(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("letters"));
        List<Path> seeds = Fixtures.seedFiles();
        Files.copy(seeds.get(0), folder.resolve("a-first.txt"));
        Files.copy(seeds.get(1), folder.resolve("b-second.txt"));
        Files.copy(seeds.get(0), folder.resolve("c-first-again.txt"));
        Files.write(folder.resolve("empty.pdf"), new byte[0]);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[10] = 0;
        Files.write(folder.resolve("noise.txt"), noise);
        return folder;
    }

    @Test
    void theReportNamesEachFileNotImportedAndWhy() throws Exception {
        List<ImportReport> finished = new ArrayList<>();
        model.onFinished(finished::add);

        model.start(List.of(folderWithBadFiles(dir)));

        assertThat(model.stateProperty().get()).isEqualTo(ImportViewModel.State.FINISHED);
        assertThat(finished).hasSize(1);
        assertThat(model.importedProperty().get()).isEqualTo(2);
        assertThat(model.duplicatesProperty().get()).isEqualTo(1);
        assertThat(model.failedProperty().get()).isEqualTo(2);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.summaryProperty().get())
                .startsWith("Imported 2 letters (").contains("1 already in the library, 2 failed");
        assertThat(model.problems()).extracting(ImportViewModel.Problem::name, ImportViewModel.Problem::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("empty.pdf", "Failed"),
                        org.assertj.core.groups.Tuple.tuple("noise.txt", "Failed"),
                        org.assertj.core.groups.Tuple.tuple("c-first-again.txt", "Duplicate"));
        assertThat(model.problems()).filteredOn(p -> p.name().equals("empty.pdf")).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("Empty file (zero bytes)."));
        assertThat(model.problems()).filteredOn(p -> p.name().equals("noise.txt")).singleElement()
                .satisfies(p -> assertThat(p.reason()).containsIgnoringCase("binary"));
        assertThat(model.problems()).filteredOn(p -> p.outcome().equals("Duplicate")).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("Already in the library as case ")
                        .endsWith("(the same file)."));
        assertThat(model.problems()).allSatisfy(p -> assertThat(p.reason()).doesNotContain("Exception"));
        assertThat(library.caseCount()).isEqualTo(2);
    }

    @Test
    void cancellingKeepsWhatIsImportedAndSaysWhatIsNot() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("seeds"));
        for (Path seed : Fixtures.seedFiles()) {
            Files.copy(seed, folder.resolve(seed.getFileName()));
        }
        model.doneProperty().addListener((o, was, done) -> {
            if (done.intValue() == 1) {
                model.cancel();
            }
        });

        model.start(List.of(folder));

        ImportReport report = model.reportProperty().get();
        assertThat(report.cancelled()).isTrue();
        assertThat(library.caseCount()).isEqualTo(report.imported().size()).isPositive().isLessThan(5);
        assertThat(model.summaryProperty().get()).startsWith("Cancelled.").contains("not imported");
        assertThat(model.cancellingProperty().get()).isFalse();
    }

    @Test
    void progressShowsCountsAndTimeLeft() {
        assertThat(ImportViewModel.timeLeft(Duration.ofSeconds(2))).isEqualTo("A few seconds left");
        assertThat(ImportViewModel.timeLeft(Duration.ofSeconds(40))).isEqualTo("About 40 s left");
        assertThat(ImportViewModel.timeLeft(Duration.ofMinutes(12))).isEqualTo("About 12 min left");
    }

    /** A folder with a good letter and a PDF cut short under a long name, whose reason says what to do. */
    static Path folderWithACutPdf(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("downloads"));
        Files.copy(Fixtures.seedFiles().get(0), folder.resolve("a-first.txt"));
        Files.write(folder.resolve(LONG_NAME), org.imrworkbench.testutil.BadPdfs.truncated());
        return folder;
    }

    static final String LONG_NAME = "CM16-0247802 final determination letter downloaded from the portal on "
            + "2017-02-03 (copy 2).pdf";
    static final String CUT_REASON = "Incomplete PDF: the file is cut short, as an interrupted download or copy "
            + "leaves it; download or copy it again, then import the new copy.";

    @Test
    void theReportCopiesAsTextWithEachFilesPlaceAndWholeReason() throws Exception {
        Path folder = folderWithACutPdf(dir);
        model.start(List.of(folder));

        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo(LONG_NAME);
            assertThat(p.reason()).isEqualTo(CUT_REASON);
            assertThat(p.folder()).isEqualTo(folder.toString());
        });
        assertThat(model.reportText()).isEqualTo(model.summaryProperty().get() + "\n\nNot imported: 1 file\n\n"
                + "Failed: " + folder.resolve(LONG_NAME) + "\n" + CUT_REASON + "\n");
    }

    @Test
    void theFirstFileNotImportedIsSelectedToShowItsReasonWhole() throws Exception {
        assertThat(model.selectedProperty().get()).isNull();
        model.start(List.of(folderWithBadFiles(dir)));

        assertThat(model.selectedProperty().get()).isEqualTo(model.problems().get(0));
        ImportViewModel.Problem last = model.problems().get(model.problems().size() - 1);
        model.select(last);
        assertThat(model.selectedProperty().get()).isEqualTo(last);
        model.select(new ImportViewModel.Problem("/elsewhere/x.pdf", "x.pdf", "Failed", "Not one of these."));
        assertThat(model.selectedProperty().get()).as("a file not in the report").isNull();

        model.start(List.of(dir.resolve("seeds-that-are-not-there")));
        assertThat(model.selectedProperty().get()).isEqualTo(model.problems().get(0));
        assertThat(model.reportText()).startsWith("Imported 0 letters").endsWith("No such file or folder.\n");
    }

    @Test
    void aReportWithNothingNotImportedCopiesItsSummary() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("good"));
        Files.copy(Fixtures.seedFiles().get(0), folder.resolve("a.txt"));
        model.start(List.of(folder));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.reportText()).isEqualTo(model.summaryProperty().get()).startsWith("Imported 1 letter (");
    }

    @Test
    void aMissingFolderIsReportedNotThrown() {
        model.start(List.of(dir.resolve("nowhere")));
        assertThat(model.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("No such file or folder."));
    }
}
