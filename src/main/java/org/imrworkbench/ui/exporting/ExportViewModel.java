package org.imrworkbench.ui.exporting;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imrworkbench.export.BinderOptions;
import org.imrworkbench.export.CaseOrder;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.ExportRequest;
import org.imrworkbench.export.ExportResult;
import org.imrworkbench.export.ExportService;
import org.imrworkbench.export.Selection;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.UserMessages;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The export dialog's state: what to export (the selected cases, the current search, a tag, the whole library),
 * in which format, with the binder's options; runs the export off the FX thread with progress and cancel.
 */
public final class ExportViewModel {

    private final ExportService service;
    private final Background background;
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(new Selection.All());
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PDF);
    private final ObjectProperty<CaseOrder> order = new SimpleObjectProperty<>(CaseOrder.CASE_NUMBER);
    private final StringProperty title = new SimpleStringProperty(BinderOptions.DEFAULT_TITLE);
    private final StringProperty matter = new SimpleStringProperty("");
    private final StringProperty preparedFor = new SimpleStringProperty("");
    private final StringProperty preparedBy = new SimpleStringProperty("");
    private final StringProperty batesPrefix = new SimpleStringProperty("");
    private final StringProperty batesStart = new SimpleStringProperty("1");
    private final BooleanProperty exhibits = new SimpleBooleanProperty(false);
    private final BooleanProperty originals = new SimpleBooleanProperty(false);
    private final BooleanProperty statistics = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private AtomicBoolean cancel = new AtomicBoolean();

    public ExportViewModel(ExportService service, Background background) {
        this.service = service;
        this.background = background;
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<CaseOrder> orderProperty() {
        return order;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty matterProperty() {
        return matter;
    }

    public StringProperty preparedForProperty() {
        return preparedFor;
    }

    public StringProperty preparedByProperty() {
        return preparedBy;
    }

    public StringProperty batesPrefixProperty() {
        return batesPrefix;
    }

    public StringProperty batesStartProperty() {
        return batesStart;
    }

    public BooleanProperty exhibitsProperty() {
        return exhibits;
    }

    public BooleanProperty originalsProperty() {
        return originals;
    }

    public BooleanProperty statisticsProperty() {
        return statistics;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** The request for the current choices, or null with a message in {@code status} when a value is invalid. */
    ExportRequest request(Path out) {
        int start;
        try {
            start = Integer.parseInt(batesStart.get().strip());
            if (start < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.set("The first Bates number must be a whole number, 0 or more.");
            return null;
        }
        String prefix = batesPrefix.get() == null || batesPrefix.get().isBlank() ? null : batesPrefix.get().strip();
        BinderOptions options = new BinderOptions(title.get(), blank(matter.get()), blank(preparedFor.get()),
                blank(preparedBy.get()), LocalDate.now(), order.get(), prefix, start,
                BinderOptions.DEFAULT_BATES_DIGITS, exhibits.get(), originals.get(), statistics.get());
        return new ExportRequest(selection.get(), out, format.get(), options);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Exports to {@code out}; {@code done} receives the result on the FX thread. */
    public void export(Path out, Consumer<ExportResult> done) {
        ExportRequest request = request(out);
        if (request == null) {
            return;
        }
        AtomicBoolean mine = new AtomicBoolean();
        cancel = mine;
        running.set(true);
        progress.set(0);
        status.set("Exporting " + request.selection().describe() + "…");
        background.run(() -> service.export(request, p -> background.onUi(() -> {
            progress.set(p.fraction());
            status.set("Case " + p.done() + " of " + p.total() + (p.current() == null ? "" : ": " + p.current()));
        }), mine::get), result -> {
            running.set(false);
            progress.set(1);
            status.set("Wrote " + result.file().getFileName() + ": " + Labels.count(result.cases(), "case") + ", "
                    + Labels.count(result.items(), "item")
                    + (result.pages() > 0 ? ", " + Labels.count(result.pages(), "page") : "")
                    + (result.missing().isEmpty() ? "" : "; not found: " + String.join(", ", result.missing())));
            done.accept(result);
        }, failure -> {
            running.set(false);
            progress.set(0);
            status.set(mine.get() ? "Export cancelled; nothing was written." : "Export failed: "
                    + UserMessages.of(failure));
        });
    }

    public void cancel() {
        cancel.set(true);
    }
}
