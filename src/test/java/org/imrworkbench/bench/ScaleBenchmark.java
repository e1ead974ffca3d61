package org.imrworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.ExportListener;
import org.imrworkbench.export.ExportRequest;
import org.imrworkbench.export.ExportResult;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.export.Selection;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Item;
import org.imrworkbench.search.SearchService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark at scale of issue 7 and {@code docs/BENCHMARKS.md}: a synthetic corpus of N letters (a tenth as
 * PDF), imported into a new library, beside the tools a user would otherwise reach for (the {@code sqlite3} shell
 * loading the raw texts into FTS5, poppler's {@code pdftotext}); then, on the library of all N letters, search,
 * facets, opening a case, a PDF binder of 500 cases, and the desktop app's start-up and resident memory (under Xvfb,
 * in a JVM of its own). Writes {@code target/bench/results.json}.
 *
 * <pre>mvn -B -Pbench -Dbench.size=100000 verify</pre>
 */
@Tag("benchmark")
public class ScaleBenchmark {

    private static final long SEED = 1;
    private static final int OPEN_CASES = 200;
    private static final int BINDER_CASES = 500;
    /** Loads by the {@code sqlite3} shell, of which the median is the baseline. */
    private static final int BASELINE_RUNS = 3;
    /** How long the desktop app may take to open and list the whole library before the measurement gives up. */
    private static final long STARTUP_TIMEOUT_S = 300;
    private static final int STARTUP_RUNS = 3;
    private static final Pattern STARTUP_LINE = Pattern.compile("startup_s ([0-9.]+) .*rss_mb (-?\\d+)");
    private static final Pattern FULL_LIST_LINE = Pattern.compile("full_list_s ([0-9.]+) .*rss_mb (-?\\d+)");
    private static final int SEARCH_ROUNDS = 5;
    private static final int HITS = 20;
    private static final String TOKENIZER = "porter unicode61 remove_diacritics 2";

    /** Realistic queries: words, phrases, prefixes, filters, exclusions and combinations. */
    public static final List<String> QUERIES = List.of(
            "lumbar",
            "\"lumbar MRI\" decision:overturned",
            "drug:norco",
            "category:physical_therapy guideline:odg",
            "specialty:\"Family Practice\" year:2017",
            "acupunct*",
            "opioid -tramadol",
            "tramadol",
            "\"functional improvement\"",
            "gabapent* decision:upheld",
            "category:opioid decision:overturned",
            "guideline:mtus year:2016",
            "epidural injection",
            "\"home exercise program\"",
            "knee surgery decision:overturned",
            "drug:cyclobenzaprine guideline:mtus",
            "tag:bench-review",
            "state:california category:imaging",
            "chiropract* -decision:upheld",
            "compound topical",
            "\"urine drug screen\"",
            "psychological evaluation specialty:psychology",
            "decision:overturned",
            "neck pain physical therapy",
            "zolpidem sleep");

