package org.imrworkbench.cli;

import org.imrworkbench.export.CaseJson;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code show [--json] ID}: one case with its tags and annotations. */
@Command(name = "show", description = "Show a case of the library with its tags and annotations.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print the case as one JSON document (the parse object plus id, tags "
            + "and annotations).")
    boolean json;

    @Parameters(paramLabel = "ID", description = "The case id (case number, or L- and 12 hex digits).")
    String id;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<CaseRecord> found;
        try (Library lib = library.open()) {
            found = lib.loadCase(id);
        }
        if (found.isEmpty()) {
            err.println(id + ": no such case in the library");
            err.flush();
            return ExitCodes.FAILED;
        }
        CaseRecord record = found.get();
        if (json) {
            out.println(LetterJson.MAPPER.writeValueAsString(CaseJson.show(record)));
        } else {
            Letter l = record.letter();
            out.println(record.id() + "  (" + record.fileName() + ", " + record.format() + ")");
            out.println("decided " + orNone(l.dates().decided()) + ", injury " + orNone(l.dates().injury())
                    + ", reviewer: " + String.join("; ", l.reviewer().specialties()));
            if (!record.tags().isEmpty()) {
                out.println("tags: " + String.join(", ", record.tags()));
            }
            for (Item item : l.items()) {
                out.println("  " + item.number() + ". " + item.decision() + ": " + item.request()
                        + (record.itemTags(item.number()).isEmpty() ? ""
                        : "  [" + String.join(", ", record.itemTags(item.number())) + "]"));
            }
            for (Annotation a : record.annotations()) {
                out.println("  note " + a.id() + (a.item() == null ? " (case" : " (item " + a.item())
                        + (a.field() == null ? ")" : " " + a.field().name().toLowerCase() + ")")
                        + (a.quote() == null ? "" : " \"" + a.quote() + "\"")
                        + (a.note() == null ? "" : ": " + a.note()) + (a.orphaned() ? " [orphaned]" : ""));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String orNone(Object o) {
        return o == null ? "unknown" : o.toString();
    }
}
