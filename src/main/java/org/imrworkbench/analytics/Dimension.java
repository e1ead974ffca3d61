package org.imrworkbench.analytics;

import java.util.Locale;
import java.util.Optional;

/**
 * What outcomes can be broken down by. Each dimension reads (item, key) pairs of the matched items
 * ({@code temp.hit_rows}, see {@code SearchService.withMatches}) and knows the query filter that selects a key's
 * items, so a row of a breakdown can become a search.
 */
public enum Dimension {
    /** The treatment category ({@code OPIOID}, {@code PHYSICAL_THERAPY}...). */
    CATEGORY("category", "Category",
            "SELECT i.pk AS pk, i.category AS k FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"),
    /** The generic drug, lower case (drug items only). */
    DRUG("drug", "Drug",
            "SELECT i.pk AS pk, lower(i.treatment_generic) AS k"
                    + " FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                    + " WHERE i.treatment_generic IS NOT NULL AND i.treatment_generic <> ''"),
    /** A guideline source the item cites (by the reviewer or the claims administrator), the item once per source. */
    GUIDELINE("guideline", "Guideline source",
            "SELECT DISTINCT ci.item_pk AS pk, ci.source AS k"
                    + " FROM temp.hit_rows h JOIN citations ci ON ci.item_pk = h.rowid"),
    /** A guideline section the item cites, the item once per section name (ignoring case, as the filter does). */
    SECTION("section", "Guideline section",
            "SELECT DISTINCT ci.item_pk AS pk, cs.section COLLATE NOCASE AS k"
                    + " FROM temp.hit_rows h JOIN citations ci ON ci.item_pk = h.rowid"
                    + " JOIN citation_sections cs ON cs.citation_pk = ci.pk"),
    /** A board specialty of the reviewer, as written. */
    SPECIALTY("specialty", "Reviewer specialty",
            "SELECT DISTINCT i.pk AS pk, cr.value AS k FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                    + " JOIN credentials cr ON cr.case_pk = i.case_pk AND cr.kind = 'SPECIALTY'"),
    /** A state of the reviewer's licensure, full name. */
    STATE("state", "Licensure state",
            "SELECT DISTINCT i.pk AS pk, cr.value AS k FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                    + " JOIN credentials cr ON cr.case_pk = i.case_pk AND cr.kind = 'LICENSURE'"),
    /** The year the case was decided, {@code yyyy}. */
    YEAR("year", "Decision year",
            "SELECT i.pk AS pk, substr(c.decided, 1, 4) AS k FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                    + " JOIN cases c ON c.pk = i.case_pk WHERE c.decided IS NOT NULL"),
    /** The month the case was decided, {@code yyyy-mm}. */
    MONTH("month", "Decision month",
            "SELECT i.pk AS pk, substr(c.decided, 1, 7) AS k FROM temp.hit_rows h JOIN items i ON i.pk = h.rowid"
                    + " JOIN cases c ON c.pk = i.case_pk WHERE c.decided IS NOT NULL");

    private final String word;
    private final String title;
    private final String pairs;

    Dimension(String word, String title, String pairs) {
        this.word = word;
        this.title = title;
        this.pairs = pairs;
    }

    /** The dimension's name on the command line ({@code --by drug}) and in JSON. */
    public String word() {
        return word;
    }

    /** A title for people: "Reviewer specialty". */
    public String title() {
        return title;
    }

    /** SQL selecting {@code (pk, k)} pairs, {@code items.pk} and key, of the items in {@code temp.hit_rows}. */
    String pairsSql() {
        return pairs;
    }

    /** True for the dimensions of time, whose rows read in key order rather than by size. */
    public boolean chronological() {
        return this == YEAR || this == MONTH;
    }

    /** The dimension of a command-line word, ignoring case. */
    public static Optional<Dimension> of(String word) {
        for (Dimension d : values()) {
            if (d.word.equalsIgnoreCase(word == null ? "" : word.strip())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The search filter selecting the items of one key, in the query language ({@code category:opioid},
     * {@code drug:"hydrocodone/acetaminophen"}, {@code decided:2016-03}). The drug and specialty filters are as wide
     * as the search's: a drug filter also finds the drug named in the request, a specialty filter every specialty
     * containing the words.
     */
    public String filter(String key) {
        String value = switch (this) {
            case CATEGORY, GUIDELINE -> key.toLowerCase(Locale.ROOT);
            default -> key;
        };
        String name = switch (this) {
            case YEAR, MONTH -> "decided";
            default -> word;
        };
        return name + ":" + (value.matches("[^\\s\"]+") ? value : "\"" + value.replace("\"", "") + "\"");
    }
}
