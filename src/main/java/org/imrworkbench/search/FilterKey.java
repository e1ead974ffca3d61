package org.imrworkbench.search;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;

import java.util.Locale;
import java.util.Optional;

/** The filters of the query language, {@code key:value}; keys are matched ignoring case. */
public enum FilterKey {
    /** {@code decision:upheld|overturned} (also {@code unknown}): the item's decision. */
    DECISION,
    /** {@code category:<Category>}, any case, {@code -} or space for {@code _}: the item's treatment category. */
    CATEGORY,
    /** {@code drug:<brand or generic>}: the item's generic (or one part of a combination), name, or request text. */
    DRUG,
    /** {@code specialty:"..."}: a reviewer specialty or subspecialty containing the value, ignoring case. */
    SPECIALTY,
    /** {@code state:<state>}: a state of the reviewer's licensure, by full name or postal code, ignoring case. */
    STATE,
    /** {@code tag:<name>}: a tag on the case or on the item. */
    TAG,
    /**
     * {@code guideline:mtus|odg|acoem} (also {@code uptodate}, {@code other}, {@code none}): the item cites that source
     * (by the reviewer or the claims administrator).
     */
    GUIDELINE,
    /** {@code year:<yyyy>}: the case's decision year or injury year. */
    YEAR,
    /** {@code section:"..."}: the item cites a guideline section of that name, ignoring case. */
    SECTION,
    /** {@code decided:<yyyy>} or {@code decided:<yyyy-mm>}: the case was decided in that year or month. */
    DECIDED,
    /**
     * {@code generic:<generic>}: the item's generic is exactly this, ignoring case; a combination is written as the
     * letters' generics are, joined with {@code /} ({@code generic:hydrocodone/acetaminophen}), spaces around a
     * {@code /} ignored. Unlike {@code drug:} it finds neither the combinations containing it nor a drug named only
     * in the request.
     */
    GENERIC,
    /**
     * {@code board:"..."}: a board specialty of the reviewer ("Board Certified in ...") exactly as written, ignoring
     * case. Unlike {@code specialty:} it finds neither subspecialties nor longer specialties containing the words.
     */
    BOARD,
    /**
     * {@code has:warnings}: the items of cases whose parse left at least one warning (the letter's parse needs
     * checking); {@code has:notes}: the items of cases with at least one highlight or note. The singular
     * ({@code warning}, {@code note}) is the same value; any other value is not a filter.
     */
    HAS;

    /** The values of {@link #HAS}, as canonical values. */
    public static final String WARNINGS = "warnings";
    public static final String NOTES = "notes";

    /** The key of this name, ignoring case. */
    static Optional<FilterKey> of(String name) {
        for (FilterKey k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The value in its canonical form, or empty when it is not a valid value for this key. */
    Optional<String> canonical(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String upper = v.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        switch (this) {
            case DECISION:
                for (Decision d : Decision.values()) {
                    if (d.name().equals(upper)) {
                        return Optional.of(d.name());
                    }
                }
                return Optional.empty();
            case CATEGORY:
                for (Category c : Category.values()) {
                    if (c.name().equals(upper)) {
                        return Optional.of(c.name());
                    }
                }
                return Optional.empty();
            case GUIDELINE:
                for (CitationSource source : CitationSource.values()) {
                    if (source.name().equals(upper)) {
                        return Optional.of(upper);
                    }
                }
                return Optional.empty();
            case YEAR:
                return v.matches("(19|20)\\d\\d") ? Optional.of(v) : Optional.empty();
            case DECIDED:
                return v.matches("(19|20)\\d\\d(-(0[1-9]|1[0-2]))?") ? Optional.of(v) : Optional.empty();
            case DRUG:
                return Optional.of(v.toLowerCase(Locale.ROOT));
            case GENERIC:
                return Optional.of(v.toLowerCase(Locale.ROOT).replaceAll("\\s*/\\s*", "/"));
            case HAS:
                return switch (upper) {
                    case "WARNINGS", "WARNING" -> Optional.of(WARNINGS);
                    case "NOTES", "NOTE" -> Optional.of(NOTES);
                    default -> Optional.empty();
                };
            default:
                return Optional.of(v);
        }
    }
}
