package org.imrworkbench.search;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.imrworkbench.testing.Fixtures.item;

class SearchServiceTest {

    @TempDir
    Path dir;

    Library library;
    SearchService search;
    String c;

    @BeforeEach
    void fixture() {
        library = Library.open(dir.resolve("library.db"));
        Fixtures.add(library, Fixtures.letter("CM17-0000101", LocalDate.of(2017, 1, 5), LocalDate.of(2015, 6, 1),
                List.of("Orthopedic Surgery"), List.of("California"),
                "Injured worker with chronic low back pain after lifting boxes.",
                item("Norco 10/325mg #60", Decision.UPHELD, Category.OPIOID, "Norco", "hydrocodone/acetaminophen",
                        "Opioids for chronic pain require documented functional improvement.", CitationSource.MTUS),
                item("MRI of the lumbar spine", Decision.OVERTURNED, Category.IMAGING, "MRI", null,
                        "Magnetic resonance imaging is indicated with radiculopathy.", CitationSource.ODG)));
        Fixtures.add(library, Fixtures.letter("CM16-0000202", LocalDate.of(2016, 12, 20), LocalDate.of(2014, 2, 2),
                List.of("Family Practice"), List.of("Texas"), "Worker with knee pain and depression.",
                item("Cymbalta 60mg #30", Decision.OVERTURNED, Category.ANTIDEPRESSANT, "Cymbalta", "duloxetine",
                        "Duloxetine is recommended for neuropathic pain.", CitationSource.ACOEM),
                item("Physical therapy x 12", Decision.UPHELD, Category.PHYSICAL_THERAPY, null, null,
                        "Physical therapy visits exceed guideline recommendations.", CitationSource.MTUS)));
        c = Fixtures.add(library, Fixtures.letter(null, LocalDate.of(2017, 2, 10), null, List.of("Psychiatry"),
                List.of("New York"), "Patient with insomnia; the O'Brien test was positive.",
                item("Ambien 10mg #30", Decision.UPHELD, Category.SEDATIVE_HYPNOTIC, "Ambien", "zolpidem",
                        "Zolpidem is for short-term use only.", CitationSource.ODG)));
        library.tags().tagCase("CM17-0000101", "appeal");
        library.tags().tagItem("CM16-0000202", 2, "pt-review");
        search = new SearchService(library);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private List<Object> hits(String query) {
        return search.search(query, 100).hits().stream().map(h -> (Object) tuple(h.id(), h.item()).toList()).toList();
    }

    private static List<Object> expect(Object... idItemPairs) {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 0; i < idItemPairs.length; i += 2) {
            list.add(java.util.Arrays.asList(idItemPairs[i], idItemPairs[i + 1]));
        }
        return list;
    }

    @Test
    void wordsPhrasesPrefixesOrAndExclusion() {
        assertThat(hits("radiculopathy")).isEqualTo(expect("CM17-0000101", 2));
        assertThat(hits("\"functional improvement\"")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("\"improvement functional\"")).isEmpty();
        assertThat(hits("duloxet*")).isEqualTo(expect("CM16-0000202", 1));
        assertThat(hits("zolpidem OR duloxetine")).containsExactlyInAnyOrderElementsOf(
                expect("CM16-0000202", 1, c, 1));
        assertThat(hits("pain")).containsExactlyInAnyOrderElementsOf(
                expect("CM17-0000101", 1, "CM16-0000202", 1));
        // the knee case still matches through its summary ("knee pain"), as a case hit
        assertThat(hits("pain -duloxetine")).isEqualTo(expect("CM17-0000101", 1, "CM16-0000202", null));
        assertThat(hits("pain -duloxetine -knee")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("-pain")).containsExactlyInAnyOrderElementsOf(expect(c, 1));
    }

