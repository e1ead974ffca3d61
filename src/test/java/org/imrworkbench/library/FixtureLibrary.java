package org.imrworkbench.library;

import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds {@code src/test/resources/fixtures/library-v1.db}, the library of a released version kept so that every
 * later version is tested against it ({@link OlderLibraryTest}). Run once per schema version from the project
 * folder, never to refresh an existing fixture:
 * {@code java -cp target/classes:target/test-classes:DEPS org.imrworkbench.library.FixtureLibrary OUT.db}.
 *
 * <p>Its content is what {@link OlderLibraryTest} expects: the five bundled samples, tags on cases and items (one
 * coloured), highlights on a summary and a rationale with notes in non-ASCII text, and a note on a whole case.
 */
public final class FixtureLibrary {

    /** Case tag on the first two cases. */
    static final String REVIEWED = "reviewed";
    /** Item tag, coloured, on item 1 of the first case. */
    static final String RELAXANT = "muscle relaxant — “check MTUS”";
    static final String RELAXANT_COLOR = "#3366ff";
    /** A note with accents, typographic quotes and a line break: text must come back exactly. */
    static final String NOTE = "Café naïve “quoted” — reviewer's note\nsecond line";
    static final String CASE_NOTE = "Whole-case note: compare with the 2016 guideline";
    static final String AUTHOR = "fixture";

    private FixtureLibrary() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists: a fixture is made once and never refreshed");
        }
        try (Library lib = Library.open(out)) {
            ImportReport report = new ImportService(lib).importPaths(List.of(Path.of("resources/samples")),
                    ProgressListener.NONE, new Cancellation());
            if (report.imported().size() != 5) {
                throw new IllegalStateException(report.summaryLine());
            }
            List<String> ids = lib.caseIds();
            lib.tags().tagCase(ids.get(0), REVIEWED);
            lib.tags().tagCase(ids.get(1), REVIEWED);
            lib.tags().create(RELAXANT, RELAXANT_COLOR);
            lib.tags().tagItem(ids.get(0), 1, RELAXANT);
            for (String id : ids.subList(0, 3)) {
                String summary = lib.loadCase(id).orElseThrow().letter().summary();
                lib.annotations().highlight(id, null, summary.substring(0, 40), NOTE, "green", AUTHOR);
                String rationale = lib.loadCase(id).orElseThrow().letter().items().get(0).rationale();
                lib.annotations().highlight(id, 1, rationale.substring(10, 60), null, null, AUTHOR);
            }
            lib.annotations().note(ids.get(4), null, CASE_NOTE, null, AUTHOR);
        }
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out);
             var s = db.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE"); // one self-contained file, no log beside it
            s.execute("VACUUM");
        }
    }
}
