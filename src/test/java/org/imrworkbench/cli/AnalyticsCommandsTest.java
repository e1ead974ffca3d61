package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code stats --by} and {@code precedents}: JSON shapes and exit codes, on the samples. */
class AnalyticsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void importSamples() {
        db = dir.resolve("library.db").toString();
        assertThat(CliRun.of("import", "--library", db, Fixtures.seeds().toString()).status()).isZero();
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.status()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void statsByGivesRowsWithCountsRatesAndIntervals() throws Exception {
        for (String by : List.of("category", "drug", "guideline", "specialty", "state", "year", "section", "month")) {
            JsonNode o = json(CliRun.of("stats", "--library", db, "--json", "--by", by));
            assertThat(o.get("by").asText()).isEqualTo(by);
            // the samples' letters carry no decision date: no rows by year or month
            assertThat(o.get("rows").isEmpty()).as(by).isEqualTo(by.equals("year") || by.equals("month"));
            for (JsonNode row : o.get("rows")) {
                assertThat(fieldNames(row)).containsExactly("key", "upheld", "overturned", "rate", "low", "high");
                int upheld = row.get("upheld").asInt();
                int overturned = row.get("overturned").asInt();
                assertThat(upheld + overturned).isPositive();
                assertThat(row.get("rate").asDouble())
                        .isCloseTo((double) overturned / (upheld + overturned), within(1e-4));
                assertThat(row.get("low").asDouble()).isBetween(0.0, row.get("rate").asDouble());
                assertThat(row.get("high").asDouble()).isBetween(row.get("rate").asDouble(), 1.0);
            }
        }
    }

    @Test
    void statsByCountsAgreeWithPlainStatsAndFollowTheQuery() throws Exception {
        JsonNode plain = json(CliRun.of("stats", "--library", db, "--json"));
        JsonNode byCategory = json(CliRun.of("stats", "--library", db, "--json", "--by", "category"));
        for (JsonNode row : byCategory.get("rows")) {
            assertThat(row.get("upheld").asInt() + row.get("overturned").asInt())
                    .isLessThanOrEqualTo(plain.get("categories").get(row.get("key").asText()).asInt());
        }
        int decided = plain.get("decisions").get("UPHELD").asInt() + plain.get("decisions").get("OVERTURNED").asInt();
        assertThat(byCategory.get("all").get("upheld").asInt() + byCategory.get("all").get("overturned").asInt())
                .isEqualTo(decided);
        JsonNode opioids = json(CliRun.of("stats", "--library", db, "--json", "--by", "category", "category:opioid"));
        assertThat(opioids.get("query").asText()).isEqualTo("category:opioid");
        assertThat(opioids.get("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.get("key").asText()).isEqualTo("OPIOID"));
    }

    @Test
    void statsWithoutByKeepsItsShape() throws Exception {
        JsonNode plain = json(CliRun.of("stats", "--library", db, "--json"));
        assertThat(fieldNames(plain)).containsExactly("cases", "items", "decisions", "categories", "facets");
    }

    @Test
    void anUnknownDimensionIsBadUsage() {
        CliRun run = CliRun.of("stats", "--library", db, "--json", "--by", "colour");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).contains("colour").doesNotContain("\n").contains("Usage");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void precedentsGiveTheItemItsPrecedentsOutcomeAndPhrases() throws Exception {
        JsonNode hits = json(CliRun.of("search", "--library", db, "--json", "category:muscle_relaxant"));
        JsonNode hit = hits.get("hits").get(0);
        JsonNode o = json(CliRun.of("precedents", "--library", db, "--json", hit.get("id").asText(), "--item",
                hit.get("item").asText(), "--limit", "3"));
        assertThat(fieldNames(o)).containsExactly("item", "precedents", "outcome", "phrases");
        assertThat(fieldNames(o.get("item"))).containsExactly("id", "caseNumber", "item", "request", "decision",
                "generic", "category");
        assertThat(o.get("item").get("id").asText()).isEqualTo(hit.get("id").asText());
        assertThat(o.get("precedents").size()).isBetween(1, 3);
        for (JsonNode p : o.get("precedents")) {
            assertThat(fieldNames(p)).containsExactly("id", "caseNumber", "item", "request", "decision", "basis",
                    "score");
            assertThat(p.get("id").asText()).isNotEqualTo(hit.get("id").asText());
        }
        assertThat(fieldNames(o.get("outcome"))).containsExactly("upheld", "overturned", "rate", "low", "high");
        assertThat(o.get("outcome").get("upheld").asInt() + o.get("outcome").get("overturned").asInt())
                .isEqualTo(o.get("precedents").size());
        assertThat(o.get("phrases").isArray()).isTrue();
    }

    @Test
    void precedentsOfAnUnknownCaseOrItemExitOneWithOneLine() {
        CliRun run = CliRun.of("precedents", "--library", db, "--json", "CM00-0000000", "--item", "1");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("CM00-0000000: no such case in the library" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void precedentsWithoutAnItemIsBadUsage() {
        CliRun run = CliRun.of("precedents", "--library", db, "--json", "CM00-0000000");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--item");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
