package org.imrworkbench.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.testutil.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five seed letters against their expected JSON, checked in under src/test/resources/golden and reviewed by
 * hand. Compared field by field, so a failure names every path that differs.
 */
class SeedGoldenTest {

    static List<Path> seeds() {
        return SharedCorpus.samples();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedMatchesItsGoldenJson(Path seed) throws IOException {
        String name = seed.getFileName().toString();
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name.replace(".txt", ".json"))) {
            assertThat(in).as("golden file for " + name).isNotNull();
            expected = new ObjectMapper().readTree(in);
        }
        ParsedFile parsed = new LetterReader().read(seed);
        assertThat(parsed.error()).isNull();
        JsonNode actual = LetterJson.letter(parsed.file(), parsed.sha256(), parsed.letter());
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        assertThat(differences).as("fields that differ from the golden JSON").isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!expected.has(n) || !actual.has(n)) {
                    out.add(path + "." + n + (expected.has(n) ? " missing" : " unexpected"));
                } else {
                    compare(path + "." + n, expected.get(n), actual.get(n), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " elements expected, " + actual.size() + " found: " + actual);
                return;
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(path + "[" + i + "]", e.next(), a.next(), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
    }
}
