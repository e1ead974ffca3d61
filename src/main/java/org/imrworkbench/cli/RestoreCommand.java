package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code restore --library DB --from FILE [--json]}: replaces the library with a checked backup, keeping a copy. */
@Command(name = "restore", description = "Replace the library with a backup. The backup is checked first; the "
        + "library it replaces is kept beside it as NAME.before-restore-STAMP. Refused while the library is open in "
        + "another window or program.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup file to restore.")
    Path from;

    @Option(names = "--json", description = "Print {\"library\", \"from\", \"schemaVersion\", \"cases\", "
            + "\"annotations\", \"replacedCopy\"} as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = library.file();
        RestoreResult result = Library.restore(file, from);
        // Opening upgrades a backup of an older version (with its own backup first) and proves the result opens.
        try (Library lib = Library.open(result.library())) {
            lib.caseCount();
        }
        String replaced = result.replacedCopy().map(Path::toString).orElse(null);
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("library", result.library().toString());
            o.put("from", result.restored().file().toString());
            o.put("schemaVersion", result.restored().schemaVersion());
            o.put("cases", result.restored().cases());
            o.put("annotations", result.restored().annotations());
            o.put("replacedCopy", replaced);
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println("restored " + result.restored().cases() + " cases and " + result.restored().annotations()
                    + " annotations from " + result.restored().file()
                    + (replaced == null ? "" : "; the replaced library was kept as " + replaced));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
