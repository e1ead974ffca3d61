package org.imrworkbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands results back to it. View models take one of these, so tests can run them
 * with a direct executor ({@link #direct()}) and no toolkit.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService workers;
    private final java.util.concurrent.Executor ui;

    public Background(ExecutorService workers, java.util.concurrent.Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    /** Daemon worker threads; results delivered with {@code Platform.runLater}. */
    public static Background forFx() {
        return new Background(Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads("imr-worker")), javafx.application.Platform::runLater);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static Background direct() {
        return new Background(new DirectExecutorService(), Runnable::run);
    }

    /**
     * Runs {@code work} on a worker; then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @return the running work, to cancel it
     */
    public <T> Future<?> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (workers.isShutdown()) {
            // the window is closing: late requests (a search typed just before) have no one to answer
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return workers.submit(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                ui.execute(() -> onFailure.accept(t));
            }
        });
    }

    /** Runs something on the UI thread (from a worker: progress updates). */
    public void onUi(Runnable r) {
        ui.execute(r);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** An executor service that runs each task at once on the caller's thread. */
    private static final class DirectExecutorService extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public java.util.List<Runnable> shutdownNow() {
            shutdown = true;
            return java.util.List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }
}
