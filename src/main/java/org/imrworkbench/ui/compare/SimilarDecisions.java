package org.imrworkbench.ui.compare;

import org.imrworkbench.analytics.DistinctiveWords;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.NotFoundException;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.search.Hit;
import org.imrworkbench.search.SearchService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the decisions most like one disputed item: items for the same generic drug (for a drug) or the same treatment
 * category, ranked by FTS5's bm25 on the most distinctive words of the item's request and rationale, then the rest of
 * the same drug, then (for a drug) other drugs of its category. The item itself is never among them.
 *
 * <p>Plain Java over {@link Library} and {@link SearchService}: blocking, so call it off the FX thread.
 */
public final class SimilarDecisions {

    /** Why an item counts as similar. */
    public enum Basis {
        /** The same generic drug (or combination). */
        SAME_DRUG,
        /** The same treatment category (another drug, or a non-drug treatment). */
        SAME_CATEGORY
    }

    /** One similar item: its search hit (case, item number, request, decision, snippet) and why it is similar. */
    public record Similar(Hit hit, Basis basis) {
    }

    /**
     * The similar items of one item.
     *
     * @param caseId     the item's case
     * @param item       the item's number
     * @param basisLabel what the items share, for people: the generic drug or the category ("Physical therapy")
     * @param upheld     how many other items of the same drug (or category) were upheld, in the whole library
     * @param overturned how many of them were overturned
     * @param items      the most similar first
     */
    public record Result(String caseId, int item, String basisLabel, int upheld, int overturned,
                         List<Similar> items) {
        public Result {
            items = List.copyOf(items);
        }
    }

    private final Library library;
    private final SearchService search;

    public SimilarDecisions(Library library, SearchService search) {
        this.library = library;
        this.search = search;
    }

    /**
     * The {@code limit} items most like item {@code itemNumber} of case {@code caseId}.
     *
     * @throws NotFoundException when there is no such case or item
     */
    public Result find(String caseId, int itemNumber, int limit) {
        CaseRecord record = library.loadCase(caseId)
                .orElseThrow(() -> new NotFoundException(caseId + ": no such case in the library"));
        Item item = record.letter().items().stream().filter(i -> i.number() == itemNumber).findFirst()
                .orElseThrow(() -> new NotFoundException(caseId + ": the case has no item " + itemNumber));
        String generic = item.treatment() == null ? null : item.treatment().generic();
        Category category = item.treatment() == null ? Category.OTHER : item.treatment().category();
        String words = String.join(" OR ", distinctiveWords(item.request(), item.rationale()));
        String categoryFilter = "category:" + category.name();

        Map<String, Similar> found = new LinkedHashMap<>();
        String primary;
        Basis primaryBasis;
        if (generic != null && !generic.isBlank()) {
            primary = "drug:\"" + generic.replace("\"", "") + "\"";
            primaryBasis = Basis.SAME_DRUG;
        } else {
            primary = categoryFilter;
            primaryBasis = Basis.SAME_CATEGORY;
        }
        collect(found, primary + " " + words, primaryBasis, caseId, itemNumber, limit);
        collect(found, primary, primaryBasis, caseId, itemNumber, limit);
        if (primaryBasis == Basis.SAME_DRUG) {
            collect(found, categoryFilter + " -" + primary + " " + words, Basis.SAME_CATEGORY, caseId, itemNumber,
                    limit);
            collect(found, categoryFilter + " -" + primary, Basis.SAME_CATEGORY, caseId, itemNumber, limit);
        }

        Map<String, Integer> decisions = search.facets(primary).decisions();
        int upheld = decisions.getOrDefault(Decision.UPHELD.name(), 0);
        int overturned = decisions.getOrDefault(Decision.OVERTURNED.name(), 0);
        if (item.decision() == Decision.UPHELD) {
            upheld = Math.max(0, upheld - 1);
        } else if (item.decision() == Decision.OVERTURNED) {
            overturned = Math.max(0, overturned - 1);
        }
        String label = primaryBasis == Basis.SAME_DRUG ? generic : categoryName(category);
        return new Result(caseId, itemNumber, label, upheld, overturned, new ArrayList<>(found.values()));
    }

    /** Adds the item hits of {@code query}, best first, to {@code found} until it holds {@code limit}. */
    private void collect(Map<String, Similar> found, String query, Basis basis, String caseId, int itemNumber,
                         int limit) {
        if (found.size() >= limit) {
            return;
        }
        // one more than needed: the item itself may be among the hits
        for (Hit hit : search.search(query, limit + 1 + found.size()).hits()) {
            if (found.size() >= limit) {
                return;
            }
            if (hit.item() == null || (hit.id().equals(caseId) && hit.item() == itemNumber)) {
                continue;
            }
            found.putIfAbsent(hit.id() + "#" + hit.item(), new Similar(hit, basis));
        }
    }

    /** The most distinctive words of an item's request and rationale (see {@link DistinctiveWords}). */
    static List<String> distinctiveWords(String request, String rationale) {
        return DistinctiveWords.of(request, rationale);
    }

    /** "PHYSICAL_THERAPY" as "Physical therapy". */
    static String categoryName(Category category) {
        String words = category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
