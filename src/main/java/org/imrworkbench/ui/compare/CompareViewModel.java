package org.imrworkbench.ui.compare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.NotFoundException;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.UserMessages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The comparison of two to four disputed items from any cases, side by side, and the "similar decisions" of any one
 * item. Items load off the FX thread; the compared list and every property change on the FX thread (or, with
 * {@link Background#direct()}, on the caller's).
 *
 * <p>What differs is computed here, so the view only styles it: the decision and the treatment category where they
 * are not the one most items have, each reviewer citation whose source is not cited by every other item or whose pages
 * differ from the other items' citations of the same source.
 */
public final class CompareViewModel {

    /** The most items compared at once. */
    public static final int MAX_ITEMS = 4;

    /** How many similar decisions are listed. */
    public static final int SIMILAR_LIMIT = 30;

    /** An item as loaded, before its differences are known. */
    private record Loaded(String caseId, Letter letter, Item item) {
    }

    private final Library library;
    private final SimilarDecisions similar;
    private final Background background;

    /** The items added, compared or still loading, in the order they were added: the order of the columns. */
    private final Set<String> added = new LinkedHashSet<>();
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final ObservableList<ComparedItem> items = FXCollections.observableArrayList();
    private final ObservableList<ComparedItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper full = new ReadOnlyBooleanWrapper(this, "full", false);

    private final ReadOnlyObjectWrapper<SimilarDecisions.Result> similarResult =
            new ReadOnlyObjectWrapper<>(this, "similarResult");
    private final ReadOnlyBooleanWrapper similarLoading = new ReadOnlyBooleanWrapper(this, "similarLoading");
    private final ReadOnlyStringWrapper similarMessage = new ReadOnlyStringWrapper(this, "similarMessage", "");
    private long similarRequest;

    public CompareViewModel(Library library, SearchService search, Background background) {
        this.library = Objects.requireNonNull(library);
        this.similar = new SimilarDecisions(library, search);
        this.background = Objects.requireNonNull(background);
    }

    // ------------------------------------------------------------------------------------------ comparison

    /** The compared items, in the order they were added, each marked with what differs from the others. */
    public ObservableList<ComparedItem> items() {
        return itemsView;
    }

    /** A one-line message for the user (the comparison is full, an item could not be loaded), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #MAX_ITEMS} items are compared (or loading). */
    public ReadOnlyBooleanProperty fullProperty() {
        return full.getReadOnlyProperty();
    }

    /** True when the item is compared or loading to be. */
    public boolean contains(String caseId, int itemNumber) {
        return added.contains(ComparedItem.key(caseId, itemNumber));
    }

    /**
     * Adds item {@code itemNumber} of case {@code caseId} to the comparison, loading it off the FX thread. Does
     * nothing when it is compared already; when {@link #MAX_ITEMS} are compared, says so in {@link #messageProperty()}
     * instead.
     */
    public void add(String caseId, int itemNumber) {
        if (contains(caseId, itemNumber)) {
            return;
        }
        if (added.size() >= MAX_ITEMS) {
            message.set("The comparison is full: " + MAX_ITEMS + " items at most. Remove one to add another.");
            return;
        }
        String key = ComparedItem.key(caseId, itemNumber);
        added.add(key);
        updateFull();
        message.set("");
        background.run(() -> load(caseId, itemNumber), l -> {
            if (added.contains(key)) {
                loaded.put(key, l);
                refresh();
            }
        }, failure -> {
            added.remove(key);
            updateFull();
            message.set(UserMessages.of(failure));
        });
    }

    private Loaded load(String caseId, int itemNumber) {
        Letter letter = library.loadCase(caseId)
                .orElseThrow(() -> new NotFoundException(caseId + ": no such case in the library")).letter();
        Item item = letter.items().stream().filter(i -> i.number() == itemNumber).findFirst()
                .orElseThrow(() -> new NotFoundException(caseId + ": the case has no item " + itemNumber));
        return new Loaded(caseId, letter, item);
    }

    /** Removes an item from the comparison (also one still loading). */
    public void remove(String caseId, int itemNumber) {
        String key = ComparedItem.key(caseId, itemNumber);
        added.remove(key);
        loaded.remove(key);
        message.set("");
        refresh();
    }

    /** Empties the comparison. */
    public void clear() {
        added.clear();
        loaded.clear();
        message.set("");
        refresh();
    }

    private void refresh() {
        items.setAll(mark(added.stream().map(loaded::get).filter(Objects::nonNull).toList()));
        updateFull();
    }

    private void updateFull() {
        full.set(added.size() >= MAX_ITEMS);
    }

    /** The loaded items as columns, each marked with what differs from the other columns. */
    private static List<ComparedItem> mark(List<Loaded> loaded) {
        Set<Decision> oddDecisions = minority(loaded, l -> l.item().decision());
        Set<Category> oddCategories = minority(loaded, l -> l.item().treatment() == null ? Category.OTHER
                : l.item().treatment().category());
        List<List<Citation>> cited = loaded.stream().map(l -> reviewerCitations(l.item())).toList();
        List<ComparedItem> columns = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Loaded l = loaded.get(i);
            List<ComparedItem.MarkedCitation> marked = new ArrayList<>();
            for (Citation c : cited.get(i)) {
                boolean sourceDiffers = false;
                boolean pagesDiffer = false;
                for (int j = 0; j < cited.size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    List<Citation> sameSource = cited.get(j).stream().filter(o -> o.source() == c.source()).toList();
                    if (sameSource.isEmpty()) {
                        sourceDiffers = true;
                    } else if (sameSource.stream().noneMatch(o -> new HashSet<>(o.pages())
                            .equals(new HashSet<>(c.pages())))) {
                        pagesDiffer = true;
                    }
                }
                marked.add(new ComparedItem.MarkedCitation(c, sourceDiffers, pagesDiffer));
            }
            Category category = l.item().treatment() == null ? Category.OTHER : l.item().treatment().category();
            columns.add(new ComparedItem(l.caseId(), l.letter(), l.item(),
                    oddDecisions.contains(l.item().decision()), oddCategories.contains(category), marked));
        }
        return columns;
    }

    /** The reviewer's citations of an item, leaving out "did not cite any medical evidence". */
    private static List<Citation> reviewerCitations(Item item) {
        return item.citations().stream()
                .filter(c -> c.by() == CitedBy.REVIEWER && c.source() != CitationSource.NONE).toList();
    }

    /**
     * The values that differ from the rest: none when all items agree; otherwise every value but the single most
     * common one (every value when two or more tie for most common).
     */
    private static <T> Set<T> minority(List<Loaded> loaded, Function<Loaded, T> value) {
        Map<T, Integer> counts = new HashMap<>();
        loaded.forEach(l -> counts.merge(value.apply(l), 1, Integer::sum));
        Set<T> odd = new HashSet<>();
        if (counts.size() <= 1) {
            return odd;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long atMax = counts.values().stream().filter(n -> n == max).count();
        counts.forEach((v, n) -> {
            if (n < max || atMax > 1) {
                odd.add(v);
            }
        });
        return odd;
    }

    // ------------------------------------------------------------------------------------ similar decisions

    /**
     * The decisions most like an item (same drug, else same category; ranked by similarity; the item excluded),
     * with the upheld and overturned counts of its drug or category. Blocking: for callers off the FX thread,
     * such as a case view's own background work; {@link #showSimilar} runs it for this view model's panel.
     *
     * @throws NotFoundException when there is no such case or item
     */
    public SimilarDecisions.Result similarTo(String caseId, int itemNumber) {
        return similar.find(caseId, itemNumber, SIMILAR_LIMIT);
    }

    /** Finds the similar decisions of an item off the FX thread, into {@link #similarResultProperty()}. */
    public void showSimilar(String caseId, int itemNumber) {
        long request = ++similarRequest;
        similarLoading.set(true);
        similarMessage.set("");
        background.run(() -> similarTo(caseId, itemNumber), result -> {
            if (request == similarRequest) {
                similarLoading.set(false);
                similarResult.set(result);
                if (result.items().isEmpty()) {
                    similarMessage.set("No other decision on " + result.basisLabel() + " in the library.");
                }
            }
        }, failure -> {
            if (request == similarRequest) {
                similarLoading.set(false);
                similarResult.set(null);
                similarMessage.set(UserMessages.of(failure));
            }
        });
    }

    /** The similar decisions last found, or null. */
    public ReadOnlyObjectProperty<SimilarDecisions.Result> similarResultProperty() {
        return similarResult.getReadOnlyProperty();
    }

    /** True while similar decisions are being found. */
    public ReadOnlyBooleanProperty similarLoadingProperty() {
        return similarLoading.getReadOnlyProperty();
    }

    /** Why there are no similar decisions (none found, or a failure), or empty. */
    public ReadOnlyStringProperty similarMessageProperty() {
        return similarMessage.getReadOnlyProperty();
    }
}
