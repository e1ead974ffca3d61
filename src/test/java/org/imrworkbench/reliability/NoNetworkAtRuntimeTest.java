package org.imrworkbench.reliability;

import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.testutil.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy at run time: every command of the app runs in a child JVM with a {@link NetworkTripwire} on each way to
 * the network, and not one attempt is made. A control run shows that the tripwire does see each way in, so this
 * test fails if the app (or a library it uses: PDFBox, sqlite-jdbc, Jackson, picocli) ever reaches for the network.
 * The files it writes (library, log, backup, restored library) are owner-only.
 */
class NoNetworkAtRuntimeTest {

    private static final List<String> TRIPWIRE = List.of(
            "-Djava.nio.channels.spi.SelectorProvider=" + TripwireSelectorProvider.class.getName());

    @TempDir
    Path dir;

    private List<String> runChild(Path err, String... args) throws Exception {
        Process child = ChildJvm.start(NetworkTripwireMain.class, err, TRIPWIRE, args);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = ChildJvm.lines(child)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        return lines;
    }

    @Test
    void theTripwireSeesEveryWayToTheNetwork() throws Exception {
        List<String> lines = runChild(dir.resolve("control.err"), "--control");
        assertThat(lines).contains("attempt socket", "attempt server socket", "attempt datagram socket",
                "attempt url http://127.0.0.1:9/", "attempt socket channel", "attempt selector");
        for (String way : List.of("socket", "server-socket", "datagram-socket", "url", "socket-channel",
                "http-client", "http-client-nio")) {
            assertThat(lines).as(way).anySatisfy(l -> assertThat(l).matches("try " + way + " recorded [1-9]\\d*"));
        }
        assertThat(lines.get(lines.size() - 1)).isNotEqualTo("attempts 0");
    }

    @Test
    void everyCommandRunsWithoutANetworkAttemptAndWritesOwnerOnlyFiles() throws Exception {
        Path letters = Files.createDirectories(dir.resolve("letters"));
        for (Path seed : Fixtures.seedFiles()) {
            Files.copy(seed, letters.resolve(seed.getFileName()));
        }
        // a PDF too, so that PDFBox reads a letter (fonts, resources) under the tripwire
        Files.write(letters.resolve("letter.pdf"), Fixtures.pdfOf(Files.readString(Fixtures.seedFiles().get(0))
                .replace("CLINICAL CASE SUMMARY", "Case Number: CM99-0000777\n\nCLINICAL CASE SUMMARY")));
        ParsedFile seed = new LetterReader().read(Fixtures.seedFiles().get(1));
        String id = "L-" + seed.sha256().substring(0, 12);
        String quote = seed.letter().summary().substring(0, 30);
        String db = dir.resolve("private/library.db").toString();
        String backup = dir.resolve("backups/copy.db").toString();
        List<String> commands = List.of(
                "parse\t--json\t" + Fixtures.seedFiles().get(0) + "\t" + letters.resolve("letter.pdf"),
                "import\t--library\t" + db + "\t" + letters,
                "search\t--library\t" + db + "\t--json\tpain OR therapy decision:upheld",
                "show\t--library\t" + db + "\t--json\t" + id,
                "tag\t--library\t" + db + "\t" + id + "\treviewed",
                "annotate\t--library\t" + db + "\t" + id + "\t--quote\t" + quote + "\t--note\tprivate note",
                "stats\t--library\t" + db + "\t--json",
                "reparse\t--library\t" + db,
                "backup\t--library\t" + db + "\t--out\t" + backup,
                "restore\t--library\t" + db + "\t--from\t" + backup,
                "show\t--library\t" + db + "\t" + id);
        Path script = Files.write(dir.resolve("commands.tsv"), commands);

        List<String> lines = runChild(dir.resolve("run.err"), script.toString());
        assertThat(lines.stream().filter(l -> l.startsWith("status "))).hasSize(commands.size())
                .allSatisfy(l -> assertThat(l).startsWith("status 0 "));
        assertThat(lines.stream().filter(l -> l.startsWith("attempt "))).isEmpty();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("attempts 0");

        try (Stream<Path> files = Files.list(dir.resolve("private"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("library.db")
                    .anySatisfy(n -> assertThat(n).startsWith("library.db.before-restore-"));
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            for (Path folder : List.of(dir.resolve("private"), dir.resolve("backups"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
                        .isEqualTo("rwx------");
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> all = files.toList();
                    assertThat(all).isNotEmpty();
                    for (Path f : all) {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                                .as(f.toString()).isEqualTo("rw-------");
                    }
                }
            }
        }
    }
}
