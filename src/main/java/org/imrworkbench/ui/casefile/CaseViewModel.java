package org.imrworkbench.ui.casefile;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.AnnotationField;
import org.imrworkbench.library.Annotations;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.library.Library;
import org.imrworkbench.library.TagUsage;
import org.imrworkbench.model.Item;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One case in view: its letter, the selected disputed item, its tags and annotations. Every change goes to the
 * library off the FX thread and the case is reloaded from it, so what the user sees is what is stored. Changes to
 * annotations can be undone.
 */
public final class CaseViewModel {

    /** A change that can be undone: its description and the work that reverts it. */
    private record Undo(String description, Callable<?> revert) {
    }

    private final Library library;
    private final Background background;
    private final ObjectProperty<CaseRecord> record = new SimpleObjectProperty<>(this, "record");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<String> knownTags = FXCollections.observableArrayList();
    private final ObservableList<ParserWarning> warnings = FXCollections.observableArrayList();
    private final StringBinding warningCount = Bindings.createStringBinding(() -> warnings.isEmpty() ? ""
            : Labels.count(warnings.size(), "parser warning"), warnings);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<String> highlightQuery = new SimpleObjectProperty<>(this, "highlightQuery", "");
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final ObjectProperty<Integer> undoDepth = new SimpleObjectProperty<>(0);
    private final ObjectBinding<Item> selectedItem;
    private final IntegerProperty changes = new SimpleIntegerProperty(this, "changes", 0);
    private long generation;

    public CaseViewModel(Library library, Background background) {
        this.library = library;
        this.background = background;
        selectedItem = Bindings.createObjectBinding(() -> {
            CaseRecord r = record.get();
            int i = selectedIndex.get();
            return r == null || i < 0 || i >= r.letter().items().size() ? null : r.letter().items().get(i);
        }, record, selectedIndex);
    }

