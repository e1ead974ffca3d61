package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Breakdown;
import org.imrworkbench.analytics.Dimension;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.Facets;
import org.imrworkbench.search.FilterKey;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.search.Stats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code stats [--json] [--by DIMENSION] [QUERY]}: counts of the library, or of a query's matches, with facets; with
 * {@code --by}, the outcomes by one dimension instead.
 */
@Command(name = "stats", description = "Count cases, items, decisions and categories (of a query's matches when "
        + "a QUERY is given), with facet counts, among them the cases with parser warnings and with highlights or "
        + "notes.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print the counts as one JSON document.")
    boolean json;

    @Option(names = "--by", paramLabel = "DIMENSION", description = "Break the outcomes down by category, drug, "
            + "guideline, section, specialty, state, year or month: upheld, overturned, overturn rate and its 95%% "
            + "Wilson interval per value.")
    String by;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Restrict to this search query.")
    List<String> query;

    @Override
    public Integer call() throws Exception {
        String q = QueryWords.join(spec.commandLine(), query);
        if (by != null) {
            Dimension dimension = Dimension.of(by).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--by: unknown dimension '" + by + "' (expected one of "
                    + Arrays.stream(Dimension.values()).map(Dimension::word).collect(Collectors.joining(", "))
                    + ")"));
            Breakdown breakdown;
            try (Library lib = library.open()) {
                breakdown = new Analytics(lib).breakdown(q, dimension);
            }
            OutcomeJson.printBreakdown(spec.commandLine().getOut(), breakdown, json);
            return ExitCodes.OK;
        }
        Stats stats;
        Facets facets;
        try (Library lib = library.open()) {
            SearchService search = new SearchService(lib);
            stats = search.stats(q);
            facets = search.facets(q);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("cases", stats.cases());
            o.put("items", stats.items());
            ObjectNode decisions = o.putObject("decisions");
            stats.decisions().forEach((k, v) -> decisions.put(k.name(), v));
            ObjectNode categories = o.putObject("categories");
            stats.categories().forEach((k, v) -> categories.put(k.name(), v));
            ObjectNode f = o.putObject("facets");
            put(f, "decisions", facets.decisions());
            put(f, "categories", facets.categories());
            put(f, "drugs", facets.drugs());
            put(f, "specialties", facets.specialties());
            put(f, "guidelines", facets.guidelines());
            put(f, "years", facets.years());
            put(f, "tags", facets.tags());
            ObjectNode has = f.putObject("has");
            has.put(FilterKey.WARNINGS, facets.has().getOrDefault(FilterKey.WARNINGS, 0));
            has.put(FilterKey.NOTES, facets.has().getOrDefault(FilterKey.NOTES, 0));
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println(stats.cases() + " cases, " + stats.items() + " items");
            out.println("decisions: " + line(stats.decisions()));
            out.println("categories: " + line(stats.categories()));
            out.println("specialties: " + line(facets.specialties()));
            out.println("guidelines: " + line(facets.guidelines()));
            out.println("years: " + line(facets.years()));
            out.println("tags: " + line(facets.tags()));
            out.println("parser warnings (has:warnings): "
                    + cases(facets.has().getOrDefault(FilterKey.WARNINGS, 0)));
            out.println("highlights or notes (has:notes): " + cases(facets.has().getOrDefault(FilterKey.NOTES, 0)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void put(ObjectNode parent, String name, Map<String, Integer> counts) {
        ObjectNode o = parent.putObject(name);
        counts.forEach(o::put);
    }

    private static String cases(int n) {
        return n + (n == 1 ? " case" : " cases");
    }

    private static String line(Map<?, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> {
            if (v > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
