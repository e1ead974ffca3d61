package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Precedents;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code precedents [--json] ID --item N [--limit K]}: the decided items most like a disputed item, their outcomes,
 * and the phrases that separate the overturned from the upheld.
 *
 * <p>JSON: {@code {"item": {"id", "caseNumber", "item", "request", "decision", "generic", "category"},
 * "precedents": [{"id", "caseNumber", "item", "request", "decision", "basis", "score"}],
 * "outcome": {"upheld", "overturned", "rate", "low", "high"},
 * "phrases": [{"phrase", "weight", "overturned", "upheld", "items": [{"id", "caseNumber", "item", "request",
 * "decision"}]}]}}.
 */
@Command(name = "precedents", description = "List the decided items most like item N of case ID (same drug or "
        + "treatment first, then by text similarity), their outcomes, and the phrases that most separate the "
        + "overturned rationales from the upheld ones.")
final class PrecedentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print the precedents as one JSON document.")
    boolean json;

    @Parameters(paramLabel = "ID", description = "The case id (case number, or L- and 12 hex digits).")
    String id;

    @Option(names = "--item", paramLabel = "N", required = true, description = "The item's number in its letter.")
    int item;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "20",
            description = "How many precedents at most (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        Precedents.Result result;
        try (Library lib = library.open()) {
            result = new Analytics(lib).precedents(id, item, limit);
        } catch (NotFoundException e) {
            err.println(Errors.oneLine(e.getMessage()));
            err.flush();
            return ExitCodes.FAILED;
        }
        if (json) {
            out.println(LetterJson.MAPPER.writeValueAsString(json(result)));
        } else {
            print(out, result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode json(Precedents.Result r) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        ObjectNode subject = OutcomeJson.item(r.item());
        subject.put("generic", r.generic());
        subject.put("category", r.category());
        o.set("item", subject);
        ArrayNode precedents = o.putArray("precedents");
        for (Precedents.Precedent p : r.precedents()) {
            ObjectNode n = OutcomeJson.item(p.ref());
            n.put("basis", p.basis().name());
            n.put("score", OutcomeJson.round(p.score()));
            precedents.add(n);
        }
        ObjectNode outcome = OutcomeJson.row(r.outcome());
        outcome.remove("key");
        o.set("outcome", outcome);
        ArrayNode phrases = o.putArray("phrases");
        for (Precedents.Phrase p : r.phrases()) {
            ObjectNode n = phrases.addObject();
            n.put("phrase", p.phrase());
            n.put("weight", OutcomeJson.round(p.weight()));
            n.put("overturned", p.overturned());
            n.put("upheld", p.upheld());
            ArrayNode items = n.putArray("items");
            p.items().forEach(ref -> items.add(OutcomeJson.item(ref)));
        }
        return o;
    }

    private static void print(PrintWriter out, Precedents.Result r) {
        out.println("Precedents of " + r.item().id() + " item " + r.item().item() + ": " + r.item().request());
        for (Precedents.Precedent p : r.precedents()) {
            out.println(String.format(Locale.ROOT, "  %-10s %s #%d  %s  (%s, %.2f)", p.ref().decision(),
                    p.ref().id(), p.ref().item(), p.ref().request(),
                    p.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.score()));
        }
        out.println("outcome: " + OutcomeJson.text(r.outcome()));
        for (Precedents.Phrase p : r.phrases()) {
            out.println(String.format(Locale.ROOT, "  %+6.2f  \"%s\"  overturned %d, upheld %d", p.weight(),
                    p.phrase(), p.overturned(), p.upheld()));
        }
    }
}
