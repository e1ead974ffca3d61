package org.imrworkbench.ui.compare;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Patient;
import org.imrworkbench.model.Reviewer;
import org.imrworkbench.model.Treatment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column of a comparison: a disputed item with its case, and what in it differs from the other columns.
 *
 * @param caseId            the case's id in the library
 * @param letter            the item's letter (case facts)
 * @param item              the item
 * @param decisionDiffers   the decision is not the one most of the compared items have (with a tie, every decision
 *                          differs)
 * @param categoryDiffers   the treatment category is not the one most of them have
 * @param citations         the reviewer's citations, each marked where it differs
 */
public record ComparedItem(String caseId, Letter letter, Item item, boolean decisionDiffers,
                           boolean categoryDiffers, List<MarkedCitation> citations) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    public ComparedItem {
        citations = List.copyOf(citations);
    }

    /**
     * A citation of the reviewer's, marked where it differs from the other compared items.
     *
     * @param sourceDiffers not every other item cites this source (MTUS, ODG, ...)
     * @param pagesDiffer   another item cites the same source with other pages
     */
    public record MarkedCitation(Citation citation, boolean sourceDiffers, boolean pagesDiffer) {

        /** The chip's text: "MTUS · Chronic Pain Treatment Guidelines · Muscle relaxants · p. 63–64". */
        public String label() {
            List<String> parts = new ArrayList<>();
            parts.add(citation.source().name());
            if (citation.guideline() != null) {
                parts.add(citation.guideline());
            }
            if (!citation.sections().isEmpty()) {
                parts.add(String.join("; ", citation.sections()));
            }
            if (!citation.pages().isEmpty()) {
                parts.add(pages(citation.pages()));
            }
            return String.join(" · ", parts);
        }
    }

    /** Identifies the item across the library. */
    public String key() {
        return key(caseId, item.number());
    }

    static String key(String caseId, int itemNumber) {
        return caseId + "#" + itemNumber;
    }

    /** "CM15-0012345, item 2", or the case id for a letter without a case number. */
    public String title() {
        return (letter.caseNumber() == null ? caseId : letter.caseNumber()) + ", item " + item.number();
    }

    /** "53-year-old male", or what the letter says of the two. */
    public String patient() {
        Patient p = letter.patient() == null ? Patient.NONE : letter.patient();
        String sex = p.sex() == null ? null : p.sex().name().toLowerCase(Locale.ROOT);
        if (p.age() == null) {
            return sex == null ? "Not stated" : Character.toUpperCase(sex.charAt(0)) + sex.substring(1);
        }
        return p.age() + "-year-old" + (sex == null ? "" : " " + sex);
    }

    /** The injury date, or "Not stated". */
    public String injuryDate() {
        return date(letter.dates() == null ? null : letter.dates().injury());
    }

    /** The decision date, or "Not stated". */
    public String decisionDate() {
        return date(letter.dates() == null ? null : letter.dates().decided());
    }

    /** "Orthopedic Surgery, Sports Medicine · licensed in California", or "Not stated". */
    public String reviewer() {
        Reviewer r = letter.reviewer() == null ? Reviewer.NONE : letter.reviewer();
        List<String> specialties = new ArrayList<>(r.specialties());
        specialties.addAll(r.subspecialties());
        String who = specialties.isEmpty() ? "Specialty not stated" : String.join(", ", specialties);
        if (Boolean.TRUE.equals(r.boardCertified())) {
            who += " (board certified)";
        }
        return r.licensure().isEmpty() ? who : who + " · licensed in " + String.join(", ", r.licensure());
    }

    /** "Norco (hydrocodone/acetaminophen) 10/325mg #120", or the request when nothing was normalised. */
    public String treatment() {
        Treatment t = item.treatment();
        if (t == null || t.name() == null) {
            return "Not recognised";
        }
        StringBuilder sb = new StringBuilder(t.name());
        if (t.generic() != null && !t.generic().equalsIgnoreCase(t.name())) {
            sb.append(" (").append(t.generic()).append(')');
        }
        if (t.strength() != null) {
            sb.append(' ').append(t.strength());
        }
        if (t.quantity() != null) {
            sb.append(" #").append(t.quantity());
        }
        if (t.sessions() != null) {
            sb.append(" × ").append(t.sessions()).append(" sessions");
        }
        return sb.toString();
    }

    /** The treatment category for people: "Muscle relaxant". */
    public String category() {
        return SimilarDecisions.categoryName(item.treatment() == null ? org.imrworkbench.model.Category.OTHER
                : item.treatment().category());
    }

    /** What the claims administrator (utilization review) cited, one line, or empty. */
    public String claimsAdministratorCitations() {
        return String.join("; ", item.citations().stream().filter(c -> c.by() == CitedBy.CLAIMS_ADMINISTRATOR)
                .map(c -> c.source() == org.imrworkbench.model.CitationSource.NONE ? "No medical evidence cited"
                        : new MarkedCitation(c, false, false).label()).toList());
    }

    private static String date(LocalDate date) {
        return date == null ? "Not stated" : DATE.format(date);
    }

    /** Pages as "p. 24" or "pp. 63–64, 76" (runs of consecutive pages joined with a dash). */
    static String pages(List<Integer> pages) {
        List<Integer> sorted = pages.stream().distinct().sorted().toList();
        StringBuilder sb = new StringBuilder(sorted.size() == 1 ? "p. " : "pp. ");
        boolean first = true;
        for (int i = 0; i < sorted.size(); i++) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(start);
            if (end > start) {
                sb.append('–').append(end);
            }
        }
        return sb.toString();
    }
}
