package org.imrworkbench.cli;

import org.imrworkbench.library.LibraryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line of {@code ../shared/contract.md}. Exit status 0 success, 1 some input failed, 2 bad usage;
 * errors are one line each on stderr, with stack traces only under {@code --debug}.
 */
@Command(name = "imr-workbench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        // every command takes --help and --version (scope), and "help COMMAND" prints a command's usage
        scope = CommandLine.ScopeType.INHERIT,
        description = "IMR Workbench: read, search and export California IMR final determination letters.%n"
                + "With no command the desktop app opens.",
        subcommands = {ParseCommand.class, ImportCommand.class, SearchCommand.class, ShowCommand.class,
            StatsCommand.class, TagCommand.Add.class, TagCommand.Remove.class, AnnotateCommand.class,
            ReparseCommand.class, ExportCommand.class, BackupCommand.class, RestoreCommand.class,
            PrecedentsCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors, and the technical detail behind a file's reason.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status. */
    public static int run(String... args) {
        // UTF-8 whatever the locale: under a C/POSIX locale Java would print every non-ASCII character as '?'.
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs a command line writing results to {@code out} and errors and progress to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int status = cl.execute(queryWordsKept(args));
        out.flush();
        err.flush();
        return status;
    }

    /** The query commands, whose arguments may be {@code -word}: see {@link #queryWordsKept}. */
    private static final java.util.Set<String> QUERY_COMMANDS = java.util.Set.of("search", "stats");
    /** Their options that take a value (the value is not a query word). */
    private static final java.util.Set<String> VALUED_OPTIONS = java.util.Set.of("--library", "--limit", "--by");

    /**
     * The arguments, where a query word of {@code search} or {@code stats} that starts with {@code -h} or {@code -V}
     * ({@code -has:warnings}, {@code -hydrocodone}, {@code -Vicodin}) is kept a query word: picocli would read it as
     * {@code -h} (help) or {@code -V} (version) with more short options clustered after it, and print the usage
     * instead of searching. A space before it keeps it from being read as options; the query ignores the space.
     */
    static String[] queryWordsKept(String[] args) {
        if (args.length == 0 || !QUERY_COMMANDS.contains(args[0])) {
            return args;
        }
        String[] kept = args.clone();
        for (int k = 1; k < kept.length; k++) {
            String a = kept[k];
            if (a.equals("--")) {
                break;
            }
            if (VALUED_OPTIONS.contains(a)) {
                k++;
            } else if (a.length() > 2 && a.charAt(0) == '-' && (a.charAt(1) == 'h' || a.charAt(1) == 'V')) {
                kept[k] = " " + a;
            }
        }
        return kept;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        // "-word" excludes a word from a search: let such arguments reach the query (QueryWords rejects "--x").
        cl.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        cl.getSubcommands().get("stats").setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            String synopsis = cmd.getHelp().synopsis(0).replaceAll("\\s+", " ").strip();
            String message = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
            }
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandName() + ": " + message + " — Usage: " + synopsis + " (see --help)");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            // A library error names its subject (file or case id) itself: "ID: reason".
            err.println(ex instanceof LibraryException ? Errors.oneLine(ex.getMessage())
                    : cmd.getCommandName() + ": " + Errors.describe(ex));
            if (debugging(cmd.getCommandSpec())) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    /** Whether the command line asked for {@code --debug}: stack traces with errors. */
    static boolean debugging(CommandLine.Model.CommandSpec spec) {
        return ((Cli) spec.root().userObject()).debug;
    }

    /**
     * Under {@code --debug}, the technical detail behind a file's one-line error (PDFBox's exception, a defect's),
     * printed after that line; nothing otherwise, or when there is none.
     */
    static void printDetail(CommandLine.Model.CommandSpec spec, PrintWriter err, Throwable cause) {
        if (cause != null && debugging(spec)) {
            cause.printStackTrace(err);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"IMR Workbench " + (v == null ? "(development build)" : v)};
        }
    }
}
