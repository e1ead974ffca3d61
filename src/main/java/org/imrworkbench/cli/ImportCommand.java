package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.FileOutcome;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

/** {@code import [--json] PATH...}: adds letter files and folders to the library. */
@Command(name = "import", description = "Import letters (.pdf and .txt files; folders recursively) into the library.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Letter files and folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl+C or a kill (SIGINT, SIGTERM) stops the import after the letter being written, and the report of
        // what was done is still printed (one JSON document with --json) before the program ends.
        Cancellation cancellation = new Cancellation();
        CountDownLatch reported = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "import-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return importAndReport(cancellation, out, err);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has what it waited for
            }
        }
    }

    private int importAndReport(Cancellation cancellation, PrintWriter out, PrintWriter err) throws Exception {
        ImportReport report;
        try (Library lib = library.openCreatingFolders()) {
            report = new ImportService(lib).importPaths(paths,
                    new ProgressPrinter(err, System.console() != null, "import"), cancellation);
        }
        for (FileOutcome.Failed f : report.failed()) {
            err.println(f.file() + ": " + f.error());
            Cli.printDetail(spec, err, f.cause());
        }
        if (report.cancelled()) {
            err.println("import: interrupted; " + report.notProcessed() + " files were not imported");
        }
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            ArrayNode imported = o.putArray("imported");
            report.imported().forEach(i -> imported.addObject().put("file", i.file()).put("id", i.id())
                    .put("items", i.items()));
            ArrayNode duplicates = o.putArray("duplicates");
            report.duplicates().forEach(d -> duplicates.addObject().put("file", d.file()).put("id", d.id())
                    .put("reason", d.reason().name()));
            ArrayNode failed = o.putArray("failed");
            report.failed().forEach(f -> failed.addObject().put("file", f.file()).put("error", f.error()));
            if (report.cancelled()) {
                o.put("interrupted", true);
                o.put("notProcessed", report.notProcessed());
            }
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println(report.summaryLine());
        }
        out.flush();
        err.flush();
        return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
