package org.imrworkbench.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Dimension;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Item;
import org.imrworkbench.ui.MainWindow;
import org.imrworkbench.ui.WorkbenchFxFixture;
import org.imrworkbench.ui.common.Background;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Figures on an existing large library that need the desktop app or the analytics layer (docs/BENCHMARKS.md):
 * {@code analytics LIBRARY} prints analytics and precedents latencies; {@code startup LIBRARY} (under Xvfb) opens
 * the main window and prints the seconds from JVM start until the case table is filled, and the resident memory.
 */
public final class LargeLibraryProbe {

    private LargeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("startup")) {
            Application.launch(StartupApp.class, args[1]);
            return;
        }
        if (args[0].equals("search")) {
            search(Path.of(args[1]));
            return;
        }
        try (Library library = Library.open(Path.of(args[1]))) {
            Analytics analytics = new Analytics(library);
            List<String> queries = List.of("", "decision:overturned", "category:opioid", "lumbar MRI",
                    "guideline:odg", "drug:cyclobenzaprine", "\"physical therapy\" year:2017");
            for (Dimension d : Dimension.values()) {
                analytics.breakdown("", d); // warm-up
            }
            List<Double> views = new ArrayList<>();
            for (String q : queries) {
                for (Dimension d : Dimension.values()) {
                    long t = System.nanoTime();
                    analytics.breakdown(q, d);
                    analytics.breakdown(q, Dimension.MONTH); // the view also draws the trend
                    views.add((System.nanoTime() - t) / 1e6);
                }
            }
            List<String> ids = library.caseIds();
            Random random = new Random(7);
            List<Double> precedents = new ArrayList<>();
            double first = -1;
            for (int k = 0; k < 21; k++) {
                String id = ids.get(random.nextInt(ids.size()));
                List<Item> items = library.loadCase(id).orElseThrow().letter().items();
                int number = items.get(random.nextInt(items.size())).number();
                long t = System.nanoTime();
                analytics.precedents(id, number, 25);
                double ms = (System.nanoTime() - t) / 1e6;
                if (first < 0) {
                    first = ms;
                } else {
                    precedents.add(ms);
                }
            }
            System.out.printf("analytics_view_ms p50 %.0f p95 %.0f max %.0f (%d views)%n", pct(views, 50),
                    pct(views, 95), Collections.max(views), views.size());
            System.out.printf("precedents_ms first %.0f, then p50 %.0f p95 %.0f max %.0f%n", first,
                    pct(precedents, 50), pct(precedents, 95), Collections.max(precedents));
        }
    }

    /**
     * The benchmark's search figures ({@code ScaleBenchmark}: the same queries, warm-up and rounds) on an existing
     * library, tagged and annotated as the benchmark does the first time.
     */
    private static void search(Path file) {
        try (Library library = Library.open(file)) {
            long t = System.nanoTime();
            new org.imrworkbench.search.SearchService(library).search("decision:upheld", 20);
            System.out.printf("first search, with reading the facts: %.0f ms%n", (System.nanoTime() - t) / 1e6);
            if (library.tags().find("bench-review").isEmpty()) {
                ScaleBenchmark.annotateSample(library);
            }
            java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
            java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
            ScaleBenchmark.searchFigures(library, figures, details);
            System.out.println(figures);
            ((java.util.Map<?, ?>) details.get("queries")).forEach((q, v) -> System.out.println("  " + q + " " + v));
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Opens the main window on the library and reports when the case table is filled. */
    public static final class StartupApp extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            Library library = Library.open(Path.of(getParameters().getRaw().get(0)));
            MainWindow window = new MainWindow(stage, library, WorkbenchFxFixture.freshSettings("probe"),
                    Background.forFx());
            int all = library.caseCount();
            boolean[] firstSeen = {false};
            window.browser().cases().addListener((ListChangeListener<Object>) c -> {
                int listed = window.browser().cases().size();
                if (listed == 0) {
                    return;
                }
                double seconds = (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
                if (!firstSeen[0]) {
                    firstSeen[0] = true;
                    System.out.printf(Locale.ROOT, "startup_s %.1f (first %d cases shown), rss_mb %d%n", seconds,
                            listed, rssMb());
                }
                if (listed == all) {
                    System.out.printf(Locale.ROOT, "full_list_s %.1f (%d cases listed), rss_mb %d%n", seconds, listed,
                            rssMb());
                    Platform.runLater(() -> {
                        Platform.exit();
                        System.exit(0);
                    });
                }
            });
            window.show();
        }

        private static long rssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
            return -1;
        }
    }
}
