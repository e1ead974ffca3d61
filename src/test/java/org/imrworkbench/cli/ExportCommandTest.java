package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code export} command of the contract: selections, formats, options and exit codes. */
class ExportCommandTest {

    private static final String SAMPLE = "L-064a118a1bfd";

    @TempDir
    Path dir;

    String db;

    @BeforeEach
    void library() {
        db = dir.resolve("lib.db").toString();
        assertThat(CliRun.of("import", "--library", db, Fixtures.seeds().toString()).status()).isZero();
        assertThat(CliRun.of("tag", "--library", db, SAMPLE, "hearing").status()).isZero();
        assertThat(CliRun.of("annotate", "--library", db, SAMPLE, "--item", "1", "--quote", "second line option",
                "--note", "key").status()).isZero();
    }

    @Test
    void writesABinderWithTitleAndBatesNumbers() throws IOException {
        Path out = dir.resolve("binder.pdf");
        CliRun run = CliRun.of("export", "--library", db, "--all", "--out", out.toString(), "--title",
                "Binder\u0007 one", "--bates", "XY", "--bates-start", "5", "--exhibits", "--order", "case-number");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).matches("exported 5 cases, 11 items, \\d+ pages to .*binder\\.pdf");
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Binder one", "XY000005", String.format("XY%06d", 4 + pdf.getNumberOfPages()),
                    "Page 1 of " + pdf.getNumberOfPages(), "EXHIBIT E");
        }
    }

    @Test
    void aBinderIsRefusedAsALetterAndLeavesTheRealLetterImportable() {
        Path binder = dir.resolve("binder.pdf");
        assertThat(CliRun.of("export", "--library", db, "--all", "--out", binder.toString()).status()).isZero();
        String other = dir.resolve("other.db").toString();
        CliRun run = CliRun.of("import", "--library", other, binder.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(binder + ": a binder exported by IMR Workbench, not a letter; import the "
                + "original letters instead");
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("imported 0, duplicates 0, failed 1");
        assertThat(CliRun.of("parse", binder.toString()).status()).isEqualTo(1);
        run = CliRun.of("import", "--library", other, Fixtures.seeds().toString());
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("imported 5, duplicates 0, failed 0");
    }

    @Test
    void csvAndJsonFormatsAndJsonResult() throws IOException {
        Path csv = dir.resolve("items.csv");
        CliRun run = CliRun.of("export", "--library", db, "--tag", "hearing", "--out", csv.toString(), "--format",
                "csv", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("cases").asInt()).isEqualTo(1);
        assertThat(result.get("items").asInt()).isEqualTo(3);
        assertThat(result.get("format").asText()).isEqualTo("csv");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8).lines()).hasSize(4);

        Path json = dir.resolve("cases.json");
        run = CliRun.of("export", "--library", db, "--query", "decision:upheld Xanax", "--out", json.toString(),
                "--format", "JSON");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("id").asText()).isEqualTo(SAMPLE);
        assertThat(array.get(0).get("annotations").get(0).get("note").asText()).isEqualTo("key");
    }

    @Test
    void badUsageExitsTwo() {
        Path out = dir.resolve("x.pdf");
        for (String[] args : new String[][]{
            {"export", "--library", db, "--out", out.toString()},
            {"export", "--library", db, "--all"},
            {"export", "--library", db, "--all", "--tag", "hearing", "--out", out.toString()},
            {"export", "--library", db, "--all", "--out", out.toString(), "--format", "docx"},
            {"export", "--library", db, "--all", "--out", out.toString(), "--order", "random"},
            {"export", "--library", db, "--all", "--out", out.toString(), "--bates-digits", "0"},
            {"export", "--library", db, "--all", "--out", out.toString(), "--frobnicate"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).startsWith("export: ").contains("Usage:");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aLibraryInAFolderThatDoesNotExistIsRefusedNotCreatedExceptByImport() {
        Path typo = dir.resolve("no-such-folder").resolve("lib.db");
        for (String[] args : new String[][] {{"stats", "--library", typo.toString()},
            {"search", "--library", typo.toString(), "pain"},
            {"export", "--library", typo.toString(), "--all", "--out", dir.resolve("x.pdf").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(args[0]).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo(typo + ": no such folder (" + typo.getParent()
                    + "); a missing library file is created, its folder is not");
        }
        assertThat(typo.getParent()).doesNotExist();
        // import makes a new library where it is told to, folders and all
        assertThat(CliRun.of("import", "--library", typo.toString(), Fixtures.seeds().toString()).status()).isZero();
        assertThat(typo).exists();
        // a missing file in a folder that exists is created, as the contract says
        Path fresh = dir.resolve("fresh.db");
        assertThat(CliRun.of("stats", "--library", fresh.toString()).status()).isZero();
        assertThat(fresh).exists();
    }

    @Test
    void unknownCaseExitsOneWithMessage() {
        Path out = dir.resolve("none.pdf");
        CliRun run = CliRun.of("export", "--library", db, "--case", "CM00-0000404", "--out", out.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("CM00-0000404: no such case in the library");
        assertThat(out).doesNotExist();

        Path partial = dir.resolve("partial.json");
        run = CliRun.of("export", "--library", db, "--case", "CM00-0000404", SAMPLE, "--out", partial.toString(),
                "--format", "json");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("CM00-0000404: no such case in the library (left out of the export)");
        assertThat(partial).exists();
    }

    @Test
    void unwritableOrEmptySelectionsExitOne() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        CliRun run = CliRun.of("export", "--library", db, "--all", "--out", folder.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(folder.toAbsolutePath() + ": is a folder; give the name of the file "
                + "to write");
        // a folder that does not exist yet, named with its slash (the Path it becomes has lost it)
        String slashed = dir.resolve("binders") + "/";
        run = CliRun.of("export", "--library", db, "--all", "--out", slashed);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(slashed + ": is a folder; give the name of the file to write");
        assertThat(dir.resolve("binders")).doesNotExist();
        run = CliRun.of("export", "--library", db, "--tag", "nothing", "--out", dir.resolve("t.pdf").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nothing: no tag of this name in the library");
        run = CliRun.of("export", "--library", db, "--query", "zzzunfindable", "--out",
                dir.resolve("q.pdf").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nothing to export: no case matches search: zzzunfindable");
        run = CliRun.of("export", "--library", db, "--all", "--out", dir.resolve("missing/x.pdf").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("does not exist").doesNotContain("Exception");
    }
}
