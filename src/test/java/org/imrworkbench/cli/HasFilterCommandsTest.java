package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code has:warnings} and {@code has:notes} through {@code search} and {@code stats}, on a library of two letters:
 * a sample as it is and a sample whose parse leaves warnings (its summary heading taken out).
 */
class HasFilterCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String db;
    String clean;
    String warned;

    @BeforeEach
    void library() throws IOException {
        Path letters = Files.createDirectories(dir.resolve("letters"));
        Files.copy(Path.of("resources/samples/001_3f4423a28dc9491d.txt"), letters.resolve("clean.txt"));
        Files.writeString(letters.resolve("to-check.txt"), Fixtures.needingCheck(
                Files.readString(Path.of("resources/samples/000_9869cb0672e92b90.txt")), false));
        db = dir.resolve("lib.db").toString();
        JsonNode imported = json(CliRun.of("import", "--library", db, "--json", letters.toString()));
        assertThat(imported.get("imported")).hasSize(2);
        for (JsonNode letter : imported.get("imported")) {
            if (letter.get("file").asText().endsWith("to-check.txt")) {
                warned = letter.get("id").asText();
            } else {
                clean = letter.get("id").asText();
            }
        }
        JsonNode parsed = json(CliRun.of("show", "--library", db, "--json", warned));
        assertThat(parsed.get("warnings")).isNotEmpty();
        assertThat(json(CliRun.of("show", "--library", db, "--json", clean)).get("warnings")).isEmpty();
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private Set<String> ids(String... query) throws IOException {
        List<String> args = new ArrayList<>(List.of("search", "--library", db, "--json", "--limit", "100"));
        args.addAll(List.of(query));
        JsonNode result = json(CliRun.of(args.toArray(String[]::new)));
        Set<String> ids = new HashSet<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        assertThat(result.get("total").asInt()).isEqualTo(result.get("hits").size());
        return ids;
    }

    @Test
    void searchFindsTheCasesWithWarningsOrWithout() throws IOException {
        assertThat(ids("has:warnings")).containsExactly(warned);
        assertThat(ids("-has:warnings")).containsExactly(clean);
        assertThat(ids("HAS:warning")).containsExactly(warned);
        JsonNode hits = json(CliRun.of("search", "--library", db, "--json", "has:warnings"));
        assertThat(hits.get("total").asInt()).isEqualTo(
                json(CliRun.of("show", "--library", db, "--json", warned)).get("items").size());
        // an unknown value is two words to search, not an error: neither letter has "foo", both "has"
        CliRun unknown = CliRun.of("search", "--library", db, "--json", "has:foo");
        assertThat(unknown.status()).isZero();
        assertThat(unknown.err()).isEmpty();
        assertThat(JSON.readTree(unknown.out()).get("total").asInt()).isZero();
        assertThat(ids("has:foo OR medically")).containsExactlyInAnyOrder(warned, clean);
        assertThat(ids("-has:foo")).isEmpty();
        // a query word after "-" that begins with h or V is a word, not -h (help) or -V (version) with more
        // options after it: as after "--", which ends the options
        assertThat(ids("-hamstring")).isEqualTo(ids("--", "-hamstring")).containsExactly(warned);
        assertThat(ids("-Vicodin", "--debug")).containsExactlyInAnyOrder(warned, clean);
        assertThat(CliRun.of("search", "-h").out()).startsWith("Usage: imr-workbench search");
    }

    @Test
    void searchFindsTheCasesWithNotesOnceAnnotated() throws IOException {
        assertThat(ids("has:notes")).isEmpty();
        CliRun annotate = CliRun.of("annotate", "--library", db, clean, "--item", "1", "--quote", "Flexeril",
                "--note", "compare with the other");
        assertThat(annotate.status()).as(annotate.err()).isZero();
        assertThat(ids("has:notes")).containsExactly(clean);
        assertThat(ids("has:notes has:warnings")).containsExactlyInAnyOrder(clean, warned);
        assertThat(ids("has:notes +has:warnings")).isEmpty();
    }

    @Test
    void statsCountsThemAndTakesTheFilter() throws IOException {
        JsonNode all = json(CliRun.of("stats", "--library", db, "--json"));
        assertThat(all.get("cases").asInt()).isEqualTo(2);
        assertThat(all.get("facets").get("has").get("warnings").asInt()).isEqualTo(1);
        assertThat(all.get("facets").get("has").get("notes").asInt()).isZero();
        JsonNode toCheck = json(CliRun.of("stats", "--library", db, "--json", "has:warnings"));
        assertThat(toCheck.get("cases").asInt()).isEqualTo(1);
        assertThat(toCheck.get("items").asInt()).isEqualTo(
                json(CliRun.of("show", "--library", db, "--json", warned)).get("items").size());
        assertThat(json(CliRun.of("stats", "--library", db, "--json", "-has:warnings")).get("cases").asInt())
                .isEqualTo(1);
        CliRun text = CliRun.of("stats", "--library", db);
        assertThat(text.out()).contains("parser warnings (has:warnings): 1 case\n")
                .contains("highlights or notes (has:notes): 0 cases\n");
    }

    @Test
    void searchHelpListsTheFilter() {
        assertThat(CliRun.of("search", "--help").out()).contains("has:warnings").contains("has:notes");
    }
}
