package org.imrworkbench.search;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.GeneratedLetters;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.parse.LetterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching a library while another program imports into it: each search reads the facts of every item and then the
 * rows its matches point to, in several statements, and must read them all from one snapshot. Read statement by
 * statement, a batch committed in between gave items whose case was not among the cases read a moment before (an
 * index out of bounds, "search: Index 1321 out of bounds for length 1321").
 */
class SearchWhileImportingTest {

    @TempDir
    Path dir;

    @Test
    void searchesDuringAnotherConnectionsImportAnswerFromOneSnapshot() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 400);
        Path file = dir.resolve("library.db");
        try (Library writer = Library.open(file); Library reader = Library.open(file)) {
            // batches of one letter: a commit between almost any two statements of a search
            CompletableFuture<ImportReport> importing = CompletableFuture.supplyAsync(() ->
                    new ImportService(writer, new LetterReader(), 1, 1)
                            .importPaths(List.of(letters), ProgressListener.NONE, new Cancellation()));
            int searches = 0;
            int duringImport = 0;
            while (!importing.isDone() || searches < 3) {
                boolean importRunning = !importing.isDone();
                // a new service each time: its facts are read anew, as by a command-line search
                SearchService search = new SearchService(reader);
                SearchResult result = search.search("pain OR therapy", 20);
                assertThat(result.total()).isGreaterThanOrEqualTo(result.hits().size());
                Stats stats = search.stats("");
                assertThat(stats.decisions().values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(stats.items());
                assertThat(search.facets("decision:upheld").decisions().keySet()).isSubsetOf("UPHELD");
                searches++;
                if (importRunning && !importing.isDone()) {
                    duringImport++;
                }
            }
            assertThat(importing.get().imported()).hasSize(400);
            assertThat(duringImport).as("searches while the import was committing").isGreaterThan(5);
            Stats whole = new SearchService(reader).stats("");
            assertThat(whole.cases()).isEqualTo(400);
        }
    }
}
