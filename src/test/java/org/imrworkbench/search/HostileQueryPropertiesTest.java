package org.imrworkbench.search;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a user types or pastes into the search box — any Unicode, unbalanced quotes and parentheses, FTS5 and
 * SQL syntax, filters with odd values — the search answers with results or none: no exception escapes, and the
 * library is unchanged.
 */
class HostileQueryPropertiesTest {

    private static Path dir;
    private static Library library;
    private static SearchService search;
    private static Set<String> ids;

    @BeforeContainer
    static void library() throws Exception {
        dir = Files.createTempDirectory("imr-hostile-search");
        library = Library.open(dir.resolve("library.db"));
        new ImportService(library).importPaths(List.of(Path.of("resources/samples")), ProgressListener.NONE,
                new Cancellation());
        String first = library.caseIds().get(0);
        library.tags().tagCase(first, "odd \"tag\" (1) -x: ü");
        library.tags().tagItem(first, 1, "tag:with:colons");
        ids = new HashSet<>(library.caseIds());
        search = new SearchService(library);
    }

    @AfterContainer
    static void close() throws Exception {
        library.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 400)
    void anyUnicodeStringIsAnsweredWithoutAnException(@ForAll String query) {
        assertAnswered(query);
    }

    @Property(tries = 600)
    void soupsOfSyntaxFiltersAndOddValuesAreAnsweredWithoutAnException(@ForAll("soup") String query) {
        assertAnswered(query);
    }

    @Property(tries = 50)
    void theLibraryIsUnchangedBySearching(@ForAll("soup") String query) {
        int cases = library.caseCount();
        assertAnswered(query);
        assertThat(library.caseCount()).isEqualTo(cases);
        assertThat(library.integrityCheck()).isEqualTo("ok");
    }

    private static void assertAnswered(String query) {
        SearchResult result = search.search(query, 20);
        assertThat(result.total()).isGreaterThanOrEqualTo(result.hits().size());
        assertThat(result.hits()).hasSizeLessThanOrEqualTo(20);
        for (Hit hit : result.hits()) {
            assertThat(ids).contains(hit.id());
        }
        SearchResult page = search.search(QueryParser.parse(query), 3, 5);
        assertThat(page.total()).isEqualTo(result.total());
        search.facets(query);
        search.stats(query);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of("pain", "MRI", "physical therapy", "norco", "methocarbamol", "upheld", "lumbar",
                        "inject*", "*", "**", "-", "--", "-pain", "+", "^", "~", "OR", "AND", "NOT", "NEAR",
                        "NEAR(pain MRI, 2)", "or", "(", ")", "((", "))", "\"", "\"\"", "'", "`", "{", "}", "[", "]",
                        ":", "::", "\\", "/", "%", "_", ";", "'; DROP TABLE cases; --", "\" OR 1=1 --",
                        "summary:", "rationale:pain", "{request rationale}: pain", "^pain", "pain^2",
                        "\u0000", "\t", "\n", "\r\n", "\u00A0", "\u200B", "\uFEFF", "\uD83D\uDE00", "\uD800",
                        "\uDC00", "e\u0301", "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627",
                        "\u4E2D\u6587", "ß", "İ", "ﬁ", "x".repeat(5000)),
                Arbitraries.of("decision", "category", "drug", "specialty", "state", "tag", "guideline", "year",
                                "Decision", "YEAR", "-tag", "-decision", "unknown", "")
                        .flatMap(key -> Arbitraries.oneOf(
                                Arbitraries.of("", "upheld", "OVERTURNED", "maybe", "\"", "\"\"", "\"unclosed",
                                        "\"Physical Medicine\"", "opioid", "muscle-relaxant", "NOPE", "norco",
                                        "99999999999999999999", "-1", "0", "2016", "20x6", "1e9", "mtus", "odg",
                                        "california", "ñ", "%", "_", "*", "(", ")", ":", "odd \"tag\" (1)",
                                        "tag:with:colons", "\u0000", "\uD83D\uDE00"),
                                Arbitraries.strings().ofMaxLength(12))
                                .map(value -> key + ":" + value)),
                Arbitraries.strings().ofMaxLength(8));
        return fragments.list().ofMaxSize(12).map(parts -> String.join(" ", parts));
    }
}
