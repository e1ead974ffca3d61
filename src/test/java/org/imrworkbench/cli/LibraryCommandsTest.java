package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.testutil.BadPdfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The library commands through {@link Cli#run(PrintWriter, PrintWriter, String...)}, on the bundled samples. */
class LibraryCommandsTest {

    private static final String[] SAMPLES = {"000_9869cb0672e92b90.txt", "001_3f4423a28dc9491d.txt",
        "002_83b90a26cef0192d.txt", "003_b1032d71d1683946.txt", "004_5511c3491886de4b.txt"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path samples;
    String db;

    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void samples() throws IOException {
        samples = Files.createDirectories(dir.resolve("samples"));
        for (String name : SAMPLES) {
            try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
                Files.copy(in, samples.resolve(name));
            }
        }
        db = dir.resolve("lib.db").toString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    void importReportsTextAndJsonAndDuplicates() throws IOException {
        Run first = run("import", "--library", db, samples.toString());
        assertThat(first.status()).isZero();
        assertThat(first.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("imported 5, duplicates 0, failed 0");
        Run again = run("import", "--library", db, "--json", samples.toString());
        assertThat(again.status()).isZero();
        JsonNode report = again.json();
        assertThat(names(report)).containsExactly("imported", "duplicates", "failed");
        assertThat(report.get("imported")).isEmpty();
        assertThat(report.get("duplicates")).hasSize(5);
        assertThat(names(report.get("duplicates").get(0))).containsExactly("file", "id", "reason");
        assertThat(report.get("duplicates").get(0).get("id").asText()).matches("L-[0-9a-f]{12}");
        assertThat(report.get("duplicates")).allSatisfy(d -> assertThat(d.get("reason").asText()).isEqualTo("SAME_FILE"));
    }

    @Test
    void aDuplicateSaysWhyItIsOne() throws IOException {
        Path seed = samples.resolve(SAMPLES[0]);
        Path crlf = dir.resolve("same-letter-crlf.txt");
        Files.writeString(crlf, Files.readString(seed).replace("\n", "\r\n"));
        assertThat(Files.mismatch(seed, crlf)).isNotEqualTo(-1L);
        assertThat(run("import", "--library", db, seed.toString()).status()).isZero();
        JsonNode report = run("import", "--library", db, "--json", crlf.toString(), seed.toString()).json();
        assertThat(report.get("imported")).isEmpty();
        assertThat(report.get("duplicates")).hasSize(2);
        Map<String, String> reasons = new HashMap<>();
        report.get("duplicates").forEach(d -> reasons.put(Path.of(d.get("file").asText()).getFileName().toString(),
                d.get("reason").asText()));
        assertThat(reasons).containsEntry("same-letter-crlf.txt", "SAME_CONTENT")
                .containsEntry(seed.getFileName().toString(), "SAME_FILE");
    }

    @Test
    void importOfABadFileExitsOneWithAFileReasonLine() throws IOException {
        Path bad = dir.resolve("bad.pdf");
        Files.writeString(bad, "not a pdf");
        Run r = run("import", "--library", db, "--json", bad.toString(), samples.resolve(SAMPLES[0]).toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ": ").doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode json = r.json();
        assertThat(json.get("imported")).hasSize(1);
        assertThat(names(json.get("imported").get(0))).containsExactly("file", "id", "items");
        assertThat(json.get("failed")).singleElement()
                .satisfies(f -> assertThat(names(f)).containsExactly("file", "error"));
    }

    @Test
    void importOfADamagedPdfSaysWhatIsWrongInOurWordsAndPdfBoxsOnlyUnderDebug() throws IOException {
        Path cut = dir.resolve("cut.pdf");
        Files.write(cut, BadPdfs.truncated());
        String incomplete = "incomplete PDF: the file is cut short, as an interrupted download or copy leaves it; "
                + "download or copy it again, then import the new copy";
        Run r = run("import", "--library", db, "--json", cut.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> !l.startsWith("import ")))
                .containsExactly(cut + ": " + incomplete);
        assertThat(r.json().get("failed")).singleElement()
                .satisfies(f -> assertThat(f.get("error").asText()).isEqualTo(incomplete));

        Run debug = run("--debug", "import", "--library", db, cut.toString());
        assertThat(debug.status()).isEqualTo(1);
        List<String> lines = debug.err().lines().filter(l -> !l.startsWith("import ")).toList();
        assertThat(lines.get(0)).isEqualTo(cut + ": " + incomplete);
        assertThat(lines.get(1)).contains("java.io.IOException");
        assertThat(lines).anyMatch(l -> l.contains("at org.apache.pdfbox."));
    }

    @Test
    void searchShowStatsTagUntagAnnotate() throws IOException {
        assertThat(run("import", "--library", db, samples.toString()).status()).isZero();
        Run search = run("search", "--library", db, "--json", "--limit", "3", "methocarbamol");
        assertThat(search.status()).isZero();
        JsonNode result = search.json();
        assertThat(names(result)).containsExactly("total", "hits");
        assertThat(result.get("total").asInt()).isPositive();
        JsonNode hit = result.get("hits").get(0);
        assertThat(names(hit)).containsExactly("id", "caseNumber", "item", "request", "decision", "snippet");
        assertThat(hit.get("snippet").asText()).containsIgnoringCase("«methocarbamol»");
        String id = hit.get("id").asText();
        int item = hit.get("item").asInt();

        assertThat(run("search", "--library", db, "--json", "\"unbalanced AND (").status()).isZero();
        assertThat(run("search", "--library", db, "-methocarbamol").status()).isZero();
        assertThat(run("search", "--library", db, "--nosuch", "x").status()).isEqualTo(2);

        Run tag = run("tag", "--library", db, id, "--item", String.valueOf(item), "Muscle", "review");
        assertThat(tag.status()).isZero();
        assertThat(run("tag", "--library", db, id, "Case-Tag").status()).isZero();
        assertThat(run("untag", "--library", db, id, "--item", String.valueOf(item), "REVIEW").status()).isZero();
        Run missing = run("tag", "--library", db, "CM00-0000000", "x");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("CM00-0000000: no such case in the library");

        Run annotate = run("annotate", "--library", db, id, "--item", String.valueOf(item), "--quote",
                "Methocarbamol", "--note", "check dose", "--color", "green");
        assertThat(annotate.status()).isZero();
        Run notFound = run("annotate", "--library", db, id, "--quote", "words that are not there");
        assertThat(notFound.status()).isEqualTo(1);
        assertThat(notFound.err()).contains("is not in the case summary");
        assertThat(run("annotate", "--library", db, id).status()).isEqualTo(2);

        Run show = run("show", "--library", db, "--json", id);
        assertThat(show.status()).isZero();
        JsonNode c = show.json();
        assertThat(c.get("id").asText()).isEqualTo(id);
        assertThat(c.get("caseNumber").isNull()).isTrue();
        assertThat(c.get("tags")).extracting(JsonNode::asText).containsExactly("Case-Tag");
        JsonNode shownItem = c.get("items").get(item - 1);
        assertThat(shownItem.get("tags")).extracting(JsonNode::asText).containsExactly("Muscle");
        JsonNode note = c.get("annotations").get(0);
        assertThat(names(note)).contains("id", "item", "field", "start", "end", "quote", "note", "color", "author",
                "created");
        assertThat(note.get("field").asText()).isEqualTo("RATIONALE");
        assertThat(shownItem.get("rationale").asText().substring(note.get("start").asInt(), note.get("end").asInt()))
                .isEqualTo("Methocarbamol");
        assertThat(run("show", "--library", db, "--json", "L-000000000000").status()).isEqualTo(1);

        Run stats = run("stats", "--library", db, "--json");
        assertThat(stats.status()).isZero();
        JsonNode s = stats.json();
        assertThat(names(s)).startsWith("cases", "items", "decisions", "categories");
        assertThat(s.get("cases").asInt()).isEqualTo(5);
        assertThat(names(s.get("decisions"))).containsExactly("UPHELD", "OVERTURNED", "UNKNOWN");
        assertThat(s.get("categories").has("OPIOID")).isTrue();
        JsonNode tagged = run("stats", "--library", db, "--json", "tag:muscle").json();
        assertThat(tagged.get("cases").asInt()).isEqualTo(1);
        assertThat(tagged.get("items").asInt()).isEqualTo(1);

        Run reparse = run("reparse", "--library", db);
        assertThat(reparse.status()).isZero();
        assertThat(reparse.out()).contains("reparsed 5, failed 0");
        JsonNode afterReparse = run("show", "--library", db, "--json", id).json();
        assertThat(afterReparse.get("annotations")).isEqualTo(c.get("annotations"));
        assertThat(afterReparse.get("tags")).isEqualTo(c.get("tags"));
    }

    @Test
    void aFileThatIsNotALibraryIsAClearError() throws IOException {
        Path notDb = dir.resolve("notes.txt");
        Files.writeString(notDb, "plain text, not a library, long enough to fill a SQLite header of 100 bytes ...."
                + "..........................................................................");
        Run r = run("stats", "--library", notDb.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(notDb.toAbsolutePath() + ": not an IMR Workbench library (not a SQLite "
                + "database)");
    }
}
