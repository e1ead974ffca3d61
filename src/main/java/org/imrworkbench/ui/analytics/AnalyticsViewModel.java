package org.imrworkbench.ui.analytics;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Breakdown;
import org.imrworkbench.analytics.Dimension;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.model.Category;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The analytics tab: the outcomes of the current search (or the whole library) by a chosen dimension, and the
 * decisions per month. Work runs off the FX thread; a result that arrives after a newer request is dropped.
 */
public final class AnalyticsViewModel {

    private final Analytics analytics;
    private final Background background;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Dimension> dimension = new SimpleObjectProperty<>(this, "dimension",
            Dimension.CATEGORY);
    private final ObservableList<OutcomeRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OutcomeRow> trend = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<OutcomeRow> all = new ReadOnlyObjectWrapper<>(this, "all");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper emptyRows =
            new ReadOnlyStringWrapper(this, "emptyRows", "No decided items in this search.");
    private Consumer<String> onFilter = q -> { };
    private long generation;
    /** The breakdown whose rows are shown, or null before the first. */
    private Breakdown shown;

    public AnalyticsViewModel(Analytics analytics, Background background) {
        this.analytics = Objects.requireNonNull(analytics);
        this.background = Objects.requireNonNull(background);
    }

    /** The search the analytics are of (the library's search syntax; blank: the whole library). */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Dimension> dimensionProperty() {
        return dimension;
    }

    /** The rows of the chosen dimension, as {@link Analytics#breakdown} orders them. */
    public ObservableList<OutcomeRow> rows() {
        return rows;
    }

    /** Decided items by decision month, oldest first. */
    public ObservableList<OutcomeRow> trend() {
        return trend;
    }

    /** All decided items of the search together, or null before the first result. */
    public ReadOnlyObjectProperty<OutcomeRow> allProperty() {
        return all.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the numbers are of ("34 decided items matching …"), or why there are none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Why the rows are empty, for the table to say: no decided items at all, or none of them with a value of the
     * chosen dimension ("No drug among the 3 decided items of this search." when none of them is a drug).
     */
    public ReadOnlyStringProperty emptyRowsProperty() {
        return emptyRows.getReadOnlyProperty();
    }

    /** What choosing a row does with the narrowed query (the main window searches it in the library). */
    public void setOnFilter(Consumer<String> onFilter) {
        this.onFilter = Objects.requireNonNull(onFilter);
    }

    /** Computes the breakdown and the trend of the current query and dimension. */
    public void refresh() {
        String q = query.get() == null ? "" : query.get().strip();
        Dimension by = dimension.get();
        long mine = ++generation;
        busy.set(true);
        background.run(() -> new Breakdown[]{analytics.breakdown(q, by), analytics.breakdown(q, Dimension.MONTH)},
                result -> {
                    if (mine != generation) {
                        return;
                    }
                    shown = result[0];
                    rows.setAll(result[0].rows());
                    trend.setAll(result[1].rows());
                    all.set(result[0].all());
                    int n = result[0].all().total();
                    int undated = n - result[1].rows().stream().mapToInt(OutcomeRow::total).sum();
                    status.set(Labels.count(n, "decided item") + " "
                            + (q.isEmpty() ? "in the library" : "matching \u201C" + q + "\u201D")
                            + (undated > 0 ? String.format(Locale.ROOT, " (%,d without a decision date, not in the "
                                    + "monthly charts)", undated) : ""));
                    emptyRows.set(n == 0 ? "No decided items in this search."
                            : "No " + by.title().toLowerCase(Locale.ROOT) + " among the "
                            + Labels.count(n, "decided item") + " of this search.");
                    busy.set(false);
                }, failure -> {
                    if (mine == generation) {
                        status.set("Analytics failed: " + UserMessages.of(failure));
                        busy.set(false);
                    }
                });
    }

    /**
     * The current query narrowed to exactly one row's items ({@link Breakdown#drillDown}), so that the library then
     * lists the cases of the items the row counts and a search of it finds as many items as the row shows.
     */
    public String filterQuery(OutcomeRow row) {
        String q = query.get() == null ? "" : query.get().strip();
        Breakdown b = shown;
        if (b != null && b.by() == dimension.get() && b.query().equals(q)) {
            return b.drillDown(row);
        }
        return dimension.get().drillDown(q, row.key(), false);
    }

    /** Narrows the library to one row's items: hands {@link #filterQuery} to the main window. */
    public void filter(OutcomeRow row) {
        onFilter.accept(filterQuery(row));
    }

    /** A row's key for people: "Physical therapy" for {@code PHYSICAL_THERAPY}, others as stored. */
    public String label(String key) {
        if (dimension.get() == Dimension.CATEGORY) {
            try {
                return Labels.category(Category.valueOf(key));
            } catch (IllegalArgumentException notACategory) {
                return key;
            }
        }
        return key;
    }

    /** The table as CSV: a header, then key, upheld, overturned, total, rate, low, high per row (RFC 4180 quoting). */
    public String csv() {
        StringBuilder sb = new StringBuilder(dimension.get().word()).append(",upheld,overturned,total,rate,low,high\r\n");
        for (OutcomeRow r : rows) {
            sb.append(quote(r.key())).append(',').append(r.upheld()).append(',').append(r.overturned()).append(',')
                    .append(r.total()).append(',').append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f", r.rate(),
                            r.low(), r.high())).append("\r\n");
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** "29%" or, over fewer than {@link OutcomeRow#SMALL} decided items, "n<10". */
    public static String rateText(OutcomeRow r) {
        return r.small() ? "n<" + OutcomeRow.SMALL : String.format(Locale.ROOT, "%.0f%%", 100 * r.rate());
    }

    /** "13–53%". */
    public static String intervalText(OutcomeRow r) {
        return String.format(Locale.ROOT, "%.0f\u2013%.0f%%", 100 * r.low(), 100 * r.high());
    }
}
