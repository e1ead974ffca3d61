package org.imrworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrworkbench.library.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV and JSON exports, selections, orders, atomic writes and cancellation. */
class ExportServiceTest {

    @TempDir
    static Path dir;

    static Library library;
    static ExportService service;

    @BeforeAll
    static void build() {
        library = Library.open(dir.resolve("lib.db"));
        ExportFixture.build(library);
        service = new ExportService(library);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static ExportResult export(Selection selection, ExportFormat format, CaseOrder order, String name) {
        BinderOptions options = new BinderOptions(null, null, null, null, null, order, null, 1, 6, false, false, false);
        return service.export(new ExportRequest(selection, dir.resolve(name), format, options), ExportListener.NONE,
                () -> false);
    }

    /** An RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside; CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("balanced quotes").isFalse();
        assertThat(field).as("the last record ends with CRLF").isEmpty();
        return rows;
    }

    @Test
    void csvHasBomHeaderAndOneRowPerItemWithQuotedFields() throws IOException {
        ExportResult result = export(new Selection.All(), ExportFormat.CSV, CaseOrder.CASE_NUMBER, "items.csv");
        byte[] bytes = Files.readAllBytes(result.file());
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = parseCsv(text);
        assertThat(rows.get(0)).isEqualTo(CsvExporter.COLUMNS);
        assertThat(rows).hasSize(1 + result.items());
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvExporter.COLUMNS.size()));
        List<String> tricky = rows.get(1);
        assertThat(field(tricky, "caseNumber")).isEqualTo(ExportFixture.UNICODE_CASE);
        assertThat(field(tricky, "request")).isEqualTo(ExportFixture.TRICKY_REQUEST);
        assertThat(field(tricky, "decision")).isEqualTo("OVERTURNED");
        assertThat(field(tricky, "treatmentGeneric")).isEqualTo("hydrocodone/acetaminophen");
        assertThat(field(tricky, "specialties")).isEqualTo("Orthopédie & Surgery");
        assertThat(field(tricky, "caseTags")).isEqualTo("hearing");
        assertThat(field(tricky, "reviewerSources")).isEqualTo("MTUS");
        List<String> sampleItem2 = rows.stream()
                .filter(r -> field(r, "id").equals(ExportFixture.SAMPLE_WITH_HIGHLIGHTS) && field(r, "item").equals("2"))
                .findFirst().orElseThrow();
        assertThat(field(sampleItem2, "itemTags")).isEqualTo("Tylenol #4");
        assertThat(field(sampleItem2, "caseNotes")).isEqualTo("2");
        List<String> sampleItem1 = rows.stream()
                .filter(r -> field(r, "id").equals(ExportFixture.SAMPLE_WITH_HIGHLIGHTS) && field(r, "item").equals("1"))
                .findFirst().orElseThrow();
        assertThat(field(sampleItem1, "annotations")).isEqualTo("1");
    }

    private static String field(List<String> row, String column) {
        return row.get(CsvExporter.COLUMNS.indexOf(column));
    }

    @Test
    void csvFieldQuoting() {
        assertThat(CsvExporter.field("plain")).isEqualTo("plain");
        assertThat(CsvExporter.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvExporter.field("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(CsvExporter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExporter.field(null)).isEmpty();
    }

    @Test
    void jsonIsAnArrayOfShowObjects() throws IOException {
        ExportResult result = export(new Selection.Cases(List.of(ExportFixture.UNICODE_CASE,
                ExportFixture.SAMPLE_WITH_HIGHLIGHTS)), ExportFormat.JSON, CaseOrder.AS_LISTED, "cases.json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode array = mapper.readTree(result.file().toFile());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0)).isEqualTo(mapper.readTree(mapper.writeValueAsString(
                CaseJson.show(library.loadCase(ExportFixture.UNICODE_CASE).orElseThrow()))));
        JsonNode sample = array.get(1);
        assertThat(sample.get("id").asText()).isEqualTo(ExportFixture.SAMPLE_WITH_HIGHLIGHTS);
        assertThat(sample.get("annotations")).hasSize(4);
        assertThat(sample.get("items").get(1).get("tags").get(0).asText()).isEqualTo("Tylenol #4");
        assertThat(result.pages()).isZero();
    }

    @Test
    void selectionsResolveByTagQueryAndAll() {
        assertThat(service.resolve(new Selection.Tagged("HEARING")))
                .containsExactlyInAnyOrder(ExportFixture.UNICODE_CASE, ExportFixture.SAMPLE_WITH_HIGHLIGHTS);
        assertThat(service.resolve(new Selection.Tagged("Tylenol #4")))
                .containsExactly(ExportFixture.SAMPLE_WITH_HIGHLIGHTS);
        assertThat(service.resolve(new Selection.Query("naproxen"))).containsExactly(ExportFixture.UNICODE_CASE);
        assertThat(service.resolve(new Selection.All())).hasSize(7);
        assertThatThrownBy(() -> service.resolve(new Selection.Tagged("nope")))
                .isInstanceOf(ExportException.class).hasMessage("nope: no tag of this name in the library");
    }

    @Test
    void ordersByCaseNumberOrDecisionDate() throws IOException {
        List<String> ids = List.of(ExportFixture.SAMPLE_WITH_HIGHLIGHTS, ExportFixture.UNICODE_CASE,
                ExportFixture.LONG_CASE);
        assertThat(jsonIds(export(new Selection.Cases(ids), ExportFormat.JSON, CaseOrder.AS_LISTED, "a.json")))
                .isEqualTo(ids);
        assertThat(jsonIds(export(new Selection.Cases(ids), ExportFormat.JSON, CaseOrder.CASE_NUMBER, "b.json")))
                .containsExactly(ExportFixture.UNICODE_CASE, ExportFixture.LONG_CASE,
                        ExportFixture.SAMPLE_WITH_HIGHLIGHTS);
        assertThat(jsonIds(export(new Selection.Cases(ids), ExportFormat.JSON, CaseOrder.DECISION_DATE, "c.json")))
                .containsExactly(ExportFixture.LONG_CASE, ExportFixture.UNICODE_CASE,
                        ExportFixture.SAMPLE_WITH_HIGHLIGHTS);
    }

    private static List<String> jsonIds(ExportResult result) throws IOException {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(result.file().toFile()).forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void unknownCasesAreReportedAndLeftOut() {
        ExportResult result = export(new Selection.Cases(List.of("CM00-404", ExportFixture.UNICODE_CASE)),
                ExportFormat.JSON, CaseOrder.AS_LISTED, "partial.json");
        assertThat(result.cases()).isEqualTo(1);
        assertThat(result.missing()).containsExactly("CM00-404");
        assertThatThrownBy(() -> export(new Selection.Cases(List.of("CM00-404")), ExportFormat.PDF,
                CaseOrder.AS_LISTED, "none.pdf")).isInstanceOf(ExportException.class)
                .hasMessage("CM00-404: no such case in the library");
        assertThat(dir.resolve("none.pdf")).doesNotExist();
    }

    @Test
    void aFolderIsNotAnOutputFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertThatThrownBy(() -> export(new Selection.All(), ExportFormat.CSV, CaseOrder.AS_LISTED, "folder"))
                .isInstanceOf(ExportException.class).hasMessage(folder + ": is a folder; give the name of the file "
                        + "to write");
    }

    @Test
    void cancellingWritesNothingAndKeepsTheExistingFile() throws IOException {
        Path out = dir.resolve("cancelled.pdf");
        Files.writeString(out, "the previous binder");
        AtomicInteger progress = new AtomicInteger();
        ExportRequest request = new ExportRequest(new Selection.All(), out, ExportFormat.PDF, null);
        assertThatThrownBy(() -> service.export(request, p -> progress.set(p.done()), () -> progress.get() >= 2))
                .isInstanceOf(ExportCancelledException.class);
        assertThat(progress.get()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("the previous binder");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void progressIsReportedPerCase() {
        List<ExportProgress> events = new ArrayList<>();
        service.export(new ExportRequest(new Selection.All(), dir.resolve("progress.csv"), ExportFormat.CSV, null),
                events::add, () -> false);
        assertThat(events).hasSize(7);
        assertThat(events.get(6).fraction()).isEqualTo(1.0);
    }

    @Test
    void optionsCleanTextAndNumberBatesPages() {
        BinderOptions o = new BinderOptions("  Title\nwith\u0007control\tchars ", " ", null, null, null, null, "ABC-",
                42, 6, false, false, false);
        assertThat(o.title()).isEqualTo("Title with control chars");
        assertThat(o.matter()).isNull();
        assertThat(o.order()).isEqualTo(CaseOrder.AS_LISTED);
        assertThat(o.batesNumber(0)).isEqualTo("ABC-000042");
        assertThat(o.batesNumber(958)).isEqualTo("ABC-001000");
        assertThat(BinderOptions.defaults().bates()).isFalse();
        assertThat(BinderExporter.exhibitLabel(0)).isEqualTo("Exhibit A");
        assertThat(BinderExporter.exhibitLabel(26)).isEqualTo("Exhibit AA");
    }
}
