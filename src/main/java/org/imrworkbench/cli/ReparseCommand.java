package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.FileOutcome;
import org.imrworkbench.ingest.ReparseReport;
import org.imrworkbench.ingest.ReparseService;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.Reparsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code reparse}: re-parse every letter from its stored bytes, keeping tags and annotations. */
@Command(name = "reparse", description = "Re-parse every letter of the library from its stored file (after a "
        + "parser update); tags stay, annotations re-anchor by their quoted text.")
final class ReparseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReparseReport report;
        try (Library lib = library.open()) {
            report = new ReparseService(lib).reparseAll(
                    new ProgressPrinter(err, System.console() != null, "reparse"), new Cancellation());
        }
        for (FileOutcome.Failed f : report.failed()) {
            err.println(f.file() + ": " + f.error());
            Cli.printDetail(spec, err, f.cause());
        }
        for (Reparsed r : report.reparsed()) {
            if (!r.oldId().equals(r.newId())) {
                err.println(r.oldId() + ": is now " + r.newId());
            }
        }
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("reparsed", report.reparsed().size());
            ArrayNode failed = o.putArray("failed");
            report.failed().forEach(f -> failed.addObject().put("id", f.file()).put("error", f.error()));
            o.put("annotationsMoved", report.moved());
            o.put("annotationsOrphaned", report.orphaned());
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println("reparsed " + report.reparsed().size() + ", failed " + report.failed().size()
                    + ", annotations moved " + report.moved() + ", orphaned " + report.orphaned());
        }
        out.flush();
        err.flush();
        return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
