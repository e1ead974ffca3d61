package org.imrworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.imrworkbench.export.BinderOptions;
import org.imrworkbench.export.CaseOrder;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.ExportListener;
import org.imrworkbench.export.ExportRequest;
import org.imrworkbench.export.ExportResult;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.export.Selection;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.GeneratedLetters;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 500-case PDF binder: time (best and median of three runs, and the exporting thread's CPU time, which a busy
 * machine disturbs less) and peak heap of an export of the whole library (letters made from the seeds with
 * distinct case numbers, every tenth case with a highlight and a note; contents, bookmarks, Bates numbers and exhibit
 * labels on). Run with {@code mvn -B -Pbench verify}; writes {@code target/bench/binder.json}. Not part of the
 * ordinary test run.
 */
@Tag("benchmark")
class BinderBenchmark {

    private static final int CASES = 500;
    private static final int RUNS = 3;
    /** The benchmarks' binder (also {@code ScaleBenchmark}'s): contents, bookmarks, Bates numbers and exhibits. */
    static final BinderOptions OPTIONS = new BinderOptions("Benchmark binder", "Bench v. Mark", null, null, null,
            CaseOrder.CASE_NUMBER, "BM", 1, 6, true, false, false);

    @TempDir
    Path dir;

    @Test
    void binderOf500Cases() throws IOException {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, CASES);
        try (Library library = Library.open(dir.resolve("lib.db"))) {
            new ImportService(library).importPaths(List.of(letters), ProgressListener.NONE, new Cancellation());
            assertThat(library.caseCount()).isEqualTo(CASES);
            for (int n = 0; n < CASES; n += 10) {
                String id = String.format("CM99-%07d", n);
                library.annotations().highlight(id, null, "Generated test letter number " + n, "benchmark note",
                        null, "bench");
                library.annotations().note(id, 1, "a note on item 1", null, "bench");
                library.tags().tagCase(id, "sampled");
            }
            ExportService service = new ExportService(library);
            // Warm-up on a small selection, so the figure is the export, not class loading and JIT.
            service.export(new ExportRequest(new Selection.Cases(library.caseIds().subList(0, 20)),
                    dir.resolve("warm.pdf"), ExportFormat.PDF, OPTIONS), ExportListener.NONE, () -> false);
            double[] seconds = new double[RUNS];
            double[] cpuSeconds = new double[RUNS];
            long peakHeap = 0;
            ExportResult result = null;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int run = 0; run < RUNS; run++) {
                HeapPeaks.reset();
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                result = service.export(new ExportRequest(new Selection.All(), dir.resolve("binder.pdf"),
                        ExportFormat.PDF, OPTIONS), ExportListener.NONE, () -> false);
                seconds[run] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                peakHeap = Math.max(peakHeap, HeapPeaks.bytes());
            }
            Arrays.sort(seconds);
            Arrays.sort(cpuSeconds);
            assertThat(result.cases()).isEqualTo(CASES);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            figures.put("cases", result.cases());
            figures.put("items", result.items());
            figures.put("pages", result.pages());
            figures.put("file_mb", Math.round(Files.size(result.file()) / 1e5) / 10.0);
            figures.put("runs", RUNS);
            figures.put("binder_500_s", Math.round(seconds[0] * 10) / 10.0);
            figures.put("binder_500_median_s", Math.round(seconds[RUNS / 2] * 10) / 10.0);
            figures.put("binder_500_cpu_s", Math.round(cpuSeconds[0] * 10) / 10.0);
            figures.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            figures.put("binder_500_heap_mb", Math.round(peakHeap / 1048576.0));
            Path out = Path.of("target/bench/binder.json");
            Files.createDirectories(out.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
            System.out.println("binder benchmark: " + figures);
        }
    }
}
