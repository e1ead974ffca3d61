package org.imrworkbench.library;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Span;
import org.imrworkbench.parse.LetterReader;
import org.imrworkbench.parse.ParsedFile;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imrworkbench.testing.Fixtures.item;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LibraryTest {

    @TempDir
    Path dir;

    static Letter sample(String caseNumber, String summary) {
        return Fixtures.letter(caseNumber, LocalDate.of(2017, 1, 5), LocalDate.of(2016, 3, 2),
                List.of("Orthopedic Surgery"), List.of("California"), summary,
                item("Norco 10/325mg #60", Decision.UPHELD, Category.OPIOID, "Norco", "hydrocodone/acetaminophen",
                        "Opioids are not recommended for long term use without documented functional improvement.",
                        CitationSource.MTUS),
                item("MRI of the lumbar spine", Decision.OVERTURNED, Category.IMAGING, "MRI", null,
                        "An MRI is indicated when red flags are present, and here they are.", CitationSource.ODG));
    }

    @Test
    void createsAPrivateFileInAPrivateFolderWithWalAndForeignKeys() throws Exception {
        Path file = dir.resolve("new/folder/library.db");
        try (Library lib = Library.open(file)) {
            assertThat(lib.schemaVersion()).isEqualTo(Library.SCHEMA_VERSION).isPositive();
            String journal = lib.read(c -> pragma(c.createStatement(), "journal_mode"));
            assertThat(journal).isEqualTo("wal");
            String foreignKeys = lib.read(c -> pragma(c.createStatement(), "foreign_keys"));
            assertThat(foreignKeys).isEqualTo("1");
            Fixtures.add(lib, sample("CM17-0000001", "A worker with low back pain."));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                        .isEqualTo("rwx------");
                Path wal = Path.of(file + "-wal");
                if (Files.exists(wal)) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
                            .isEqualTo("rw-------");
                }
            }
        }
    }

    private static String pragma(Statement s, String name) throws java.sql.SQLException {
        try (s; ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void storesALetterAndReadsBackAnEqualLetterAfterReopening() {
        Letter letter = sample("CM17-0000002", "A worker with neck pain.");
        Path file = dir.resolve("lib.db");
        try (Library lib = Library.open(file)) {
            assertThat(Fixtures.add(lib, letter)).isEqualTo("CM17-0000002");
        }
        try (Library lib = Library.open(file)) {
            CaseRecord record = lib.loadCase("CM17-0000002").orElseThrow();
            assertThat(record.letter()).isEqualTo(letter);
            assertThat(record.format()).isEqualTo("TEXT");
            assertThat(lib.source("CM17-0000002").orElseThrow().bytes())
                    .isEqualTo(letter.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTextLettersOriginalIsStoredCompressedAndReadBackByteForByteAPdfAsItIs() throws Exception {
        Path file = dir.resolve("lib.db");
        byte[] text = Files.readAllBytes(Fixtures.seedFiles().get(0));
        byte[] pdf = ("%PDF-1.4 not a real PDF, stored as it is " + "x".repeat(3000)).getBytes(StandardCharsets.UTF_8);
        Letter letter = new LetterReader().read("seed.txt", text).letter();
        try (Library lib = Library.open(file)) {
            lib.add(new NewLetter("seed.txt", LetterReader.sha256(text), "TEXT", "UTF-8", text, letter, "t"));
            lib.add(new NewLetter("other.pdf", LetterReader.sha256(pdf), "PDF", null, pdf,
                    sample("CM17-0000080", "Another worker."), "t"));
        }
        String textId = CaseIds.of(letter.caseNumber(), LetterReader.sha256(text));
        try (Library lib = Library.open(file)) {
            assertThat(lib.source(textId).orElseThrow().bytes()).isEqualTo(text);
            assertThat(lib.source("CM17-0000080").orElseThrow().bytes()).isEqualTo(pdf);
            // what is in the file: the text's original in far fewer bytes (mostly references into the letter's
            // normalised text, 305 of 3,928 bytes), marked; the PDF's as it is
            long[] textRow = storedRow(lib, textId);
            assertThat(textRow[0]).isEqualTo(StoredBytes.WITH_TEXT);
            assertThat(textRow[1]).isLessThan(text.length / 8);
            assertThat(storedRow(lib, "CM17-0000080")).containsExactly(StoredBytes.RAW, pdf.length);
            // a damaged original is reported as such, not as bytes
            lib.read(c -> c.createStatement().executeUpdate(
                    "UPDATE sources SET bytes = substr(bytes, 1, 40) WHERE deflated = 2"));
            assertThatThrownBy(() -> lib.source(textId)).isInstanceOf(LibraryException.class)
                    .hasMessageContaining("stored original file of case " + textId + " is damaged");
        }
    }

    /** {deflated, stored length} of a case's source row. */
    private static long[] storedRow(Library lib, String id) {
        return Fixtures.longs(lib, "SELECT s.deflated, length(s.bytes) FROM sources s JOIN cases c ON c.pk = s.case_pk"
                + " WHERE c.id = ?", id);
    }

    @Test
    void generatedLettersRoundTripWithEverySpanTheyHave() {
        // the generator writes partial authorisations, retrospective items and every field the parser reads, so
        // every span of a case and of an item goes through the library's columns and back
        LetterReader reader = new LetterReader();
        org.imrworkbench.synth.LetterGenerator generator = new org.imrworkbench.synth.LetterGenerator(3);
        List<NewLetter> letters = new java.util.ArrayList<>();
        for (int n = 0; n < 150; n++) {
            var generated = generator.generate(n);
            byte[] bytes = generated.textBytes();
            ParsedFile parsed = reader.read(generated.baseName() + ".txt", bytes);
            letters.add(new NewLetter(parsed.file(), LetterReader.sha256(bytes), parsed.format(), parsed.encoding(),
                    bytes, parsed.letter(), "test"));
        }
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            List<AddResult> results = lib.addAll(letters);
            int partialSpans = 0;
            for (int k = 0; k < letters.size(); k++) {
                Letter loaded = lib.loadCase(results.get(k).id()).orElseThrow().letter();
                assertThat(loaded).isEqualTo(letters.get(k).letter());
                partialSpans += (int) loaded.items().stream()
                        .filter(i -> i.partial() != null && i.partial().authorizedSpan() != null).count();
                assertThat(textsThroughTheViews(lib, results.get(k).id())).isEqualTo(fieldTexts(loaded));
            }
            assertThat(partialSpans).isPositive();
            // schema 9: each summary, guideline text and rationale is stored once, in the letter's text
            assertThat(Fixtures.longs(lib, "SELECT count(*) FROM cases WHERE summary IS NOT NULL")).containsExactly(0);
            assertThat(Fixtures.longs(lib, "SELECT count(*), count(claims_guideline), count(reviewer_guideline),"
                    + " count(rationale) FROM items")).containsExactly(
                    letters.stream().mapToLong(n -> n.letter().items().size()).sum(), 0, 0, 0);
            // and the index, which reads its texts through the same expressions, holds exactly their words
            assertThat(lib.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aLetterWithCharactersOutsideTheBasicMultilingualPlaneKeepsItsCopies() {
        // SQLite counts "🦴" as one character, Java's spans as two: the texts after it are stored as they are
        Letter letter = sample("CM17-0000090", "A worker with a broken 🦴 in the left wrist.");
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, letter);
            assertThat(lib.loadCase("CM17-0000090").orElseThrow().letter()).isEqualTo(letter);
            assertThat(Fixtures.longs(lib, "SELECT count(summary) FROM cases")).containsExactly(1);
            assertThat(Fixtures.longs(lib, "SELECT count(rationale) FROM items")).containsExactly(2);
            assertThat(textsThroughTheViews(lib, "CM17-0000090")).isEqualTo(fieldTexts(letter));
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            assertThat(matches(lib, "wrist")).isEqualTo(2);
        }
    }

    @Test
    void aFieldWithASpanButNoTextIsRefusedRatherThanStoredAsTheTextAtItsSpan() {
        // a null column means "the text at the span", so such a field could not come back as it was
        assertThat(LetterRows.copyUnlessAtSpan("rationale", null, null, "text", true)).isNull();
        assertThat(LetterRows.copyUnlessAtSpan("rationale", "ex", new Span(1, 3), "text", true)).isNull();
        assertThat(LetterRows.copyUnlessAtSpan("rationale", "ex", new Span(1, 3), "text", false)).isEqualTo("ex");
        assertThat(LetterRows.copyUnlessAtSpan("rationale", "ext", new Span(1, 3), "text", true)).isEqualTo("ext");
        assertThat(LetterRows.copyUnlessAtSpan("rationale", "xt", new Span(3, 5), "text", true)).isEqualTo("xt");
        assertThatThrownBy(() -> LetterRows.copyUnlessAtSpan("rationale", null, new Span(1, 3), "text", true))
                .isInstanceOf(LibraryException.class).hasMessage("the rationale has a span but no text");
        // in a batch, such a letter is refused and the others are stored
        Letter good = sample("CM17-0000091", "A worker with knee pain.");
        Letter bad = sample("CM17-0000092", "A worker with hip pain.");
        var first = bad.items().get(0);
        bad = new Letter(bad.caseNumber(), bad.priority(), bad.dates(), bad.reviewer(), bad.patient(), bad.summary(),
                List.of(new org.imrworkbench.model.Item(first.number(), first.request(), first.decision(),
                        first.retrospective(), first.serviceDate(), first.partial(), first.treatment(),
                        first.claimsAdministratorGuideline(), first.reviewerGuideline(), first.citations(), null,
                        first.spans())), bad.warnings(), bad.text(), bad.spans());
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            List<AddResult> results = lib.addAll(List.of(Fixtures.newLetter(bad), Fixtures.newLetter(good)));
            assertThat(results.get(0)).isInstanceOfSatisfying(AddResult.Refused.class,
                    r -> assertThat(r.reason()).contains("the rationale has a span but no text"));
            assertThat(results.get(1)).isInstanceOf(AddResult.Added.class);
            assertThat(lib.caseIds()).containsExactly("CM17-0000091");
        }
        assertThat(LetterRows.countsAsSql("plain text, “quoted” — é")).isTrue();
        assertThat(LetterRows.countsAsSql("a bone: 🦴")).isFalse();
        assertThat(LetterRows.countsAsSql("a NUL: \0")).isFalse();
    }

    /** A case's summary, then each item's claims administrator's guideline, reviewer's guideline and rationale. */
    private static List<String> fieldTexts(Letter letter) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(letter.summary());
        for (var item : letter.items()) {
            texts.add(item.claimsAdministratorGuideline());
            texts.add(item.reviewerGuideline());
            texts.add(item.rationale());
        }
        return texts;
    }

    /** {@link #fieldTexts} as SQL reads them, through the views {@code case_texts} and {@code item_texts}. */
    private static List<String> textsThroughTheViews(Library lib, String id) {
        return lib.read(c -> {
            List<String> texts = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT t.summary FROM case_texts t JOIN cases c ON c.pk = t.pk"
                    + " WHERE c.id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    texts.add(rs.getString(1));
                }
            }
            try (var ps = c.prepareStatement("SELECT t.claims_guideline, t.reviewer_guideline, t.rationale"
                    + " FROM item_texts t JOIN cases c ON c.pk = t.case_pk WHERE c.id = ? ORDER BY t.position")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 3; i++) {
                            texts.add(rs.getString(i));
                        }
                    }
                }
            }
            return texts;
        });
    }

    @Test
    void realLettersRoundTripThroughTheTables() throws Exception {
        LetterReader reader = new LetterReader();
        try (Library lib = Library.open(dir.resolve("lib.db")); var files = Files.list(Fixtures.corpusLetters())) {
            for (Path p : files.sorted().limit(8).toList()) {
                ParsedFile parsed = reader.read(p);
                byte[] bytes = Files.readAllBytes(p);
                AddResult r = lib.add(new NewLetter(parsed.file(), parsed.sha256(), parsed.format(), null, bytes,
                        parsed.letter(), "test"));
                assertThat(lib.loadCase(r.id()).orElseThrow().letter()).isEqualTo(parsed.letter());
            }
        }
    }

    @Test
    void recognisesDuplicatesBySha256CaseNumberAndContent() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Letter a = sample("CM17-0000003", "First summary.");
            Fixtures.add(lib, a);
            byte[] bytes = a.text().getBytes(StandardCharsets.UTF_8);
            // same bytes
            assertThat(lib.add(new NewLetter("copy.txt", LetterReader.sha256(bytes), "TEXT", null, bytes, a, "t")))
                    .isEqualTo(new AddResult.Duplicate("CM17-0000003", AddResult.Reason.SAME_FILE));
            // same case number, different content
            Letter b = sample("CM17-0000003", "Another rendering of the same case.");
            byte[] other = b.text().getBytes(StandardCharsets.UTF_8);
            assertThat(lib.add(new NewLetter("b.txt", LetterReader.sha256(other), "TEXT", null, other, b, "t")))
                    .isEqualTo(new AddResult.Duplicate("CM17-0000003", AddResult.Reason.SAME_CASE_NUMBER));
            // no case number: same words in another layout (another format)
            Letter c = sample(null, "A letter without a case number.");
            String cId = Fixtures.add(lib, c);
            assertThat(cId).startsWith("L-").hasSize(14);
            byte[] relaid = c.text().replace("\n", "\n\n  ").getBytes(StandardCharsets.UTF_8);
            assertThat(lib.add(new NewLetter("c.pdf", LetterReader.sha256(relaid), "PDF", null, relaid, c, "t")))
                    .isEqualTo(new AddResult.Duplicate(cId, AddResult.Reason.SAME_CONTENT));
            assertThat(lib.caseCount()).isEqualTo(2);
        }
    }

    private static NewLetter newLetter(String name, Letter letter) {
        byte[] bytes = (name + letter.text()).getBytes(StandardCharsets.UTF_8);
        return new NewLetter(name, LetterReader.sha256(bytes), "TEXT", null, bytes, letter, "t");
    }

    @Test
    void addsABatchInOneTransactionWithALetterRefusedMidwayLeftOutWhole() throws Exception {
        Path file = dir.resolve("lib.db");
        try (Library lib = Library.open(file)) {
            // a letter from an earlier transaction, which the batch's rolling back must leave alone
            assertThat(lib.add(newLetter("earlier.txt", sample("CM17-0000009", "Before."))))
                    .isEqualTo(new AddResult.Added("CM17-0000009", 2));
            // the library refuses the second item of case 2, after its case row and first item are written
            lib.read(c -> c.createStatement().execute("""
                    CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.items
                    WHEN NEW.position = 1 AND NEW.case_pk = (SELECT pk FROM main.cases WHERE case_number = 'CM17-0000002')
                    BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"""));
            List<AddResult> results = lib.addAll(List.of(
                    newLetter("a.txt", sample("CM17-0000001", "First.")),
                    newLetter("b.txt", sample("CM17-0000002", "Second.")),
                    newLetter("c.txt", sample("CM17-0000003", "Third.")),
                    newLetter("d.txt", sample("CM17-0000001", "The first case again, in the same batch."))));
            assertThat(results.get(0)).isEqualTo(new AddResult.Added("CM17-0000001", 2));
            assertThat(results.get(1)).isInstanceOfSatisfying(AddResult.Refused.class, r -> {
                assertThat(r.id()).isEqualTo("CM17-0000002");
                assertThat(r.reason()).contains("refused for the test").doesNotContain("SQLITE_");
            });
            assertThat(results.get(2)).isEqualTo(new AddResult.Added("CM17-0000003", 2));
            assertThat(results.get(3))
                    .isEqualTo(new AddResult.Duplicate("CM17-0000001", AddResult.Reason.SAME_CASE_NUMBER));
            assertThat(lib.caseIds()).containsExactly("CM17-0000001", "CM17-0000003", "CM17-0000009");
            // nothing of the refused letter: no case row, no item, no index row
            long[] counts = lib.read(c -> {
                try (Statement st = c.createStatement()) {
                    long[] n = new long[3];
                    String[] sql = {"SELECT count(*) FROM cases", "SELECT count(*) FROM items",
                        "SELECT count(*) FROM search_index"};
                    for (int k = 0; k < 3; k++) {
                        try (ResultSet rs = st.executeQuery(sql[k])) {
                            rs.next();
                            n[k] = rs.getLong(1);
                        }
                    }
                    return n;
                }
            });
            assertThat(counts).containsExactly(3, 6, 6);
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            // the whole batch was rolled back once and written again letter by letter: FTS5's index holds exactly
            // the rows kept (its integrity check compares the index with the rows' texts, and fails otherwise)
            lib.read(c -> c.createStatement().execute(
                    "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)"));
            long matches = lib.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM search_index WHERE search_index MATCH 'summary:(first OR second OR third)'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(matches).isEqualTo(4);
        }
    }

    @Test
    void migratesWithABackupOfTheExistingFile() throws Exception {
        Path file = dir.resolve("lib.db");
        try (Library lib = Library.open(file)) {
            Fixtures.add(lib, sample("CM17-0000004", "Summary."));
        }
        List<Migration> next = new java.util.ArrayList<>(Schema.MIGRATIONS);
        next.add(new Migration(Schema.MIGRATIONS.size() + 1, "test column",
                List.of("ALTER TABLE cases ADD COLUMN reviewed INTEGER")));
        try (Library lib = Library.open(file, next)) {
            assertThat(lib.schemaVersion()).isEqualTo(next.size());
            Path backup = lib.migrationBackup().orElseThrow();
            assertThat(backup.getFileName().toString()).startsWith("lib.db.v" + Schema.MIGRATIONS.size() + "-backup-");
            try (Library old = Library.open(backup)) {
                assertThat(old.schemaVersion()).isEqualTo(Library.SCHEMA_VERSION);
                assertThat(old.caseIds()).containsExactly("CM17-0000004");
            }
            assertThat(lib.caseIds()).containsExactly("CM17-0000004");
        }
        // a library of a newer version is refused, not damaged
        assertThatThrownBy(() -> Library.open(file)).isInstanceOf(LibraryException.class)
                .hasMessageContaining("newer IMR Workbench");
    }

    @Test
    void refusesFilesThatAreNotLibraries() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "this is not a database, just some text that is long enough to have a header");
        assertThat(Library.needsUpgrade(text)).isFalse();
        assertThat(Library.needsUpgrade(dir.resolve("missing.db"))).isFalse();
        try (Library current = Library.open(dir.resolve("current.db"))) {
            assertThat(Library.needsUpgrade(current.file())).isFalse();
        }
        assertThatThrownBy(() -> Library.open(text)).isInstanceOf(LibraryException.class)
                .hasMessageContaining("not an IMR Workbench library");
    }

    @Test
    void listsCasesPagedAndSortedWithOutcomeAndTags() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, sample("CM17-0000010", "Ten."));
            Fixtures.add(lib, Fixtures.letter("CM17-0000011", LocalDate.of(2017, 2, 1), null, List.of(), List.of(),
                    "Eleven.", item("Acupuncture x 6", Decision.UPHELD, Category.ACUPUNCTURE, null, null, "No.")));
            lib.tags().tagCase("CM17-0000011", "Review");
            CasePage page = lib.listCases(CaseSort.DECIDED, true, 0, 1);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.cases()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo("CM17-0000011");
                assertThat(c.outcome()).isEqualTo(Outcome.ALL_UPHELD);
                assertThat(c.tags()).containsExactly("Review");
                assertThat(c.firstSpecialty()).isNull();
            });
            CaseSummary second = lib.listCases(CaseSort.DECIDED, true, 1, 10).cases().get(0);
            assertThat(second.outcome()).isEqualTo(Outcome.MIXED);
            assertThat(second.itemCount()).isEqualTo(2);
            assertThat(second.firstSpecialty()).isEqualTo("Orthopedic Surgery");
            assertThat(second.injury()).isEqualTo(LocalDate.of(2016, 3, 2));
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyOrderOfTheCaseListPutsEmptyValuesLastAndBreaksTiesByIdAndPagesThrough() throws Exception {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            java.util.Random random = new java.util.Random(3);
            for (int n = 0; n < 40; n++) {
                LocalDate decided = random.nextInt(5) == 0 ? null : LocalDate.of(2016, 1 + random.nextInt(3), 1);
                LocalDate injury = random.nextInt(4) == 0 ? null : LocalDate.of(2014, 1 + random.nextInt(2), 1);
                var items = new java.util.ArrayList<Fixtures.ItemSpec>();
                for (int k = 0; k <= random.nextInt(3); k++) {
                    items.add(item("Request " + k, Decision.UPHELD, Category.OTHER, null, null, "Why " + k + "."));
                }
                Fixtures.add(lib, Fixtures.letter(String.format("CM16-%07d", 40 - n), decided, injury, List.of(),
                        List.of(), "Summary " + n + ".", items.toArray(Fixtures.ItemSpec[]::new)));
            }
            record Row(String id, String decided, String injury, int items, String imported) {
            }
            List<Row> rows = lib.read(c -> {
                List<Row> all = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT id, decided, injury, item_count, imported_at FROM cases")) {
                    while (rs.next()) {
                        all.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5)));
                    }
                }
                return all;
            });
            java.util.Map<CaseSort, java.util.function.Function<Row, Comparable>> keys = java.util.Map.of(
                    CaseSort.ID, Row::id, CaseSort.DECIDED, Row::decided, CaseSort.INJURY, Row::injury,
                    CaseSort.ITEMS, Row::items, CaseSort.IMPORTED, Row::imported);
            for (CaseSort sort : CaseSort.values()) {
                for (boolean descending : new boolean[]{false, true}) {
                    java.util.Comparator<Row> byValue = (a, b) -> {   // empty values last, either way
                        Comparable x = keys.get(sort).apply(a);
                        Comparable y = keys.get(sort).apply(b);
                        if (x == null || y == null) {
                            return x == null ? (y == null ? 0 : 1) : -1;
                        }
                        return descending ? y.compareTo(x) : x.compareTo(y);
                    };
                    java.util.Comparator<Row> byId = java.util.Comparator.comparing(Row::id);
                    List<String> expected = rows.stream()
                            .sorted(byValue.thenComparing(descending ? byId.reversed() : byId))
                            .map(Row::id).toList();
                    String as = sort + (descending ? " descending" : " ascending");
                    assertThat(lib.listCases(sort, descending, 0, Integer.MAX_VALUE).cases())
                            .extracting(CaseSummary::id).as(as).containsExactlyElementsOf(expected);
                    CasePage page = lib.listCases(sort, descending, 7, 5);
                    assertThat(page.total()).isEqualTo(40);
                    assertThat(page.cases()).extracting(CaseSummary::id).as(as + ", cases 8 to 12")
                            .containsExactlyElementsOf(expected.subList(7, 12));
                }
            }
        }
    }

    @Test
    void tagsCreateRenameMergeRecolourDelete() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, sample("CM17-0000020", "Twenty."));
            Tags tags = lib.tags();
            tags.create("Appeal", "red");
            assertThatThrownBy(() -> tags.create("appeal", null)).hasMessageContaining("already exists");
            assertThat(tags.tagCase("CM17-0000020", "APPEAL")).isTrue();
            assertThat(tags.tagCase("CM17-0000020", "appeal")).isFalse();
            assertThat(tags.tagItem("CM17-0000020", 2, "imaging")).isTrue();
            assertThatThrownBy(() -> tags.tagItem("CM17-0000020", 9, "x")).isInstanceOf(NotFoundException.class)
                    .hasMessage("CM17-0000020: the case has no item 9");
            assertThatThrownBy(() -> tags.tagCase("CM00-404", "x")).isInstanceOf(NotFoundException.class);
            tags.rename("imaging", "Radiology");
            tags.recolour("radiology", "#00ff00");
            assertThat(tags.find("RADIOLOGY").orElseThrow().color()).isEqualTo("#00ff00");
            tags.merge("Radiology", "appeal");
            assertThat(tags.list()).singleElement().satisfies(u -> {
                assertThat(u.tag().name()).isEqualTo("Appeal");
                assertThat(u.cases()).isEqualTo(1);
                assertThat(u.items()).isEqualTo(1);
            });
            CaseRecord record = lib.loadCase("CM17-0000020").orElseThrow();
            assertThat(record.tags()).containsExactly("Appeal");
            assertThat(record.itemTags(2)).containsExactly("Appeal");
            assertThat(tags.untagItem("CM17-0000020", 2, "appeal")).isTrue();
            assertThat(tags.delete("Appeal")).isTrue();
            assertThat(lib.loadCase("CM17-0000020").orElseThrow().tags()).isEmpty();
            assertThat(tags.list()).isEmpty();
        }
    }

    @Test
    void annotationsHighlightNoteEditDelete() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, sample("CM17-0000030", "A worker with low back pain and low mood."));
            Annotations notes = lib.annotations();
            Annotation h = notes.highlight("CM17-0000030", null, "low", "first", null, null);
            assertThat(h.field()).isEqualTo(AnnotationField.SUMMARY);
            assertThat(h.start()).isEqualTo(14);
            assertThat(h.end()).isEqualTo(17);
            assertThat(h.color()).isEqualTo(Annotations.DEFAULT_COLOR);
            assertThat(h.author()).isEqualTo(Annotations.defaultAuthor());
            Annotation r = notes.highlight("CM17-0000030", 2, "red flags", null, "green", "dr who");
            assertThat(r.field()).isEqualTo(AnnotationField.RATIONALE);
            assertThat(lib.loadCase("CM17-0000030").orElseThrow().letter().items().get(1).rationale()
                    .substring(r.start(), r.end())).isEqualTo("red flags");
            assertThatThrownBy(() -> notes.highlight("CM17-0000030", 1, "red flags", null, null, null))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("is not in the rationale of item 1");
            Annotation n = notes.note("CM17-0000030", 1, "ask for the PR-2", null, null);
            assertThat(n.isHighlight()).isFalse();
            Annotation edited = notes.edit(n.id(), "ask for the PR-2 report", "blue");
            assertThat(edited.note()).isEqualTo("ask for the PR-2 report");
            assertThat(edited.updated()).isAfterOrEqualTo(edited.created());
            assertThat(notes.list("CM17-0000030")).hasSize(3);
            assertThat(notes.delete(h.id())).isTrue();
            assertThat(notes.delete(h.id())).isFalse();
            assertThat(notes.list("CM17-0000030")).extracting(Annotation::id).containsExactly(r.id(), n.id());
        }
    }

    @Test
    void replacingALetterKeepsTagsAndReanchorsHighlights() {
        Path file = dir.resolve("lib.db");
        try (Library lib = Library.open(file)) {
            Fixtures.add(lib, sample("CM17-0000040", "The worker has knee pain. Knee MRI was normal."));
            lib.tags().tagItem("CM17-0000040", 1, "opioids");
            lib.annotations().highlight("CM17-0000040", null, "knee pain", null, null, null);
            lib.annotations().highlight("CM17-0000040", 1, "functional improvement", null, null, null);
            lib.annotations().highlight("CM17-0000040", 2, "red flags", null, null, null);
        }
        // a "new parser" that moves the summary text and loses the second rationale's words
        Letter changed = Fixtures.letter("CM17-0000040", LocalDate.of(2017, 1, 5), null, List.of(), List.of(),
                "History: the worker has knee pain. Knee MRI was normal.",
                item("Norco 10/325mg #60", Decision.UPHELD, Category.OPIOID, "Norco", "hydrocodone/acetaminophen",
                        "Opioids are not recommended for long term use without documented functional improvement."),
                item("MRI of the lumbar spine", Decision.OVERTURNED, Category.IMAGING, "MRI", null,
                        "Imaging is indicated."));
        try (Library lib = Library.open(file)) {
            Reparsed r = lib.replaceLetter("CM17-0000040", changed, "test-2");
            assertThat(r.moved()).isEqualTo(1);
            assertThat(r.orphaned()).isEqualTo(1);
        }
        try (Library lib = Library.open(file)) {
            CaseRecord record = lib.loadCase("CM17-0000040").orElseThrow();
            assertThat(record.letter()).isEqualTo(changed);
            assertThat(record.parserVersion()).isEqualTo("test-2");
            assertThat(record.itemTags(1)).containsExactly("opioids");
            List<Annotation> a = record.annotations();
            assertThat(a).hasSize(3);
            assertThat(changed.summary().substring(a.get(0).start(), a.get(0).end())).isEqualTo("knee pain");
            assertThat(a.get(0).orphaned()).isFalse();
            assertThat(a.get(1).orphaned()).isFalse();
            assertThat(a.get(2).orphaned()).isTrue();
            assertThat(a.get(2).quote()).isEqualTo("red flags");
            // the search index took the old texts' words out and holds the new ones
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            // the original, compressed with the letter's text, was compressed again with the new text
            assertThat(lib.source("CM17-0000040").orElseThrow().bytes()).isEqualTo(
                    sample("CM17-0000040", "The worker has knee pain. Knee MRI was normal.").text()
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(matches(lib, "lumbar")).isEqualTo(1);
            assertThat(matches(lib, "history")).isEqualTo(2);
            assertThat(matches(lib, "flags")).isZero();
        }
    }

    private static long matches(Library lib, String query) {
        return lib.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM search_index WHERE search_index MATCH ?")) {
                ps.setString(1, query);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void bulkWritesCheckpointTheLogLessOftenAndCacheMoreUntilClosed() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            assertThat(pragma(lib, "page_size")).isEqualTo(16_384);
            assertThat(autocheckpoint(lib)).isEqualTo(250); // 4 MB of log
            long cacheSize = pragma(lib, "cache_size");
            try (Library.BulkWrites bulk = lib.bulkWrites()) {
                assertThat(autocheckpoint(lib)).isEqualTo(10_000); // 160 MB
                assertThat(pragma(lib, "cache_size")).isEqualTo(-65_536);
                Fixtures.add(lib, sample("CM17-0000070", "Written during an import."));
            }
            assertThat(autocheckpoint(lib)).isEqualTo(250);
            assertThat(pragma(lib, "cache_size")).isEqualTo(cacheSize).isNotEqualTo(-65_536);
            assertThat(lib.loadCase("CM17-0000070")).isPresent();
        }
    }

    @Test
    void aLibraryOfSmallerPagesKeepsThemAndCheckpointsByTheSameBytes() throws Exception {
        Path file = dir.resolve("small-pages.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 4096");
            s.execute("VACUUM"); // an empty database whose first page is written, as an older library's is
        }
        try (Library lib = Library.open(file)) {
            Fixtures.add(lib, sample("CM17-0000071", "A library made with 4 KB pages."));
            assertThat(pragma(lib, "page_size")).isEqualTo(4096);
            assertThat(autocheckpoint(lib)).isEqualTo(1_000);
            try (Library.BulkWrites bulk = lib.bulkWrites()) {
                assertThat(autocheckpoint(lib)).isEqualTo(40_000);
            }
            assertThat(autocheckpoint(lib)).isEqualTo(1_000);
        }
        try (Library lib = Library.open(file)) {
            assertThat(pragma(lib, "page_size")).isEqualTo(4096);
            assertThat(lib.loadCase("CM17-0000071")).isPresent();
        }
    }

    private static long autocheckpoint(Library lib) {
        return pragma(lib, "wal_autocheckpoint");
    }

    private static long pragma(Library lib, String name) {
        return lib.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aSearchIndexThatDoesNotHoldItsTextsWordsFailsTheIntegrityCheck() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, sample("CM17-0000060", "The worker has knee pain."));
            assertThat(lib.integrityCheck()).isEqualTo("ok");
            // a summary changed behind the index's back: the index no longer holds the words of what it indexes
            lib.read(c -> c.createStatement().executeUpdate("UPDATE cases SET summary = 'Shoulder pain.'"));
            assertThat(lib.integrityCheck()).startsWith("search index: ");
        }
    }

    @Test
    void replacingSeveralLettersInOneTransactionLeavesACaseThatCannotBeReplacedAsItWas() {
        try (Library lib = Library.open(dir.resolve("lib.db"))) {
            Fixtures.add(lib, sample("CM17-0000050", "Fifty."));
            Fixtures.add(lib, sample("CM17-0000051", "Fifty-one."));
            Fixtures.add(lib, sample("CM17-0000052", "Fifty-two."));
            lib.tags().tagCase("CM17-0000052", "keep");
            Letter before = lib.loadCase("CM17-0000051").orElseThrow().letter();
            List<Library.Replaced> results = lib.replaceLetters(List.of(
                    new Library.Replacement("CM17-0000050", sample("CM17-0000050", "Fifty, parsed again."), "t2"),
                    // the new parse claims another case's number: refused, the case keeps its parse
                    new Library.Replacement("CM17-0000051", sample("CM17-0000052", "Clashes."), "t2"),
                    new Library.Replacement("CM17-0000052", sample("CM17-0000052", "Fifty-two, again."), "t2")));
            assertThat(results).extracting(Library.Replaced::id)
                    .containsExactly("CM17-0000050", "CM17-0000051", "CM17-0000052");
            assertThat(results.get(0).reparsed()).isNotNull();
            assertThat(results.get(1).reparsed()).isNull();
            assertThat(results.get(1).error()).contains("already another case");
            assertThat(results.get(2).reparsed().newId()).isEqualTo("CM17-0000052");
            assertThat(lib.loadCase("CM17-0000050").orElseThrow().letter().summary())
                    .isEqualTo("Fifty, parsed again.");
            CaseRecord unchanged = lib.loadCase("CM17-0000051").orElseThrow();
            assertThat(unchanged.letter()).isEqualTo(before);
            assertThat(unchanged.parserVersion()).isNotEqualTo("t2");
            CaseRecord tagged = lib.loadCase("CM17-0000052").orElseThrow();
            assertThat(tagged.letter().summary()).isEqualTo("Fifty-two, again.");
            assertThat(tagged.tags()).containsExactly("keep");
            assertThat(lib.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void anchorsPreferTheSameSpanThenTheNearestOccurrence() {
        String text = "pain here, pain there, pain everywhere";
        assertThat(Anchors.reanchor(text, 11, 15, "pain")).isEqualTo(new org.imrworkbench.model.Span(11, 15));
        assertThat(Anchors.reanchor(text, 20, 24, "pain")).isEqualTo(new org.imrworkbench.model.Span(23, 27));
        assertThat(Anchors.reanchor(text, 0, 4, "ache")).isNull();
        assertThat(Anchors.reanchor(null, 0, 4, "pain")).isNull();
        assertThat(Anchors.reanchor("short", 10, 14, "pain")).isNull();
    }

    @Test
    void defaultLocationFollowsTheOperatingSystem() {
        assertThat(LibraryLocation.defaultFile("Linux", java.util.Map.of("XDG_DATA_HOME", "/data"), "/home/u"))
                .isEqualTo(Path.of("/data/imr-workbench/library.db"));
        assertThat(LibraryLocation.defaultFile("Linux", java.util.Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/imr-workbench/library.db"));
        assertThat(LibraryLocation.defaultFile("Mac OS X", java.util.Map.of(), "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/IMR Workbench/library.db"));
        assumeTrue(FileSystems.getDefault().getSeparator().equals("/"));
        assertThat(LibraryLocation.defaultFile("Windows 11", java.util.Map.of("APPDATA", "/appdata"), "/home/u"))
                .isEqualTo(Path.of("/appdata/IMR Workbench/library.db"));
    }
}
