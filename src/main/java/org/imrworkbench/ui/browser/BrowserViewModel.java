package org.imrworkbench.ui.browser;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.library.CaseSort;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Library;
import org.imrworkbench.search.Facets;
import org.imrworkbench.search.FilterKey;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The library browser: a query (the library's search syntax), the cases it matches and the facet counts. Searches
 * run off the FX thread; a result that arrives after a newer query was asked for is dropped.
 */
public final class BrowserViewModel {

    /**
     * The facets shown, in order: name, the query filter of its values, title, and how to read them from
     * {@link Facets}. A value's filter finds exactly what the facet counts for it: a drug is its exact generic
     * ({@code drug:} would add the combinations containing it), a specialty that board specialty ({@code specialty:}
     * would add subspecialties and longer names), a year the decision's ({@code year:} would add the injury's). The
     * first, {@code has:}, counts the cases whose parse left warnings (to check) and those with highlights or notes.
     */
    public enum Facet {
        HAS("has", "has", "Warnings, notes"), DECISION("decision", "decision", "Decision"),
        CATEGORY("category", "category", "Category"),
        DRUG("drug", "generic", "Drug"), SPECIALTY("specialty", "board", "Specialty"),
        GUIDELINE("guideline", "guideline", "Guideline"), YEAR("year", "decided", "Year"), TAG("tag", "tag", "Tag");

        /** The facet's name (its list's id is {@code facet-<key>}). */
        public final String key;
        /** The query filter key of its values. */
        public final String filter;
        public final String title;

        Facet(String key, String filter, String title) {
            this.key = key;
            this.filter = filter;
            this.title = title;
        }

        Map<String, Integer> counts(Facets f) {
            return switch (this) {
                case DECISION -> f.decisions();
                case CATEGORY -> f.categories();
                case DRUG -> f.drugs();
                case SPECIALTY -> f.specialties();
                case GUIDELINE -> f.guidelines();
                case YEAR -> f.years();
                case TAG -> f.tags();
                case HAS -> f.has();
            };
        }
    }

    private final Library library;
    private final SearchService search;
    private final Background background;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Facet, List<FacetEntry>>> facets =
            new SimpleObjectProperty<>(this, "facets", Map.of());
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    /** Counted once: the facets then hold every facet's list, empty or not ({@link #entries}). */
    private final ReadOnlyBooleanWrapper facetsCounted = new ReadOnlyBooleanWrapper(this, "facetsCounted");
    private final ReadOnlyObjectWrapper<String> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final ReadOnlyObjectWrapper<CaseSummary> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper notListed = new ReadOnlyStringWrapper(this, "notListed", "");
    private final ReadOnlyStringWrapper backLabel = new ReadOnlyStringWrapper(this, "backLabel", "");
    private long generation;
    /** The query whose whole answer the table lists, or null before the first. */
    private String listedQuery;
    /** The query under which the case being read was last listed, or opened: the search "back" returns to. */
    private String readUnder = "";

    /** How many cases are shown first while a large library's list is read. */
    static final int FIRST_SCREEN = 200;

    public BrowserViewModel(Library library, SearchService search, Background background) {
        this.library = library;
        this.search = search;
        this.background = background;
        facetsCounted.bind(Bindings.createBooleanBinding(() -> !facets.get().isEmpty(), facets));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<CaseSummary> cases() {
        return cases;
    }

    public ObjectProperty<Map<Facet, List<FacetEntry>>> facetsProperty() {
        return facets;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /**
     * Whether the facets have been counted once: before that (the window just opened, a large library still being
     * read) an empty facet means "not counted yet", not "none".
     */
    public ReadOnlyBooleanProperty facetsCountedProperty() {
        return facetsCounted.getReadOnlyProperty();
    }

    /** The id of the case being read (in the case view), or null: see {@link #read}. */
    public ReadOnlyObjectProperty<String> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * The row of the case being read among the listed cases, for the table to select; null when it is not listed.
     * Set again after every search that lists it, so the table keeps it selected through a new search.
     */
    public ReadOnlyObjectProperty<CaseSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /**
     * Why no case is in view, or "" when there is nothing to say: set when a new search leaves out the case being
     * read ("The case you were reading, CM16-0247802, is not among the 7 cases of this search."). The case view then
     * shows no case, rather than one the list does not have as if it were chosen in it; the notice goes when the
     * case is listed again or another is chosen.
     */
    public ReadOnlyStringProperty notListedProperty() {
        return notListed.getReadOnlyProperty();
    }

    /** What going {@link #back} does, for its button: "Back to “knee” and show it", or clearing the search. */
    public ReadOnlyStringProperty backLabelProperty() {
        return backLabel.getReadOnlyProperty();
    }

    /**
     * The user reads case {@code id} (chosen in the table, or opened from elsewhere, even when the list does not have
     * it): it is selected in the table when listed, and any notice goes.
     */
    public void read(String id) {
        reading.set(id);
        readUnder = listedQuery != null ? listedQuery : currentQuery();
        notListed.set("");
        backLabel.set("");
        selected.set(listed(id));
    }

    /** Back to the search that listed the case being read, which selects it again. */
    public void back() {
        if (notListed.get().isEmpty()) {
            return;
        }
        query.set(readUnder);
        refresh();
    }

    /**
     * After the whole answer to query {@code q}: the case being read stays selected when listed; when a search other
     * than the one it was read under leaves it out, the notice says so. The same search again (after a change to the
     * case, say) keeps it in view: nothing the user asked for has moved it.
     */
    private void placeReading(String q) {
        String id = reading.get();
        if (id == null) {
            return;
        }
        CaseSummary row = listed(id);
        selected.set(row);
        if (row != null) {
            readUnder = q;
            notListed.set("");
            backLabel.set("");
        } else if (!q.equals(readUnder)) {
            int n = cases.size();
            notListed.set(n == 0 ? "No case matches this search, so the case you were reading, " + id
                    + ", is not shown."
                    : "The case you were reading, " + id + ", is not "
                    + (n == 1 ? "the case this search finds." : "among the " + Labels.count(n, "case")
                    + " of this search."));
            backLabel.set(readUnder.isEmpty() ? "Clear the search and show it"
                    : "Back to \u201C" + readUnder + "\u201D and show it");
        }
    }

    private CaseSummary listed(String id) {
        if (id == null) {
            return null;
        }
        for (CaseSummary c : cases) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    private String currentQuery() {
        return query.get() == null ? "" : query.get().strip();
    }

    /** What one search brings back. */
    private record Result(List<CaseSummary> cases, Facets facets, int libraryCases) {
    }

    /**
     * Runs the current query; the table and facets update when it returns. On a blank query with nothing listed yet
     * (the window just opened) the newest {@link #FIRST_SCREEN} cases are read and shown first, and only then the
     * whole list and the facets: both go through the library's one connection, and had the whole list (seconds on a
     * large library) taken it first, the first screen would have waited for it.
     */
    public void refresh() {
        String q = query.get() == null ? "" : query.get().strip();
        long mine = ++generation;
        busy.set(true);
        if (q.isEmpty() && cases.isEmpty()) {
            background.run(() -> library.listCases(CaseSort.DECIDED, true, 0, FIRST_SCREEN).cases(), first -> {
                if (mine == generation && cases.isEmpty()) {
                    cases.setAll(first);
                    status.set("Reading the library…");
                }
                readAll(q, mine);
            }, failure -> readAll(q, mine));
        } else {
            readAll(q, mine);
        }
    }

    /** The whole answer to query {@code q} of refresh {@code mine}: unless a later refresh has replaced it. */
    private void readAll(String q, long mine) {
        if (mine != generation) {
            return; // a later refresh reads its own answer
        }
        background.run(() -> {
            List<CaseSummary> found = q.isEmpty()
                    ? library.listCases(CaseSort.DECIDED, true, 0, Integer.MAX_VALUE).cases()
                    : library.summaries(search.caseIds(q));
            return new Result(found, search.facets(q), library.caseCount());
        }, result -> {
            if (mine != generation) {
                return;
            }
            cases.setAll(result.cases());
            listedQuery = q;
            placeReading(q);
            facets.set(entries(result.facets(), q));
            status.set(q.isEmpty() ? Labels.count(result.libraryCases(), "case") + " in the library"
                    : matchStatus(result.cases().size(), result.libraryCases()));
            busy.set(false);
        }, failure -> {
            if (mine == generation) {
                status.set("Search failed: " + UserMessages.of(failure));
                busy.set(false);
            }
        });
    }

    /** Adds or removes a facet's filter in the query, then searches. */
    public void toggle(FacetEntry entry) {
        query.set(QueryFilters.toggle(query.get(), entry.key(), entry.value()));
        refresh();
    }

    private static Map<Facet, List<FacetEntry>> entries(Facets f, String q) {
        Map<Facet, List<FacetEntry>> all = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            List<FacetEntry> list = new ArrayList<>();
            facet.counts(f).entrySet().stream()
                    .filter(e -> e.getKey() != null && !e.getKey().isBlank())
                    .sorted(facet == Facet.YEAR ? Map.Entry.<String, Integer>comparingByKey().reversed()
                            : facet == Facet.HAS ? Comparator.comparing(e -> !e.getKey().equals(FilterKey.WARNINGS))
                            : Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> list.add(new FacetEntry(facet.filter, filterValue(facet, e.getKey()),
                            label(facet, e.getKey()), e.getValue(),
                            QueryFilters.has(q, facet.filter, filterValue(facet, e.getKey())))));
            all.put(facet, list);
        }
        return all;
    }

    private static String filterValue(Facet facet, String raw) {
        return switch (facet) {
            case DECISION, CATEGORY, GUIDELINE -> raw.toLowerCase(Locale.ROOT);
            default -> raw;
        };
    }

    /** "PHYSICAL_THERAPY" → "Physical therapy"; "MTUS" stays; "warnings" → "Parser warnings"; others as stored. */
    public static String label(Facet facet, String raw) {
        return switch (facet) {
            case DECISION -> Labels.sentence(raw);
            case CATEGORY -> {
                try {
                    yield Labels.category(org.imrworkbench.model.Category.valueOf(raw));
                } catch (IllegalArgumentException unknown) {
                    yield Labels.sentence(raw);
                }
            }
            case HAS -> switch (raw) {
                case FilterKey.WARNINGS -> "Parser warnings";
                case FilterKey.NOTES -> "Notes, highlights";
                default -> raw;
            };
            default -> raw;
        };
    }

    /** "9,291 cases of 100,000 match": the status line of a search. */
    static String matchStatus(int matched, int libraryCases) {
        return Labels.count(matched, "case") + " of " + String.format(Locale.ROOT, "%,d", libraryCases) + " match";
    }

}
