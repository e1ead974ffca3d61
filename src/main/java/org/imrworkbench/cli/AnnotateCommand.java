package org.imrworkbench.cli;

import org.imrworkbench.export.CaseJson;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.Annotations;
import org.imrworkbench.library.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code annotate ID [--item N] --quote TEXT [--note TEXT] [--color NAME]}: highlight a passage. */
@Command(name = "annotate", description = "Highlight the first occurrence of TEXT in an item's rationale "
        + "(with --item) or in the case summary, with an optional note.")
final class AnnotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Parameters(paramLabel = "ID", description = "The case id.")
    String id;

    @Option(names = "--item", paramLabel = "N", description = "Highlight in item N's rationale.")
    Integer item;

    @Option(names = "--quote", paramLabel = "TEXT", required = true, description = "The text to highlight.")
    String quote;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note on the highlight.")
    String note;

    @Option(names = "--color", paramLabel = "NAME", description = "The highlight's colour (default yellow).")
    String color;

    @Option(names = "--author", paramLabel = "NAME", description = "The author (default: the OS user name).")
    String author;

    @Option(names = "--json", description = "Print the annotation as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Annotation a;
        try (Library lib = library.open()) {
            a = lib.annotations().highlight(id, item, quote, note, color,
                    author == null ? Annotations.defaultAuthor() : author);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(LetterJson.MAPPER.writeValueAsString(CaseJson.annotation(a)));
        } else {
            out.println(id + ": annotation " + a.id() + " on "
                    + (a.item() == null ? "the case summary" : "the rationale of item " + a.item())
                    + " at " + a.start() + "-" + a.end());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
