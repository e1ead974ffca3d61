package org.imrworkbench.ingest;

import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link CrashSafetyTest}: saves annotations in a loop until killed, printing the number of saves
 * and of highlights created after each save returns. Highlights on summaries and rationales with notes of varying
 * length, and every third save an edit of an earlier note, so a kill can land inside any kind of annotation write.
 */
public final class CrashAnnotateMain {

    private CrashAnnotateMain() {
    }

    /** The author of round {@code round}'s annotations. */
    static String author(int round) {
        return "crash-round-" + round;
    }

    /** The padding of note {@code n}: long and short notes alike. */
    static int padding(int n) {
        return (n * 37) % 3000;
    }

    public static void main(String[] args) {
        int round = Integer.parseInt(args[1]);
        try (Library library = Library.open(Path.of(args[0]))) {
            List<CaseRecord> cases = library.caseIds().stream().map(id -> library.loadCase(id).orElseThrow())
                    .toList();
            List<Annotation> mine = new ArrayList<>();
            for (int n = 1; n < 1_000_000; n++) {
                CaseRecord c = cases.get(n % cases.size());
                if (n % 3 == 0 && !mine.isEmpty()) {
                    Annotation earlier = mine.get(n % mine.size());
                    library.annotations().edit(earlier.id(), "edited " + n + " " + "y".repeat(padding(n)) + " end " + n,
                            "blue");
                } else {
                    boolean summary = n % 2 == 0;
                    String text = summary ? c.letter().summary() : c.letter().items().get(0).rationale();
                    int start = n % Math.max(1, text.length() - 30);
                    String quote = text.substring(start, Math.min(text.length(), start + 25));
                    mine.add(library.annotations().highlight(c.id(), summary ? null : 1, quote,
                            "note " + n + " " + "x".repeat(padding(n)) + " end " + n, null, author(round)));
                }
                System.out.println(n + " " + mine.size());
                System.out.flush();
            }
        }
    }
}
