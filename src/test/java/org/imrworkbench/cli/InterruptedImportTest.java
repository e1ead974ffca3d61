package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.ingest.GeneratedLetters;
import org.imrworkbench.library.Library;
import org.imrworkbench.testutil.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import stopped by Ctrl+C (SIGINT) still reports what it did: with {@code --json}, stdout is one
 * JSON document, as the contract says of every command, with the letters imported before the stop, and the library
 * holds exactly those.
 */
class InterruptedImportTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedImportPrintsItsReportOfTheLettersItImported() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 3000);
        Path db = dir.resolve("library.db");
        Path stderr = dir.resolve("stderr.txt");
        Process child = ChildJvm.start(Cli.class, stderr, "import", "--json", "--library", db.toString(),
                letters.toString());
        // stopped once it has written some letters, long before the last
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(stderr).contains("import ") && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("still importing when stopped").isTrue();
        // SIGINT, as Ctrl+C sends (the shell's own kill, which needs no package; Process.destroy would also close
        // the pipe the report comes through)
        assertThat(new ProcessBuilder("sh", "-c", "kill -INT " + child.pid()).start().waitFor()).isZero();
        // read to the end before waiting: the report is larger than a pipe holds
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        JsonNode report = new ObjectMapper().readTree(out);          // one document, whole
        assertThat(report.get("interrupted").asBoolean()).isTrue();
        int imported = report.get("imported").size();
        assertThat(imported + report.get("notProcessed").asInt()).isEqualTo(3000);
        assertThat(report.get("notProcessed").asInt()).isPositive();
        assertThat(Files.readString(stderr)).contains("import: interrupted; " + report.get("notProcessed").asInt()
                + " files were not imported");
        try (Library library = Library.open(db)) {
            assertThat(library.caseCount()).isEqualTo(imported);
            assertThat(library.integrityCheck()).isEqualTo("ok");
        }
    }
}
