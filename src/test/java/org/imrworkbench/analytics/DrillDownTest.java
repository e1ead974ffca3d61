package org.imrworkbench.analytics;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Reviewer;
import org.imrworkbench.search.QueryParser;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.search.Stats;
import org.imrworkbench.synth.CorpusWriter;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing a bar or row of the analytics searches its {@link Breakdown#drillDown} query: that search must find
 * exactly the items the bar counts — its total, its statistics' upheld and overturned counts and its cases the bar's
 * — for every bar of every dimension, over the samples with hand-built letters made to trip it (a generic inside
 * combinations, a specialty inside a longer one, a subspecialty, an unknown decision, a case without items), the
 * real corpus and a synthetic library, for the whole library and for searches that already filter by the
 * dimension's own key.
 */
class DrillDownTest {

    /** Searches to break down: the whole library, filters (some of a dimension's own key), words. */
    private static final List<String> QUERIES = List.of("", "guideline:mtus", "guideline:odg -guideline:mtus",
            "category:opioid category:muscle_relaxant", "decided:2016", "decided:2015 decided:2016-03",
            "state:california state:texas", "specialty:medicine", "-decision:overturned",
            "decision:upheld decision:unknown", "drug:cyclobenzaprine", "pain", "knee -lumbar guideline:odg");

    @TempDir
    static Path dir;
    private static final Map<String, Library> libraries = new HashMap<>();

    @AfterAll
    static void close() {
        libraries.values().forEach(Library::close);
    }

    private static synchronized Library library(String name) throws Exception {
        Library open = libraries.get(name);
        if (open != null) {
            return open;
        }
        Library library = Library.open(dir.resolve(name + ".db"));
        libraries.put(name, library);
        ImportService importer = new ImportService(library);
        switch (name) {
            case "samples" -> {
                importer.importPaths(List.of(Fixtures.seeds()), ProgressListener.NONE, new Cancellation());
                handBuilt(library);
            }
            case "corpus" -> importer.importPaths(List.of(Fixtures.corpusLetters()), ProgressListener.NONE,
                    new Cancellation());
            case "synthetic" -> {
                Path letters = dir.resolve("synthetic");
                new CorpusWriter(20261123L, 0.0, false).write(letters, 300);
                importer.importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
            }
            default -> throw new IllegalArgumentException(name);
        }
        return library;
    }

    /** Letters where a filter wider than its bar would show: each key also found inside another. */
    private static void handBuilt(Library library) {
        add(library, "CM16-2000001", LocalDate.of(2016, 3, 4), List.of("Pain Management"), "Texas",
                Fixtures.item("Cyclobenzaprine 7.5mg #60", Decision.UPHELD, Category.MUSCLE_RELAXANT,
                        "Cyclobenzaprine", "cyclobenzaprine", "Not for long-term use.", CitationSource.MTUS,
                        CitationSource.ODG),
                Fixtures.item("Flurbiprofen/cyclobenzaprine cream 180gm", Decision.OVERTURNED, Category.COMPOUND,
                        null, "flurbiprofen/cyclobenzaprine", "A short trial is reasonable.", CitationSource.MTUS));
        add(library, "CM16-2000002", LocalDate.of(2016, 3, 20), List.of("Preventive Medicine"), "California",
                Fixtures.item("Cyclobenzaprine 10mg #30", Decision.UNKNOWN, Category.MUSCLE_RELAXANT,
                        "Cyclobenzaprine", "cyclobenzaprine", "The letter does not say.", CitationSource.ODG),
                Fixtures.item("Tramadol 50mg #60", Decision.UPHELD, Category.OPIOID, "Tramadol", "tramadol",
                        "No functional improvement; pain persists.", CitationSource.MTUS));
        add(library, "CM16-2000003", LocalDate.of(2016, 4, 2),
                List.of("Public Health & General Preventive Medicine"), "Texas",
                Fixtures.item("Tramadol/acetaminophen 37.5/325mg #60", Decision.OVERTURNED, Category.OPIOID,
                        "Ultracet", "tramadol/acetaminophen", "Knee pain is improving on it.", CitationSource.ODG),
                Fixtures.item("Physical therapy x 6", Decision.UPHELD, Category.PHYSICAL_THERAPY, null, null,
                        "Knee pain; prior therapy gave no benefit.", CitationSource.MTUS));
        add(library, "CM16-2000004", LocalDate.of(2016, 3, 9), List.of("Internal Medicine"), "Texas");
        // a board specialty in anesthesiology with a subspecialty in pain management
        Letter l = Fixtures.letter("CM15-2000005", LocalDate.of(2015, 11, 3), null, List.of("Anesthesiology"),
                List.of("California"), "Low back pain.", Fixtures.item("Lidocaine 5% patch #30", Decision.UPHELD,
                        Category.TOPICAL_ANALGESIC, "Lidoderm", "lidocaine", "Not first line.", CitationSource.MTUS));
        Reviewer subspecialist = new Reviewer(List.of("Anesthesiology"), List.of("Pain Management"), true,
                List.of("California"));
        Fixtures.add(library, new Letter(l.caseNumber(), l.priority(), l.dates(), subspecialist, l.patient(),
                l.summary(), l.items(), l.warnings(), l.text(), l.spans()));
    }

    private static void add(Library library, String caseNumber, LocalDate decided, List<String> specialties,
                            String state, Fixtures.ItemSpec... items) {
        Fixtures.add(library, Fixtures.letter(caseNumber, decided, LocalDate.of(2014, 1, 6), specialties,
                List.of(state), "A worker with low back and knee pain.", items));
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus", "synthetic"})
    void everyBarsDrillDownFindsExactlyTheItemsItCounts(String name) throws Exception {
        Library library = library(name);
        SearchService search = new SearchService(library);
        Analytics analytics = new Analytics(library, search);
        int bars = 0;
        for (String query : QUERIES) {
            for (Dimension by : Dimension.values()) {
                Breakdown breakdown = analytics.breakdown(query, by);
                Map<String, Set<String>> casesOf = casesOfEachKey(library, search, query, by);
                for (OutcomeRow row : breakdown.rows()) {
                    String q = breakdown.drillDown(row);
                    String what = by.word() + " " + row.key() + " of \u201C" + query + "\u201D: " + q;
                    Stats stats = search.stats(q);
                    assertThat(List.of(stats.decisions().get(Decision.UPHELD),
                            stats.decisions().get(Decision.OVERTURNED), stats.items())).as(what)
                            .isEqualTo(List.of(row.upheld(), row.overturned(), row.total()));
                    if (!QueryParser.parse(q).hasText()) {
                        assertThat(search.search(q, 0).total()).as(what).isEqualTo(row.total());
                    }
                    assertThat(new HashSet<>(search.caseIds(q))).as(what).isEqualTo(casesOf.get(row.key()));
                    bars++;
                }
            }
        }
        assertThat(bars).isGreaterThan(100);
    }

    /** The cases of each key's decided items among a query's matches, read from the facts directly. */
    private static Map<String, Set<String>> casesOfEachKey(Library library, SearchService search, String query,
                                                           Dimension by) {
        Map<Long, String> caseOfItem = new HashMap<>();
        library.read(c -> {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT i.pk, c.id FROM items i JOIN cases c ON c.pk = i.case_pk")) {
                while (rs.next()) {
                    caseOfItem.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return search.withMatches(query, (facts, rows) -> {
            Map<String, Set<String>> cases = new HashMap<>();
            for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                Decision d = facts.decision(r);
                if (d == Decision.UPHELD || d == Decision.OVERTURNED) {
                    for (String key : by.keys(facts, r)) {
                        cases.computeIfAbsent(key, k -> new HashSet<>()).add(caseOfItem.get(facts.rowid(r)));
                    }
                }
            }
            return cases;
        });
    }

    @Test
    void theHandBuiltTrapsAreThere() throws Exception {
        SearchService search = new SearchService(library("samples"));
        // a drug: filter is wider than its generic's bar, a specialty: filter wider than its board's
        assertThat(search.search("drug:cyclobenzaprine", 0).total())
                .isGreaterThan(search.search("generic:cyclobenzaprine -decision:unknown", 0).total());
        assertThat(search.search("specialty:\"pain management\"", 0).total())
                .isGreaterThan(search.search("board:\"pain management\"", 0).total());
        assertThat(search.stats("decision:unknown").items()).isEqualTo(1);
        assertThat(search.search("state:texas -decision:upheld -decision:overturned", 0).total()).isEqualTo(1);
    }
}
