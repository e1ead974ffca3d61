package org.imrworkbench.cli;

import org.imrworkbench.ingest.Progress;
import org.imrworkbench.ingest.ProgressListener;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, otherwise a line at every tenth of the work.
 */
final class ProgressPrinter implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String verb;
    private long lastDraw;
    private int lastTenth;

    ProgressPrinter(PrintWriter err, boolean terminal, String verb) {
        this.err = err;
        this.terminal = terminal;
        this.verb = verb;
    }

    @Override
    public void progress(Progress p) {
        if (terminal) {
            long now = System.nanoTime();
            if (p.done() < p.total() && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(p.fraction() * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + p.done() + "/" + p.total()
                    + " " + counts(p) + left(p) + "   ");
            if (p.done() == p.total()) {
                err.println();
            }
            err.flush();
        } else {
            int tenth = p.total() == 0 ? 10 : (int) (10L * p.done() / p.total());
            if (tenth > lastTenth || p.done() == p.total()) {
                lastTenth = tenth;
                err.println(verb + " " + p.done() + "/" + p.total() + ": " + counts(p) + left(p));
                err.flush();
            }
        }
    }

    private String counts(Progress p) {
        return (verb.equals("import") ? "imported " + p.succeeded() + ", duplicates " + p.duplicates()
                : "re-parsed " + p.succeeded()) + ", failed " + p.failed();
    }

    private static String left(Progress p) {
        Duration r = p.remaining();
        if (r == null || p.done() == p.total()) {
            return "";
        }
        long s = Math.max(0, r.toSeconds());
        return String.format(", about %d:%02d left", s / 60, s % 60);
    }
}