    @Test
    void caseIdsListEachMatchingCaseOnceBestFirstAndSummariesFollowThatOrder() {
        assertThat(search.caseIds("pain")).containsExactlyInAnyOrder("CM17-0000101", "CM16-0000202");
        assertThat(search.caseIds("decision:overturned")).containsExactlyInAnyOrder("CM17-0000101", "CM16-0000202");
        assertThat(search.caseIds("zolpidem")).containsExactly(c);
        assertThat(search.caseIds("nothing-matches-this")).isEmpty();
        assertThat(search.caseIds("")).hasSize(3);
        List<String> ids = List.of(c, "CM16-0000202", "no-such-case");
        assertThat(library.summaries(ids)).extracting(s -> s.id()).containsExactly(c, "CM16-0000202");
        assertThat(library.summaries(List.of("CM17-0000101")).get(0).tags()).containsExactly("appeal");
    }

    @Test
    void aMatchInTheSummaryOnlyIsACaseHitWithoutItem() {
        SearchResult r = search.search("boxes", 10);
        assertThat(r.total()).isEqualTo(1);
        Hit h = r.hits().get(0);
        assertThat(h.id()).isEqualTo("CM17-0000101");
        assertThat(h.caseNumber()).isEqualTo("CM17-0000101");
        assertThat(h.item()).isNull();
        assertThat(h.request()).isNull();
        assertThat(h.decision()).isNull();
        assertThat(h.snippet()).contains("«boxes»");
        assertThat(search.search("O'Brien", 10).hits()).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(c);
            assertThat(x.caseNumber()).isNull();
            assertThat(x.snippet()).contains("«O'Brien»");
        });
    }

    @Test
    void snippetsMarkTheMatchesInTheItemText() {
        Hit h = search.search("radiculopathy", 1).hits().get(0);
        assertThat(h.snippet()).contains(SearchService.MARK_START + "radiculopathy" + SearchService.MARK_END);
        assertThat(h.request()).isEqualTo("MRI of the lumbar spine");
        assertThat(h.decision()).isEqualTo(Decision.OVERTURNED);
        assertThat(search.search("decision:upheld", 10).hits()).isNotEmpty()
                .allSatisfy(x -> assertThat(x.snippet()).isNull());
    }

    @Test
    void eachFilter() {
        assertThat(hits("decision:overturned")).isEqualTo(expect("CM16-0000202", 1, "CM17-0000101", 2));
        assertThat(hits("category:opioid")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("category:physical-therapy")).isEqualTo(expect("CM16-0000202", 2));
        assertThat(hits("drug:norco")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("drug:hydrocodone")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("drug:Cymbalta")).isEqualTo(expect("CM16-0000202", 1));
        assertThat(hits("drug:zolpidem")).isEqualTo(expect(c, 1));
        // another brand of the same generic finds the item, though its request names neither (the lexicon's brands)
        assertThat(hits("drug:Drizalma")).isEqualTo(expect("CM16-0000202", 1));
        assertThat(hits("drug:edluar")).isEqualTo(expect(c, 1));
        assertThat(SearchService.genericOf("Drizalma")).isEqualTo("duloxetine");
        // generic: is the item's generic exactly (any case; a combination with or without quotes and spaces), not a
        // part of a combination, a brand or a word of the request
        assertThat(hits("generic:hydrocodone/acetaminophen")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("generic:\"Hydrocodone / Acetaminophen\"")).isEqualTo(expect("CM17-0000101", 1));
        assertThat(hits("GENERIC:duloxetine")).isEqualTo(expect("CM16-0000202", 1));
        assertThat(hits("generic:hydrocodone")).isEmpty();
        assertThat(hits("generic:acetaminophen")).isEmpty();
        assertThat(hits("generic:norco")).isEmpty();
        assertThat(hits("generic:zolpidem generic:duloxetine")).isEqualTo(expect("CM16-0000202", 1, c, 1));
        assertThat(hits("-generic:zolpidem category:sedative_hypnotic")).isEmpty();
        assertThat(SearchService.genericOf("Drizalma 60mg")).isNull();      // a brand named exactly, not a request
        assertThat(SearchService.genericOf("pain")).isNull();
        assertThat(hits("specialty:\"family practice\"")).isEqualTo(expect("CM16-0000202", 1, "CM16-0000202", 2));
        // board: is a board specialty exactly, any case; specialty: any specialty containing the words
        assertThat(hits("board:\"family practice\"")).isEqualTo(expect("CM16-0000202", 1, "CM16-0000202", 2));
        assertThat(hits("board:\"Orthopedic Surgery\"")).isEqualTo(expect("CM17-0000101", 1, "CM17-0000101", 2));
        assertThat(hits("specialty:surgery")).isEqualTo(expect("CM17-0000101", 1, "CM17-0000101", 2));
        assertThat(hits("board:surgery")).isEmpty();
        assertThat(hits("board:practice")).isEmpty();
        assertThat(hits("state:texas")).isEqualTo(expect("CM16-0000202", 1, "CM16-0000202", 2));
        assertThat(hits("state:TX")).as("postal codes name states too").isEqualTo(hits("state:texas"));
        assertThat(hits("state:\"New York\"")).isEqualTo(expect(c, 1));
        assertThat(hits("tag:APPEAL")).isEqualTo(expect("CM17-0000101", 1, "CM17-0000101", 2));
        assertThat(hits("tag:pt-review")).isEqualTo(expect("CM16-0000202", 2));
        assertThat(hits("guideline:odg")).isEqualTo(expect("CM17-0000101", 2, c, 1));
        assertThat(hits("year:2015")).isEqualTo(expect("CM17-0000101", 1, "CM17-0000101", 2));
        assertThat(hits("year:2016")).isEqualTo(expect("CM16-0000202", 1, "CM16-0000202", 2));
        assertThat(hits("-decision:upheld")).isEqualTo(expect("CM16-0000202", 1, "CM17-0000101", 2));
    }

    @Test
    void combinations() {
        assertThat(hits("pain decision:upheld guideline:mtus")).containsExactly(
                List.of("CM17-0000101", 1), java.util.Arrays.asList("CM16-0000202", null));
        assertThat(hits("year:2017 decision:upheld")).isEqualTo(expect("CM17-0000101", 1, c, 1));
        assertThat(hits("decision:upheld decision:overturned state:california")).hasSize(2);
        assertThat(hits("imaging OR opioids category:imaging")).isEqualTo(expect("CM17-0000101", 2));
        assertThat(hits("boxes decision:overturned")).isEqualTo(expect("CM17-0000101", null));
        // values of one key are alternatives; + requires a value as well
        assertThat(hits("category:opioid category:imaging")).isEqualTo(expect("CM17-0000101", 1, "CM17-0000101", 2));
        assertThat(hits("category:opioid +category:imaging")).isEmpty();
        assertThat(hits("category:opioid category:imaging +category:imaging")).isEqualTo(expect("CM17-0000101", 2));
        assertThat(hits("state:texas state:california +decision:overturned"))
                .isEqualTo(expect("CM16-0000202", 1, "CM17-0000101", 2));
        assertThat(hits("+tag:pt-review +board:\"family practice\"")).isEqualTo(expect("CM16-0000202", 2));
        assertThat(hits("+decided:2017 decided:2016 decided:2017-01")).isEqualTo(expect("CM17-0000101", 1,
                "CM17-0000101", 2));
        assertThat(search.stats("guideline:mtus guideline:odg +guideline:odg").items()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced AND (", "NEAR(", "*", "category:", "O'Brien", "-", "\"", "(((", "AND",
        "OR", "NOT", "a OR", "OR OR b", "col:umn", "{request}: x", "pain^2", "\"\"", "-\"", "year:abc", "-*",
        "drug:\"", "tag:\"unclosed", "category:NOPE pain", "NEAR(pain knee, 2)", "x\u0000y"})
    void malformedQueriesNeverFail(String query) {
        SearchResult r = search.search(query, 10);
        assertThat(r.hits()).hasSizeLessThanOrEqualTo(10);
        assertThat(r.total()).isGreaterThanOrEqualTo(r.hits().size());
        Stats stats = search.stats(query);
        assertThat(stats.items()).isLessThanOrEqualTo(search.stats("").items());
        assertThat(stats.decisions().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stats.items());
        assertThat(search.facets(query).decisions().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(stats.items());
    }

    @Test
    void malformedSyntaxIsSearchedAsPlainWords() {
        assertThat(hits("\"insomnia AND (")).isEqualTo(expect(c, null));
        assertThat(hits("category: insomnia")).isEmpty();
        assertThat(hits("(radiculopathy")).isEqualTo(expect("CM17-0000101", 2));
        assertThat(hits("*")).hasSize(5);
    }

    @Test
    void facetCounts() {
        Facets all = search.facets("");
        assertThat(all.decisions()).containsExactly(java.util.Map.entry("UPHELD", 3),
                java.util.Map.entry("OVERTURNED", 2));
        assertThat(all.categories()).hasSize(5).containsEntry("OPIOID", 1);
        assertThat(all.drugs()).containsOnlyKeys("duloxetine", "hydrocodone/acetaminophen", "zolpidem");
        assertThat(all.specialties()).containsOnlyKeys("Family Practice", "Orthopedic Surgery", "Psychiatry");
        assertThat(all.guidelines()).containsEntry("MTUS", 2).containsEntry("ODG", 2).containsEntry("ACOEM", 1);
        assertThat(all.years()).containsEntry("2017", 2).containsEntry("2016", 1);
        assertThat(all.tags()).containsEntry("appeal", 1).containsEntry("pt-review", 1);

        Facets overturned = search.facets("decision:overturned");
        assertThat(overturned.decisions()).containsExactly(java.util.Map.entry("OVERTURNED", 2));
        assertThat(overturned.tags()).containsOnlyKeys("appeal");
        assertThat(overturned.years()).containsOnlyKeys("2016", "2017");
        Facets pain = search.facets("pain -knee");
        assertThat(pain.specialties()).containsOnlyKeys("Orthopedic Surgery");
    }

    @Test
    void statsOfTheLibraryAndOfAQuery() {
        Stats all = search.stats("");
        assertThat(all.cases()).isEqualTo(3);
        assertThat(all.items()).isEqualTo(5);
        assertThat(all.decisions()).containsEntry(Decision.UPHELD, 3).containsEntry(Decision.OVERTURNED, 2)
                .containsEntry(Decision.UNKNOWN, 0);
        assertThat(all.categories()).hasSize(Category.values().length).containsEntry(Category.IMAGING, 1);
        Stats texas = search.stats("state:texas");
        assertThat(texas.cases()).isEqualTo(1);
        assertThat(texas.items()).isEqualTo(2);
    }

    @Test
    void realCorpusSearch() {
        try (Library lib = Library.open(dir.resolve("corpus.db"))) {
            new ImportService(lib).importPaths(List.of(Fixtures.corpusLetters(), Fixtures.seeds()),
                    ProgressListener.NONE, new Cancellation());
            SearchService s = new SearchService(lib);
            SearchResult mri = s.search("lumbar MRI", 5);
            assertThat(mri.total()).isGreaterThan(5);
            assertThat(mri.hits()).hasSize(5).allSatisfy(h -> {
                assertThat(h.snippet()).contains("«");
                assertThat(h.item()).isNotNull();
            });
            SearchResult overturned = s.search("decision:overturned", 100);
            assertThat(overturned.hits()).allSatisfy(h -> assertThat(h.decision()).isEqualTo(Decision.OVERTURNED));
            assertThat(overturned.total()).isEqualTo(s.stats("").decisions().get(Decision.OVERTURNED));
            assertThat(s.search("\"physical therapy\" decision:overturned year:2017", 100).hits())
                    .filteredOn(h -> h.item() != null)
                    .isNotEmpty().allSatisfy(h -> assertThat(h.decision()).isEqualTo(Decision.OVERTURNED));
            assertThat(s.search("state:texas", 500).hits()).isNotEmpty();
            assertThat(s.stats("").cases()).isEqualTo(70);
        }
    }
}
