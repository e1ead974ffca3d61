package org.imrworkbench.library;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.ItemSpans;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.LetterDates;
import org.imrworkbench.model.LetterSpans;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Patient;
import org.imrworkbench.model.Reviewer;
import org.imrworkbench.model.Sex;
import org.imrworkbench.model.Span;
import org.imrworkbench.model.Treatment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a parsed {@link Letter} into the library's tables and reads it back, equal to what was written.
 * Called only under the {@link Db} lock, inside a transaction for writes.
 */
final class LetterRows {

    private static final String[] LETTER_SPANS = {"caseNumber", "priority", "assigned", "decided", "injury",
        "urDenial", "received", "credentials", "age", "sex", "summary"};
    private static final String[] ITEM_SPANS = {"heading", "request", "decision", "serviceDate",
        "claimsAdministratorGuideline", "reviewerGuideline", "rationale", "treatment", "partialOriginal",
        "partialAuthorized", "partialDisputed"};

    private final Db db;

    LetterRows(Db db) {
        this.db = db;
    }

    /**
     * A field's value as its column stores it (schema 9): null when it is exactly the letter's text at its span,
     * where the views {@code case_texts}, {@code item_texts} and {@code search_content} and {@link #load} read it
     * instead. {@code sqlSafe}: whether SQLite counts the text's characters as Java does ({@link #countsAsSql}).
     *
     * @throws LibraryException for a field that has a span but no value, which the null would misstate (the parser
     *                          never makes one: its fields are their spans' text); the letter is refused, not stored
     */
    static String copyUnlessAtSpan(String field, String value, Span span, String text, boolean sqlSafe) {
        if (value == null) {
            if (span != null) {
                throw new LibraryException("the " + field + " has a span but no text");
            }
            return null;
        }
        // startsWith is false for a span that runs past the text
        boolean atSpan = sqlSafe && span != null && span.length() == value.length()
                && text.startsWith(value, span.start());
        return atSpan ? null : value;
    }