    @Test
    void scale() throws Exception {
        int size = Integer.getInteger("bench.size", 100_000);
        String machine = machine();
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BenchCorpus corpus = BenchCorpus.of(size, SEED);
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("text_letters", corpus.text.size());
        details.put("pdf_letters", corpus.pdf.size());
        details.put("load_average_at_start", loadAtStart);

        try (BenchCorpus.TempDir tmp = new BenchCorpus.TempDir("run-")) {
            // Every file read once first, so that neither side pays for reading it from the disk and the other not.
            details.put("corpus_mb", round(readAll(corpus.text) + readAll(corpus.pdf), 0));
            // --- sqlite3 shell: the raw texts into one FTS5 table, in one transaction; the median of three loads
            Timed sqlite3 = sqlite3Baseline(corpus.text, tmp, details);
            // --- our import of the text letters into a new library
            Path db = tmp.resolve("library.db");
            Timed textImport;
            try (Library library = Library.open(db)) {
                textImport = importInto(library, corpus.text);
            }
            figures.put("import_letters_per_s", round(corpus.text.size() / textImport.seconds, 1));
            figures.put("import_vs_sqlite3", round(textImport.seconds / sqlite3.seconds, 2));
            details.put("import_s", round(textImport.seconds, 1));
            details.put("import_cpu_s", round(textImport.cpuSeconds, 1));
            details.put("sqlite3_s", round(sqlite3.seconds, 2));
            details.put("sqlite3_cpu_s", round(sqlite3.cpuSeconds, 2));
            details.put("import_vs_sqlite3_cpu", round(textImport.cpuSeconds / sqlite3.cpuSeconds, 2));

            // --- pdftotext on all cores, then our import of the PDFs (into the same library: it then holds all N)
            Timed pdftotext = pdftotextBaseline(corpus.pdf, tmp);
            Timed pdfImport;
            try (Library library = Library.open(db)) {
                pdfImport = importInto(library, corpus.pdf);
            }
            figures.put("pdf_letters_per_s", round(corpus.pdf.size() / pdfImport.seconds, 1));
            figures.put("pdf_vs_pdftotext", round(pdfImport.seconds / pdftotext.seconds, 2));
            details.put("pdf_import_s", round(pdfImport.seconds, 1));
            details.put("pdf_import_cpu_s", round(pdfImport.cpuSeconds, 1));
            details.put("pdftotext_s", round(pdftotext.seconds, 2));
            details.put("pdftotext_cpu_s", round(pdftotext.cpuSeconds, 2));
            details.put("pdf_vs_pdftotext_cpu", round(pdfImport.cpuSeconds / pdftotext.cpuSeconds, 2));
            details.put("library_mb", round(Files.size(db) / 1048576.0, 0));

            try (Library library = Library.open(db)) {
                details.put("cases", library.caseCount());
                List<String> sample = annotateSample(library);
                searchFigures(library, figures, details);
                figures.put("open_case_ms", openCase(library, sample, details));
                binder(library, sample, tmp, figures, details);
            }
            // --- the desktop app opened on the library of all N letters (closed above: the app takes its lock)
            try {
                startup(db, figures, details);
            } catch (Exception e) {
                // the figures already taken are still written; the reason stands in the details
                details.put("startup_error", String.valueOf(e.getMessage()));
                System.out.println("startup_s and rss_mb not measured: " + e.getMessage());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("size", size);
        result.put("machine", machine);
        result.put("command", "mvn -B -Pbench -Dbench.size=" + size + " verify");
        result.put("figures", figures);
        result.put("details", details);
        Path out = Path.of("target/bench/results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        System.out.println("scale benchmark (mvn -B -Pbench -Dbench.size=" + size + " verify), " + machine);
        figures.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %s%n", k, v));
        System.out.println("  details: " + details);
        System.out.println("written to " + out.toAbsolutePath());
    }

    // ------------------------------------------------------------------------------------------- import

    /** Wall and CPU seconds of one measured step (CPU: this JVM's, or the child processes'). */
    private record Timed(double seconds, double cpuSeconds) {
    }

    private static Timed importInto(Library library, List<Path> files) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        ImportReport report = new ImportService(library).importPaths(files, ProgressListener.NONE, new Cancellation());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        if (!report.failed().isEmpty() || report.imported().size() + report.duplicates().size() != files.size()) {
            throw new IllegalStateException("import of the benchmark corpus: " + report.summaryLine() + "; first: "
                    + report.failed().stream().limit(3).toList());
        }
        System.out.printf(Locale.ROOT, "imported %,d letters in %.1f s (%.1f per second; %s)%n", files.size(),
                seconds, files.size() / seconds, report.summaryLine());
        return new Timed(seconds, cpuSeconds);
    }

    /**
     * The {@code sqlite3} shell loading the same raw texts into an FTS5 table (file name and text; the library's
     * tokenizer) in one transaction, through {@code readfile()}, into a new database file beside the library: three
     * times, each into a new file, the median load taken, so that one load disturbed by another program on a shared
     * machine does not make the baseline. All three times are in the details.
     */
    private static Timed sqlite3Baseline(List<Path> files, BenchCorpus.TempDir tmp, Map<String, Object> details)
            throws Exception {
        ensureTool("sqlite3", "sqlite3");
        Path script = tmp.resolve("load.sql");
        try (BufferedWriter w = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
            w.write("CREATE VIRTUAL TABLE letters USING fts5(file, text, tokenize = '" + TOKENIZER + "');\n");
            w.write("BEGIN;\n");
            for (Path f : files) {
                w.write("INSERT INTO letters (file, text) VALUES (" + sqlString(f.getFileName().toString())
                        + ", CAST(readfile(" + sqlString(f.toAbsolutePath().toString()) + ") AS TEXT));\n");
            }
            w.write("COMMIT;\n");
        }
        List<Timed> loads = new ArrayList<>();
        for (int run = 0; run < BASELINE_RUNS; run++) {
            Path db = tmp.resolve("sqlite3-" + run + ".db");
            Timed t = run(new ProcessBuilder("sqlite3", db.toString()).redirectInput(script.toFile()));
            String count = output(new ProcessBuilder("sqlite3", db.toString(), "SELECT count(*) FROM letters"));
            if (!count.strip().equals(String.valueOf(files.size()))) {
                throw new IllegalStateException("sqlite3 loaded " + count.strip() + " letters, not " + files.size());
            }
            Files.delete(db);
            System.out.printf(Locale.ROOT, "sqlite3 loaded %,d texts into FTS5 in %.2f s%n", files.size(), t.seconds);
            loads.add(t);
        }
        details.put("sqlite3_runs_s", loads.stream().map(t -> round(t.seconds, 2)).toList());
        List<Timed> sorted = new ArrayList<>(loads);
        sorted.sort(Comparator.comparingDouble(Timed::seconds));
        return sorted.get(sorted.size() / 2);
    }

    /** Reads every file once, so that the measured steps find them in the disk cache; returns the megabytes read. */
    private static double readAll(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.readAllBytes(f).length;
        }
        return bytes / 1048576.0;
    }

    /** Poppler's {@code pdftotext} on every PDF, one process per file, {@code nproc} at a time through xargs. */
    private static Timed pdftotextBaseline(List<Path> files, BenchCorpus.TempDir tmp) throws Exception {
        ensureTool("pdftotext", "poppler-utils");
        Path list = tmp.resolve("pdfs.list");
        Path out = tmp.resolve("pdftotext");
        Files.createDirectories(out);
        try (BufferedWriter w = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            for (Path f : files) {
                w.write(f.toAbsolutePath().toString());
                w.write('\0');
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "xargs -0 -P " + cores
                + " -n 32 sh -c 'for f; do pdftotext -q \"$f\" \"$OUT/${f##*/}.txt\" || exit 255; done' sh < \"$LIST\"");
        pb.environment().put("OUT", out.toAbsolutePath().toString());
        pb.environment().put("LIST", list.toAbsolutePath().toString());
        Timed t = run(pb);
        long extracted;
        try (var s = Files.list(out)) {
            extracted = s.count();
        }
        if (extracted != files.size()) {
            throw new IllegalStateException("pdftotext extracted " + extracted + " of " + files.size() + " PDFs");
        }
        System.out.printf(Locale.ROOT, "pdftotext extracted %,d PDFs on %d cores in %.2f s%n", files.size(), cores,
                t.seconds);
        return t;
    }

    // ------------------------------------------------------------------------------------ search and cases

    /** Tags and annotates 200 random cases (and tags a further 2% of the library), as a user would have. */
    static List<String> annotateSample(Library library) {
        List<String> ids = new ArrayList<>(library.caseIds());
        Collections.shuffle(ids, new Random(42));
        List<String> sample = List.copyOf(ids.subList(0, Math.min(OPEN_CASES, ids.size())));
        for (int k = 0; k < sample.size(); k++) {
            String id = sample.get(k);
            library.tags().tagCase(id, "bench-review");
            library.tags().tagCase(id, "batch-" + (k % 5));
            library.annotations().note(id, null, "Benchmark note on case " + id, null, "bench");
            CaseRecord record = library.loadCase(id).orElseThrow();
            List<Item> items = record.letter().items();
            if (!items.isEmpty()) {
                Item first = items.get(0);
                library.tags().tagItem(id, first.number(), "key-item");
                String rationale = first.rationale();
                if (rationale != null && rationale.length() > 40) {
                    library.annotations().highlight(id, first.number(), rationale.substring(0, 40),
                            "worth quoting", "yellow", "bench");
                }
            }
            if (record.letter().summary() != null && record.letter().summary().length() > 30) {
                library.annotations().highlight(id, null, record.letter().summary().substring(0, 30), null, "green",
                        "bench");
            }
        }
        for (String id : ids.subList(sample.size(), Math.min(ids.size(), sample.size() + ids.size() / 50))) {
            library.tags().tagCase(id, "follow-up");
        }
        return sample;
    }

    static void searchFigures(Library library, Map<String, Object> figures, Map<String, Object> details) {
        SearchService search = new SearchService(library);
        for (int round = 0; round < 2; round++) {      // warm-up: JIT and SQLite's page cache
            for (String q : QUERIES) {
                search.search(q, HITS);
                search.facets(q);
            }
        }
        List<Double> searchMs = new ArrayList<>();
        List<Double> facetMs = new ArrayList<>();
        Map<String, Object> perQuery = new LinkedHashMap<>();
        for (String q : QUERIES) {
            double[] s = new double[SEARCH_ROUNDS];
            double[] f = new double[SEARCH_ROUNDS];
            int total = 0;
            for (int r = 0; r < SEARCH_ROUNDS; r++) {
                long t0 = System.nanoTime();
                total = search.search(q, HITS).total();
                long t1 = System.nanoTime();
                search.facets(q);
                long t2 = System.nanoTime();
                s[r] = (t1 - t0) / 1e6;
                f[r] = (t2 - t1) / 1e6;
                searchMs.add(s[r]);
            }
            Arrays.sort(s);
            Arrays.sort(f);
            facetMs.add(f[SEARCH_ROUNDS / 2]);
            perQuery.put(q, Map.of("hits", total, "search_ms", round(s[SEARCH_ROUNDS / 2], 1),
                    "facets_ms", round(f[SEARCH_ROUNDS / 2], 1)));
        }
        figures.put("search_p50_ms", round(percentile(searchMs, 50), 1));
        figures.put("search_p95_ms", round(percentile(searchMs, 95), 1));
        figures.put("facets_ms", round(percentile(facetMs, 50), 1));
        details.put("facets_p95_ms", round(percentile(facetMs, 95), 1));
        details.put("queries", perQuery);
    }

    private static double openCase(Library library, List<String> sample, Map<String, Object> details) {
        for (String id : sample) {          // warm-up
            library.loadCase(id).orElseThrow();
        }
        List<Double> ms = new ArrayList<>();
        for (String id : sample) {
            long t0 = System.nanoTime();
            CaseRecord record = library.loadCase(id).orElseThrow();
            ms.add((System.nanoTime() - t0) / 1e6);
            if (record.tags().isEmpty() || record.annotations().isEmpty()) {
                throw new IllegalStateException(id + ": the sampled case lost its tags or annotations");
            }
        }
        details.put("open_case_p95_ms", round(percentile(ms, 95), 2));
        return round(percentile(ms, 50), 2);
    }

    // ------------------------------------------------------------------------------- binder and the app

    /**
     * A PDF binder of 500 cases of the library — the annotated sample and random others — with contents, bookmarks,
     * Bates numbers and exhibit labels, as {@code BinderBenchmark} makes one: {@code binder_500_s} and the heap's
     * peak over the export, {@code binder_500_heap_mb}. A binder of 20 of them first loads the classes and warms the
     * JIT, so the figure is the export's own.
     */
    private static void binder(Library library, List<String> sample, BenchCorpus.TempDir tmp,
                               Map<String, Object> figures, Map<String, Object> details) {
        List<String> ids = new ArrayList<>(library.caseIds());
        Collections.shuffle(ids, new Random(BINDER_CASES));
        LinkedHashSet<String> chosen = new LinkedHashSet<>(sample);
        for (int k = 0; k < ids.size() && chosen.size() < BINDER_CASES; k++) {
            chosen.add(ids.get(k));
        }
        List<String> cases = List.copyOf(chosen);
        ExportService service = new ExportService(library);
        service.export(new ExportRequest(new Selection.Cases(cases.subList(0, Math.min(20, cases.size()))),
                tmp.resolve("warm-up.pdf"), ExportFormat.PDF, BinderBenchmark.OPTIONS), ExportListener.NONE,
                () -> false);
        HeapPeaks.reset();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        ExportResult result = service.export(new ExportRequest(new Selection.Cases(cases), tmp.resolve("binder.pdf"),
                ExportFormat.PDF, BinderBenchmark.OPTIONS), ExportListener.NONE, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        long heap = HeapPeaks.bytes();
        if (result.cases() != cases.size()) {
            throw new IllegalStateException("the binder holds " + result.cases() + " of " + cases.size() + " cases");
        }
        figures.put("binder_500_s", round(seconds, 1));
        figures.put("binder_500_heap_mb", round(heap / 1048576.0, 0));
        details.put("binder_500_cpu_s", round(cpuSeconds, 1));
        details.put("binder_500_cases", result.cases());
        details.put("binder_500_items", result.items());
        details.put("binder_500_pages", result.pages());
        try {
            details.put("binder_500_file_mb", round(Files.size(result.file()) / 1048576.0, 1));
        } catch (IOException e) {
            throw new IllegalStateException("the binder written cannot be read: " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "binder of %d cases (%,d pages) in %.1f s, heap peak %d MB%n", result.cases(),
                result.pages(), seconds, Math.round(heap / 1048576.0));
    }

    /**
     * The desktop app opened on the library in a JVM of its own, with this JVM's Java options (the launchers', as
     * the bench profile sets them), under Xvfb ({@code xvfb-run}, installed when missing), three times:
     * {@code startup_s}, the median of the seconds from that JVM's start until the first cases are in the case table,
     * and {@code rss_mb}, the largest resident memory once the whole case list is loaded
     * ({@link LargeLibraryProbe}'s {@code startup}). One launch alone moves by most of a second with the disk
     * cache (the JavaFX libraries, the library just written).
     */
    private static void startup(Path db, Map<String, Object> figures, Map<String, Object> details) throws Exception {
        ensureTool("xvfb-run", "xvfb");
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-XX:") || option.startsWith("-Xmx") || option.startsWith("-Xms")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LargeLibraryProbe.class.getName(),
                "startup", db.toAbsolutePath().toString()));
        List<Double> startup = new ArrayList<>();
        List<Double> fullList = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Long> firstRss = new ArrayList<>();
        for (int run = 0; run < STARTUP_RUNS; run++) {
            Path log = db.resolveSibling("startup-" + run + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(STARTUP_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("the app did not list the library's cases within "
                        + STARTUP_TIMEOUT_S + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher first = STARTUP_LINE.matcher(out);
            Matcher full = FULL_LIST_LINE.matcher(out);
            if (p.exitValue() != 0 || !first.find() || !full.find()) {
                throw new IllegalStateException("the app's start-up (exit code " + p.exitValue() + ") did not report"
                        + " its figures; its output: " + out.strip().lines().limit(20).toList());
            }
            startup.add(Double.parseDouble(first.group(1)));
            firstRss.add(Long.parseLong(first.group(2)));
            fullList.add(Double.parseDouble(full.group(1)));
            rss.add(Math.max(Long.parseLong(first.group(2)), Long.parseLong(full.group(2))));
            System.out.println("the app on the library: " + first.group() + "; " + full.group());
        }
        figures.put("startup_s", percentile(startup, 50));
        figures.put("rss_mb", Collections.max(rss));
        details.put("startup_runs_s", startup);
        details.put("startup_rss_mb", firstRss);
        details.put("full_list_runs_s", fullList);
        details.put("rss_runs_mb", rss);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Installs a missing command-line tool with apt-get (as root), or fails saying how to install it. */
    private static void ensureTool(String command, String debianPackage) throws Exception {
        if (onPath(command)) {
            return;
        }
        System.out.println(command + " is missing: installing the Debian package " + debianPackage);
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "(apt-get install -y " + debianPackage
                + " || (apt-get update && apt-get install -y " + debianPackage + "))");
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        pb.inheritIO();
        pb.start().waitFor(15, TimeUnit.MINUTES);
        if (!onPath(command)) {
            throw new IllegalStateException(command + " is needed for the benchmark's baseline: install the "
                    + debianPackage + " package (apt-get install " + debianPackage + ")");
        }
    }

    private static boolean onPath(String command) throws Exception {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    /** Runs a process to its end: its wall time and its CPU time (with its children's). */
    private static Timed run(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        if (pb.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long cpu = childrenCpuNanos();
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", pb.command()) + " failed with exit code " + exit);
        }
        return new Timed(seconds, (childrenCpuNanos() - cpu) / 1e9);
    }

    private static String output(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The user and system CPU time of this JVM's waited-for children and their descendants (Linux:
     * {@code /proc/self/stat} cutime and cstime, in clock ticks of 1/100 s); 0 elsewhere.
     */
    private static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String machine() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip() + ", ").orElse("");
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%s%d cores, %.1f GiB, %s %s, %s %s", cpu,
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1073741824.0,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.version"));
    }
}
