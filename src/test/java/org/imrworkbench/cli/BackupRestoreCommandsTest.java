package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup} and {@code restore} on the command line: results on stdout, one-line errors, exit statuses. */
class BackupRestoreCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void backupThenRestoreBringsBackTheNotes() throws Exception {
        String db = dir.resolve("lib.db").toString();
        assertThat(CliRun.of("import", "--library", db, "resources/samples").status()).isZero();
        String id = JSON.readTree(CliRun.of("search", "--library", db, "--json", "methocarbamol").out())
                .get("hits").get(0).get("id").asText();
        assertThat(CliRun.of("annotate", "--library", db, id, "--quote", "Methocarbamol", "--note", "keep me")
                .status()).isZero();

        Path backup = dir.resolve("backups/lib-copy.db");
        CliRun made = CliRun.of("backup", "--library", db, "--out", backup.toString());
        assertThat(made.status()).isZero();
        assertThat(made.out().strip()).isEqualTo("backed up 5 cases and 1 annotations to " + backup);
        CliRun again = CliRun.of("backup", "--library", db, "--out", backup.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo(backup
                + ": the file already exists; a backup never overwrites a file, choose another name");

        // the note is deleted after the backup, then the backup is restored
        long noteId = JSON.readTree(CliRun.of("show", "--library", db, "--json", id).out()).get("annotations")
                .get(0).get("id").asLong();
        try (var lib = org.imrworkbench.library.Library.open(Path.of(db))) {
            assertThat(lib.annotations().delete(noteId)).isTrue();
        }
        CliRun restored = CliRun.of("restore", "--library", db, "--from", backup.toString(), "--json");
        assertThat(restored.status()).as(restored.err()).isZero();
        JsonNode r = JSON.readTree(restored.out());
        assertThat(r.get("cases").asInt()).isEqualTo(5);
        assertThat(r.get("annotations").asInt()).isEqualTo(1);
        assertThat(Path.of(r.get("replacedCopy").asText())).exists();
        JsonNode shown = JSON.readTree(CliRun.of("show", "--library", db, "--json", id).out());
        assertThat(shown.get("annotations")).singleElement()
                .satisfies(a -> assertThat(a.get("note").asText()).isEqualTo("keep me"));
    }

    @Test
    void errorsAreOneLineNamingTheFile() throws Exception {
        Path missing = dir.resolve("none.db");
        CliRun backup = CliRun.of("backup", "--library", missing.toString(), "--out", dir.resolve("b.db").toString());
        assertThat(backup.status()).isEqualTo(1);
        assertThat(backup.err().strip()).isEqualTo(missing + ": no library here to back up");
        assertThat(missing).doesNotExist();

        Path junk = Files.writeString(dir.resolve("junk.db"), "not a database");
        CliRun restore = CliRun.of("restore", "--library", dir.resolve("lib.db").toString(), "--from",
                junk.toString());
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err().strip()).isEqualTo(junk
                + ": the backup is not an IMR Workbench library (not a SQLite database)");
        assertThat(dir.resolve("lib.db")).doesNotExist();

        CliRun usage = CliRun.of("restore", "--library", dir.resolve("lib.db").toString());
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--from").doesNotContain("Exception");
    }
}
