package org.imrworkbench.cli;

import picocli.CommandLine;

import java.util.List;

/**
 * The query of {@code search} and {@code stats}: its arguments joined by spaces. Arguments starting with one
 * {@code -} are query words ({@code -word} excludes a word); one starting with {@code --} is an unknown option.
 */
final class QueryWords {

    private QueryWords() {
    }

    static String join(CommandLine commandLine, List<String> words) {
        if (words == null) {
            return "";
        }
        for (String w : words) {
            if (w.startsWith("--") && w.length() > 2) {
                throw new CommandLine.ParameterException(commandLine, "Unknown option: '" + w + "'");
            }
        }
        // each word stripped: Cli.queryWordsKept may have put a space before one
        return String.join(" ", words.stream().map(String::strip).toList());
    }
}
