package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.export.BinderOptions;
import org.imrworkbench.export.CaseOrder;
import org.imrworkbench.export.ExportException;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.ExportListener;
import org.imrworkbench.export.ExportProgress;
import org.imrworkbench.export.ExportRequest;
import org.imrworkbench.export.ExportResult;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.export.Selection;
import org.imrworkbench.library.Library;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code export (--case ID... | --tag TAG | --query QUERY | --all) --out FILE [--format pdf|csv|json] ...}: an
 * annotated PDF binder, a CSV of items, or a JSON array of {@code show} objects.
 */
@Command(name = "export", description = {
    "Export cases: pdf (default) writes an annotated binder with contents, bookmarks, highlights and notes,",
    "page and Bates numbers; csv one row per disputed item (UTF-8 with BOM); json an array of show objects."})
final class ExportCommand implements Callable<Integer> {

    /** Progress lines for exports of at least this many cases. */
    private static final int PROGRESS_FROM = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--case", paramLabel = "ID", arity = "1..*", description = "These cases, in this order.")
        List<String> ids;

        @Option(names = "--tag", paramLabel = "TAG", description = "Cases with this tag (on the case or an item).")
        String tag;

        @Option(names = "--query", paramLabel = "QUERY", description = "The cases of a search (as in search).")
        String query;

        @Option(names = "--all", description = "Every case of the library.")
        boolean all;
    }

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path file;

    @Option(names = "--format", paramLabel = "pdf|csv|json", defaultValue = "pdf",
            converter = FormatConverter.class, description = "pdf (default), csv or json.")
    ExportFormat format;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "The binder's title (default \"IMR Determinations\").")
    String title;

    @Option(names = "--matter", paramLabel = "TEXT", description = "The matter, shown on the cover.")
    String matter;

    @Option(names = "--prepared-for", paramLabel = "TEXT", description = "Whom the binder is for.")
    String preparedFor;

    @Option(names = "--prepared-by", paramLabel = "TEXT", description = "Who prepared the binder.")
    String preparedBy;

    @Option(names = "--date", paramLabel = "yyyy-mm-dd", description = "The cover's date (default today).")
    LocalDate date;

    @Option(names = "--order", paramLabel = "case-number|decision-date|as-listed", defaultValue = "as-listed",
            converter = OrderConverter.class, description = "The order of the cases (default as-listed: the --case "
            + "order, search hits best first, otherwise by case id).")
    CaseOrder order;

    @Option(names = "--bates", paramLabel = "PREFIX", description = "Number every page PREFIX000001, ...")
    String bates;

    @Option(names = "--bates-start", paramLabel = "N", defaultValue = "1", description = "The first Bates number "
            + "(default 1).")
    int batesStart;

    @Option(names = "--bates-digits", paramLabel = "N", defaultValue = "6", description = "Digits of a Bates number "
            + "(default 6).")
    int batesDigits;

    @Option(names = "--exhibits", description = "Label the cases Exhibit A, Exhibit B, ...")
    boolean exhibits;

    @Option(names = "--originals", description = "Append each letter's original PDF pages after its case.")
    boolean originals;

    @Option(names = "--statistics", description = "Begin the binder with a statistics section: the outcomes of its "
            + "items by category, drug, guideline source, reviewer specialty and year, with overturn rates.")
    boolean statistics;

    @Option(names = "--json", description = "Print the result as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (batesStart < 0) {
            throw new CommandLine.ParameterException(cl, "--bates-start must not be negative");
        }
        if (batesDigits < 1 || batesDigits > 12) {
            throw new CommandLine.ParameterException(cl, "--bates-digits must be 1 to 12");
        }
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        // "--out binders/" names a folder, but the Path it becomes has lost its slash and would be written as a file
        // (a folder that exists is refused by the export itself, with the same words)
        CommandLine.Model.OptionSpec outOption = cl.getParseResult().matchedOption("--out");
        String named = outOption == null ? file.toString() : outOption.stringValues().get(0);
        if (named.endsWith("/") || named.endsWith(java.io.File.separator)) {
            err.println(ExportException.aFolder(named).getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        BinderOptions options = new BinderOptions(title, matter, preparedFor, preparedBy, date, order, bates,
                batesStart, batesDigits, exhibits, originals, statistics);
        ExportRequest request = new ExportRequest(selection(), file, format, options);
        ExportResult result;
        try (Library lib = library.open()) {
            result = new ExportService(lib).export(request, progress(err), () -> false);
        } catch (ExportException e) {
            err.println(Errors.oneLine(e.getMessage()));
            err.flush();
            return ExitCodes.FAILED;
        }
        for (String id : result.missing()) {
            err.println(id + ": no such case in the library (left out of the export)");
        }
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("file", result.file().toString());
            o.put("format", result.format().name().toLowerCase(Locale.ROOT));
            o.put("cases", result.cases());
            o.put("items", result.items());
            o.put("pages", result.pages());
            result.missing().forEach(o.putArray("missing")::add);
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println("exported " + result.cases() + (result.cases() == 1 ? " case" : " cases") + ", "
                    + result.items() + (result.items() == 1 ? " item" : " items")
                    + (result.format() == ExportFormat.PDF ? ", " + result.pages() + " pages" : "")
                    + " to " + result.file());
        }
        out.flush();
        err.flush();
        return result.missing().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Selection selection() {
        if (which.ids != null) {
            return new Selection.Cases(which.ids);
        }
        if (which.tag != null) {
            return new Selection.Tagged(which.tag);
        }
        if (which.query != null) {
            return new Selection.Query(which.query);
        }
        return new Selection.All();
    }

    /** A line at every tenth of a large export. */
    private static ExportListener progress(PrintWriter err) {
        int[] lastTenth = {0};
        return (ExportProgress p) -> {
            if (p.total() < PROGRESS_FROM) {
                return;
            }
            int tenth = (int) (10L * p.done() / p.total());
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                err.println("export " + p.done() + "/" + p.total() + " cases");
                err.flush();
            }
        };
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not pdf, csv or json");
            }
        }
    }

    static final class OrderConverter implements CommandLine.ITypeConverter<CaseOrder> {
        @Override
        public CaseOrder convert(String value) {
            try {
                return CaseOrder.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not case-number, decision-date or as-listed");
            }
        }
    }
}
