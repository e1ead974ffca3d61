package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.BackupInfo;
import org.imrworkbench.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup --library DB --out FILE [--json]}: a checked copy of the library, taken while it may be in use. */
@Command(name = "backup", description = "Copy the library to a new file (SQLite's online backup; the library may stay"
        + " open elsewhere). The copy is checked and readable by its owner only; an existing file is never"
        + " overwritten.")
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write.")
    Path out;

    @Option(names = "--json", description = "Print {\"file\", \"schemaVersion\", \"cases\", \"annotations\", "
            + "\"bytes\"} as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = library.file();
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no library here to back up");
            err.flush();
            return ExitCodes.FAILED;
        }
        BackupInfo info;
        try (Library lib = library.open()) {
            info = lib.backup(this.out);
        }
        if (json) {
            out.println(LetterJson.MAPPER.writeValueAsString(json(info)));
        } else {
            out.println("backed up " + info.cases() + " cases and " + info.annotations() + " annotations to "
                    + info.file());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode json(BackupInfo info) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        o.put("file", info.file().toString());
        o.put("schemaVersion", info.schemaVersion());
        o.put("cases", info.cases());
        o.put("annotations", info.annotations());
        o.put("bytes", info.bytes());
        return o;
    }
}
