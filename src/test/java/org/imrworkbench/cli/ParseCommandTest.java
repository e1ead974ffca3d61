package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.testutil.BadPdfs;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonArrayInArgumentOrderWithContractFields() throws Exception {
        List<Path> seeds = SharedCorpus.samples();
        CliRun run = CliRun.of("parse", "--json", seeds.get(3).toString(), seeds.get(0).toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("file").asText()).isEqualTo(seeds.get(3).getFileName().toString());
        assertThat(array.get(1).get("file").asText()).isEqualTo(seeds.get(0).getFileName().toString());
        JsonNode first = array.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("file", "sha256", "caseNumber", "priority",
                "dates", "reviewer", "patient", "summary", "items", "warnings");
        assertThat(first.get("caseNumber").isNull()).isTrue();
        assertThat(first.get("sha256").asText()).hasSize(64);
        JsonNode item = first.get("items").get(0);
        assertThat(item.fieldNames()).toIterable().containsExactly("number", "request", "decision", "retrospective",
                "serviceDate", "partial", "treatment", "claimsAdministratorGuideline", "reviewerGuideline",
                "citations", "rationale");
    }

    @Test
    void aBadFileGivesAnErrorObjectAndExitOneWhileTheRestIsParsed(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        Path seed = SharedCorpus.samples().get(0);
        CliRun run = CliRun.of("parse", "--json", empty.toString(), seed.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(empty + ": empty file (zero bytes)");
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.get(0).get("error").asText()).isEqualTo("empty file (zero bytes)");
        assertThat(array.get(0).has("sha256")).isTrue();
        assertThat(array.get(1).get("items")).hasSize(1);
    }

    @Test
    void aPdfPdfBoxCannotReadGetsOurWordsOnOneLineAndPdfBoxsOnlyUnderDebug(@TempDir Path dir) throws Exception {
        Path damaged = Files.write(dir.resolve("damaged.pdf"), BadPdfs.damagedPageList());
        Path certificate = Files.write(dir.resolve("certificate.pdf"), BadPdfs.certificateEncryption());
        Path seed = SharedCorpus.samples().get(0);
        String pageList = "damaged PDF: its page list cannot be read; open it in a PDF viewer and save or print it "
                + "to a new PDF, then import that";
        String encrypted = "encrypted PDF of a kind IMR Workbench cannot open (certificate security or an unknown "
                + "method); open it in a PDF viewer that can and save or print it to a new PDF without encryption, "
                + "then import that";

        CliRun run = CliRun.of("parse", "--json", damaged.toString(), certificate.toString(), seed.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(damaged + ": " + pageList, certificate + ": " + encrypted);
        JsonNode array = JSON.readTree(run.out());
        assertThat(array).hasSize(3);
        assertThat(array.get(0).get("error").asText()).isEqualTo(pageList);
        assertThat(array.get(1).get("error").asText()).isEqualTo(encrypted);
        assertThat(array.get(2).get("items")).hasSize(1);

        // --debug adds PDFBox's own words (its exception and where it was thrown) after the line
        CliRun debug = CliRun.of("--debug", "parse", damaged.toString());
        assertThat(debug.status()).isEqualTo(1);
        List<String> lines = debug.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo(damaged + ": " + pageList);
        assertThat(lines.get(1)).contains("Page tree root must be a dictionary");
        assertThat(lines).anyMatch(l -> l.contains("at org.apache.pdfbox."));
    }

    @Test
    void withoutJsonOneLinePerLetter() {
        CliRun run = CliRun.of("parse", SharedCorpus.samples().get(4).toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("no case number, 3 items (3 upheld, 0 overturned)");
    }

    @Test
    void badUsageExitsTwoWithAOneLineHint() {
        CliRun missing = CliRun.of("parse", "--json");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("Usage:").contains("parse");
        CliRun unknown = CliRun.of("parse", "--frobnicate", "x.txt");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");
        assertThat(CliRun.of("no-such-command").status()).isEqualTo(2);
    }

    /** Every usage hint says "see --help": each command answers it, and "help COMMAND" does the same. */
    @ParameterizedTest
    @ValueSource(strings = {"parse", "import", "search", "show", "stats", "tag", "untag", "annotate", "reparse",
        "export", "backup", "restore", "precedents"})
    void everyCommandPrintsItsUsageOnHelp(String command) {
        for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: imr-workbench " + command + " ");
            assertThat(run.err()).isEmpty();
        }
    }
}
