package org.imrworkbench.ui.analytics;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.ItemRef;
import org.imrworkbench.analytics.Precedents;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.UserMessages;

import java.util.List;
import java.util.Locale;

/**
 * The precedents of the item in view: the most similar decided items, their outcome, and the phrases that
 * separate the overturned from the upheld; choosing a phrase narrows the list to the items that use it.
 */
public final class PrecedentsViewModel {

    /** How many precedents are listed. */
    public static final int LIMIT = 25;

    private final Analytics analytics;
    private final Background background;
    private final ObjectProperty<Precedents.Result> result = new SimpleObjectProperty<>(this, "result");
    private final ObservableList<Precedents.Precedent> shown = FXCollections.observableArrayList();
    private final ObjectProperty<Precedents.Phrase> phrase = new SimpleObjectProperty<>(this, "phrase");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private long generation;

    public PrecedentsViewModel(Analytics analytics, Background background) {
        this.analytics = analytics;
        this.background = background;
        phrase.addListener((obs, old, now) -> filter());
    }

    public ObjectProperty<Precedents.Result> resultProperty() {
        return result;
    }

    /** The precedents listed: all, or those that use the chosen phrase. */
    public ObservableList<Precedents.Precedent> shown() {
        return shown;
    }

    /** The phrase chosen to narrow the list, or null. */
    public ObjectProperty<Precedents.Phrase> phraseProperty() {
        return phrase;
    }

    /**
     * The item the precedents shown are for, "Precedents of item 2: Orphenadrine Citrate ER 100mg tabs #30" (the
     * Items tab, which shows the item, is hidden behind the precedents); blank while none are shown.
     */
    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Finds the precedents of an item, off the FX thread; null clears the view. */
    public void load(String caseId, Integer itemNumber) {
        long mine = ++generation;
        phrase.set(null);
        if (caseId == null || itemNumber == null) {
            result.set(null);
            shown.clear();
            summary.set("");
            subject.set("");
            return;
        }
        loading.set(true);
        subject.set("");
        summary.set("Finding precedents…");
        background.run(() -> analytics.precedents(caseId, itemNumber, LIMIT), found -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            result.set(found);
            filter();
            subject.set(subject(found.item()));
            summary.set(describe(found));
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                result.set(null);
                shown.clear();
                subject.set("");
                summary.set(UserMessages.of(failure));
            }
        });
    }

    /** "Precedents of item 2: Orphenadrine Citrate ER 100mg tabs #30". */
    static String subject(ItemRef item) {
        return "Precedents of item " + item.item() + ": " + item.request();
    }

    /** "24 precedents (same drug first): 6 overturned, 18 upheld — overturn rate 25% (95% CI 12–45%)". */
    static String describe(Precedents.Result r) {
        if (r.precedents().isEmpty()) {
            return "No decided item in the library is like this one yet.";
        }
        var o = r.outcome();
        String rate = o.total() == 0 ? "" : String.format(Locale.ROOT, " — overturn rate %.0f%% (95%% CI %.0f–%.0f%%)%s",
                o.rate() * 100, o.low() * 100, o.high() * 100, o.small() ? ", few items: not a finding" : "");
        return r.precedents().size() + (r.precedents().size() == 1 ? " precedent" : " precedents")
                + (r.generic() != null ? " (same drug first)" : "") + ": " + o.overturned() + " overturned, "
                + o.upheld() + " upheld" + rate;
    }

    private void filter() {
        Precedents.Result r = result.get();
        if (r == null) {
            shown.clear();
            return;
        }
        Precedents.Phrase p = phrase.get();
        if (p == null) {
            shown.setAll(r.precedents());
            return;
        }
        List<ItemRef> using = p.items();
        shown.setAll(r.precedents().stream().filter(x -> using.contains(x.ref())).toList());
    }
}