    public ReadOnlyObjectProperty<CaseRecord> recordProperty() {
        return record;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ObjectBinding<Item> selectedItemProperty() {
        return selectedItem;
    }

    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObservableList<String> knownTags() {
        return knownTags;
    }

    /** What the parser was unsure about in the case's letter, in its order; empty when it was sure of it all. */
    public ObservableList<ParserWarning> parserWarnings() {
        return warnings;
    }

    /** "2 parser warnings", "1 parser warning"; empty when the letter has none. */
    public StringBinding warningCountProperty() {
        return warningCount;
    }

    /** The last outcome worth telling the user ("Tag added", or why something failed). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The browser's query, whose words are highlighted in the text. */
    public ObjectProperty<String> highlightQueryProperty() {
        return highlightQuery;
    }

    /** Counts changes made to the library from this view (tags, annotations): the case list listens to it. */
    public IntegerProperty changesProperty() {
        return changes;
    }

    public BooleanBinding canUndoProperty() {
        return Bindings.createBooleanBinding(() -> undoDepth.get() > 0, undoDepth);
    }

    /** Loads a case (null clears the view); {@code itemIndex} selects an item, -1 the first. */
    public void load(String id, int itemIndex) {
        long mine = ++generation;
        if (id == null) {
            warnings.clear();
            record.set(null);
            annotations.clear();
            selectedIndex.set(-1);
            return;
        }
        background.run(() -> library.loadCase(id).orElse(null), loaded -> {
            if (mine != generation) {
                return;
            }
            show(loaded, itemIndex);
            if (loaded == null) {
                message.set("Case " + id + " is no longer in the library");
            }
        }, this::fail);
        refreshKnownTags();
    }

    private void show(CaseRecord loaded, int itemIndex) {
        boolean sameCase = loaded != null && record.get() != null && loaded.id().equals(record.get().id());
        int keep = sameCase ? selectedIndex.get() : itemIndex;
        if (!sameCase) {
            message.set("");            // "Highlighted with a note" was about the case before
        }
        warnings.setAll(loaded == null ? List.of() : ParserWarning.of(loaded.letter()));
        record.set(loaded);
        annotations.setAll(loaded == null ? List.of() : loaded.annotations());
        int items = loaded == null ? 0 : loaded.letter().items().size();
        selectedIndex.set(items == 0 ? -1 : Math.max(0, Math.min(keep, items - 1)));
    }

    public void nextItem() {
        CaseRecord r = record.get();
        if (r != null && selectedIndex.get() + 1 < r.letter().items().size()) {
            selectedIndex.set(selectedIndex.get() + 1);
        }
    }

    /** Selects the disputed item numbered {@code number} (a warning's item); false if the case has none such. */
    public boolean goToItem(int number) {
        CaseRecord r = record.get();
        if (r == null) {
            return false;
        }
        List<Item> items = r.letter().items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() == number) {
                selectedIndex.set(i);
                return true;
            }
        }
        return false;
    }

    public void previousItem() {
        if (selectedIndex.get() > 0) {
            selectedIndex.set(selectedIndex.get() - 1);
        }
    }

    // ------------------------------------------------------------------------------------------ tags

    public void addCaseTag(String name) {
        String tag = clean(name);
        if (tag != null) {
            change(() -> library.tags().tagCase(id(), tag), "Tagged \u201C" + tag + "\u201D");
        }
    }

    public void removeCaseTag(String name) {
        change(() -> library.tags().untagCase(id(), name), "Removed tag \u201C" + name + "\u201D");
    }

    public void addItemTag(String name) {
        String tag = clean(name);
        Item item = selectedItem.get();
        if (tag != null && item != null) {
            change(() -> library.tags().tagItem(id(), item.number(), tag),
                    "Tagged item " + item.number() + " \u201C" + tag + "\u201D");
        }
    }

    public void removeItemTag(String name) {
        Item item = selectedItem.get();
        if (item != null) {
            change(() -> library.tags().untagItem(id(), item.number(), name), "Removed tag \u201C" + name + "\u201D");
        }
    }

    private static String clean(String name) {
        if (name == null) {
            return null;
        }
        String t = name.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    private void refreshKnownTags() {
        background.run(() -> library.tags().list().stream().map(TagUsage::tag).map(t -> t.name()).toList(),
                knownTags::setAll, this::fail);
    }

    // ------------------------------------------------------------------------------------------ annotations

    /**
     * Highlights {@code [start, end)} of the summary (item null) or of an item's rationale, in a colour, with an
     * optional note.
     */
    public void highlight(AnnotationField field, Integer itemNumber, int start, int end, String color, String note) {
        if (record.get() == null || end <= start) {
            return;
        }
        String caseId = id();
        String author = Annotations.defaultAuthor();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        background.run(() -> library.annotations().highlightSpan(caseId, field, itemNumber, start, end, cleanNote,
                color, author), created -> {
            pushUndo("highlight", () -> library.annotations().delete(created.id()));
            message.set(cleanNote == null ? "Highlighted" : "Highlighted with a note");
            reload();
        }, this::fail);
    }

    /** A note on the whole case (item null) or on an item. */
    public void addNote(Integer itemNumber, String note, String color) {
        if (record.get() == null || note == null || note.isBlank()) {
            return;
        }
        String caseId = id();
        background.run(() -> library.annotations().note(caseId, itemNumber, note.strip(), color,
                Annotations.defaultAuthor()), created -> {
            pushUndo("note", () -> library.annotations().delete(created.id()));
            message.set("Note added");
            reload();
        }, this::fail);
    }

    public void editAnnotation(Annotation annotation, String note, String color) {
        String previousNote = annotation.note();
        String previousColor = annotation.color();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        background.run(() -> library.annotations().edit(annotation.id(), cleanNote, color), edited -> {
            pushUndo("edit", () -> library.annotations().edit(annotation.id(), previousNote, previousColor));
            message.set("Annotation updated");
            reload();
        }, this::fail);
    }

    public void deleteAnnotation(Annotation a) {
        String caseId = id();
        background.run(() -> library.annotations().delete(a.id()), deleted -> {
            pushUndo("delete", () -> a.isHighlight()
                    ? library.annotations().highlightSpan(caseId, a.field(), a.item(), a.start(), a.end(), a.note(),
                    a.color(), a.author())
                    : library.annotations().note(caseId, a.item(), a.note(), a.color(), a.author()));
            message.set("Annotation deleted (Ctrl+Z undoes)");
            reload();
        }, this::fail);
    }

    /** Reverts the last change to an annotation. */
    public void undo() {
        Undo last = undo.poll();
        if (last == null) {
            return;
        }
        undoDepth.set(undo.size());
        background.run(last.revert(), done -> {
            message.set("Undone: " + last.description());
            reload();
        }, this::fail);
    }

    private void pushUndo(String description, Callable<?> revert) {
        undo.push(new Undo(description, revert));
        undoDepth.set(undo.size());
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private String id() {
        return Objects.requireNonNull(record.get(), "no case loaded").id();
    }

    private void change(Callable<?> work, String done) {
        if (record.get() == null) {
            return;
        }
        background.run(work, result -> {
            message.set(done);
            reload();
            refreshKnownTags();
        }, this::fail);
    }

    /** Reloads the case after a change, keeping the selected item. */
    public void reload() {
        changes.set(changes.get() + 1);
        CaseRecord r = record.get();
        if (r != null) {
            load(r.id(), selectedIndex.get());
        }
    }

    private void fail(Throwable t) {
        message.set(UserMessages.of(t));
    }
}
