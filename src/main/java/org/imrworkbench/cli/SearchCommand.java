package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.Hit;
import org.imrworkbench.search.SearchResult;
import org.imrworkbench.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code search [--json] [--limit N] QUERY}: full-text search with filters. */
@Command(name = "search", description = {
    "Search the library: words, \"phrases\", prefix*, OR, -word, and filters.",
    "Filters: decision:upheld|overturned, category:<CATEGORY>,",
    "drug:<brand or generic>, generic:<exact generic>, specialty:\"...\",",
    "board:\"<exact specialty>\", state:<state>, tag:<name>,",
    "guideline:mtus|odg|acoem, section:\"...\", year:<yyyy>,",
    "decided:<yyyy or yyyy-mm>, has:warnings (cases whose parse left",
    "warnings, to check), has:notes (cases with highlights or notes).",
    "Two values of one filter are alternatives;",
    "+filter requires it as well (guideline:mtus +guideline:odg: both);",
    "-filter excludes.",
    "Snippets: « and » around matches, … where text is cut."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print {\"total\", \"hits\"} as one JSON document.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Hits to show (default 20).")
    int limit;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several arguments are joined).")
    List<String> query;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        String q = QueryWords.join(spec.commandLine(), query);
        PrintWriter out = spec.commandLine().getOut();
        SearchResult result;
        try (Library lib = library.open()) {
            result = new SearchService(lib).search(q, limit);
        }
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("total", result.total());
            ArrayNode hits = o.putArray("hits");
            for (Hit h : result.hits()) {
                ObjectNode ho = hits.addObject();
                ho.put("id", h.id());
                ho.put("caseNumber", h.caseNumber());
                if (h.item() == null) {
                    ho.putNull("item");
                } else {
                    ho.put("item", h.item());
                }
                ho.put("request", h.request());
                ho.put("decision", h.decision() == null ? null : h.decision().name());
                ho.put("snippet", h.snippet());
            }
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            for (Hit h : result.hits()) {
                out.println(h.id() + (h.item() == null ? " (case summary)"
                        : " item " + h.item() + " " + h.decision() + ": " + h.request()));
                if (h.snippet() != null) {
                    out.println("    " + h.snippet().replaceAll("\\s+", " "));
                }
            }
            out.println(result.total() + (result.total() == 1 ? " hit" : " hits")
                    + (result.total() > result.hits().size() ? " (" + result.hits().size() + " shown)" : ""));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
