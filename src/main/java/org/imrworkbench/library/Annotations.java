package org.imrworkbench.library;

import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Span;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Annotations: highlights on a span of a case summary or an item's rationale (with the quoted text, an optional
 * note and colour), and notes on a whole case or item. Each keeps its author and creation/update times.
 *
 * <p>A highlight stores its field, its span relative to that field's text and its quote. After a re-parse it
 * re-anchors: it keeps its span when the text there still equals the quote, else moves to the occurrence of the
 * quote nearest its old start, else it is kept but flagged orphaned. Annotations are never deleted by a re-parse.
 * Obtain from {@link Library#annotations()}; thread-safe like the library.
 */
public final class Annotations {

    /** The colour of a highlight made without one. */
    public static final String DEFAULT_COLOR = "yellow";

    private static final String COLUMNS = "pk, item_number, field, start, end, quote, note, color, author, created,"
            + " updated, orphaned";

    private final Db db;
    private final CaseKeys keys;
    private final LetterRows rows;

    Annotations(Db db, CaseKeys keys, LetterRows rows) {
        this.db = db;
        this.keys = keys;
        this.rows = rows;
    }

    /** The OS user name, the default author. */
    public static String defaultAuthor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /**
     * Highlights the first occurrence of {@code quote} in item {@code item}'s rationale, or in the case summary when
     * {@code item} is null.
     *
     * @throws NotFoundException when the case or item does not exist or the quote is not in the text
     */
    public Annotation highlight(String id, Integer item, String quote, String note, String color, String author) {
        if (quote == null || quote.isEmpty()) {
            throw new LibraryException("the text to highlight must not be empty");
        }
        AnnotationField field = item == null ? AnnotationField.SUMMARY : AnnotationField.RATIONALE;
        return db.write(c -> {
            long pk = keys.casePk(id);
            String text = fieldText(id, pk, field, item);
            int at = text.indexOf(quote);
            if (at < 0) {
                throw new NotFoundException(id + ": \"" + quote + "\" is not in "
                        + (item == null ? "the case summary" : "the rationale of item " + item));
            }
            return insert(pk, item, field, new Span(at, at + quote.length()), quote, note, color, author);
        });
    }

    /**
     * Highlights {@code [start, end)} of a field's text (a selection in the UI).
     *
     * @param item the item number for {@link AnnotationField#RATIONALE}; ignored for the summary
     */
    public Annotation highlightSpan(String id, AnnotationField field, Integer item, int start, int end, String note,
                                    String color, String author) {
        Integer itemNumber = field == AnnotationField.SUMMARY ? null : item;
        return db.write(c -> {
            long pk = keys.casePk(id);
            String text = fieldText(id, pk, field, itemNumber);
            if (start < 0 || end <= start || end > text.length()) {
                throw new LibraryException(id + ": the span " + start + "-" + end + " is outside the text (length "
                        + text.length() + ")");
            }
            return insert(pk, itemNumber, field, new Span(start, end), text.substring(start, end), note, color,
                    author);
        });
    }

    /** A note on a whole case ({@code item} null) or item. */
    public Annotation note(String id, Integer item, String note, String color, String author) {
        if (note == null || note.isBlank()) {
            throw new LibraryException("a note must not be empty");
        }
        return db.write(c -> {
            long pk = keys.casePk(id);
            if (item != null) {
                fieldText(id, pk, AnnotationField.RATIONALE, item);
            }
            return insert(pk, item, null, null, null, note, color, author);
        });
    }

    /** Changes an annotation's note and colour (null clears them) and its update time. */
    public Annotation edit(long annotationId, String note, String color) {
        return db.write(c -> {
            PreparedStatement ps = db.ps("UPDATE annotations SET note = ?, color = ?, updated = ? WHERE pk = ?");
            ps.setString(1, note);
            ps.setString(2, color);
            ps.setString(3, Library.now());
            ps.setLong(4, annotationId);
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("no annotation " + annotationId);
            }
            return byId(annotationId);
        });
    }

    /** Deletes an annotation; false when there was none with this id. */
    public boolean delete(long annotationId) {
        return db.write(c -> {
            PreparedStatement ps = db.ps("DELETE FROM annotations WHERE pk = ?");
            ps.setLong(1, annotationId);
            return ps.executeUpdate() > 0;
        });
    }

    /** A case's annotations in creation order. */
    public List<Annotation> list(String id) {
        return db.read(c -> list(keys.casePk(id)));
    }

    List<Annotation> list(long casePk) throws SQLException {
        PreparedStatement ps = db.ps("SELECT " + COLUMNS + " FROM annotations WHERE case_pk = ? ORDER BY pk");
        ps.setLong(1, casePk);
        List<Annotation> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(annotation(rs));
            }
        }
        return list;
    }

    /** Re-anchors a case's highlights on its new letter; returns {moved, orphaned}. Inside the caller's transaction. */
    int[] reanchor(long casePk, Letter letter) throws SQLException {
        int moved = 0;
        int orphaned = 0;
        PreparedStatement update = db.ps("UPDATE annotations SET start = ?, end = ?, orphaned = ? WHERE pk = ?");
        for (Annotation a : list(casePk)) {
            if (!a.isHighlight()) {
                continue;
            }
            String text = Library.fieldText(letter, a.field(), a.item());
            Span now = Anchors.reanchor(text, a.start(), a.end(), a.quote());
            if (now == null) {
                orphaned++;
                update.setInt(1, a.start());
                update.setInt(2, a.end());
                update.setInt(3, 1);
            } else {
                if (now.start() != a.start() || a.orphaned()) {
                    moved++;
                }
                update.setInt(1, now.start());
                update.setInt(2, now.end());
                update.setInt(3, 0);
            }
            update.setLong(4, a.id());
            update.executeUpdate();
        }
        return new int[]{moved, orphaned};
    }

    private String fieldText(String id, long pk, AnnotationField field, Integer item) throws SQLException {
        PreparedStatement ps;
        if (field == AnnotationField.SUMMARY) {
            ps = db.ps("SELECT summary FROM case_texts WHERE pk = ?");
            ps.setLong(1, pk);
        } else {
            if (item == null) {
                throw new LibraryException(id + ": a rationale highlight needs an item number");
            }
            ps = db.ps("SELECT rationale FROM item_texts WHERE case_pk = ? AND number = ? ORDER BY position LIMIT 1");
            ps.setLong(1, pk);
            ps.setInt(2, item);
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException(id + ": the case has no item " + item);
            }
            String text = rs.getString(1);
            return text == null ? "" : text;
        }
    }

    private Annotation insert(long casePk, Integer item, AnnotationField field, Span span, String quote, String note,
                              String color, String author) throws SQLException {
        PreparedStatement ps = db.ps("INSERT INTO annotations (case_pk, item_number, field, start, end, quote, note,"
                + " color, author, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        String now = Library.now();
        ps.setLong(1, casePk);
        LetterRows.setInt(ps, 2, item);
        ps.setString(3, field == null ? null : field.name());
        LetterRows.setInt(ps, 4, span == null ? null : span.start());
        LetterRows.setInt(ps, 5, span == null ? null : span.end());
        ps.setString(6, quote);
        ps.setString(7, note);
        ps.setString(8, color != null ? color : field == null ? null : DEFAULT_COLOR);
        ps.setString(9, author == null || author.isBlank() ? defaultAuthor() : author);
        ps.setString(10, now);
        ps.setString(11, now);
        ps.executeUpdate();
        try (ResultSet rs = db.ps("SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            return byId(rs.getLong(1));
        }
    }

    private Annotation byId(long annotationId) throws SQLException {
        PreparedStatement ps = db.ps("SELECT " + COLUMNS + " FROM annotations WHERE pk = ?");
        ps.setLong(1, annotationId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException("no annotation " + annotationId);
            }
            return annotation(rs);
        }
    }

    private static Annotation annotation(ResultSet rs) throws SQLException {
        String field = rs.getString(3);
        return new Annotation(rs.getLong(1), LetterRows.getInt(rs, 2),
                field == null ? null : AnnotationField.valueOf(field), LetterRows.getInt(rs, 4),
                LetterRows.getInt(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                Instant.parse(rs.getString(10)), Instant.parse(rs.getString(11)), rs.getInt(12) == 1);
    }
}
