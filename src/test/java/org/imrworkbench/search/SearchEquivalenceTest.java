package org.imrworkbench.search;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.synth.CorpusWriter;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search over the in-memory {@link FactIndex} against {@link ReferenceSearch}, the same query language evaluated
 * in SQL over the library's tables: for every filter key and value found in a library of generated letters (plus
 * cases without items, tags on cases and items, and a re-parse), negations, words, phrases, prefixes and random
 * combinations, the totals, the hits in order with their snippets, the facets, the statistics and the case lists
 * must be the same. Some letters are changed before the import so that their parse leaves warnings
 * ({@code has:warnings}), and some cases get highlights or notes ({@code has:notes}).
 */
class SearchEquivalenceTest {

    @TempDir
    static Path dir;
    static Library library;
    static SearchService search;
    /** The same service asking FTS5 to match and rank (its way when it cannot read the index itself). */
    static SearchService fts5Search;
    static ReferenceSearch reference;
    static List<String> queries;

    @BeforeAll
    static void setUp() throws Exception {
        Path letters = dir.resolve("letters");
        new CorpusWriter(20261122L, 0.0, false).write(letters, 240);
        // every ninth letter changed so that its parse leaves warnings, as a damaged or unusual letter's would
        List<Path> texts;
        try (var files = Files.list(letters)) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (int k = 0; k < texts.size(); k += 9) {
            Files.writeString(texts.get(k), Fixtures.needingCheck(Files.readString(texts.get(k)), k % 2 == 0));
        }
        library = Library.open(dir.resolve("library.db"));
        new ImportService(library).importPaths(List.of(letters, Fixtures.seeds()), ProgressListener.NONE,
                new Cancellation());
        // Cases without items: found through their summary only, and by case-level filters.
        Fixtures.add(library, Fixtures.letter("CM17-9000001", LocalDate.of(2017, 4, 3), LocalDate.of(2016, 1, 9),
                List.of("Family Practice"), List.of("Texas"), "Knee pain after a fall; lumbar strain."));
        Fixtures.add(library, Fixtures.letter("CM16-9000002", null, LocalDate.of(2016, 3, 9),
                List.of("Psychiatry"), List.of("California"), "Insomnia and depression."));
        List<String> ids = library.caseIds();
        Random random = new Random(11);
        for (int k = 0; k < 25; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            library.tags().tagCase(id, k % 2 == 0 ? "appeal" : "follow-up");
        }
        for (int k = 0; k < 25; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            var items = library.loadCase(id).orElseThrow().letter().items();
            if (!items.isEmpty()) {
                library.tags().tagItem(id, items.get(random.nextInt(items.size())).number(), "key-item");
            }
        }
        library.tags().tagCase("CM17-9000001", "appeal");
        for (int k = 0; k < 20; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            library.annotations().note(id, null, "check the dates", null, "tester");
        }
        search = new SearchService(library);
        fts5Search = new SearchService(library, false);
        reference = new ReferenceSearch(library);
        queries = queries(random);
    }

    @AfterAll
    static void tearDown() {
        library.close();
    }

