package org.imrworkbench.export;

import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Treatment;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row per disputed item (a case without items gets one row with empty item columns): case fields, item fields,
 * treatment, guidelines, tags and annotation counts. RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted with quotes doubled. The caller writes UTF-8 with a byte order mark, which spreadsheet
 * programs need to read the file as UTF-8 ({@link #BOM}). Lists within a field are joined with {@code "; "}.
 */
public final class CsvExporter {

    /** The byte order mark written first. */
    public static final char BOM = '\uFEFF';

    /** The header row's column names. */
    public static final List<String> COLUMNS = List.of("id", "caseNumber", "file", "priority", "decided",
            "assigned", "received", "urDenial", "injury", "specialties", "subspecialties", "licensure", "patientAge",
            "patientSex", "caseTags", "caseNotes", "item", "request", "decision", "retrospective", "serviceDate",
            "partialOriginalRequest", "partialAuthorized", "partialDisputed", "treatmentName", "treatmentGeneric",
            "treatmentCategory", "strength", "quantity", "sessions", "reviewerSources", "reviewerGuideline",
            "claimsAdministratorSources", "itemTags", "annotations", "rationale");

    private static final String EOL = "\r\n";

    private CsvExporter() {
    }

    /** Writes the byte order mark and header row. */
    public static void header(Writer out) throws IOException {
        out.write(BOM);
        line(out, COLUMNS);
    }

    /** Writes the rows of one case. */
    public static void rows(Writer out, CaseRecord record) throws IOException {
        Letter l = record.letter();
        long caseNotes = record.annotations().stream().filter(a -> a.item() == null).count();
        List<String> caseFields = Arrays.asList(record.id(), l.caseNumber(), record.fileName(), l.priority(),
                str(l.dates().decided()), str(l.dates().assigned()), str(l.dates().received()),
                str(l.dates().urDenial()), str(l.dates().injury()), join(l.reviewer().specialties()),
                join(l.reviewer().subspecialties()), join(l.reviewer().licensure()), str(l.patient().age()),
                l.patient().sex() == null ? null : l.patient().sex().name(), join(record.tags()),
                Long.toString(caseNotes));
        if (l.items().isEmpty()) {
            List<String> row = new ArrayList<>(caseFields);
            while (row.size() < COLUMNS.size()) {
                row.add(null);
            }
            line(out, row);
            return;
        }
        for (Item item : l.items()) {
            List<String> row = new ArrayList<>(caseFields);
            PartialAuthorization p = item.partial();
            Treatment t = item.treatment();
            long annotations = record.annotations().stream().map(Annotation::item)
                    .filter(n -> Objects.equals(n, item.number())).count();
            row.addAll(Arrays.asList(Integer.toString(item.number()), item.request(), item.decision().name(),
                    Boolean.toString(item.retrospective()), str(item.serviceDate()),
                    p == null ? null : p.originalRequest(), p == null ? null : p.authorized(),
                    p == null ? null : p.disputed(), t.name(), t.generic(), t.category().name(), t.strength(),
                    str(t.quantity()), str(t.sessions()), sources(item, CitedBy.REVIEWER), item.reviewerGuideline(),
                    sources(item, CitedBy.CLAIMS_ADMINISTRATOR), join(record.itemTags(item.number())),
                    Long.toString(annotations), item.rationale()));
            line(out, row);
        }
    }

    /** One field, quoted when it holds a comma, quote, or line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        out.write(fields.stream().map(CsvExporter::field).collect(Collectors.joining(",")));
        out.write(EOL);
    }

    private static String sources(Item item, CitedBy by) {
        return item.citations().stream().filter(c -> c.by() == by).map(Citation::source).map(Enum::name).distinct()
                .collect(Collectors.joining("; "));
    }

    private static String join(List<String> values) {
        return String.join("; ", values);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
