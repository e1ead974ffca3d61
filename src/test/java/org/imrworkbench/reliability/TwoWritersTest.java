package org.imrworkbench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.ingest.Cancellation;
import org.imrworkbench.ingest.GeneratedLetters;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ingest.ProgressListener;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.LibraryInUseException;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.testutil.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two processes on one library (see docs/RELIABILITY.md, "Two writers"): two imports at once both succeed, every
 * letter ends up exactly once, and the library stays whole; a restore is refused while another window has it open.
 */
class TwoWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The report of one child's {@code import --json}. */
    record Report(int status, JsonNode json, String err) {
        Set<String> files(String list) {
            Set<String> files = new HashSet<>();
            json.get(list).forEach(n -> files.add(Path.of(n.get("file").asText()).getFileName().toString()));
            return files;
        }
    }

    @Test
    void twoImportsOfOverlappingFoldersAtOnceBothSucceedWithEachLetterOnce() throws Exception {
        Path all = dir.resolve("all");
        GeneratedLetters.write(all, 60);
        // A: letters 0-44, B: letters 15-59; B also holds another rendering of letter 10 (same case number)
        Path a = copy(all, dir.resolve("a"), 0, 45);
        Path b = copy(all, dir.resolve("b"), 15, 60);
        Files.writeString(b.resolve("CM99-0000010-rescanned.txt"),
                Files.readString(all.resolve("CM99-0000010.txt")).replace("Generated test letter", "Rescanned letter"));

        Path db = dir.resolve("library.db");
        List<Report> reports = concurrently(db, a, b);
        for (Report r : reports) {
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.json().get("failed")).as(r.err()).isEmpty();
        }
        Set<String> importedA = reports.get(0).files("imported");
        Set<String> importedB = reports.get(1).files("imported");
        assertThat(intersection(importedA, importedB)).as("no letter imported twice").isEmpty();
        Set<String> union = new HashSet<>(importedA);
        union.addAll(importedB);
        // letter 10 is imported once: from A's file or B's rescan, whichever came first; the other is a duplicate
        assertThat(union).hasSize(60);
        assertThat(union.contains("CM99-0000010.txt")).isNotEqualTo(union.contains("CM99-0000010-rescanned.txt"));
        assertThat(reports.get(0).files("duplicates").size() + reports.get(1).files("duplicates").size())
                .as("the overlap and the rescanned letter are duplicates").isEqualTo(30 + 1);
        assertWhole(db, 60);
    }

    @Test
    void twoImportsOfTheSameFolderAtOnceIntoANewLibraryCreateItOnceAndEachLetterOnce() throws Exception {
        Path letters = dir.resolve("letters");
        GeneratedLetters.write(letters, 30);
        for (int round = 0; round < 3; round++) {
            Path db = dir.resolve("library-" + round + ".db");
            List<Report> reports = concurrently(db, letters, letters);
            for (Report r : reports) {
                assertThat(r.status()).as(r.err()).isZero();
            }
            Set<String> importedA = reports.get(0).files("imported");
            Set<String> importedB = reports.get(1).files("imported");
            assertThat(intersection(importedA, importedB)).as("no letter imported twice").isEmpty();
            assertThat(importedA.size() + importedB.size()).isEqualTo(30);
            assertThat(reports.get(0).files("duplicates")).isEqualTo(importedB);
            assertThat(reports.get(1).files("duplicates")).isEqualTo(importedA);
            assertWhole(db, 30);
        }
    }

    @Test
    void restoreIsRefusedWhileAnotherProcessHasTheLibraryOpen() throws Exception {
        Path db = dir.resolve("library.db");
        Path backup = dir.resolve("backup.db");
        GeneratedLetters.write(dir.resolve("letters"), 3);
        try (Library lib = Library.open(db)) {
            new ImportService(lib).importPaths(List.of(dir.resolve("letters")), ProgressListener.NONE,
                    new Cancellation());
            lib.backup(backup);
        }
        Process window = ChildJvm.start(HoldOpenMain.class, dir.resolve("window.err"), db.toString());
        try (BufferedReader out = ChildJvm.lines(window); OutputStream in = window.getOutputStream()) {
            assertThat(out.readLine()).isEqualTo("3");
            assertThatThrownBy(() -> Library.restore(db, backup)).isInstanceOf(LibraryInUseException.class)
                    .hasMessageContaining("in use by another window or program");
            in.write('\n');
        }
        assertThat(window.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(window.exitValue()).isZero();
        assertThat(Library.restore(db, backup).restored().cases()).isEqualTo(3);
    }

    /** Starts two child imports, lets both go at the same moment, and collects their reports in order. */
    private List<Report> concurrently(Path db, Path first, Path second) throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        int n = 0;
        for (Path folder : List.of(first, second)) {
            Process child = ChildJvm.start(ImportWhenToldMain.class, dir.resolve("child-" + n++ + ".err"),
                    "import", "--library", db.toString(), "--json", folder.toString());
            children.add(child);
            BufferedReader out = ChildJvm.lines(child);
            outs.add(out);
            assertThat(out.readLine()).isEqualTo("ready");
        }
        for (Process child : children) {
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
            child.getOutputStream().flush();
        }
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            BufferedReader out = outs.get(i);
            int status = Integer.parseInt(out.readLine());
            JsonNode json = JSON.readTree(out.readLine());
            String err = out.readLine();
            assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            out.close();
            reports.add(new Report(status, json, err));
        }
        return reports;
    }

    private static void assertWhole(Path db, int cases) {
        try (Library lib = Library.open(db)) {
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            assertThat(lib.caseCount()).isEqualTo(cases);
            long[] distinct = Fixtures.longs(lib, "SELECT count(DISTINCT sha256), count(DISTINCT case_number),"
                    + " count(DISTINCT fingerprint), count(*) FROM cases");
            assertThat(distinct).containsOnly(cases);
            for (String id : lib.caseIds()) {
                assertThat(lib.loadCase(id).orElseThrow().letter().items()).isNotEmpty();
            }
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Path copy(Path from, Path to, int first, int end) throws Exception {
        Files.createDirectories(to);
        for (int n = first; n < end; n++) {
            String name = String.format("CM99-%07d.txt", n);
            Files.copy(from.resolve(name), to.resolve(name));
        }
        return to;
    }
}
