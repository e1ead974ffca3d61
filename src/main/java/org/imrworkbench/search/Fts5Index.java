package org.imrworkbench.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an FTS5 table's own index — its structure record, averages record and segment leaves in {@code %_data}, its
 * segment b-trees in {@code %_idx} — as FTS5 itself does, so that the search can match and rank in Java with
 * FTS5's exact results (see {@link TextMatch}). The format is FTS5's documented on-disk format ("legacy" structure
 * records; a table using {@code contentless_delete} has the V2 format and is refused with
 * {@link UnsupportedIndexException}, as is anything this reader does not recognise, so the caller falls back to
 * FTS5's own queries).
 *
 * <p>A term's entries are read from every segment and merged as FTS5 merges them: for each row the entry of the
 * newest segment holding the term for that row counts, and an entry carrying only the delete flag means the row no
 * longer holds the term. Only committed data is seen: call inside a read transaction with no pending writes on the
 * connection (the library's read lock).
 */
final class Fts5Index {

    /** FTS5 prefixes the terms of the main index with this byte (prefix indexes use others). */
    private static final byte MAIN_PREFIX = '0';
    private static final long AVERAGES_ROWID = 1;
    private static final long STRUCTURE_ROWID = 10;
    /** Positions are packed with their column as {@code column << POSITION_BITS | offset}. */
    static final int POSITION_BITS = 24;

    /** Thrown when the index is not in a format this reader knows; the caller uses FTS5's own queries instead. */
    static final class UnsupportedIndexException extends Exception {
        UnsupportedIndexException(String message) {
            super(message);
        }
    }

    /** A segment: its id and the range of its leaf pages. */
    private record Segment(int id, int firstPage, int lastPage) {
    }

    /**
     * The rows holding a term (or, for a prefix, any term starting with it), ascending, each with its positions:
     * positions {@code start[i] .. start[i + 1] - 1} of {@code positions} belong to row {@code rowids[i]}, packed as
     * {@code column << POSITION_BITS | offset} and ascending.
     */
    record Postings(long[] rowids, int[] start, int[] positions) {
        int size() {
            return rowids.length;
        }

        static final Postings EMPTY = new Postings(new long[0], new int[1], new int[0]);
    }

    private final Connection c;
    private final String table;
    private final int columns;
    /** Newest first: level 0's last segment, ..., the last level's first. */
    private final List<Segment> segments;
    final long rowCount;
    final long tokenCount;
    private final PreparedStatement page;
    private final PreparedStatement seek;

    private Fts5Index(Connection c, String table, int columns, List<Segment> segments, long rowCount,
                      long tokenCount) throws SQLException {
        this.c = c;
        this.table = table;
        this.columns = columns;
        this.segments = segments;
        this.rowCount = rowCount;
        this.tokenCount = tokenCount;
        this.page = c.prepareStatement("SELECT block FROM \"" + table + "_data\" WHERE id = ?");
        this.seek = c.prepareStatement("SELECT pgno FROM \"" + table + "_idx\" WHERE segid = ? AND term <= ?"
                + " ORDER BY term DESC LIMIT 1");
    }

    /** Opens the index of FTS5 table {@code table} with {@code columns} columns. Close it after use. */
    static Fts5Index open(Connection c, String table, int columns) throws SQLException, UnsupportedIndexException {
        byte[] structure = block(c, table, STRUCTURE_ROWID);
        byte[] averages = block(c, table, AVERAGES_ROWID);
        if (structure == null || averages == null) {
            throw new UnsupportedIndexException("no structure or averages record");
        }
        Reader s = new Reader(structure, 4); // after the configuration cookie
        if (structure.length >= 8 && (structure[4] & 0xFF) == 0xFF && structure[5] == 0 && structure[6] == 0
                && structure[7] == 1) {
            throw new UnsupportedIndexException("V2 structure record (contentless_delete)");
        }
        int levels = (int) s.varint();
        int total = (int) s.varint();
        s.varint(); // write counter
        List<List<Segment>> byLevel = new ArrayList<>();
        int seen = 0;
        for (int level = 0; level < levels; level++) {
            s.varint(); // segments in an ongoing merge
            int n = (int) s.varint();
            List<Segment> list = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                list.add(new Segment((int) s.varint(), (int) s.varint(), (int) s.varint()));
            }
            seen += n;
            byLevel.add(list);
        }
        if (seen != total || s.pos > structure.length) {
            throw new UnsupportedIndexException("structure record does not add up");
        }
        List<Segment> newestFirst = new ArrayList<>();
        for (List<Segment> level : byLevel) {
            for (int k = level.size() - 1; k >= 0; k--) {
                newestFirst.add(level.get(k));
            }
        }
        Reader a = new Reader(averages, 0);
        long rows = a.varint();
        long tokens = 0;
        for (int col = 0; col < columns; col++) {
            tokens += a.varint();
        }
        if (a.pos > averages.length) {
            throw new UnsupportedIndexException("averages record is shorter than its columns");
        }
        return new Fts5Index(c, table, columns, newestFirst, rows, tokens);
    }

    void close() throws SQLException {
        page.close();
        seek.close();
    }

    private static byte[] block(Connection c, String table, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT block FROM \"" + table + "_data\" WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /**
     * Each row's size in tokens (all columns), by rowid, for {@code sink}: FTS5's {@code %_docsize}, the document
     * length of bm25.
     */
    static void rowSizes(Connection c, String table, RowSizeSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sz FROM \"" + table + "_docsize\"");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] sz = rs.getBytes(2);
                Reader r = new Reader(sz == null ? new byte[0] : sz, 0);
                int total = 0;
                while (r.pos < r.b.length) {
                    total += (int) r.varint();
                }
                sink.accept(rs.getLong(1), total);
            }
        }
    }

    @FunctionalInterface
    interface RowSizeSink {
        void accept(long rowid, int tokens);
    }

    // ------------------------------------------------------------------------------------------- postings

    /** The rows holding {@code token} exactly (a token as the tokenizer writes it). */
    Postings term(String token) throws SQLException, UnsupportedIndexException {
        byte[] key = key(token);
        return read(key, false);
    }

    /** The rows holding any term that starts with {@code token}, positions of all such terms merged. */
    Postings prefix(String token) throws SQLException, UnsupportedIndexException {
        byte[] key = key(token);
        return read(key, true);
    }

    private static byte[] key(String token) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[t.length + 1];
        key[0] = MAIN_PREFIX;
        System.arraycopy(t, 0, key, 1, t.length);
        return key;
    }

    /** One segment's entries of one term, ascending by rowid; a delete-only entry has no positions. */
    private static final class Entries {
        long[] rowids = new long[16];
        boolean[] deleted = new boolean[16];
        int[] start = new int[17];
        int[] positions = new int[64];
        int n;
        int np;

        void add(long rowid, boolean delete) {
            if (n == rowids.length) {
                rowids = Arrays.copyOf(rowids, n * 2);
                deleted = Arrays.copyOf(deleted, n * 2);
                start = Arrays.copyOf(start, n * 2 + 1);
            }
            rowids[n] = rowid;
            deleted[n] = delete;
            start[n] = np;
            n++;
            start[n] = np;
        }

        void position(int packed) {
            if (np == positions.length) {
                positions = Arrays.copyOf(positions, np * 2);
            }
            positions[np++] = packed;
            start[n] = np;
        }
    }

    /** The postings of term {@code key} (or every term starting with it when {@code prefix}), merged over segments. */
    private Postings read(byte[] key, boolean prefix) throws SQLException, UnsupportedIndexException {
        // term -> entries per segment (newest first)
        java.util.TreeMap<String, Entries[]> byTerm = new java.util.TreeMap<>();
        for (int si = 0; si < segments.size(); si++) {
            Segment seg = segments.get(si);
            final int segIndex = si;
            scan(seg, key, prefix, (term, entries) -> byTerm
                    .computeIfAbsent(term, t -> new Entries[segments.size()])[segIndex] = entries);
        }
        List<Postings> perTerm = new ArrayList<>();
        for (Entries[] bySegment : byTerm.values()) {
            perTerm.add(merge(bySegment));
        }
        if (perTerm.isEmpty()) {
            return Postings.EMPTY;
        }
        return perTerm.size() == 1 ? perTerm.get(0) : union(perTerm);
    }

    @FunctionalInterface
    private interface TermSink {
        void accept(String term, Entries entries);
    }

    /** Newest wins: for each rowid, the entry of the first segment (newest) that has one; delete-only drops it. */
    private static Postings merge(Entries[] bySegment) {
        int k = bySegment.length;
        int[] at = new int[k];
        int total = 0;
        int totalPositions = 0;
        for (Entries e : bySegment) {
            if (e != null) {
                total += e.n;
                totalPositions += e.np;
            }
        }
        long[] rowids = new long[total];
        int[] start = new int[total + 1];
        int[] positions = new int[totalPositions];
        int n = 0;
        int np = 0;
        while (true) {
            long min = Long.MAX_VALUE;
            int best = -1;
            for (int s = 0; s < k; s++) {
                Entries e = bySegment[s];
                if (e != null && at[s] < e.n && (best < 0 || e.rowids[at[s]] < min)) {
                    min = e.rowids[at[s]];
                    best = s;
                }
            }
            if (best < 0) {
                break;
            }
            Entries e = bySegment[best];
            int i = at[best];
            int from = e.start[i];
            int to = e.start[i + 1];
            if (!(e.deleted[i] && from == to)) {
                rowids[n] = min;
                start[n] = np;
                System.arraycopy(e.positions, from, positions, np, to - from);
                np += to - from;
                n++;
            }
            // the same row in older segments is superseded
            for (int s = 0; s < k; s++) {
                Entries o = bySegment[s];
                if (o != null && at[s] < o.n && o.rowids[at[s]] == min) {
                    at[s]++;
                }
            }
        }
        start[n] = np;
        return new Postings(Arrays.copyOf(rowids, n), Arrays.copyOf(start, n + 1), Arrays.copyOf(positions, np));
    }

    /** The union of several terms' postings: rows holding any, positions merged in order. */
    private static Postings union(List<Postings> lists) {
        int total = 0;
        int totalPositions = 0;
        for (Postings p : lists) {
            total += p.size();
            totalPositions += p.positions.length;
        }
        long[] rowids = new long[total];
        int[] start = new int[total + 1];
        int[] positions = new int[totalPositions];
        int[] at = new int[lists.size()];
        int n = 0;
        int np = 0;
        while (true) {
            long min = Long.MAX_VALUE;
            boolean any = false;
            for (int s = 0; s < lists.size(); s++) {
                Postings p = lists.get(s);
                if (at[s] < p.size() && (!any || p.rowids[at[s]] < min)) {
                    min = p.rowids[at[s]];
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            rowids[n] = min;
            start[n] = np;
            for (int s = 0; s < lists.size(); s++) {
                Postings p = lists.get(s);
                if (at[s] < p.size() && p.rowids[at[s]] == min) {
                    int from = p.start[at[s]];
                    int to = p.start[at[s] + 1];
                    System.arraycopy(p.positions, from, positions, np, to - from);
                    np += to - from;
                    at[s]++;
                }
            }
            Arrays.sort(positions, start[n], np);
            n++;
        }
        start[n] = np;
        return new Postings(Arrays.copyOf(rowids, n), Arrays.copyOf(start, n + 1), Arrays.copyOf(positions, np));
    }

    // ---------------------------------------------------------------------------------------- leaf pages

    /** A leaf page: its bytes, where its leaf data ends and its terms' offsets (from the page footer). */
    private static final class Page {
        final byte[] b;
        final int pgno;
        final int firstRowid;
        final int szLeaf;
        final int[] termOffsets;

        Page(byte[] b, int pgno) throws UnsupportedIndexException {
            if (b.length < 4) {
                throw new UnsupportedIndexException("leaf page shorter than its header");
            }
            this.b = b;
            this.pgno = pgno;
            this.firstRowid = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
            this.szLeaf = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            if (szLeaf > b.length || szLeaf < 4) {
                throw new UnsupportedIndexException("leaf page size out of range");
            }
            Reader r = new Reader(b, szLeaf);
            int[] offsets = new int[4];
            int n = 0;
            int off = 0;
            while (r.pos < b.length) {
                off += (int) r.varint();
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                }
                offsets[n++] = off;
            }
            this.termOffsets = Arrays.copyOf(offsets, n);
        }

        /** The first term offset after {@code pos}, or -1. */
        int termAfter(int pos) {
            for (int off : termOffsets) {
                if (off >= pos) {
                    return off;
                }
            }
            return -1;
        }
    }

    private Page page(Segment seg, int pgno) throws SQLException, UnsupportedIndexException {
        if (pgno > seg.lastPage) {
            return null;
        }
        page.setLong(1, ((long) seg.id << (31 + 5 + 1)) + pgno);
        try (ResultSet rs = page.executeQuery()) {
            if (!rs.next()) {
                throw new UnsupportedIndexException("missing leaf page " + pgno + " of segment " + seg.id);
            }
            return new Page(rs.getBytes(1), pgno);
        }
    }

    /** The leaf page where term {@code key} would start in segment {@code seg}. */
    private int seekPage(Segment seg, byte[] key) throws SQLException {
        seek.setInt(1, seg.id);
        seek.setBytes(2, key);
        int pg = seg.firstPage;
        try (ResultSet rs = seek.executeQuery()) {
            if (rs.next()) {
                pg = Math.max(pg, (int) (rs.getLong(1) >> 1));
            }
        }
        return pg;
    }

    /**
     * Reads the entries of the term {@code key} (or of every term starting with it) in one segment, giving each
     * such term's entries to {@code sink}.
     */
    private void scan(Segment seg, byte[] key, boolean prefix, TermSink sink)
            throws SQLException, UnsupportedIndexException {
        if (seg.firstPage > seg.lastPage) {
            return;
        }
        Page p = page(seg, seekPage(seg, key));
        // Walk the terms from the page's first term.
        byte[] term = new byte[64];
        int termLength = 0;
        int k = 0; // index into p.termOffsets of the next term
        while (p != null) {
            if (k >= p.termOffsets.length) {
                // No more terms on this page: find the next page that starts a term (pages in between continue a
                // doclist of a term already passed).
                p = page(seg, p.pgno + 1);
                k = 0;
                continue;
            }
            int pos = p.termOffsets[k];
            Reader r = new Reader(p.b, pos);
            if (k == 0) {
                termLength = (int) r.varint();
                term = ensure(term, termLength);
                System.arraycopy(p.b, r.pos, term, 0, termLength);
                r.pos += termLength;
            } else {
                int common = (int) r.varint();
                int added = (int) r.varint();
                if (common > termLength) {
                    throw new UnsupportedIndexException("term shares more bytes than the previous term has");
                }
                term = ensure(term, common + added);
                System.arraycopy(p.b, r.pos, term, common, added);
                r.pos += added;
                termLength = common + added;
            }
            int cmp = compare(term, termLength, key, prefix);
            if (cmp > 0) {
                return; // past the term or the prefix range
            }
            if (cmp == 0) {
                Entries e = new Entries();
                Cursor end = doclist(seg, p, r.pos, e);
                sink.accept(new String(term, 1, termLength - 1, StandardCharsets.UTF_8), e);
                if (!prefix) {
                    return;
                }
                p = end.page;
                k = end.termIndex;
            } else {
                // Before the key: skip its doclist, which ends at the next term on this or a later page.
                Cursor end = skip(seg, p, r.pos);
                p = end.page;
                k = end.termIndex;
            }
        }
    }

    private static byte[] ensure(byte[] b, int n) {
        return b.length >= n ? b : Arrays.copyOf(b, Math.max(n, b.length * 2));
    }

    /** Compares {@code term} with the key: negative before, 0 on it (or within the prefix), positive after. */
    private static int compare(byte[] term, int termLength, byte[] key, boolean prefix) {
        int n = Math.min(termLength, key.length);
        for (int i = 0; i < n; i++) {
            int d = (term[i] & 0xFF) - (key[i] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        if (termLength < key.length) {
            return -1;
        }
        return (termLength == key.length || prefix) ? 0 : 1;
    }

    /** Where a doclist ended: the page holding the next term and that term's index in the page's footer. */
    private record Cursor(Page page, int termIndex) {
    }

    /** Skips the doclist starting at {@code pos} of page {@code p}. */
    private Cursor skip(Segment seg, Page p, int pos) throws SQLException, UnsupportedIndexException {
        int next = p.termAfter(pos);
        if (next >= 0) {
            return new Cursor(p, indexOf(p, next));
        }
        // The doclist runs past this page: the next term is the first term of a later page.
        for (Page q = page(seg, p.pgno + 1); q != null; q = page(seg, q.pgno + 1)) {
            if (q.termOffsets.length > 0) {
                return new Cursor(q, 0);
            }
        }
        return new Cursor(null, 0);
    }

    private static int indexOf(Page p, int offset) {
        for (int i = 0; i < p.termOffsets.length; i++) {
            if (p.termOffsets[i] == offset) {
                return i;
            }
        }
        return p.termOffsets.length;
    }

    /**
     * Decodes the doclist starting at {@code pos} of page {@code p} into {@code e}, following it over later pages,
     * and returns where the next term is.
     */
    private Cursor doclist(Segment seg, Page p, int pos, Entries e) throws SQLException, UnsupportedIndexException {
        Reader r = new Reader(p.b, pos);
        int end = docEnd(p, pos);
        long rowid = r.varint(); // the first rowid of a doclist is absolute
        byte[] poslist = new byte[256];
        while (true) {
            long header = r.varint();
            int size = (int) (header >>> 1);
            boolean delete = (header & 1) != 0;
            e.add(rowid, delete);
            // the position list, which may continue on the following pages
            poslist = ensure(poslist, size);
            int got = 0;
            while (true) {
                int take = Math.min(size - got, end - r.pos);
                System.arraycopy(p.b, r.pos, poslist, got, take);
                got += take;
                r.pos += take;
                if (got == size) {
                    break;
                }
                p = page(seg, p.pgno + 1);
                if (p == null) {
                    throw new UnsupportedIndexException("position list runs past its segment");
                }
                r = new Reader(p.b, 4);
                end = docEnd(p, 4);
            }
            positions(poslist, size, e);
            // what follows: another rowid, the next term, or the end of the page
            if (r.pos < end) {
                // a delta, except for the first rowid of a page, which is absolute (a position list ran onto it)
                rowid = r.pos == p.firstRowid ? r.varint() : rowid + r.varint();
                continue;
            }
            if (r.pos < p.szLeaf) {
                return new Cursor(p, indexOf(p, r.pos)); // a term follows on this page
            }
            Page q = page(seg, p.pgno + 1);
            if (q == null) {
                return new Cursor(null, 0);
            }
            if (q.firstRowid == 0) {
                return new Cursor(q, 0); // the next page starts with a term: this doclist is done
            }
            p = q;
            r = new Reader(p.b, p.firstRowid);
            end = docEnd(p, p.firstRowid);
            rowid = r.varint(); // the first rowid on a page is absolute
        }
    }

    /** Where the doclist data starting at {@code pos} ends on page {@code p}: the next term or the leaf's end. */
    private static int docEnd(Page p, int pos) {
        int next = p.termAfter(pos + 1);
        return next >= 0 ? next : p.szLeaf;
    }

    /** Decodes a position list (columns and offsets) into packed positions. */
    private void positions(byte[] b, int size, Entries e) throws UnsupportedIndexException {
        int column = 0;
        int offset = 0;
        Reader r = new Reader(b, 0);
        while (r.pos < size) {
            long v = r.varint();
            if (v == 1) {
                column = (int) r.varint();
                offset = 0;
                if (column >= columns) {
                    throw new UnsupportedIndexException("column " + column + " out of range");
                }
                continue;
            }
            offset += (int) (v - 2);
            if (offset >= (1 << POSITION_BITS) || offset < 0) {
                throw new UnsupportedIndexException("token offset out of range");
            }
            e.position(column << POSITION_BITS | offset);
        }
    }

    // ----------------------------------------------------------------------------------------- varints

    /** SQLite varints: big-endian groups of 7 bits, the ninth byte whole. */
    static final class Reader {
        final byte[] b;
        int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        long varint() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                if (pos >= b.length) {
                    pos++;
                    return v;
                }
                int x = b[pos++] & 0xFF;
                v = (v << 7) | (x & 0x7F);
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            if (pos >= b.length) {
                pos++;
                return v;
            }
            return (v << 8) | (b[pos++] & 0xFF);
        }
    }
}
