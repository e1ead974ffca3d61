package org.imrworkbench.search;

import org.imrworkbench.bench.ScaleBenchmark;
import org.imrworkbench.library.Library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares, on a library of any size, the search that reads FTS5's index itself with the search through FTS5's
 * queries: the first 200 hits with their snippets and the total, the facets and the whole ranked case list of
 * {@link ScaleBenchmark#QUERIES} and a few broad ones. For the libraries the unit tests cannot hold (100,000 letters:
 * ties of bm25 among 250,000 rows, doclists over hundreds of pages, segments of every level). Exits 1 on a difference.
 *
 * <pre>java -cp "$CP" org.imrworkbench.search.IndexReaderProbe LIBRARY.db</pre>
 */
public final class IndexReaderProbe {

    private IndexReaderProbe() {
    }

    public static void main(String[] args) {
        List<String> queries = new ArrayList<>(ScaleBenchmark.QUERIES);
        queries.addAll(List.of("pain", "\"medically necessary\"", "therap* OR rehab*", "-pain",
                "knee -lumbar -\"home exercise\"", "norco 10/325mg", "epidural steroid injection*"));
        int differences = 0;
        try (Library library = Library.open(Path.of(args[0]))) {
            SearchService reader = new SearchService(library, true);
            SearchService fts5 = new SearchService(library, false);
            for (String q : queries) {
                SearchResult a = reader.search(QueryParser.parse(q), 0, 200);
                boolean hits = a.equals(fts5.search(QueryParser.parse(q), 0, 200));
                boolean facets = reader.facets(q).equals(fts5.facets(q));
                boolean cases = reader.caseIds(q).equals(fts5.caseIds(q));
                differences += hits && facets && cases ? 0 : 1;
                System.out.printf("%-46s %,8d hits  hits %s  facets %s  ranked cases %s%n", q, a.total(),
                        same(hits), same(facets), same(cases));
            }
        }
        System.out.println(differences == 0 ? "the same for all " + queries.size() + " queries"
                : differences + " of " + queries.size() + " queries differ");
        System.exit(differences == 0 ? 0 : 1);
    }

    private static String same(boolean same) {
        return same ? "same" : "DIFFERENT";
    }
}
