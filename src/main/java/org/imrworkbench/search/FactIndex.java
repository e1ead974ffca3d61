package org.imrworkbench.search;

import org.imrworkbench.library.LibraryException;
import org.imrworkbench.library.ListColumn;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A column-wise copy in memory of the facts that filters, facets and analytics read: for every item its case,
 * number, decision, category, generic drug, treatment name, request, cited guideline sources and sections; for every
 * case its id, decision and injury dates, the reviewer's credentials and whether its parse left warnings. A search then filters, counts and groups its
 * matches with array reads instead of joins over the library's wide rows (at 100,000 letters: milliseconds instead
 * of seconds; see docs/BENCHMARKS.md), and only the full-text matching and ranking stay in SQLite.
 *
 * <p>Rows are the documents of the search index: the items (row {@code 0 .. itemRows - 1}, rowid {@code items.pk})
 * and then the cases without items (rowid {@code -cases.pk}), whose item facts are absent ({@code -1}). Strings are
 * dictionary-coded: a filter is decided once per distinct value, then checked per row. Text comparisons follow the
 * SQL they replace: SQLite's {@code lower()}, {@code LIKE} and {@code COLLATE NOCASE} fold ASCII letters only.
 *
 * <p>Immutable once read; built by {@link #read} from the library's tables in about a second at 100,000 letters, and
 * read again when the letters change ({@code Library.letterVersion}), a re-parse among them (which replaces the
 * case's warnings). Tags and annotations are not copied: they change while the user works and are read per query.
 */
public final class FactIndex {

    /** Credential kinds, as {@code credentials.kind}. */
    static final byte SPECIALTY = 0;
    static final byte SUBSPECIALTY = 1;
    static final byte LICENSURE = 2;

    private static final Decision[] DECISIONS = Decision.values();
    private static final Category[] CATEGORIES = Category.values();
    private static final CitationSource[] SOURCES = CitationSource.values();

    final String version;

    // ------------------------------------------------------------------------------------------------ rows
    final int rows;
    final int itemRows;
    final long[] rowid;
    final int[] rowCase;
    /** Item number and position; -1 for a case without items. */
    final int[] number;
    final int[] position;
    /** Ordinals of {@link Decision} and {@link Category}; -1 for a case without items. */
    final byte[] decision;
    final byte[] category;
    /** Dictionary ids in {@link #generics} and {@link #names} (ASCII-lower-cased values); -1 when null. */
    final int[] generic;
    final int[] name;
    /** Bit {@code 1 << CitationSource.ordinal()} for every source the item cites. */
    final int[] sources;
    /** Section ids ({@link #sections}, keyed ignoring ASCII case) of row r: {@code sectionIds[sectionStart[r] ..]}. */
    final int[] sectionStart;
    final int[] sectionIds;
    /** The requests, ASCII-lower-cased UTF-8, each followed by a line feed; row r from {@code requestStart[r]}. */
    final byte[] requests;
    final int[] requestStart;
    /** Rows in the order of a search without words: by case id, then item position. */
    final int[] idOrder;
    /** The rows of case k: {@code caseRows[caseRowStart[k] .. caseRowStart[k + 1] - 1]}. */
    private int[] caseRowStart;
    private int[] caseRows;

    // ----------------------------------------------------------------------------------------------- cases
    final int cases;
    final long[] casePk;
    final String[] caseId;
    /** Dictionary ids in {@link #dates}; -1 when null. */
    final int[] decided;
    final int[] injury;
    /** Credentials of case k: {@code credKind/credValue[credStart[k] .. credStart[k + 1] - 1]} in stored order. */
    final int[] credStart;
    final byte[] credKind;
    final int[] credValue;
    /** The cases (indices) with at least one parser warning. */
    private final BitSet warned;

    final Dict generics;
    final Dict names;
    final Dict sections;
    final Dict credentials;
    final Dict dates;

    private final int[] rowOfItemPk;
    private final Map<Long, Integer> rowOfCaseOnly;
    private final int[] caseOfPk;

    /** Distinct strings and their ids; {@code key} gives the id, {@code value(id)} the first spelling seen. */
    static final class Dict {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        private final boolean foldCase;

        Dict(boolean foldCase) {
            this.foldCase = foldCase;
        }

        int id(String value) {
            if (value == null) {
                return -1;
            }
            String key = foldCase ? asciiLower(value) : value;
            Integer id = ids.get(key);
            if (id == null) {
                id = values.size();
                ids.put(key, id);
                values.add(value);
            }
            return id;
        }

        String value(int id) {
            return id < 0 ? null : values.get(id);
        }

        int size() {
            return values.size();
        }

        /** For each id, whether its value satisfies {@code test}. */
        boolean[] where(Predicate<String> test) {
            boolean[] yes = new boolean[values.size()];
            for (int k = 0; k < yes.length; k++) {
                yes[k] = test.test(values.get(k));
            }
            return yes;
        }
    }

    private FactIndex(String version, Builder b) {
        this.version = version;
        this.itemRows = b.itemRows;
        this.rows = b.rowid.length;
        this.rowid = b.rowid;
        this.rowCase = b.rowCase;
        this.number = b.number;
        this.position = b.position;
        this.decision = b.decision;
        this.category = b.category;
        this.generic = b.generic;
        this.name = b.name;
        this.sources = b.sources;
        this.sectionStart = b.sectionStart;
        this.sectionIds = b.sectionIds;
        this.requests = b.requests;
        this.requestStart = b.requestStart;
        this.cases = b.casePk.length;
        this.casePk = b.casePk;
        this.caseId = b.caseId;
        this.decided = b.decided;
        this.injury = b.injury;
        this.credStart = b.credStart;
        this.credKind = b.credKind;
        this.credValue = b.credValue;
        this.warned = b.warned;
        this.generics = b.generics;
        this.names = b.names;
        this.sections = b.sections;
        this.credentials = b.credentials;
        this.dates = b.dates;
        this.rowOfItemPk = b.rowOfItemPk;
        this.rowOfCaseOnly = b.rowOfCaseOnly;
        this.caseOfPk = b.caseOfPk;
        this.idOrder = idOrder();
    }

    /** The rows by case id, then item position: cases sorted by id, each case's rows by position. */
    private int[] idOrder() {
        int[] start = new int[cases + 1];
        for (int r = 0; r < rows; r++) {
            start[rowCase[r] + 1]++;
        }
        for (int k = 0; k < cases; k++) {
            start[k + 1] += start[k];
        }
        int[] byCase = new int[rows];
        int[] next = start.clone();
        for (int r = 0; r < rows; r++) {
            byCase[next[rowCase[r]]++] = r;
        }
        caseRowStart = start;
        caseRows = byCase;
        Integer[] caseOrder = new Integer[cases];
        for (int k = 0; k < cases; k++) {
            caseOrder[k] = k;
        }
        Arrays.sort(caseOrder, Comparator.comparing(k -> caseId[k]));
        int[] order = new int[rows];
        int at = 0;
        for (int k : caseOrder) {
            int from = at;
            for (int j = start[k]; j < start[k + 1]; j++) {
                order[at++] = byCase[j];
            }
            for (int i = from + 1; i < at; i++) {        // insertion sort: a case has a handful of items
                int row = order[i];
                int j = i - 1;
                while (j >= from && position[order[j]] > position[row]) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = row;
            }
        }
        return order;
    }

    // ---------------------------------------------------------------------------------------------- lookup

    /** The row of a search-index rowid, or -1 when it is not one of this index's rows. */
    public int rowOf(long rowid) {
        if (rowid > 0) {
            return rowid < rowOfItemPk.length ? rowOfItemPk[(int) rowid] : -1;
        }
        Integer row = rowOfCaseOnly.get(rowid);
        return row == null ? -1 : row;
    }

    /** The row of item {@code itemNumber} of case k, or -1. */
    int rowOfItem(int k, int itemNumber) {
        for (int j = caseRowStart[k]; j < caseRowStart[k + 1]; j++) {
            if (number[caseRows[j]] == itemNumber) {
                return caseRows[j];
            }
        }
        return -1;
    }

    /** The case index of a {@code cases.pk}, or -1. */
    int caseOfPk(long pk) {
        return pk >= 0 && pk < caseOfPk.length ? caseOfPk[(int) pk] : -1;
    }

    /** The row of item {@code itemNumber} of the case with {@code cases.pk} {@code casePk}, or -1. */
    int rowOfItem(long casePk, int itemNumber) {
        int k = caseOfPk(casePk);
        return k < 0 ? -1 : rowOfItem(k, itemNumber);
    }

    /** The number of rows: items and cases without items. */
    public int rows() {
        return rows;
    }

    /** True when row r is an item (not a case without items). */
    public boolean isItem(int r) {
        return r < itemRows;
    }

    /** The item's decision, or null for a case without items. */
    public Decision decision(int r) {
        return decision[r] < 0 ? null : DECISIONS[decision[r]];
    }

    /** The item's treatment category, or null for a case without items. */
    public Category category(int r) {
        return category[r] < 0 ? null : CATEGORIES[category[r]];
    }

    /** The item's generic drug in lower case (as SQLite's {@code lower}), or null. */
    public String generic(int r) {
        return generics.value(generic[r]);
    }

    /** The guideline sources the item cites, each once. */
    public List<CitationSource> sources(int r) {
        List<CitationSource> out = new ArrayList<>(2);
        for (CitationSource s : SOURCES) {
            if ((sources[r] & (1 << s.ordinal())) != 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** The guideline sections the item cites, each once ignoring ASCII case (the first spelling in the library). */
    public List<String> sections(int r) {
        List<String> out = new ArrayList<>(sectionStart[r + 1] - sectionStart[r]);
        for (int k = sectionStart[r]; k < sectionStart[r + 1]; k++) {
            out.add(sections.value(sectionIds[k]));
        }
        return out;
    }

    /** The reviewer's credentials of one kind ({@link #SPECIALTY}, ...) of row r's case, each value once. */
    List<String> credentials(int r, byte kind) {
        return caseCredentials(rowCase[r], kind);
    }

    /** The reviewer's credentials of one kind of case k, each value once, in stored order. */
    List<String> caseCredentials(int k, byte kind) {
        List<String> out = new ArrayList<>(2);
        for (int j = credStart[k]; j < credStart[k + 1]; j++) {
            if (credKind[j] == kind) {
                String v = credentials.value(credValue[j]);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The reviewer's board specialties of the row's case, as written, each once. */
    public List<String> specialties(int r) {
        return credentials(r, SPECIALTY);
    }

    /** The states of the reviewer's licensure of the row's case, each once. */
    public List<String> licensures(int r) {
        return credentials(r, LICENSURE);
    }

    /** The decision date of the row's case as stored ({@code yyyy-mm-dd}), or null. */
    public String decided(int r) {
        return dates.value(decided[rowCase[r]]);
    }

    /** Whether case k's parse left at least one warning. */
    boolean warned(int k) {
        return warned.get(k);
    }

    /** The cases (indices) whose parse left at least one warning. */
    BitSet warnedCases() {
        return (BitSet) warned.clone();
    }

    /** The cases (indices) of a set of rows. */
    BitSet casesOf(BitSet rowSet) {
        BitSet out = new BitSet(cases);
        for (int r = rowSet.nextSetBit(0); r >= 0; r = rowSet.nextSetBit(r + 1)) {
            out.set(rowCase[r]);
        }
        return out;
    }

    /** Every row of a set of cases. */
    BitSet rowsOfCases(BitSet caseSet) {
        BitSet out = new BitSet(rows);
        for (int r = 0; r < rows; r++) {
            if (caseSet.get(rowCase[r])) {
                out.set(r);
            }
        }
        return out;
    }

    /** The cases with a credential of one of {@code kinds} whose value satisfies {@code test}. */
    BitSet casesWithCredential(Predicate<String> test, byte... kinds) {
        boolean[] yes = credentials.where(test);
        BitSet out = new BitSet(cases);
        for (int k = 0; k < cases; k++) {
            for (int j = credStart[k]; j < credStart[k + 1]; j++) {
                if (yes[credValue[j]] && contains(kinds, credKind[j])) {
                    out.set(k);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean contains(byte[] kinds, byte kind) {
        for (byte k : kinds) {
            if (k == kind) {
                return true;
            }
        }
        return false;
    }

    /** The search-index rowid of row r: {@code items.pk}, or minus the {@code cases.pk} of a case without items. */
    public long rowid(int r) {
        return rowid[r];
    }

    /** The case (an index of this copy, not a {@code cases.pk}) of row r. */
    public int caseOfRow(int r) {
        return rowCase[r];
    }

    /** The item's treatment name in lower case (as SQLite's {@code lower}), or null. */
    public String treatmentName(int r) {
        return names.value(name[r]);
    }

    /**
     * Puts the rowids of {@code rowSet} into the temporary table {@code temp.<table>(rowid INTEGER PRIMARY KEY)},
     * created if missing, replacing what it held: for confining an FTS5 query to some rows with
     * {@code +rowid IN (SELECT rowid FROM temp.<table>)}. Temporary tables belong to the connection; call under the
     * library's lock.
     */
    public void intoTempTable(Connection c, String table, BitSet rowSet) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + table + " (rowid INTEGER PRIMARY KEY)");
            s.execute("SAVEPOINT temp_rows");       // nests in the caller's read snapshot
            try {
                s.execute("DELETE FROM temp." + table);
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO temp." + table + " VALUES (?)")) {
                    for (int r = rowSet.nextSetBit(0); r >= 0; r = rowSet.nextSetBit(r + 1)) {
                        ps.setLong(1, rowid[r]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                s.execute("RELEASE temp_rows");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK TO temp_rows");
                s.execute("RELEASE temp_rows");
                throw e;
            }
        }
    }

    /** True when row r's request contains {@code needle} (already lower case), as SQL's {@code LIKE '%needle%'}. */
    BitSet requestsContaining(String needle) {
        BitSet out = new BitSet(rows);
        byte[] n = asciiLower(needle).getBytes(StandardCharsets.UTF_8);
        if (n.length == 0) {
            out.set(0, itemRows);
            return out;
        }
        if (needle.indexOf('\n') >= 0) {       // requests are kept on one line each
            return out;
        }
        byte first = n[0];
        int limit = requests.length - n.length;
        int row = 0;
        outer:
        for (int i = 0; i <= limit; i++) {
            if (requests[i] != first) {
                continue;
            }
            for (int j = 1; j < n.length; j++) {
                if (requests[i + j] != n[j]) {
                    continue outer;
                }
            }
            while (row + 1 < itemRows && requestStart[row + 1] <= i) {
                row++;
            }
            out.set(row);
            if (row + 1 < itemRows) {     // the rest of this request cannot add anything
                i = requestStart[row + 1] - 1;
            } else {
                break;
            }
        }
        return out;
    }

    /** ASCII lower case, as SQLite's {@code lower()} and case folding without ICU. */
    static String asciiLower(String s) {
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch >= 'A' && ch <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = k; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + 32);
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------- reading

    /** Reads the index from the library's tables; {@code version} is the library's letter version it reflects. */
    static FactIndex read(Connection c, String version) throws SQLException {
        return new FactIndex(version, new Builder(c));
    }

    private static final class Builder {
        int itemRows;
        long[] rowid;
        int[] rowCase;
        int[] number;
        int[] position;
        byte[] decision;
        byte[] category;
        int[] generic;
        int[] name;
        int[] sources;
        int[] sectionStart;
        int[] sectionIds;
        byte[] requests;
        int[] requestStart;
        long[] casePk;
        String[] caseId;
        int[] decided;
        int[] injury;
        int[] credStart;
        byte[] credKind;
        int[] credValue;
        BitSet warned;
        final Dict generics = new Dict(false);
        final Dict names = new Dict(false);
        final Dict sections = new Dict(true);
        final Dict credentials = new Dict(false);
        final Dict dates = new Dict(false);
        int[] rowOfItemPk;
        final Map<Long, Integer> rowOfCaseOnly = new HashMap<>();
        int[] caseOfPk;

        Builder(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                readCases(s);
                readItems(s);
                readCredentials(s);
                readCitations(s);
                readWarnings(s);
            }
        }

        /** The cases with warnings: the distinct cases of the table's primary key {@code (case_pk, position)}. */
        private void readWarnings(Statement s) throws SQLException {
            warned = new BitSet(casePk.length);
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT case_pk FROM warnings")) {
                while (rs.next()) {
                    long pk = rs.getLong(1);
                    int k = pk >= 0 && pk < caseOfPk.length ? caseOfPk[(int) pk] : -1;
                    if (k >= 0) {
                        warned.set(k);
                    }
                }
            }
        }

        private void readCases(Statement s) throws SQLException {
            int n = (int) single(s, "SELECT count(*) FROM cases");
            long maxPk = single(s, "SELECT coalesce(max(pk), 0) FROM cases");
            casePk = new long[n];
            caseId = new String[n];
            caseOfPk = new int[(int) maxPk + 1];
            Arrays.fill(caseOfPk, -1);
            int k = 0;
            try (ResultSet rs = s.executeQuery("SELECT pk, id FROM cases")) {
                while (rs.next() && k < n) {
                    casePk[k] = rs.getLong(1);
                    caseId[k] = rs.getString(2);
                    caseOfPk[(int) casePk[k]] = k;
                    k++;
                }
            }
            decided = new int[n];
            injury = new int[n];
            // Both columns through the case list's covering index (the case rows themselves are wide: letter text
            // and summary).
            try (ResultSet rs = s.executeQuery("SELECT pk, decided, injury FROM cases INDEXED BY cases_list")) {
                while (rs.next()) {
                    int row = caseOfPk[(int) rs.getLong(1)];
                    decided[row] = dates.id(rs.getString(2));
                    injury[row] = dates.id(rs.getString(3));
                }
            }
        }

        private void readItems(Statement s) throws SQLException {
            int n = (int) single(s, "SELECT count(*) FROM items");
            long maxPk = single(s, "SELECT coalesce(max(pk), 0) FROM items");
            rowOfItemPk = new int[(int) maxPk + 1];
            Arrays.fill(rowOfItemPk, -1);
            int upTo = n + casePk.length;           // rows: the items, then the cases without items
            long[] ids = new long[upTo];
            int[] caseOfRow = new int[upTo];
            int[] num = new int[n];
            int[] pos = new int[n];
            byte[] dec = new byte[n];
            byte[] cat = new byte[n];
            int[] gen = new int[n];
            int[] nam = new int[n];
            int[] reqStart = new int[n + 1];
            java.io.ByteArrayOutputStream req = new java.io.ByteArrayOutputStream(n * 40);
            boolean[] hasItems = new boolean[casePk.length];
            int r = 0;
            try (ResultSet rs = s.executeQuery("SELECT pk, case_pk, number, position, decision, category,"
                    + " treatment_generic, treatment_name, request FROM items INDEXED BY items_facts")) {
                while (rs.next() && r < n) {
                    long pk = rs.getLong(1);
                    int k = caseOfPk[(int) rs.getLong(2)];
                    ids[r] = pk;
                    caseOfRow[r] = k;
                    hasItems[k] = true;
                    rowOfItemPk[(int) pk] = r;
                    num[r] = rs.getInt(3);
                    pos[r] = rs.getInt(4);
                    dec[r] = (byte) Decision.valueOf(rs.getString(5)).ordinal();
                    cat[r] = (byte) Category.valueOf(rs.getString(6)).ordinal();
                    String g = rs.getString(7);
                    gen[r] = generics.id(g == null ? null : asciiLower(g));
                    String nm = rs.getString(8);
                    nam[r] = names.id(nm == null ? null : asciiLower(nm));
                    reqStart[r] = req.size();
                    String request = rs.getString(9);
                    if (request != null) {
                        req.writeBytes(asciiLower(request.replace('\n', ' ')).getBytes(StandardCharsets.UTF_8));
                    }
                    req.write('\n');
                    r++;
                }
            }
            itemRows = r;
            reqStart[r] = req.size();
            requests = req.toByteArray();
            requestStart = Arrays.copyOf(reqStart, r + 1);
            int rows = r;
            for (int k = 0; k < casePk.length; k++) {
                if (!hasItems[k]) {
                    rowOfCaseOnly.put(-casePk[k], rows);
                    ids[rows] = -casePk[k];
                    caseOfRow[rows++] = k;
                }
            }
            rowid = Arrays.copyOf(ids, rows);
            rowCase = Arrays.copyOf(caseOfRow, rows);
            number = fill(Arrays.copyOf(num, rows), r);
            position = fill(Arrays.copyOf(pos, rows), r);
            decision = Arrays.copyOf(dec, rows);
            category = Arrays.copyOf(cat, rows);
            generic = fill(Arrays.copyOf(gen, rows), r);
            name = fill(Arrays.copyOf(nam, rows), r);
            for (int k = r; k < rows; k++) {
                decision[k] = -1;
                category[k] = -1;
            }
        }

        private static int[] fill(int[] a, int from) {
            Arrays.fill(a, from, a.length, -1);
            return a;
        }

        private void readCredentials(Statement s) throws SQLException {
            int n = (int) single(s, "SELECT count(*) FROM credentials");
            credStart = new int[casePk.length + 1];
            credKind = new byte[n];
            credValue = new int[n];
            int[] caseOfCred = new int[n];
            int j = 0;
            // The primary key's order: by case, then kind, then position.
            try (ResultSet rs = s.executeQuery("SELECT case_pk, CASE kind WHEN 'SPECIALTY' THEN " + SPECIALTY
                    + " WHEN 'SUBSPECIALTY' THEN " + SUBSPECIALTY + " ELSE " + LICENSURE + " END, value"
                    + " FROM credentials ORDER BY case_pk, kind, position")) {
                while (rs.next() && j < n) {
                    caseOfCred[j] = caseOfPk[(int) rs.getLong(1)];
                    credKind[j] = (byte) rs.getInt(2);
                    credValue[j] = credentials.id(rs.getString(3));
                    j++;
                }
            }
            // Group by case (stable, so each case keeps its stored order).
            int[] count = new int[casePk.length + 1];
            for (int k = 0; k < j; k++) {
                count[caseOfCred[k] + 1]++;
            }
            for (int k = 0; k < casePk.length; k++) {
                count[k + 1] += count[k];
            }
            credStart = count.clone();
            byte[] kinds = new byte[j];
            int[] values = new int[j];
            int[] next = count.clone();
            for (int k = 0; k < j; k++) {
                int at = next[caseOfCred[k]]++;
                kinds[at] = credKind[k];
                values[at] = credValue[k];
            }
            credKind = kinds;
            credValue = values;
        }

        private void readCitations(Statement s) throws SQLException {
            int rows = rowid.length;
            sources = new int[rows];
            // The source as its CitationSource ordinal, -1 for one this version does not know: no string per row.
            StringBuilder ordinal = new StringBuilder("CASE source");
            for (CitationSource source : SOURCES) {
                ordinal.append(" WHEN '").append(source.name()).append("' THEN ").append(source.ordinal());
            }
            ordinal.append(" ELSE -1 END");
            // (row, section id) pairs packed in longs, sorted, then the distinct ones in row order. A citation's
            // sections are a JSON array in its row (schema 8); one a program other than this one left unreadable
            // counts as none here (opening the case reports it).
            long[] pairs = new long[1024];
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT item_pk, " + ordinal + ", sections FROM citations")) {
                while (rs.next()) {
                    long ipk = rs.getLong(1);
                    int r = ipk >= 0 && ipk < rowOfItemPk.length ? rowOfItemPk[(int) ipk] : -1;
                    if (r < 0) {
                        continue;
                    }
                    int source = rs.getInt(2);
                    if (source >= 0) {
                        sources[r] |= 1 << source;
                    }
                    String value = rs.getString(3);
                    List<String> cited;
                    try {
                        cited = ListColumn.readStrings(value);
                    } catch (LibraryException unreadable) {
                        cited = List.of();
                    }
                    for (String section : cited) {
                        if (n == pairs.length) {
                            pairs = Arrays.copyOf(pairs, n * 2);
                        }
                        pairs[n++] = ((long) r << 32) | sections.id(section);
                    }
                }
            }
            Arrays.sort(pairs, 0, n);
            int[] count = new int[rows + 1];
            int[] ids = new int[n];
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                if (k == 0 || pairs[k] != pairs[k - 1]) {
                    ids[distinct++] = (int) pairs[k];
                    count[(int) (pairs[k] >>> 32) + 1]++;
                }
            }
            for (int r = 0; r < rows; r++) {
                count[r + 1] += count[r];
            }
            sectionStart = count;
            sectionIds = Arrays.copyOf(ids, distinct);
        }

        private static long single(Statement s, String sql) throws SQLException {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