    /**
     * Whether SQLite's {@code substr} counts this text's characters as Java's spans do: none of them outside the Basic
     * Multilingual Plane (SQLite counts a code point once, Java twice) and no NUL (SQLite's text functions stop there).
     */
    static boolean countsAsSql(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 0 || Character.isSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    /** Sets the letter's own columns on a case row: 14 parameters of the insert and the update, from {@code i}. */
    private static int bindLetterColumns(PreparedStatement ps, int i, Letter l, boolean sqlSafe) throws SQLException {
        LetterDates d = l.dates() == null ? LetterDates.NONE : l.dates();
        Reviewer r = l.reviewer() == null ? Reviewer.NONE : l.reviewer();
        Patient p = l.patient() == null ? Patient.NONE : l.patient();
        LetterSpans s = l.spans() == null ? LetterSpans.NONE : l.spans();
        ps.setString(i++, l.caseNumber());
        ps.setString(i++, l.priority());
        ps.setString(i++, date(d.assigned()));
        ps.setString(i++, date(d.decided()));
        ps.setString(i++, date(d.injury()));
        ps.setString(i++, date(d.urDenial()));
        ps.setString(i++, date(d.received()));
        setInt(ps, i++, r.boardCertified() == null ? null : r.boardCertified() ? 1 : 0);
        setInt(ps, i++, p.age());
        ps.setString(i++, p.sex() == null ? null : p.sex().name());
        ps.setString(i++, copyUnlessAtSpan("case summary", l.summary(), s.summary(), l.text(), sqlSafe));
        ps.setString(i++, l.text());
        ps.setInt(i++, l.items().size());
        ps.setString(i++, SpanColumn.encode(LETTER_SPANS, new Span[]{s.caseNumber(), s.priority(), s.assigned(),
            s.decided(), s.injury(), s.urDenial(), s.received(), s.credentials(), s.age(), s.sex(), s.summary()}));
        return i;
    }

    long insertCase(NewLetter n, String id, String fingerprint, String now) throws SQLException {
        PreparedStatement ps = db.ps("""
                INSERT INTO cases (id, sha256, fingerprint, file_name, format, encoding, imported_at, parser_version,
                  parsed_at, case_number, priority, assigned, decided, injury, ur_denial, received, board_certified,
                  patient_age, patient_sex, summary, text, item_count, spans)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        int i = 1;
        ps.setString(i++, id);
        ps.setString(i++, n.sha256());
        ps.setString(i++, fingerprint);
        ps.setString(i++, n.fileName());
        ps.setString(i++, n.format());
        ps.setString(i++, n.encoding());
        ps.setString(i++, now);
        ps.setString(i++, n.parserVersion());
        ps.setString(i++, now);
        boolean sqlSafe = countsAsSql(n.letter().text());
        bindLetterColumns(ps, i, n.letter(), sqlSafe);
        ps.executeUpdate();
        long pk = lastRowId();
        PreparedStatement src = db.ps("INSERT INTO sources (case_pk, bytes, deflated) VALUES (?, ?, ?)");
        src.setLong(1, pk);
        src.setBytes(2, n.stored());
        src.setInt(3, n.storedForm());
        src.executeUpdate();
        insertDetails(pk, n.letter(), sqlSafe);
        return pk;
    }

    /**
     * Replaces a case's parsed letter (a re-parse): its id, columns and every detail row, and its stored original
     * when that was compressed with the text being replaced ({@link StoredBytes#WITH_TEXT}).
     *
     * @throws LibraryException when the stored original cannot be read back, so cannot follow the new text
     */
    void replace(long pk, String id, Letter letter, String fingerprint, String parserVersion, String now)
            throws SQLException {
        byte[] original = originalToRecompress(pk, letter.text());
        deleteDetails(pk);
        PreparedStatement ps = db.ps("""
                UPDATE cases SET id = ?, fingerprint = ?, parser_version = ?, parsed_at = ?, case_number = ?,
                  priority = ?, assigned = ?, decided = ?, injury = ?, ur_denial = ?, received = ?,
                  board_certified = ?, patient_age = ?, patient_sex = ?, summary = ?, text = ?, item_count = ?,
                  spans = ?
                WHERE pk = ?""");
        int i = 1;
        ps.setString(i++, id);
        ps.setString(i++, fingerprint);
        ps.setString(i++, parserVersion);
        ps.setString(i++, now);
        boolean sqlSafe = countsAsSql(letter.text());
        i = bindLetterColumns(ps, i, letter, sqlSafe);
        ps.setLong(i, pk);
        ps.executeUpdate();
        insertDetails(pk, letter, sqlSafe);
        if (original != null) {
            PreparedStatement src = db.ps("UPDATE sources SET bytes = ? WHERE case_pk = ?");
            src.setBytes(1, StoredBytes.store(StoredBytes.WITH_TEXT, original, letter.text()));
            src.setLong(2, pk);
            src.executeUpdate();
        }
    }

    /**
     * A case's original file when it is stored compressed with its text as the dictionary and {@code newText}
     * differs from that text: read now, before the text changes, to be compressed again with the new one. Else null.
     */
    private byte[] originalToRecompress(long pk, String newText) throws SQLException {
        PreparedStatement ps = db.ps("SELECT s.bytes, c.text FROM sources s JOIN cases c ON c.pk = s.case_pk"
                + " WHERE s.case_pk = ? AND s.deflated = " + StoredBytes.WITH_TEXT);
        ps.setLong(1, pk);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || newText.equals(rs.getString(2))) {
                return null;
            }
            try {
                return StoredBytes.restore(StoredBytes.WITH_TEXT, rs.getBytes(1), rs.getString(2));
            } catch (java.util.zip.DataFormatException e) {
                throw new LibraryException("the stored original file is damaged (" + e.getMessage() + ")", e);
            }
        }
    }

    private void deleteDetails(long pk) throws SQLException {
        // first: the index reads the words to take out from the rows it indexed (Schema, search_content)
        PreparedStatement fts = db.ps("DELETE FROM search_index WHERE rowid IN (SELECT pk FROM items WHERE case_pk = ?)"
                + " OR rowid = -?");
        fts.setLong(1, pk);
        fts.setLong(2, pk);
        fts.executeUpdate();
        for (String table : List.of("items", "credentials", "warnings")) {
            PreparedStatement del = db.ps("DELETE FROM " + table + " WHERE case_pk = ?");
            del.setLong(1, pk);
            del.executeUpdate();
        }
    }

    private void insertDetails(long pk, Letter l, boolean sqlSafe) throws SQLException {
        Reviewer r = l.reviewer() == null ? Reviewer.NONE : l.reviewer();
        PreparedStatement cred = db.ps("INSERT INTO credentials (case_pk, kind, position, value) VALUES (?, ?, ?, ?)");
        addStrings(cred, pk, "SPECIALTY", r.specialties());
        addStrings(cred, pk, "SUBSPECIALTY", r.subspecialties());
        addStrings(cred, pk, "LICENSURE", r.licensure());
        cred.executeBatch();

        PreparedStatement warn = db.ps("INSERT INTO warnings (case_pk, position, text) VALUES (?, ?, ?)");
        for (int i = 0; i < l.warnings().size(); i++) {
            warn.setLong(1, pk);
            warn.setInt(2, i);
            warn.setString(3, l.warnings().get(i));
            warn.addBatch();
        }
        warn.executeBatch();

        PreparedStatement fts = db.ps("INSERT INTO search_index (rowid, summary, request, claims_guideline,"
                + " reviewer_guideline, rationale) VALUES (?, ?, ?, ?, ?, ?)");
        for (int position = 0; position < l.items().size(); position++) {
            Item item = l.items().get(position);
            long itemPk = insertItem(pk, position, item, l.text(), sqlSafe);
            fts.setLong(1, itemPk);
            fts.setString(2, l.summary());
            fts.setString(3, item.request());
            fts.setString(4, item.claimsAdministratorGuideline());
            fts.setString(5, item.reviewerGuideline());
            fts.setString(6, item.rationale());
            fts.executeUpdate();
        }
        if (l.items().isEmpty()) {
            fts.setLong(1, -pk);
            fts.setString(2, l.summary());
            for (int i = 3; i <= 6; i++) {
                fts.setNull(i, Types.VARCHAR);
            }
            fts.executeUpdate();
        }
    }

    private long insertItem(long casePk, int position, Item item, String text, boolean sqlSafe)
            throws SQLException {
        PreparedStatement ps = db.ps("""
                INSERT INTO items (case_pk, position, number, request, decision, retrospective, service_date, partial,
                  partial_original, partial_authorized, partial_disputed, treatment_name, treatment_generic, category,
                  strength, quantity, sessions, claims_guideline, reviewer_guideline, rationale, spans)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PartialAuthorization partial = item.partial();
        Treatment t = item.treatment();
        ItemSpans s = item.spans();
        int i = 1;
        ps.setLong(i++, casePk);
        ps.setInt(i++, position);
        ps.setInt(i++, item.number());
        ps.setString(i++, item.request());
        ps.setString(i++, item.decision().name());
        ps.setInt(i++, item.retrospective() ? 1 : 0);
        ps.setString(i++, date(item.serviceDate()));
        ps.setInt(i++, partial == null ? 0 : 1);
        ps.setString(i++, partial == null ? null : partial.originalRequest());
        ps.setString(i++, partial == null ? null : partial.authorized());
        ps.setString(i++, partial == null ? null : partial.disputed());
        ps.setString(i++, t.name());
        ps.setString(i++, t.generic());
        ps.setString(i++, t.category().name());
        ps.setString(i++, t.strength());
        setInt(ps, i++, t.quantity());
        setInt(ps, i++, t.sessions());
        ps.setString(i++, copyUnlessAtSpan("claims administrator's guideline", item.claimsAdministratorGuideline(),
                s.claimsAdministratorGuideline(), text, sqlSafe));
        ps.setString(i++, copyUnlessAtSpan("reviewer's guideline", item.reviewerGuideline(), s.reviewerGuideline(),
                text, sqlSafe));
        ps.setString(i++, copyUnlessAtSpan("rationale", item.rationale(), s.rationale(), text, sqlSafe));
        ps.setString(i, SpanColumn.encode(ITEM_SPANS, new Span[]{s.heading(), s.request(), s.decision(),
            s.serviceDate(), s.claimsAdministratorGuideline(), s.reviewerGuideline(), s.rationale(), t.span(),
            partial == null ? null : partial.originalRequestSpan(), partial == null ? null : partial.authorizedSpan(),
            partial == null ? null : partial.disputedSpan()}));
        ps.executeUpdate();
        long itemPk = lastRowId();

        PreparedStatement cit = db.ps("INSERT INTO citations (item_pk, position, cited_by, source, guideline,"
                + " span_start, span_end, sections, pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (int c = 0; c < item.citations().size(); c++) {
            Citation citation = item.citations().get(c);
            cit.setLong(1, itemPk);
            cit.setInt(2, c);
            cit.setString(3, citation.by().name());
            cit.setString(4, citation.source().name());
            cit.setString(5, citation.guideline());
            setInt(cit, 6, citation.span() == null ? null : citation.span().start());
            setInt(cit, 7, citation.span() == null ? null : citation.span().end());
            cit.setString(8, ListColumn.strings(citation.sections()));
            cit.setString(9, ListColumn.ints(citation.pages()));
            cit.executeUpdate();
        }
        return itemPk;
    }

    /** Reads a case's letter back from its rows. */
    Letter load(long pk) throws SQLException {
        PreparedStatement ps = db.ps("""
                SELECT case_number, priority, assigned, decided, injury, ur_denial, received, board_certified,
                  patient_age, patient_sex, summary, text, spans FROM cases WHERE pk = ?""");
        ps.setLong(1, pk);
        String caseNumber;
        String priority;
        String summary;
        String text;
        Map<String, Span> ls;
        LetterDates dates;
        Boolean boardCertified;
        Patient patient;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException("no case with key " + pk);
            }
            caseNumber = rs.getString(1);
            priority = rs.getString(2);
            dates = new LetterDates(localDate(rs.getString(3)), localDate(rs.getString(4)),
                    localDate(rs.getString(5)), localDate(rs.getString(6)), localDate(rs.getString(7)));
            Integer bc = getInt(rs, 8);
            boardCertified = bc == null ? null : bc == 1;
            Integer age = getInt(rs, 9);
            String sex = rs.getString(10);
            patient = new Patient(age, sex == null ? null : Sex.valueOf(sex));
            text = rs.getString(12);
            ls = SpanColumn.decode(rs.getString(13));
            summary = orAtSpan(rs.getString(11), ls.get("summary"), text);
        }
        Map<String, List<String>> credentials = new HashMap<>();
        PreparedStatement cred = db.ps("SELECT kind, value FROM credentials WHERE case_pk = ? ORDER BY kind, position");
        cred.setLong(1, pk);
        try (ResultSet rs = cred.executeQuery()) {
            while (rs.next()) {
                credentials.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Reviewer reviewer = new Reviewer(credentials.getOrDefault("SPECIALTY", List.of()),
                credentials.getOrDefault("SUBSPECIALTY", List.of()), boardCertified,
                credentials.getOrDefault("LICENSURE", List.of()));
        List<String> warnings = new ArrayList<>();
        PreparedStatement warn = db.ps("SELECT text FROM warnings WHERE case_pk = ? ORDER BY position");
        warn.setLong(1, pk);
        try (ResultSet rs = warn.executeQuery()) {
            while (rs.next()) {
                warnings.add(rs.getString(1));
            }
        }
        LetterSpans letterSpans = new LetterSpans(ls.get("caseNumber"), ls.get("priority"), ls.get("assigned"),
                ls.get("decided"), ls.get("injury"), ls.get("urDenial"), ls.get("received"), ls.get("credentials"),
                ls.get("age"), ls.get("sex"), ls.get("summary"));
        return new Letter(caseNumber, priority, dates, reviewer, patient, summary, loadItems(pk, text), warnings, text,
                letterSpans);
    }

    /** A field read back: its column's value, or where that is null the text at its span ({@link #copyUnlessAtSpan}). */
    private static String orAtSpan(String column, Span span, String text) {
        if (column != null || span == null) {
            return column;
        }
        if (span.end() > text.length()) {
            throw new LibraryException("the library holds a span past its letter's text: " + span);
        }
        return span.of(text);
    }

    private List<Item> loadItems(long casePk, String text) throws SQLException {
        PreparedStatement ps = db.ps("""
                SELECT pk, number, request, decision, retrospective, service_date, partial, partial_original,
                  partial_authorized, partial_disputed, treatment_name, treatment_generic, category, strength,
                  quantity, sessions, claims_guideline, reviewer_guideline, rationale, spans
                FROM items WHERE case_pk = ? ORDER BY position""");
        ps.setLong(1, casePk);
        record Row(long pk, int number, String request, Decision decision, boolean retrospective,
                   LocalDate serviceDate, boolean partial, String original, String authorized, String disputed,
                   String name, String generic, Category category, String strength, Integer quantity,
                   Integer sessions, String ca, String rg, String rationale, Map<String, Span> spans) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), Decision.valueOf(rs.getString(4)),
                        rs.getInt(5) == 1, localDate(rs.getString(6)), rs.getInt(7) == 1, rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        Category.valueOf(rs.getString(13)), rs.getString(14), getInt(rs, 15), getInt(rs, 16),
                        rs.getString(17), rs.getString(18), rs.getString(19), SpanColumn.decode(rs.getString(20))));
            }
        }
        List<Item> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Span> s = r.spans;
            ItemSpans itemSpans = new ItemSpans(s.get("heading"), s.get("request"), s.get("decision"),
                    s.get("serviceDate"), s.get("claimsAdministratorGuideline"), s.get("reviewerGuideline"),
                    s.get("rationale"));
            PartialAuthorization partial = r.partial ? new PartialAuthorization(r.original, r.authorized, r.disputed,
                    s.get("partialOriginal"), s.get("partialAuthorized"), s.get("partialDisputed")) : null;
            Treatment treatment = new Treatment(r.name, r.generic, r.category, r.strength, r.quantity, r.sessions,
                    s.get("treatment"));
            items.add(new Item(r.number, r.request, r.decision, r.retrospective, r.serviceDate, partial, treatment,
                    orAtSpan(r.ca, itemSpans.claimsAdministratorGuideline(), text),
                    orAtSpan(r.rg, itemSpans.reviewerGuideline(), text), loadCitations(r.pk),
                    orAtSpan(r.rationale, itemSpans.rationale(), text), itemSpans));
        }
        return items;
    }

    private List<Citation> loadCitations(long itemPk) throws SQLException {
        PreparedStatement ps = db.ps("SELECT cited_by, source, guideline, span_start, span_end, sections, pages"
                + " FROM citations WHERE item_pk = ? ORDER BY position");
        ps.setLong(1, itemPk);
        List<Citation> citations = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer start = getInt(rs, 4);
                Integer end = getInt(rs, 5);
                citations.add(new Citation(CitedBy.valueOf(rs.getString(1)), CitationSource.valueOf(rs.getString(2)),
                        rs.getString(3), ListColumn.readStrings(rs.getString(6)), ListColumn.readInts(rs.getString(7)),
                        start == null || end == null ? null : new Span(start, end)));
            }
        }
        return citations;
    }

    private static void addStrings(PreparedStatement ps, long pk, String kind, List<String> values)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setLong(1, pk);
            ps.setString(2, kind);
            ps.setInt(3, i);
            ps.setString(4, values.get(i));
            ps.addBatch();
        }
    }

    private long lastRowId() throws SQLException {
        try (ResultSet rs = db.ps("SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate localDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static Integer getInt(ResultSet rs, int index) throws SQLException {
        int v = rs.getInt(index);
        return rs.wasNull() ? null : v;
    }
}
