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
     * {@code column << POSITION_BITS | offset} and ascending; i below {@code size} (the arrays may be longer).
     */
    record Postings(int[] rowids, int[] start, int[] positions, int size) {
    }

    private final Connection c;
    private final String table;
    private final int columns;
    /** Newest first: level 0's last segment, ..., the last level's first. */
    private final List<Segment> segments;
    final long rowCount;
    final long tokenCount;
    private final PreparedStatement pageRange;
    private final PreparedStatement seek;

    private Fts5Index(Connection c, String table, int columns, List<Segment> segments, long rowCount,
                      long tokenCount) throws SQLException {
        this.c = c;
        this.table = table;
        this.columns = columns;
        this.segments = segments;
        this.rowCount = rowCount;
        this.tokenCount = tokenCount;
        this.pageRange = c.prepareStatement("SELECT id, block FROM \"" + table + "_data\" WHERE id BETWEEN ? AND ?"
                + " ORDER BY id");
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
        // An index that has never held a row has an empty averages record: no rows, no tokens.
        Reader a = new Reader(averages, 0);
        long rows = averages.length == 0 ? 0 : a.varint();
        long tokens = 0;
        for (int col = 0; col < columns && averages.length > 0; col++) {
            tokens += a.varint();
        }
        if (a.pos > averages.length) {
            throw new UnsupportedIndexException("averages record is shorter than its columns");
        }
        return new Fts5Index(c, table, columns, newestFirst, rows, tokens);
    }

    void close() throws SQLException {
        pageRange.close();
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

    /** The rows holding {@code token} exactly (a token as the tokenizer writes it), with positions. */
    Postings term(String token) throws SQLException, UnsupportedIndexException {
        return read(key(token), false, true).postings();
    }

    /** The rows holding any term that starts with {@code token}, with the positions of all such terms. */
    Postings prefix(String token) throws SQLException, UnsupportedIndexException {
        return read(key(token), true, true).postings();
    }

    /**
     * The rows holding {@code token} (or, with {@code prefix}, any term starting with it), each with its number of
     * occurrences in all columns and in columns 1 and after: what a one-token phrase needs, without positions.
     */
    Counts counts(String token, boolean prefix) throws SQLException, UnsupportedIndexException {
        return read(key(token), prefix, false).counts();
    }

    /**
     * Rows with their numbers of occurrences: {@code all[i]} in every column of row {@code rowids[i]},
     * {@code item[i]} in its columns 1 and after, for i below {@code size} (the arrays may be longer).
     */
    record Counts(int[] rowids, int[] all, int[] item, int size) {
    }

    private static byte[] key(String token) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[t.length + 1];
        key[0] = MAIN_PREFIX;
        System.arraycopy(t, 0, key, 1, t.length);
        return key;
    }

    /**
     * Entries of one term (or merged terms), ascending by rowid, with positions or with counts only. A delete-only
     * entry (FTS5's delete flag and no positions) marks a row that no longer holds the term; it is kept while the
     * segments are merged, so it hides the row's entries in older segments, and dropped at the end.
     */
    private static final class Entries {
        final boolean withPositions;
        /** Rowids as ints: the library's are item keys and negated case keys (see {@link #doclist}). */
        int[] rowids;
        boolean[] deleted;
        /** With positions: row i's are {@code positions[start[i] .. start[i + 1] - 1]}. */
        int[] start;
        int[] positions;
        /** Without positions: occurrences in all columns and in columns 1 and after. */
        int[] all;
        int[] item;
        int n;
        int np;

        Entries(boolean withPositions, int capacity, int positionCapacity) {
            this.withPositions = withPositions;
            capacity = Math.max(capacity, 4);
            rowids = new int[capacity];
            deleted = new boolean[capacity];
            if (withPositions) {
                start = new int[capacity + 1];
                positions = new int[Math.max(positionCapacity, 8)];
            } else {
                all = new int[capacity];
                item = new int[capacity];
            }
        }

        /** Starts an entry; its positions or counts follow. */
        void add(int rowid, boolean delete) {
            if (n == rowids.length) {
                int grown = n * 2;
                rowids = Arrays.copyOf(rowids, grown);
                deleted = Arrays.copyOf(deleted, grown);
                if (withPositions) {
                    start = Arrays.copyOf(start, grown + 1);
                } else {
                    all = Arrays.copyOf(all, grown);
                    item = Arrays.copyOf(item, grown);
                }
            }
            rowids[n] = rowid;
            deleted[n] = delete;
            if (withPositions) {
                start[n] = np;
                start[n + 1] = np;
            } else {
                all[n] = 0;
                item[n] = 0;
            }
            n++;
        }

        boolean empty(int i) {
            return withPositions ? start[i] == start[i + 1] : all[i] == 0;
        }

        /** Copies entry i of {@code from} to the end of this. */
        void append(Entries from, int i) {
            add(from.rowids[i], from.deleted[i]);
            take(from, i);
        }

        /** Adds entry i of {@code from} (the same row) to this one's last: its positions or counts too. */
        void addTo(Entries from, int i) {
            take(from, i);
            if (withPositions) {
                Arrays.sort(positions, start[n - 1], np);
            }
        }

        /** Appends the positions of entry i of {@code from} to this one's last, or adds its counts. */
        private void take(Entries from, int i) {
            if (withPositions) {
                int a = from.start[i];
                int b = from.start[i + 1];
                if (np + (b - a) > positions.length) {
                    positions = Arrays.copyOf(positions, Math.max(positions.length * 2, np + (b - a)));
                }
                System.arraycopy(from.positions, a, positions, np, b - a);
                np += b - a;
                start[n] = np;
            } else {
                all[n - 1] += from.all[i];
                item[n - 1] += from.item[i];
            }
        }

        /**
         * Newest wins: the entries of this (newer) segment and of {@code older}, one per row, this one's where both
         * have the row.
         */
        Entries over(Entries older) {
            Entries out = new Entries(withPositions, n + older.n, np + older.np);
            int i = 0;
            int j = 0;
            while (i < n && j < older.n) {
                int a = rowids[i];
                int b = older.rowids[j];
                if (a == b) {
                    out.append(this, i++);
                    j++;
                } else if (a < b) {
                    int k = i + 1;
                    while (k < n && rowids[k] < b) {
                        k++;
                    }
                    out.appendRange(this, i, k);
                    i = k;
                } else {
                    int k = j + 1;
                    while (k < older.n && older.rowids[k] < a) {
                        k++;
                    }
                    out.appendRange(older, j, k);
                    j = k;
                }
            }
            out.appendRange(this, i, n);
            out.appendRange(older, j, older.n);
            return out;
        }

        /** Copies entries {@code from .. to - 1} of {@code src} to the end of this, which has room for them. */
        void appendRange(Entries src, int from, int to) {
            int count = to - from;
            if (count <= 0) {
                return;
            }
            if (n + count > rowids.length) {
                for (int i = from; i < to; i++) {
                    append(src, i);
                }
                return;
            }
            System.arraycopy(src.rowids, from, rowids, n, count);
            System.arraycopy(src.deleted, from, deleted, n, count);
            if (withPositions) {
                int a = src.start[from];
                int b = src.start[to];
                if (np + (b - a) > positions.length) {
                    positions = Arrays.copyOf(positions, Math.max(positions.length * 2, np + (b - a)));
                }
                System.arraycopy(src.positions, a, positions, np, b - a);
                int shift = np - a;
                for (int i = 1; i <= count; i++) {
                    start[n + i] = src.start[from + i] + shift;
                }
                np += b - a;
            } else {
                System.arraycopy(src.all, from, all, n, count);
                System.arraycopy(src.item, from, item, n, count);
            }
            n += count;
        }

        /** The union of two terms' entries (delete markers already dropped): positions or counts added. */
        Entries plus(Entries other) {
            Entries out = new Entries(withPositions, n + other.n, np + other.np);
            int i = 0;
            int j = 0;
            while (i < n || j < other.n) {
                if (j >= other.n || (i < n && rowids[i] < other.rowids[j])) {
                    out.append(this, i++);
                } else if (i >= n || other.rowids[j] < rowids[i]) {
                    out.append(other, j++);
                } else {
                    out.append(this, i++);
                    out.addTo(other, j++);
                }
            }
            return out;
        }

        /** Without the delete-only entries. */
        Entries live() {
            int dead = 0;
            for (int i = 0; i < n; i++) {
                if (deleted[i] && empty(i)) {
                    dead++;
                }
            }
            if (dead == 0) {
                return this;
            }
            Entries out = new Entries(withPositions, n - dead, np);
            for (int i = 0; i < n; i++) {
                if (!(deleted[i] && empty(i))) {
                    out.append(this, i);
                }
            }
            return out;
        }

        Postings postings() {
            return new Postings(rowids, start, positions, n);
        }

        Counts counts() {
            return new Counts(rowids, all, item, n);
        }
    }

    /** The entries of term {@code key} (or every term starting with it when {@code prefix}), merged over segments. */
    private Entries read(byte[] key, boolean prefix, boolean withPositions)
            throws SQLException, UnsupportedIndexException {
        java.util.TreeMap<String, Entries[]> byTerm = new java.util.TreeMap<>();
        for (int si = 0; si < segments.size(); si++) {
            Segment seg = segments.get(si);
            final int segIndex = si;
            scan(seg, key, prefix, withPositions, (term, entries) -> byTerm
                    .computeIfAbsent(term, t -> new Entries[segments.size()])[segIndex] = entries);
        }
        List<Entries> terms = new ArrayList<>();
        for (Entries[] bySegment : byTerm.values()) {
            terms.add(newestWins(bySegment));
        }
        if (terms.isEmpty()) {
            return new Entries(withPositions, 0, 0);
        }
        // A prefix's terms united in pairs, then pairs of pairs: each entry is copied about log2(terms) times, not
        // once for every term after it (a one-letter prefix has a hundred terms).
        while (terms.size() > 1) {
            List<Entries> next = new ArrayList<>();
            for (int i = 0; i < terms.size(); i += 2) {
                next.add(i + 1 < terms.size() ? terms.get(i).plus(terms.get(i + 1)) : terms.get(i));
            }
            terms = next;
        }
        return terms.get(0);
    }

    /**
     * One term's entries over all segments (newest first, null where a segment lacks the term), merged, delete-only
     * entries dropped at the end.
     */
    private static Entries newestWins(Entries[] bySegment) {
        List<Entries> level = new ArrayList<>();
        for (Entries e : bySegment) {
            if (e != null) {
                level.add(e);
            }
        }
        // Merge the adjacent pair (in age order, which newest-wins needs) with the fewest entries first, so the
        // largest segment, usually the oldest, is copied once.
        while (level.size() > 1) {
            int best = 0;
            for (int i = 1; i + 1 < level.size(); i++) {
                if (level.get(i).n + level.get(i + 1).n < level.get(best).n + level.get(best + 1).n) {
                    best = i;
                }
            }
            level.set(best, level.get(best).over(level.remove(best + 1)));
        }
        return level.get(0).live();
    }

    @FunctionalInterface
    private interface TermSink {
        void accept(String term, Entries entries);
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

    private static long pageRowid(Segment seg, int pgno) {
        return ((long) seg.id << (31 + 5 + 1)) + pgno;
    }

    /** A segment's leaf pages from a first page on, in order, read through one statement. */
    private final class Pages implements AutoCloseable {
        private final Segment seg;
        private final ResultSet rs;
        private int next;

        Pages(Segment seg, int first) throws SQLException {
            this.seg = seg;
            this.next = first;
            pageRange.setLong(1, pageRowid(seg, first));
            pageRange.setLong(2, pageRowid(seg, seg.lastPage));
            this.rs = pageRange.executeQuery();
        }

        /** The next page, or null after the segment's last. */
        Page next() throws SQLException, UnsupportedIndexException {
            if (next > seg.lastPage) {
                return null;
            }
            if (!rs.next() || rs.getLong(1) != pageRowid(seg, next)) {
                throw new UnsupportedIndexException("missing leaf page " + next + " of segment " + seg.id);
            }
            return new Page(rs.getBytes(2), next++);
        }

        @Override
        public void close() throws SQLException {
            rs.close();
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
    private void scan(Segment seg, byte[] key, boolean prefix, boolean withPositions, TermSink sink)
            throws SQLException, UnsupportedIndexException {
        if (seg.firstPage > seg.lastPage) {
            return;
        }
        try (Pages pages = new Pages(seg, seekPage(seg, key))) {
            scan(pages, key, prefix, withPositions, sink);
        }
    }

    private void scan(Pages pages, byte[] key, boolean prefix, boolean withPositions, TermSink sink)
            throws SQLException, UnsupportedIndexException {
        Page p = pages.next();
        // Walk the terms from the page's first term.
        byte[] term = new byte[64];
        int termLength = 0;
        int k = 0; // index into p.termOffsets of the next term
        while (p != null) {
            if (k >= p.termOffsets.length) {
                // No more terms on this page: find the next page that starts a term (pages in between continue a
                // doclist of a term already passed).
                p = pages.next();
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
                Entries e = new Entries(withPositions, 64, 256);
                Cursor end = doclist(pages, p, r.pos, e);
                sink.accept(new String(term, 1, termLength - 1, StandardCharsets.UTF_8), e);
                if (!prefix) {
                    return;
                }
                p = end.page;
                k = end.termIndex;
            } else {
                // Before the key: skip its doclist, which ends at the next term on this or a later page.
                Cursor end = skip(pages, p, r.pos);
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
    private Cursor skip(Pages pages, Page p, int pos) throws SQLException, UnsupportedIndexException {
        int next = p.termAfter(pos);
        if (next >= 0) {
            return new Cursor(p, indexOf(p, next));
        }
        // The doclist runs past this page: the next term is the first term of a later page.
        for (Page q = pages.next(); q != null; q = pages.next()) {
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
    private Cursor doclist(Pages pages, Page p, int pos, Entries e) throws SQLException, UnsupportedIndexException {
        Reader r = new Reader(p.b, pos);
        int end = docEnd(p, pos);
        if (r.pos >= end) {
            // The term filled its page: FTS5 wrote the doclist's first rowid on the next one, as that page's first
            // rowid (its header points at it).
            p = pages.next();
            if (p == null || p.firstRowid == 0) {
                throw new UnsupportedIndexException("a term without rows");
            }
            r = new Reader(p.b, p.firstRowid);
            end = docEnd(p, p.firstRowid);
        }
        long rowid = r.varint(); // the first rowid of a doclist is absolute
        byte[] poslist = new byte[256];
        while (true) {
            long header = r.varint();
            int size = (int) (header >>> 1);
            boolean delete = (header & 1) != 0;
            if (rowid != (int) rowid) {
                // FTS5 allows any 64-bit rowid; the library's fit in an int, and this reader keeps them so
                throw new UnsupportedIndexException("rowid " + rowid + " beyond an int");
            }
            e.add((int) rowid, delete);
            if (r.pos + size <= end) {
                positions(p.b, r.pos, r.pos + size, e); // the usual case: the list is on this page
                r.pos += size;
            } else {
                // the position list continues on the following pages: gather it first
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
                    p = pages.next();
                    if (p == null) {
                        throw new UnsupportedIndexException("position list runs past its segment");
                    }
                    r = new Reader(p.b, 4);
                    end = docEnd(p, 4);
                }
                positions(poslist, 0, size, e);
            }
            // what follows: another rowid, the next term, or the end of the page
            if (r.pos < end) {
                // a delta, except for the first rowid of a page, which is absolute (a position list ran onto it)
                rowid = r.pos == p.firstRowid ? r.varint() : rowid + r.varint();
                continue;
            }
            if (r.pos < p.szLeaf) {
                return new Cursor(p, indexOf(p, r.pos)); // a term follows on this page
            }
            Page q = pages.next();
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

    /** Decodes the position list in {@code b[from .. to - 1]} into the last entry of {@code e}. */
    private void positions(byte[] b, int from, int to, Entries e) throws UnsupportedIndexException {
        if (e.withPositions) {
            decodePositions(b, from, to, e);
        } else {
            countPositions(b, from, to, e);
        }
    }

    /**
     * Counts the positions of a list, in all columns and in columns 1 and after, without decoding them: every varint
     * ends with a byte below 0x80, and a varint of value 1 (the byte 0x01 where a varint starts) announces a column.
     */
    private void countPositions(byte[] b, int from, int to, Entries e) throws UnsupportedIndexException {
        int all = 0;
        int item = 0;
        int column = 0;
        boolean atStart = true;
        for (int i = from; i < to; ) {
            int x = b[i++];
            if (atStart && x == 1) {
                column = columnAt(b, i++, to);
            } else if (x >= 0) {
                all++;
                if (column > 0) {
                    item++;
                }
                atStart = true;
            } else {
                atStart = false;
            }
        }
        if (!atStart) {
            throw new UnsupportedIndexException("position list overruns its size");
        }
        e.all[e.n - 1] += all;
        e.item[e.n - 1] += item;
    }

    /** Decodes the positions of a list, packed with their columns. */
    private void decodePositions(byte[] b, int from, int to, Entries e) throws UnsupportedIndexException {
        int np = e.np;
        int[] out = e.positions;
        if (np + (to - from) > out.length) {
            // at most one position a byte
            out = e.positions = Arrays.copyOf(out, Math.max(out.length * 2, np + (to - from)));
        }
        int column = 0;
        int offset = 0;
        int i = from;
        while (i < to) {
            // a varint, inline: groups of 7 bits, most significant first (offsets fit in 4 bytes)
            long v = 0;
            int x;
            int bytes = 0;
            do {
                if (i >= to || ++bytes > 8) {
                    throw new UnsupportedIndexException("position list overruns its size");
                }
                x = b[i++];
                v = (v << 7) | (x & 0x7F);
            } while (x < 0);
            if (v == 1) {
                column = columnAt(b, i++, to);
                offset = 0;
                continue;
            }
            offset += (int) (v - 2);
            if (offset >= (1 << POSITION_BITS) || offset < 0) {
                throw new UnsupportedIndexException("token offset out of range");
            }
            out[np++] = column << POSITION_BITS | offset;
        }
        e.np = np;
        e.start[e.n] = np;
    }

    /** The column number at {@code b[i]}, after a column marker: one byte, below the table's number of columns. */
    private int columnAt(byte[] b, int i, int to) throws UnsupportedIndexException {
        if (i >= to || b[i] < 0 || b[i] >= columns) {
            throw new UnsupportedIndexException("column number out of range");
        }
        return b[i];
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
