package org.imrworkbench.ingest;

import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Killing an import (SIGKILL) leaves a sound library of complete letters, which the next import completes. */
class CrashSafetyTest {

    private static final int LETTERS = 400;

    @TempDir
    Path dir;

    @Test
    void killedImportLeavesOnlyCompleteLettersAndTheNextImportCompletesIt() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, LETTERS);
        Path db = dir.resolve("library.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashImportMain.class.getName(), db.toString(), letters.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // Kill after a random number of letters has been written, in the middle of the import.
        int killAfter = 20 + new Random().nextInt(LETTERS / 2);
        int written = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (written < killAfter && (line = out.readLine()) != null) {
                written = Integer.parseInt(line.strip());
            }
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(written).as("the child was killed before finishing").isLessThan(LETTERS);

        try (Library lib = Library.open(db)) {
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            List<String> ids = lib.caseIds();
            assertThat(ids.size()).isBetween(written, LETTERS - 1);
            for (String id : ids) {
                CaseRecord record = lib.loadCase(id).orElseThrow();
                assertThat(record.letter().items()).isNotEmpty();
                int stored = lib.read(c -> {
                    try (var ps = c.prepareStatement("SELECT item_count FROM cases WHERE id = ?")) {
                        ps.setString(1, id);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                });
                assertThat(record.letter().items()).hasSize(stored);
                assertThat(lib.source(id)).isPresent();
            }
            ImportReport second = new ImportService(lib).importPaths(List.of(letters), ProgressListener.NONE,
                    new Cancellation());
            assertThat(second.failed()).isEmpty();
            assertThat(second.duplicates()).hasSize(ids.size());
            assertThat(second.imported()).hasSize(LETTERS - ids.size());
            assertThat(lib.caseCount()).isEqualTo(LETTERS);
            assertThat(lib.integrityCheck()).isEqualTo("ok");
        }
    }
}