    /** Every filter value the library has, each also negated, then words and random combinations. */
    private static List<String> queries(Random random) throws Exception {
        Set<String> filters = new LinkedHashSet<>();
        for (Decision d : Decision.values()) {
            filters.add("decision:" + d.name().toLowerCase());
        }
        for (Category c : Category.values()) {
            filters.add("category:" + c.name().toLowerCase());
        }
        for (CitationSource s : CitationSource.values()) {
            filters.add("guideline:" + s.name().toLowerCase());
        }
        filters.addAll(List.of("drug:codone", "drug:norco", "drug:NORCO", "drug:acetaminophen", "drug:\"10/325\"",
                "drug:flexeril", "drug:Celebrex", "drug:pepcid", "drug:tylenol", "drug:ultram", "drug:\"tylenol 4\"",
                "state:CA", "state:texas", "state:ny", "specialty:surgery", "specialty:\"family practice\"",
                "tag:appeal", "tag:follow-up", "tag:key-item", "tag:none-such", "year:2015", "year:2016",
                "decided:2016", "decided:2017-03", "section:nonexistent", "generic:hydrocodone", "generic:NORCO",
                "generic:\"Hydrocodone / Acetaminophen\"", "generic:hydrocodone/acetaminophen", "generic:none-such",
                "has:warnings", "has:notes", "has:WARNING", "has:foo", "has:\"warnings\""));
        filters.addAll(column("SELECT DISTINCT 'generic:\"' || upper(treatment_generic) || '\"' FROM items"
                + " WHERE treatment_generic IS NOT NULL ORDER BY 1 LIMIT 25"));
        filters.addAll(column("SELECT DISTINCT 'generic:' || lower(treatment_generic) FROM items"
                + " WHERE treatment_generic LIKE '%/%' AND treatment_generic NOT LIKE '% %' ORDER BY 1 LIMIT 10"));
        filters.addAll(column("SELECT DISTINCT 'drug:\"' || lower(treatment_generic) || '\"' FROM items"
                + " WHERE treatment_generic IS NOT NULL ORDER BY 1 LIMIT 25"));
        filters.addAll(column("SELECT DISTINCT 'section:\"' || replace(s.value, '\"', '') || '\"'"
                + " FROM citations, json_each(citations.sections) s ORDER BY 1 LIMIT 25"));
        filters.addAll(column("SELECT DISTINCT 'specialty:\"' || value || '\"' FROM credentials"
                + " WHERE kind <> 'LICENSURE' ORDER BY 1 LIMIT 15"));
        filters.addAll(List.of("board:surgery", "board:\"FAMILY PRACTICE\"", "board:psychiatry"));
        filters.addAll(column("SELECT DISTINCT 'board:\"' || value || '\"' FROM credentials"
                + " WHERE kind <> 'LICENSURE' ORDER BY kind DESC, 1 LIMIT 20"));
        filters.addAll(column("SELECT DISTINCT 'decided:' || substr(decided, 1, 7) FROM cases"
                + " WHERE decided IS NOT NULL ORDER BY 1 LIMIT 15"));
        List<String> words = List.of("knee", "lumbar", "\"functional improvement\"", "acupunct*", "opioid -tramadol",
                "pain", "insomnia", "\"home exercise program\"", "tramadol OR gabapentin", "-knee", "-pain -lumbar",
                "depression", "therapy visits", "medically necessary", "lumb* OR back", "\"urine drug\"*",
                "norco 10/325mg", "pain pain", "\"knee\" -\"knee pain\"", "guideline:mtus +guideline:odg",
                "+guideline:odg +guideline:mtus knee", "decided:2016 +decided:2016-03", "+knee", "+ category:opioid",
                "category:opioid category:nsaid +category:nsaid", "+drug:norco -generic:hydrocodone/acetaminophen",
                "summary -has:warnings", "has:warnings has:notes", "has:warnings +has:notes");
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(words);
        List<String> filterList = new ArrayList<>(filters);
        for (String f : filterList) {
            out.add(f);
            out.add("-" + f);
        }
        for (int k = 0; k < 150; k++) {
            StringBuilder q = new StringBuilder();
            if (random.nextBoolean()) {
                q.append(words.get(random.nextInt(words.size())));
            }
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int sign = random.nextInt(5);
                q.append(' ').append(sign == 0 ? "-" : sign == 1 ? "+" : "")
                        .append(filterList.get(random.nextInt(filterList.size())));
            }
            out.add(q.toString().strip());
        }
        return out;
    }

    private static List<String> column(String sql) {
        return library.read(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    @Test
    void theLibraryIsVaried() {
        assertThat(library.caseCount()).isGreaterThan(240);
        long warned = Fixtures.longs(library, "SELECT count(DISTINCT case_pk) FROM warnings")[0];
        assertThat(warned).as("cases with warnings").isBetween(20L, 40L);
        assertThat(search.search("has:warnings", 0).total()).isGreaterThan((int) warned);
        assertThat(search.caseIds("has:warnings")).hasSize((int) warned);
        assertThat(search.caseIds("-has:warnings")).hasSize(library.caseCount() - (int) warned);
        long noted = Fixtures.longs(library, "SELECT count(DISTINCT case_pk) FROM annotations")[0];
        assertThat(search.caseIds("has:notes")).hasSize((int) noted).hasSizeGreaterThan(10);
        assertThat(queries).hasSizeGreaterThan(300);
        int nonEmpty = 0;
        for (String q : queries) {
            nonEmpty += search.search(q, 1).total() > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("queries with hits").isGreaterThan(queries.size() / 2);
    }

    @Test
    void hitsAreTheSame() {
        for (SearchService service : List.of(search, fts5Search)) {
            for (String q : queries) {
                SearchResult expected = reference.search(QueryParser.parse(q), 0, 60);
                SearchResult actual = service.search(QueryParser.parse(q), 0, 60);
                assertThat(actual.total()).as("total of %s", q).isEqualTo(expected.total());
                assertThat(actual.hits()).as("hits of %s", q).isEqualTo(expected.hits());
            }
        }
    }

    @Test
    void pagesAreTheSame() {
        for (SearchService service : List.of(search, fts5Search)) {
            for (String q : List.of("pain", "", "decision:upheld", "knee -category:opioid", "acupunct*",
                    "lumb* OR back")) {
                assertThat(service.search(QueryParser.parse(q), 37, 25).hits()).as(q)
                        .isEqualTo(reference.search(QueryParser.parse(q), 37, 25).hits());
            }
        }
    }

    @Test
    void facetsAndStatisticsAreTheSame() {
        for (SearchService service : List.of(search, fts5Search)) {
            for (String q : queries) {
                assertThat(service.facets(q)).as("facets of %s", q).isEqualTo(reference.facets(q));
                assertThat(service.stats(q)).as("stats of %s", q).isEqualTo(reference.stats(q));
            }
        }
    }

    @Test
    void caseListsAreTheSame() {
        for (SearchService service : List.of(search, fts5Search)) {
            for (String q : queries) {
                assertThat(service.caseIds(q)).as("case ids of %s", q).isEqualTo(reference.caseIds(q));
            }
        }
    }

    @Test
    void aReparsedOrAddedLetterIsSeenAtOnce() {
        String q = "decided:2019-02";
        assertThat(search.search(q, 10).total()).isZero();
        Fixtures.add(library, Fixtures.letter("CM19-9000003", LocalDate.of(2019, 2, 3), null, List.of("Neurology"),
                List.of("Oregon"), "Headache.", Fixtures.item("Botox 100 units", Decision.OVERTURNED,
                        Category.OTHER, "Botox", null, "Chronic migraine criteria are met.", CitationSource.ODG)));
        assertThat(search.search(q, 10).total()).isEqualTo(1);
        assertThat(search.facets(q)).isEqualTo(reference.facets(q));
    }

    @Test
    void aReparseThatChangesTheWarningsIsSeenAtOnce() {
        String id = search.caseIds("-has:warnings").get(3);
        var before = library.loadCase(id).orElseThrow().letter();
        int items = before.items().size();
        int warned = search.search("has:warnings", 0).total();
        library.replaceLetter(id, Fixtures.withWarnings(before, "item 1: no decision rationale found"), "test");
        assertThat(search.caseIds("has:warnings")).contains(id);
        assertThat(search.search("has:warnings", 0).total()).isEqualTo(warned + items);
        assertThat(search.facets("has:warnings")).isEqualTo(reference.facets("has:warnings"));
        library.replaceLetter(id, Fixtures.withWarnings(before), "test");
        assertThat(search.caseIds("has:warnings")).doesNotContain(id);
        assertThat(search.caseIds("-has:warnings")).contains(id);
        assertThat(search.search("has:warnings", 0).total()).isEqualTo(warned);
        assertThat(search.facets("")).isEqualTo(reference.facets(""));
    }

    @Test
    void aNewNoteIsSeenAtOnce() {
        String id = search.caseIds("-has:notes").get(0);
        var note = library.annotations().note(id, null, "ask about the MRI", null, "tester");
        assertThat(search.caseIds("has:notes")).contains(id);
        assertThat(search.facets("has:notes")).isEqualTo(reference.facets("has:notes"));
        library.annotations().delete(note.id());
        assertThat(search.caseIds("has:notes")).doesNotContain(id);
    }
}
