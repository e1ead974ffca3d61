package org.imrworkbench.analytics;

import org.imrworkbench.search.FactIndex;
import org.imrworkbench.search.FilterKey;
import org.imrworkbench.search.QueryNarrowing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What outcomes can be broken down by. Each dimension gives the keys of a matched item from the library's
 * {@link FactIndex} (see {@code SearchService.withMatches}) and knows the query filter that selects a key's items, so
 * a row of a breakdown can become a search.
 */
public enum Dimension {
    /** The treatment category ({@code OPIOID}, {@code PHYSICAL_THERAPY}...). */
    CATEGORY("category", "Category"),
    /** The generic drug, lower case (drug items only). */
    DRUG("drug", "Drug"),
    /** A guideline source the item cites (by the reviewer or the claims administrator), the item once per source. */
    GUIDELINE("guideline", "Guideline source"),
    /** A guideline section the item cites, the item once per section name (ignoring case, as the filter does). */
    SECTION("section", "Guideline section"),
    /** A board specialty of the reviewer, as written. */
    SPECIALTY("specialty", "Reviewer specialty"),
    /** A state of the reviewer's licensure, full name. */
    STATE("state", "Licensure state"),
    /** The year the case was decided, {@code yyyy}. */
    YEAR("year", "Decision year"),
    /** The month the case was decided, {@code yyyy-mm}. */
    MONTH("month", "Decision month");

    private final String word;
    private final String title;
    Dimension(String word, String title) {
        this.word = word;
        this.title = title;
    }

    /** The dimension's name on the command line ({@code --by drug}) and in JSON. */
    public String word() {
        return word;
    }

    /** A title for people: "Reviewer specialty". */
    public String title() {
        return title;
    }

    /** The keys of item row {@code r} of the library's facts: none, one, or (sources, sections, credentials) several. */
    List<String> keys(FactIndex f, int r) {
        return switch (this) {
            case CATEGORY -> f.category(r) == null ? List.of() : List.of(f.category(r).name());
            case DRUG -> f.generic(r) == null ? List.of() : List.of(f.generic(r));
            case GUIDELINE -> f.sources(r).stream().map(Enum::name).toList();
            case SECTION -> f.sections(r);
            case SPECIALTY -> f.specialties(r);
            case STATE -> f.licensures(r);
            case YEAR, MONTH -> {
                String decided = f.decided(r);
                int length = this == YEAR ? 4 : 7;
                yield decided == null ? List.of() : List.of(decided.substring(0, Math.min(length, decided.length())));
            }
        };
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
     * The search filter selecting exactly the items of one key, in the query language ({@code category:opioid},
     * {@code generic:hydrocodone/acetaminophen}, {@code board:"Internal Medicine"}, {@code decided:2016-03}): for a
     * drug its exact generic ({@code drug:} would also find the combinations containing it), for a specialty that
     * board specialty exactly ({@code specialty:} would also find subspecialties and longer names containing it).
     */
    public String filter(String key) {
        return QueryNarrowing.term(filterKey(), filterValue(key));
    }

    /**
     * {@code query} narrowed to the items of one key ({@link QueryNarrowing#narrow}), and to decided items when
     * {@code decidedOnly} (when the key's matches include items not decided, or cases without items, which the
     * breakdown does not count).
     */
    public String drillDown(String query, String key, boolean decidedOnly) {
        String narrowed = QueryNarrowing.narrow(query, filterKey(), filterValue(key));
        return decidedOnly ? QueryNarrowing.decidedOnly(narrowed) : narrowed;
    }

    /** The filter that selects this dimension's keys. */
    FilterKey filterKey() {
        return switch (this) {
            case CATEGORY -> FilterKey.CATEGORY;
            case DRUG -> FilterKey.GENERIC;
            case GUIDELINE -> FilterKey.GUIDELINE;
            case SECTION -> FilterKey.SECTION;
            case SPECIALTY -> FilterKey.BOARD;
            case STATE -> FilterKey.STATE;
            case YEAR, MONTH -> FilterKey.DECIDED;
        };
    }

    private String filterValue(String key) {
        return switch (this) {
            case CATEGORY, GUIDELINE -> key.toLowerCase(Locale.ROOT);
            default -> key;
        };
    }
}
