package org.imrworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.imrworkbench.export.LetterJson;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Letter;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code parse [--json] FILE...}: letters to structured data, no library involved. */
@Command(name = "parse", description = "Parse letters (PDF or text) and print their structured data.")
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array, one object per FILE in argument order.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Letter files (.pdf or .txt).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        LetterReader reader = new LetterReader();
        List<ParsedFile> results = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> reader.read(files.get(i))).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        ArrayNode array = LetterJson.MAPPER.createArrayNode();
        for (int i = 0; i < results.size(); i++) {
            ParsedFile r = results.get(i);
            String shown = files.get(i).toString();
            if (!r.ok()) {
                failed = true;
                err.println(shown + ": " + r.error());
                Cli.printDetail(spec, err, r.cause());
                array.add(LetterJson.error(r.file(), r.sha256(), r.error()));
                continue;
            }
            if (json) {
                array.add(LetterJson.letter(r.file(), r.sha256(), r.letter()));
            } else {
                out.println(describe(shown, r.letter()));
            }
        }
        if (json) {
            out.println(LetterJson.MAPPER.writeValueAsString(array));
        }
        out.flush();
        err.flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String describe(String file, Letter letter) {
        long overturned = letter.items().stream().filter(it -> it.decision() == Decision.OVERTURNED).count();
        long upheld = letter.items().stream().filter(it -> it.decision() == Decision.UPHELD).count();
        StringBuilder sb = new StringBuilder(file).append(": ")
                .append(letter.caseNumber() == null ? "no case number" : letter.caseNumber())
                .append(", ").append(letter.items().size()).append(letter.items().size() == 1 ? " item" : " items")
                .append(" (").append(upheld).append(" upheld, ").append(overturned).append(" overturned)");
        if (!letter.warnings().isEmpty()) {
            sb.append(", ").append(letter.warnings().size())
                    .append(letter.warnings().size() == 1 ? " warning" : " warnings");
        }
        return sb.toString();
    }
}
