package org.imrworkbench.ingest;

import org.imrworkbench.testutil.SharedCorpus;
import org.imrworkbench.library.AddResult;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImportServiceTest {

    @TempDir
    Path dir;

    @Test
    void importsSeedsAndCorpusAsSeventyCasesMatchingTheLabelsAndThenOnlyDuplicates() throws Exception {
        Map<String, SharedCorpus.Label> labels = Fixtures.labels();
        Path db = dir.resolve("library.db");
        List<Progress> events = new ArrayList<>();
        try (Library lib = Library.open(db)) {
            ImportReport report = new ImportService(lib).importPaths(
                    List.of(Fixtures.seeds(), Fixtures.corpusLetters()), events::add, new Cancellation());
            assertThat(report.failed()).isEmpty();
            assertThat(report.imported()).hasSize(70);
            assertThat(report.duplicates()).isEmpty();
            assertThat(report.summaryLine()).isEqualTo("imported 70, duplicates 0, failed 0");
            assertThat(events).hasSize(70);
            assertThat(events.get(69).done()).isEqualTo(70);
            assertThat(events.get(69).remaining()).isZero();
            assertThat(events).extracting(Progress::done).isSorted();
        }
        LetterReader reader = new LetterReader();
        try (Library lib = Library.open(db)) {
            assertThat(lib.caseCount()).isEqualTo(70);
            for (SharedCorpus.Label label : labels.values()) {
                CaseRecord record = lib.loadCase(label.caseNumber()).orElseThrow();
                assertThat(record.sha256()).isEqualTo(label.sha256());
                assertThat(record.letter().items()).extracting(i -> i.decision().name())
                        .as(label.file()).containsExactlyElementsOf(label.decisions());
            }
            for (Path seed : Fixtures.seedFiles()) {
                ParsedFile parsed = reader.read(seed);
                CaseRecord record = lib.loadCase("L-" + parsed.sha256().substring(0, 12)).orElseThrow();
                assertThat(record.letter()).isEqualTo(parsed.letter());
            }
            ImportReport again = new ImportService(lib).importPaths(
                    List.of(Fixtures.seeds(), Fixtures.corpusLetters()), ProgressListener.NONE, new Cancellation());
            assertThat(again.imported()).isEmpty();
            assertThat(again.failed()).isEmpty();
            assertThat(again.duplicates()).hasSize(70)
                    .allSatisfy(d -> assertThat(d.reason()).isEqualTo(AddResult.Reason.SAME_FILE));
            assertThat(lib.caseCount()).isEqualTo(70);
        }
    }

    @Test
    void aSeedImportedAsTextAndAsPdfIsOneCase() throws Exception {
        Path seed = Fixtures.seedFiles().get(0);
        Path pdf = dir.resolve("seed-as.pdf");
        Files.write(pdf, Fixtures.pdfOf(Files.readString(seed)));
        ParsedFile fromPdf = new LetterReader().read(pdf);
        assertThat(fromPdf.ok()).as("the generated PDF parses: %s", fromPdf.error()).isTrue();
        assertThat(fromPdf.format()).isEqualTo("PDF");
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            ImportReport first = new ImportService(lib).importPaths(List.of(seed), ProgressListener.NONE,
                    new Cancellation());
            ImportReport second = new ImportService(lib).importPaths(List.of(pdf), ProgressListener.NONE,
                    new Cancellation());
            assertThat(first.imported()).hasSize(1);
            assertThat(second.imported()).isEmpty();
            assertThat(second.duplicates()).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo(first.imported().get(0).id());
                assertThat(d.reason()).isEqualTo(AddResult.Reason.SAME_CONTENT);
            });
            assertThat(lib.caseCount()).isEqualTo(1);
        }
    }

    @Test
    void reportsEachFailedFileWithAReasonAndImportsTheRest() throws Exception {
        Path folder = dir.resolve("in");
        Files.createDirectories(folder.resolve("sub"));
        Files.write(folder.resolve("empty.pdf"), new byte[0]);
        Files.writeString(folder.resolve("sub/shopping.txt"), "eggs\nmilk\nbread\n");
        Files.writeString(folder.resolve("ignored.doc"), "not a letter file type");
        Files.copy(Fixtures.seedFiles().get(1), folder.resolve("sub/seed.txt"));
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            ImportReport report = new ImportService(lib).importPaths(List.of(folder, dir.resolve("missing")),
                    ProgressListener.NONE, new Cancellation());
            assertThat(report.imported()).singleElement()
                    .satisfies(i -> assertThat(i.file()).endsWith("seed.txt"));
            assertThat(report.failed()).extracting(FileOutcome.Failed::file).containsExactlyInAnyOrder(
                    dir.resolve("missing").toString(), folder.resolve("empty.pdf").toString(),
                    folder.resolve("sub/shopping.txt").toString());
            assertThat(report.failed()).allSatisfy(f -> assertThat(f.error()).isNotBlank()
                    .doesNotContain("Exception"));
            assertThat(report.summaryLine()).isEqualTo("imported 1, duplicates 0, failed 3");
        }
    }

    @Test
    void foldersAreFollowedThroughSymbolicLinksAndAFolderWithoutLettersIsReported() throws Exception {
        Path real = dir.resolve("real");
        GeneratedLetters.write(real.resolve("sub"), 3);
        Path links = Files.createDirectories(dir.resolve("links"));
        try {
            Files.createSymbolicLink(links.resolve("to-real"), real);          // a linked folder inside
            Files.createSymbolicLink(real.resolve("sub/back-up"), real);      // a loop back to an ancestor
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Path linkedStart = Files.createSymbolicLink(dir.resolve("start"), links);   // the folder given is a link
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.docx"), "not a letter");
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            ImportReport report = new ImportService(lib).importPaths(List.of(linkedStart, empty),
                    ProgressListener.NONE, new Cancellation());
            assertThat(report.imported()).hasSize(3);
            assertThat(report.duplicates()).isEmpty();
            assertThat(report.failed()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(empty.toString());
                assertThat(f.error()).isEqualTo("no letter files (.pdf or .txt) in this folder");
            });
        }
    }

    @Test
    void anUnreadableSubfolderIsReportedAndTheRestImported() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 2);
        Path locked = Files.createDirectories(letters.resolve("locked"));
        Files.writeString(locked.resolve("x.txt"), "hidden");
        assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
                "the file system (or the super-user) reads the folder anyway");
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            ImportReport report = new ImportService(lib).importPaths(List.of(letters), ProgressListener.NONE,
                    new Cancellation());
            assertThat(report.imported()).hasSize(2);
            assertThat(report.failed()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(locked.toString());
                assertThat(f.error()).isEqualTo("folder cannot be read (permission denied)");
            });
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    /**
     * What the walk makes of a folder the system refuses to list, where the test above cannot make one: as the
     * super-user (CI runs as root) permissions refuse nothing, so the refusal is handed to the walk as
     * {@code Files.walkFileTree} would hand it.
     */
    @Test
    void aFolderOrFileTheSystemRefusesIsReportedByNameAndReason() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("letters").resolve("locked"));
        Path file = Files.writeString(dir.resolve("letters").resolve("a.txt"), "x");
        List<Path> found = new ArrayList<>();
        List<FileOutcome.Failed> failed = new ArrayList<>();
        ImportService.LetterFiles walk = new ImportService.LetterFiles(found, failed);
        assertThat(walk.visitFileFailed(locked, new java.nio.file.AccessDeniedException(locked.toString())))
                .isEqualTo(java.nio.file.FileVisitResult.CONTINUE);
        walk.visitFileFailed(file, new java.io.IOException("Input/output error"));
        walk.visitFileFailed(locked, new java.nio.file.FileSystemLoopException(locked.toString()));
        assertThat(found).isEmpty();
        assertThat(failed).extracting(FileOutcome.Failed::file, FileOutcome.Failed::error).containsExactly(
                tuple(locked.toString(), "folder cannot be read (permission denied)"),
                tuple(file.toString(), "cannot be read (Input/output error)"));
    }

    @Test
    void filesLargerThanTheParsersWindowWaitTheirTurnAmongSmallOnes() throws Exception {
        // 17 MB files take the parsers' whole window (16 MB of files): each is read alone, after the files before
        // it are written, and the letters around them are imported in order
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 12);
        byte[] big = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 0xFF);
        Files.write(letters.resolve("0000000_big.txt"), big);
        Files.write(letters.resolve("zzzzzzz_big.txt"), big);
        List<String> order = new ArrayList<>();
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            // (an import whose window never freed would hang: the build's fork timeout, pom.xml, stops it)
            ImportReport report = new ImportService(lib, new LetterReader(), 2, 5)
                    .importPaths(List.of(letters), p -> order.add(p.current()), new Cancellation());
            assertThat(report.imported()).hasSize(12);
            assertThat(report.failed()).extracting(FileOutcome.Failed::file)
                    .allSatisfy(f -> assertThat(f).endsWith("_big.txt")).hasSize(2);
            assertThat(order).isSorted().hasSize(14);
            assertThat(lib.caseCount()).isEqualTo(12);
        }
    }

    @Test
    void cancellingKeepsWhatIsImportedAndTheNextImportCompletesTheLibrary() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 60);
        Cancellation cancellation = new Cancellation();
        try (Library lib = Library.open(dir.resolve("library.db"))) {
            // batches of 4: the cancel stops the import once the batch being reported is done (letters 9 to 12
            // when the batches fill up; a batch written early because parsing was slow is smaller)
            ImportReport report = new ImportService(lib, new LetterReader(), 2, 4).importPaths(List.of(letters),
                    p -> {
                        if (p.done() == 10) {
                            cancellation.cancel();
                        }
                    }, cancellation);
            assertThat(report.cancelled()).isTrue();
            int kept = report.imported().size();
            assertThat(kept).isBetween(10, 13);
            assertThat(report.notProcessed()).isEqualTo(60 - kept);
            assertThat(lib.caseCount()).isEqualTo(kept);
            ImportReport rest = new ImportService(lib).importPaths(List.of(letters), ProgressListener.NONE,
                    new Cancellation());
            assertThat(rest.cancelled()).isFalse();
            assertThat(rest.imported()).hasSize(60 - kept);
            assertThat(rest.duplicates()).hasSize(kept);
            assertThat(lib.caseCount()).isEqualTo(60);
        }
    }

    @Test
    void tagsAndAnnotationsSurviveReopeningAndReparse() throws Exception {
        Path db = dir.resolve("library.db");
        String id = "CM17-0005246";
        try (Library lib = Library.open(db)) {
            new ImportService(lib).importPaths(List.of(Fixtures.corpusLetters().resolve(id + ".pdf"),
                    Fixtures.seedFiles().get(0)), ProgressListener.NONE, new Cancellation());
            lib.tags().tagCase(id, "appeal");
            lib.tags().tagItem(id, 1, "imaging");
            lib.annotations().highlight(id, 1, "red flag", "why not?", "pink", null);
            lib.annotations().highlight(id, null, "industrial injury", null, null, null);
            lib.annotations().note(id, null, "call the adjuster", null, null);
        }
        CaseRecord before;
        try (Library lib = Library.open(db)) {
            before = lib.loadCase(id).orElseThrow();
            ReparseReport report = new ReparseService(lib).reparseAll(ProgressListener.NONE, new Cancellation());
            assertThat(report.failed()).isEmpty();
            assertThat(report.reparsed()).hasSize(2);
            assertThat(report.orphaned()).isZero();
        }
        try (Library lib = Library.open(db)) {
            CaseRecord after = lib.loadCase(id).orElseThrow();
            assertThat(after.tags()).containsExactly("appeal");
            assertThat(after.itemTags(1)).containsExactly("imaging");
            assertThat(after.annotations()).isEqualTo(before.annotations()).hasSize(3);
            assertThat(after.letter()).isEqualTo(before.letter());
            assertThat(after.letter().items().get(0).rationale()
                    .substring(after.annotations().get(0).start(), after.annotations().get(0).end()))
                    .isEqualTo("red flag");
            assertThat(after.letter().items()).extracting(Item::decision).containsExactly(Decision.UPHELD);
        }
    }
}
