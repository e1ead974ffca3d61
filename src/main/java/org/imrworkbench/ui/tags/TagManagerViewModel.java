package org.imrworkbench.ui.tags;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.TagUsage;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.UserMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The tag manager: every tag with how many cases and items carry it, and rename, merge, recolour and delete. Library
 * work runs off the FX thread; after each change the list is reloaded, the changed tag stays selected and the
 * {@link #onChanged} listeners run (the main window refreshes its table and facets).
 */
public final class TagManagerViewModel {

    private final Library library;
    private final Background background;
    private final List<Runnable> changedListeners = new ArrayList<>();
    private final ObservableList<TagUsage> tags = FXCollections.observableArrayList();
    private final ObservableList<TagUsage> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final ObjectProperty<TagUsage> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public TagManagerViewModel(Library library, Background background) {
        this.library = Objects.requireNonNull(library);
        this.background = Objects.requireNonNull(background);
    }

    /** Runs {@code listener} on the FX thread after every change to the library's tags. */
    public void onChanged(Runnable listener) {
        changedListeners.add(Objects.requireNonNull(listener));
    }

    /** The tags by name, ignoring case, with their case and item counts. */
    public ObservableList<TagUsage> tags() {
        return tagsView;
    }

    /** The tag the actions apply to (the view binds its table's selection to it). */
    public ObjectProperty<TagUsage> selectedProperty() {
        return selected;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while library work runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reloads the tags, keeping the selection. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().tag().name();
        change(() -> keep, null, false);
    }

    /** Renames a tag (a change of case only is allowed; another tag's name is refused: merge instead). */
    public void rename(String name, String newName) {
        change(() -> library.tags().rename(name, newName).name(),
                "Renamed “" + name + "” to “" + (newName == null ? "" : newName.strip()) + "”.", true);
    }

    /** Moves every use of tag {@code from} to tag {@code into} and deletes {@code from}. */
    public void merge(String from, String into) {
        change(() -> library.tags().merge(from, into).name(), "Merged “" + from + "” into “" + into + "”.", true);
    }

    /** Sets a tag's colour: {@code #rrggbb}, or null for the default. */
    public void recolour(String name, String color) {
        change(() -> library.tags().recolour(name, color).name(),
                color == null ? "“" + name + "” has the default colour again." : "Recoloured “" + name + "”.", true);
    }

    /** Deletes a tag, taking it off every case and item. */
    public void delete(String name) {
        change(() -> {
            library.tags().delete(name);
            return null;
        }, "Deleted “" + name + "”.", true);
    }

    /** The question to ask before deleting: "Delete the tag “x”? 3 cases and 1 item lose it." */
    public static String deleteQuestion(TagUsage usage) {
        String name = usage.tag().name();
        if (usage.cases() == 0 && usage.items() == 0) {
            return "Delete the tag “" + name + "”? No case or item carries it.";
        }
        List<String> losers = new ArrayList<>();
        if (usage.cases() > 0) {
            losers.add(usage.cases() + (usage.cases() == 1 ? " case" : " cases"));
        }
        if (usage.items() > 0) {
            losers.add(usage.items() + (usage.items() == 1 ? " item" : " items"));
        }
        boolean one = usage.cases() + usage.items() == 1;
        return "Delete the tag “" + name + "”? " + String.join(" and ", losers) + (one ? " loses" : " lose")
                + " it.";
    }

    /** Off the FX thread: the work (giving the tag to select) and the reload; on it: list, selection, message. */
    private void change(Callable<String> work, String done, boolean notify) {
        busy.set(true);
        background.run(() -> {
            String select = work.call();
            return new Reloaded(select, library.tags().list());
        }, reloaded -> {
            busy.set(false);
            tags.setAll(reloaded.tags());
            selected.set(reloaded.tags().stream()
                    .filter(t -> reloaded.select() != null && t.tag().name().equalsIgnoreCase(reloaded.select()))
                    .findFirst().orElse(null));
            message.set(done == null ? "" : done);
            if (notify) {
                changedListeners.forEach(Runnable::run);
            }
        }, failure -> {
            busy.set(false);
            message.set(UserMessages.of(failure));
        });
    }

    /** The result of a change: the tag to select (or null) and the tags as they now are. */
    private record Reloaded(String select, List<TagUsage> tags) {
    }
}
