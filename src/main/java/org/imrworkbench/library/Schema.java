package org.imrworkbench.library;

import java.util.List;

/**
 * The library's schema as ordered migrations. Never edit a released migration: add the next one.
 *
 * <p>Full-text index: {@code search_index} holds one row per item (rowid = {@code items.pk}) with the case summary
 * and the item's request, both guideline texts and rationale, plus one summary-only row for a letter without items
 * (rowid = {@code -cases.pk}). Since schema 5 it keeps no copy of these texts: it reads them, for snippets and for
 * taking a row out, from the view {@code search_content} over {@code items} and {@code cases} (an FTS5
 * "external content" table). So a row must leave the index <em>before</em> its texts change or go
 * ({@code LetterRows} does): FTS5 works out which words to take out from the texts as they are then.
 */
final class Schema {

    private Schema() {
    }

    static final List<Migration> MIGRATIONS = List.of(new Migration(1, "letters, tags, annotations, search index",
            List.of("""
                    CREATE TABLE cases (
                      pk INTEGER PRIMARY KEY,
                      id TEXT NOT NULL UNIQUE,
                      case_number TEXT UNIQUE,
                      sha256 TEXT NOT NULL UNIQUE,
                      fingerprint TEXT NOT NULL,
                      file_name TEXT NOT NULL,
                      format TEXT NOT NULL,
                      encoding TEXT,
                      imported_at TEXT NOT NULL,
                      parser_version TEXT NOT NULL,
                      parsed_at TEXT NOT NULL,
                      priority TEXT,
                      assigned TEXT, decided TEXT, injury TEXT, ur_denial TEXT, received TEXT,
                      board_certified INTEGER,
                      patient_age INTEGER,
                      patient_sex TEXT,
                      summary TEXT,
                      text TEXT NOT NULL,
                      item_count INTEGER NOT NULL
                    )""",
                    "CREATE INDEX cases_fingerprint ON cases(fingerprint)",
                    "CREATE INDEX cases_decided ON cases(decided)",
                    "CREATE INDEX cases_injury ON cases(injury)",
                    """
                    CREATE TABLE sources (
                      case_pk INTEGER PRIMARY KEY REFERENCES cases(pk) ON DELETE CASCADE,
                      bytes BLOB NOT NULL
                    )""",
                    """
                    CREATE TABLE credentials (
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      kind TEXT NOT NULL CHECK (kind IN ('SPECIALTY', 'SUBSPECIALTY', 'LICENSURE')),
                      position INTEGER NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (case_pk, kind, position)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX credentials_value ON credentials(kind, value COLLATE NOCASE)",
                    """
                    CREATE TABLE warnings (
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      text TEXT NOT NULL,
                      PRIMARY KEY (case_pk, position)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE letter_spans (
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      field TEXT NOT NULL,
                      start INTEGER NOT NULL,
                      end INTEGER NOT NULL,
                      PRIMARY KEY (case_pk, field)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE items (
                      pk INTEGER PRIMARY KEY,
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      number INTEGER NOT NULL,
                      request TEXT,
                      decision TEXT NOT NULL,
                      retrospective INTEGER NOT NULL,
                      service_date TEXT,
                      partial INTEGER NOT NULL,
                      partial_original TEXT,
                      partial_authorized TEXT,
                      partial_disputed TEXT,
                      treatment_name TEXT,
                      treatment_generic TEXT,
                      category TEXT NOT NULL,
                      strength TEXT,
                      quantity INTEGER,
                      sessions INTEGER,
                      claims_guideline TEXT,
                      reviewer_guideline TEXT,
                      rationale TEXT,
                      UNIQUE (case_pk, position)
                    )""",
                    "CREATE INDEX items_case_number ON items(case_pk, number)",
                    "CREATE INDEX items_decision ON items(decision)",
                    "CREATE INDEX items_category ON items(category)",
                    "CREATE INDEX items_generic ON items(treatment_generic COLLATE NOCASE)",
                    """
                    CREATE TABLE item_spans (
                      item_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
                      field TEXT NOT NULL,
                      start INTEGER NOT NULL,
                      end INTEGER NOT NULL,
                      PRIMARY KEY (item_pk, field)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE citations (
                      pk INTEGER PRIMARY KEY,
                      item_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      cited_by TEXT NOT NULL,
                      source TEXT NOT NULL,
                      guideline TEXT,
                      span_start INTEGER,
                      span_end INTEGER,
                      UNIQUE (item_pk, position)
                    )""",
                    "CREATE INDEX citations_source ON citations(source, item_pk)",
                    """
                    CREATE TABLE citation_sections (
                      citation_pk INTEGER NOT NULL REFERENCES citations(pk) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      section TEXT NOT NULL,
                      PRIMARY KEY (citation_pk, position)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE citation_pages (
                      citation_pk INTEGER NOT NULL REFERENCES citations(pk) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      page INTEGER NOT NULL,
                      PRIMARY KEY (citation_pk, position)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE tags (
                      pk INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                      color TEXT,
                      created TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE case_tags (
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      tag_pk INTEGER NOT NULL REFERENCES tags(pk) ON DELETE CASCADE,
                      PRIMARY KEY (case_pk, tag_pk)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX case_tags_tag ON case_tags(tag_pk)",
                    """
                    CREATE TABLE item_tags (
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      item_number INTEGER NOT NULL,
                      tag_pk INTEGER NOT NULL REFERENCES tags(pk) ON DELETE CASCADE,
                      PRIMARY KEY (case_pk, item_number, tag_pk)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX item_tags_tag ON item_tags(tag_pk)",
                    """
                    CREATE TABLE annotations (
                      pk INTEGER PRIMARY KEY,
                      case_pk INTEGER NOT NULL REFERENCES cases(pk) ON DELETE CASCADE,
                      item_number INTEGER,
                      field TEXT CHECK (field IN ('SUMMARY', 'RATIONALE')),
                      start INTEGER,
                      end INTEGER,
                      quote TEXT,
                      note TEXT,
                      color TEXT,
                      author TEXT NOT NULL,
                      created TEXT NOT NULL,
                      updated TEXT NOT NULL,
                      orphaned INTEGER NOT NULL DEFAULT 0
                    )""",
                    "CREATE INDEX annotations_case ON annotations(case_pk)",
                    """
                    CREATE VIRTUAL TABLE search_index USING fts5(
                      summary, request, claims_guideline, reviewer_guideline, rationale,
                      tokenize = 'porter unicode61 remove_diacritics 2'
                    )""")),
            // The search reads these columns of every item into memory (search.FactIndex); the items' rows also
            // hold the rationale and guideline texts, so a scan of the table reads the whole library, while a scan
            // of this index reads a few percent of it.
            new Migration(2, "covering index of the items' search facts", List.of(
                    "CREATE INDEX items_facts ON items(case_pk, position, number, decision, category,"
                            + " treatment_generic, treatment_name, request)")),
            // The case list orders every case by one of these columns and shows them: a case's row also holds its
            // summary and normalised text (a page or more each, item_count after them), so ordering the table read
            // the whole library from disk at start-up (4 s with a cold cache at 100,000 letters), the index a few MB.
            new Migration(3, "covering index of the case list", List.of(
                    "CREATE INDEX cases_list ON cases(decided, id, case_number, injury, item_count, imported_at)")),
            // A letter's spans were a row each in letter_spans and item_spans: 27 rows a letter, more than all its
            // other rows together, always read with their case or item and never searched. They are now a column of
            // the row they belong to, "field:start-end" separated by spaces (SpanColumn), which an import writes in
            // 7-8 s less at 90,000 letters. Upgrading a library of 90,000 letters takes about 8 s.
            new Migration(4, "the spans of a case and of an item in a column of its row", List.of(
                    "ALTER TABLE cases ADD COLUMN spans TEXT",
                    "UPDATE cases SET spans = (SELECT group_concat(field || ':' || start || '-' || end, ' ')"
                            + " FROM letter_spans WHERE case_pk = cases.pk)",
                    "DROP TABLE letter_spans",
                    "ALTER TABLE items ADD COLUMN spans TEXT",
                    "UPDATE items SET spans = (SELECT group_concat(field || ':' || start || '-' || end, ' ')"
                            + " FROM item_spans WHERE item_pk = items.pk)",
                    "DROP TABLE item_spans")),
            // The index kept its own copy of every text it indexes: the summary once for each item of a letter, and
            // each item's request, guideline texts and rationale, which the items' rows hold already. The copy was a
            // quarter of the library (640 MB of 2.5 GB at 100,000 letters) and a quarter of what an import writes.
            // The index now reads them from the library's rows (see the class comment); its words and bm25 are the
            // same. Upgrading indexes the library again: about 10 s at 100,000 letters.
            new Migration(5, "the search index reads its texts from the library's rows instead of a copy", List.of(
                    """
                    CREATE VIEW search_content (pk, summary, request, claims_guideline, reviewer_guideline, rationale)
                    AS SELECT i.pk, c.summary, i.request, i.claims_guideline, i.reviewer_guideline, i.rationale
                         FROM items i JOIN cases c ON c.pk = i.case_pk
                       UNION ALL
                       SELECT -c.pk, c.summary, NULL, NULL, NULL, NULL FROM cases c WHERE c.item_count = 0""",
                    // the summary-only row of a letter without items, found by its rowid (-pk) without a scan
                    "CREATE INDEX cases_itemless ON cases(-pk) WHERE item_count = 0",
                    "DROP TABLE search_index",
                    """
                    CREATE VIRTUAL TABLE search_index USING fts5(
                      summary, request, claims_guideline, reviewer_guideline, rationale,
                      content = 'search_content', content_rowid = 'pk',
                      tokenize = 'porter unicode61 remove_diacritics 2'
                    )""",
                    "INSERT INTO search_index (search_index) VALUES ('rebuild')")),
            // A text letter's original file is stored compressed (StoredBytes, deflated = 1): it and the letter's
            // normalised text are nearly the same characters, and the originals were a quarter of the library
            // (165 of 590 MB at 30,000 letters) and of what an import writes. The originals already stored stay as
            // they are (deflated = 0), so the upgrade is one statement.
            new Migration(6, "text letters' original files stored compressed", List.of(
                    "ALTER TABLE sources ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0")),
            // Indexes no statement uses any more, each written on every import: the search filters and counts in
            // memory (search.FactIndex), cases_list (schema 3) leads with the decision date and covers the date of
            // injury, and an item is found by its case through items_facts (schema 2) and the (case, position)
            // key. A letter now writes 4 index entries fewer per item, 2 fewer for its case and 1 fewer per
            // credential; an import's writer spends 12-15% less time (WriterProbe, 30,000 letters: 10.9-11.1 s
            // against 9.2-9.5 s of CPU) and writes a quarter fewer bytes. LibraryQueryPlanTest checks that the
            // lookups still go through an index.
            new Migration(7, "indexes no longer used", List.of(
                    "DROP INDEX cases_decided",
                    "DROP INDEX cases_injury",
                    "DROP INDEX items_case_number",
                    "DROP INDEX items_decision",
                    "DROP INDEX items_category",
                    "DROP INDEX items_generic",
                    "DROP INDEX credentials_value")),
            // A citation's sections and pages were a row each in citation_sections and citation_pages: 12 rows a
            // letter, read only with their citation or by the search's scan of them all. They are now columns of the
            // citation's row, JSON arrays (ListColumn). The search reads a citation's source and sections in one
            // scan of the table, so the index on (source, item) that it read through is dropped too. An import's
            // writer spends 7-10% less time (WriterProbe, 30,000 letters, paired runs: 7.94, 7.98, 7.96 against
            // 7.24, 7.15, 7.40 s of CPU).
            new Migration(8, "a citation's sections and pages in columns of its row", List.of(
                    "ALTER TABLE citations ADD COLUMN sections TEXT",
                    "ALTER TABLE citations ADD COLUMN pages TEXT",
                    "UPDATE citations SET sections = (SELECT json_group_array(section ORDER BY position)"
                            + " FROM citation_sections WHERE citation_pk = citations.pk)"
                            + " WHERE pk IN (SELECT citation_pk FROM citation_sections)",
                    "UPDATE citations SET pages = (SELECT json_group_array(page ORDER BY position)"
                            + " FROM citation_pages WHERE citation_pk = citations.pk)"
                            + " WHERE pk IN (SELECT citation_pk FROM citation_pages)",
                    "DROP TABLE citation_sections",
                    "DROP TABLE citation_pages",
                    "DROP INDEX citations_source")),
            // A case's summary and an item's guideline texts and rationale are parts of the letter's normalised text,
            // and were stored again in columns of their own: 3.1 KB a letter of 4.7 KB of text. Since this schema
            // a letter's row leaves such a column null when the field is exactly its text at its span (LetterRows),
            // and these views give each field from the column or else from the text, by the span the row keeps in its
            // spans column (SpanColumn). The search index reads its texts through the same expressions, so its
            // words are those it was built from. Rows stored before keep their copies; the upgrade changes no row.
            // (Text letters' originals are compressed with the letter's text as the dictionary since this schema
            // too: StoredBytes, sources.deflated = 2.)
            new Migration(9, "the case summary, guideline texts and rationale read from the letter's text",
                    List.of("""
                            CREATE VIEW case_texts (pk, summary) AS
                            SELECT pk, %s FROM cases""".formatted(field("summary", "text", "spans", "summary")),
                            """
                            CREATE VIEW item_texts (pk, case_pk, number, position, request, claims_guideline,
                              reviewer_guideline, rationale) AS
                            SELECT i.pk, i.case_pk, i.number, i.position, i.request, %s, %s, %s
                              FROM items i JOIN cases c ON c.pk = i.case_pk""".formatted(
                                    field("i.claims_guideline", "c.text", "i.spans", "claimsAdministratorGuideline"),
                                    field("i.reviewer_guideline", "c.text", "i.spans", "reviewerGuideline"),
                                    field("i.rationale", "c.text", "i.spans", "rationale")),
                            "DROP VIEW search_content",
                            // as schema 5's, each column through the expression of the views above
                            """
                            CREATE VIEW search_content (pk, summary, request, claims_guideline, reviewer_guideline,
                              rationale) AS
                            SELECT i.pk, %s, i.request, %s, %s, %s
                              FROM items i JOIN cases c ON c.pk = i.case_pk
                            UNION ALL
                            SELECT -c.pk, %s, NULL, NULL, NULL, NULL FROM cases c WHERE c.item_count = 0""".formatted(
                                    field("c.summary", "c.text", "c.spans", "summary"),
                                    field("i.claims_guideline", "c.text", "i.spans", "claimsAdministratorGuideline"),
                                    field("i.reviewer_guideline", "c.text", "i.spans", "reviewerGuideline"),
                                    field("i.rationale", "c.text", "i.spans", "rationale"),
                                    field("c.summary", "c.text", "c.spans", "summary")))));

    /**
     * Schema 9's SQL for a field's value: its column, or where that is null the letter's text at the field's span
     * ({@code name:start-end} in the spans column, half-open, in characters), or null when it has no span. SQLite
     * counts a text's characters by code point, Java by UTF-16 unit: {@code LetterRows} leaves a column null only for
     * a text whose characters are all in the Basic Multilingual Plane, where the two counts agree.
     */
    private static String field(String column, String text, String spans, String name) {
        String at = "instr(' ' || " + spans + ", ' " + name + ":')";
        String rest = "substr(" + spans + ", " + at + " + " + (name.length() + 1) + ")";
        String start = "CAST(" + rest + " AS INTEGER)";
        String end = "CAST(substr(" + rest + ", instr(" + rest + ", '-') + 1) AS INTEGER)";
        return "coalesce(" + column + ", CASE WHEN " + at + " > 0 THEN substr(" + text + ", " + start + " + 1, "
                + end + " - " + start + ") END)";
    }

    static int latestVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }
}
