package org.imrworkbench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.cli.CliRun;
import org.imrworkbench.testutil.PdfMaker;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One import of a folder mixing every kind of bad file of the issue with good letters (UTF-8, UTF-16 and
 * Windows-1252): the good ones are imported with their characters intact, and each bad one gets exactly one line on
 * stderr naming it with a specific reason, never a stack trace or a class name.
 */
class BatchBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Accented and typographic characters that exist in Windows-1252 as well as in Unicode. */
    private static final String ACCENTS = "The worker\u2019s \u201Cna\u00EFve\u201D caf\u00E9 r\u00E9sum\u00E9 "
            + "\u2014 Se\u00F1ora M\u00FCller\u2026 noted.";

    @TempDir
    Path dir;

    @Test
    void aBatchOfBadAndGoodFilesImportsTheGoodOnesAndNamesEachBadOneWithItsReason() throws Exception {
        Path in = Files.createDirectories(dir.resolve("batch"));
        List<Path> samples = SharedCorpus.samples();
        Map<String, String> expectedReasons = new LinkedHashMap<>();

        Files.write(in.resolve("empty.txt"), new byte[0]);
        expectedReasons.put("empty.txt", "empty file");
        Files.write(in.resolve("zero-bytes.pdf"), new byte[0]);
        expectedReasons.put("zero-bytes.pdf", "empty file (zero bytes)");
        byte[] random = new byte[30_000];
        new Random(7).nextBytes(random);
        Files.write(in.resolve("noise.pdf"), random);
        expectedReasons.put("noise.pdf", "not a PDF (no %PDF header) although named .pdf");
        Files.write(in.resolve("noise.txt"), random);
        expectedReasons.put("noise.txt", "binary data, not a text letter");
        Files.writeString(in.resolve("invoice.txt"), "Invoice 2231\nTotal due: $120.00\nThank you.\n");
        expectedReasons.put("invoice.txt", "not an IMR determination letter");
        Files.write(in.resolve("locked.pdf"), new PdfMaker(40).withUserPassword("secret")
                .make(List.of("HOW THE IMR FINAL DETERMINATION WAS MADE")));
        expectedReasons.put("locked.pdf", "password-protected PDF");
        Files.write(in.resolve("scan.pdf"), PdfMaker.imageOnly(2));
        expectedReasons.put("scan.pdf", "no text layer — scanned image; OCR is not supported");
        Files.write(in.resolve("thousand-pages.pdf"), new PdfMaker(1).make(Collections.nCopies(1000, "page")));
        expectedReasons.put("thousand-pages.pdf", "the PDF has 1000 pages");
        Path big = in.resolve("huge.txt");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = "Not a letter, just a very long text file. ".repeat(1000)
                    .getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 50L * 1024 * 1024; written += block.length) {
                out.write(block);
            }
        }
        expectedReasons.put("huge.txt", "too large for an IMR letter (50.0 MB");
        // a PDF cut to a third, and a PDF cut inside its header: refused with a reason, or read with warnings
        byte[] pdf = new PdfMaker(30).make(PdfMaker.undoubleSpacing(Files.readString(samples.get(4))));
        Files.write(in.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
        Files.write(in.resolve("cut-in-header.pdf"), Arrays.copyOf(pdf, 12));

        // good letters: UTF-8 as bundled, Windows-1252, UTF-16 with a byte order mark, UTF-16LE without one
        Files.copy(samples.get(3), in.resolve("plain.txt"));
        Map<String, Charset> encoded = Map.of("windows-1252.txt", Charset.forName("windows-1252"),
                "utf-16-bom.txt", StandardCharsets.UTF_16, "utf-16le.txt", StandardCharsets.UTF_16LE);
        Map<String, Path> sources = Map.of("windows-1252.txt", samples.get(0), "utf-16-bom.txt", samples.get(1),
                "utf-16le.txt", samples.get(2));
        for (var e : encoded.entrySet()) {
            String text = Files.readString(sources.get(e.getKey())).replaceFirst("CLINICAL CASE SUMMARY",
                    "CLINICAL CASE SUMMARY\n\n" + ACCENTS + "\n");
            Files.write(in.resolve(e.getKey()), text.getBytes(e.getValue()));
        }
        // a letter cut short (before its disputed items): imported, and it says what is missing
        String seed = Files.readString(samples.get(4));
        Files.writeString(in.resolve("cut-short.txt"), seed.substring(0, seed.indexOf("IMR ISSUES")));

        String db = dir.resolve("library.db").toString();
        CliRun run = CliRun.of("import", "--library", db, "--json", in.toString());
        assertThat(run.status()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());

        // stderr: one line per failed file, "FILE: reason", nothing else
        List<String> errLines = run.err().lines().filter(l -> !l.startsWith("import ")).toList();
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode f : report.get("failed")) {
            String file = f.get("file").asText();
            String error = f.get("error").asText();
            reasons.put(Path.of(file).getFileName().toString(), error);
            assertThat(errLines).contains(file + ": " + error);
            assertThat(error).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("Error")
                    .doesNotContainPattern("\\b(java|org|com|sun)\\.[a-z]").doesNotContain("\tat ");
        }
        assertThat(errLines).hasSize(report.get("failed").size());
        for (var e : expectedReasons.entrySet()) {
            assertThat(reasons).as(e.getKey()).containsKey(e.getKey());
            assertThat(reasons.get(e.getKey())).as(e.getKey()).startsWith(e.getValue());
        }
        assertThat(reasons.get("cut-in-header.pdf")).isNotNull();
        Map<String, String> imported = new HashMap<>();
        report.get("imported").forEach(i -> imported.put(Path.of(i.get("file").asText()).getFileName().toString(),
                i.get("id").asText()));
        assertThat(imported).containsKeys("plain.txt", "windows-1252.txt", "utf-16-bom.txt", "utf-16le.txt",
                "cut-short.txt");
        if (!reasons.containsKey("truncated.pdf")) {
            assertThat(imported).containsKey("truncated.pdf");
        }
        assertThat(report.get("duplicates")).isEmpty();
        assertThat(reasons.size() + imported.size()).as("every file accounted for").isEqualTo(16);

        // the encoded letters kept every character, as `show` gives them back
        for (String name : encoded.keySet()) {
            JsonNode shown = JSON.readTree(CliRun.of("show", "--library", db, "--json", imported.get(name)).out());
            assertThat(shown.get("summary").asText()).as(name).startsWith(ACCENTS);
        }
        JsonNode cutShort = JSON.readTree(CliRun.of("show", "--library", db, "--json", imported.get("cut-short.txt"))
                .out());
        assertThat(cutShort.get("items")).isEmpty();
        assertThat(cutShort.get("warnings").toString()).contains("no disputed items found");
    }
}
