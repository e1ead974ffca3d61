package org.imrworkbench.ui.browser;

import org.imrworkbench.library.Library;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which the browser reads a library as the window opens: the first screen of cases, and only then the
 * whole list and the facets, which on a large library hold the library's one connection for seconds. The workers
 * here are a queue the test runs one task at a time.
 */
class BrowserFirstScreenTest {

    @TempDir
    Path dir;
    Library library;
    QueuedWorkers workers;
    BrowserViewModel browser;

    @BeforeEach
    void samples() {
        library = Fixtures.seedLibrary(dir.resolve("lib.db"));
        workers = new QueuedWorkers();
        browser = new BrowserViewModel(library, new SearchService(library), new Background(workers, Runnable::run));
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void theFirstScreenIsShownBeforeTheWholeListIsAskedFor() {
        browser.refresh();
        assertThat(workers.pending()).as("only the first screen is read at first").isEqualTo(1);
        workers.runNext();
        assertThat(browser.cases()).hasSize(5);
        assertThat(browser.statusProperty().get()).isEqualTo("Reading the library…");
        assertThat(browser.busyProperty().get()).isTrue();
        assertThat(browser.facetsProperty().get()).isEmpty();
        assertThat(browser.facetsCountedProperty().get()).as("an empty facet is not yet \"none\"").isFalse();
        assertThat(workers.pending()).as("then the whole list and the facets").isEqualTo(1);
        workers.runNext();
        assertThat(browser.cases()).hasSize(5);
        assertThat(browser.statusProperty().get()).isEqualTo("5 cases in the library");
        assertThat(browser.busyProperty().get()).isFalse();
        assertThat(browser.facetsProperty().get()).isNotEmpty();
        assertThat(browser.facetsCountedProperty().get()).isTrue();
        assertThat(workers.pending()).isZero();
    }

    @Test
    void aQueryTypedBeforeTheFirstScreenArrivesIsAnsweredAndNotOverwritten() {
        browser.refresh();
        browser.queryProperty().set("xanax");
        browser.refresh();
        assertThat(workers.pending()).isEqualTo(2);
        workers.runNext();          // the first screen: too late to show, and the whole list is not read after it
        assertThat(browser.cases()).isEmpty();
        assertThat(workers.pending()).isEqualTo(1);
        workers.runNext();
        assertThat(browser.cases()).singleElement().satisfies(c -> assertThat(c.itemCount()).isEqualTo(3));
        assertThat(browser.statusProperty().get()).isEqualTo("1 case of 5 match");
        assertThat(browser.busyProperty().get()).isFalse();
        assertThat(workers.pending()).isZero();
    }

    /** Workers that hold each task until the test runs it. */
    private static final class QueuedWorkers extends AbstractExecutorService {
        private final Deque<Runnable> tasks = new ArrayDeque<>();
        private boolean shutdown;

        int pending() {
            return tasks.size();
        }

        void runNext() {
            tasks.removeFirst().run();
        }

        @Override
        public void execute(Runnable command) {
            tasks.addLast(command);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            List<Runnable> left = List.copyOf(tasks);
            tasks.clear();
            return left;
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown && tasks.isEmpty();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return isTerminated();
        }
    }
}
