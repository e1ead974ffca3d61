package org.imrworkbench.ui.importing;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.imrworkbench.ui.common.WordWrap;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Function;

/**
 * The progress of an import (bar, counts, current file, time left, Cancel) and then its report: a summary and the
 * files that were not imported with the reason for each, wrapped whole in the list, the selected file's name, folder
 * and reason under it, Copy report (as text, to the clipboard) and Close. A thin view over {@link ImportViewModel}.
 */
public final class ImportView extends BorderPane {

    private final ImportViewModel model;
    private final Button close = new Button("Close");

    public ImportView(ImportViewModel model) {
        this.model = model;
        getStyleClass().add("import-view");
        var isRunning = model.stateProperty().isEqualTo(ImportViewModel.State.RUNNING);
        var isFinished = model.stateProperty().isEqualTo(ImportViewModel.State.FINISHED);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case READY -> "Import letters";
            case RUNNING -> "Importing letters…";
            case FINISHED -> model.reportProperty().get() != null && model.reportProperty().get().cancelled()
                    ? "Import cancelled" : "Import finished";
        }, model.stateProperty(), model.reportProperty()));

        // ---- progress
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label counts = new Label();
        counts.getStyleClass().add("import-counts");
        counts.textProperty().bind(model.countsProperty());
        Label current = new Label();
        current.getStyleClass().addAll(Styles.TEXT_MUTED, "import-current");
        current.textProperty().bind(Bindings.when(model.currentFileProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Last read: ", model.currentFileProperty())));
        current.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        Label timeLeft = new Label();
        timeLeft.getStyleClass().addAll(Styles.TEXT_MUTED, "import-time-left");
        timeLeft.textProperty().bind(model.timeLeftProperty());
        timeLeft.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(current, Priority.SOMETIMES);
        HBox details = new HBox(12, current, spacer, timeLeft);
        VBox progress = new VBox(8, bar, counts, details);
        progress.getStyleClass().add("import-progress");
        progress.visibleProperty().bind(isRunning);
        progress.managedProperty().bind(isRunning);

        // ---- report
        Label summary = new Label();
        summary.getStyleClass().add("import-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        FontIcon ok = new FontIcon(Material2AL.CHECK_CIRCLE);
        ok.getStyleClass().add("import-ok-icon");
        FontIcon warn = new FontIcon(Material2MZ.WARNING);
        warn.getStyleClass().add("import-warn-icon");
        summary.graphicProperty().bind(Bindings.when(model.failedProperty().greaterThan(0)
                .or(model.reportProperty().isNull())).then((Node) warn).otherwise(ok));
        Label problemsTitle = new Label("Not imported");
        problemsTitle.getStyleClass().add("section-title");
        TableView<ImportViewModel.Problem> table = problemsTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        Node detail = detail();
        VBox report = new VBox(10, summary, problemsTitle, table, detail);
        report.getStyleClass().add("import-report");
        report.visibleProperty().bind(isFinished);
        report.managedProperty().bind(isFinished);
        problemsTitle.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemsTitle.managedProperty().bind(problemsTitle.visibleProperty());
        table.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        table.managedProperty().bind(table.visibleProperty());
        detail.visibleProperty().bind(model.selectedProperty().isNotNull());
        detail.managedProperty().bind(detail.visibleProperty());

        VBox content = new VBox(14, title, progress, report);
        content.getStyleClass().add("import-content");
        setCenter(content);

        // ---- buttons
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setTooltip(new Tooltip("Stop after the current letter; what is imported stays in the library"));
        cancel.disableProperty().bind(model.cancellingProperty());
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(isRunning);
        cancel.managedProperty().bind(isRunning);
        close.setDefaultButton(true);
        close.getStyleClass().add(Styles.ACCENT);
        close.visibleProperty().bind(isRunning.not());
        close.managedProperty().bind(close.visibleProperty());
        Button copy = new Button("Copy report", new FontIcon(Material2AL.CONTENT_COPY));
        copy.getStyleClass().add("import-copy");
        copy.setTooltip(new Tooltip("Copy the summary and every file not imported, with where it is and why, "
                + "to paste into an e-mail or a note"));
        copy.visibleProperty().bind(isFinished);
        copy.managedProperty().bind(copy.visibleProperty());
        Label copied = new Label();
        copied.getStyleClass().addAll(Styles.TEXT_MUTED, "import-copied");
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(model.reportText());
            Clipboard.getSystemClipboard().setContent(clip);
            copied.setText("Copied to the clipboard.");
        });
        model.stateProperty().addListener((o, was, now) -> copied.setText(""));
        copied.visibleProperty().bind(isFinished);
        copied.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, copied, gap, cancel, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("dialog-buttons");
        setBottom(buttons);
    }

    /** The view model. */
    public ImportViewModel viewModel() {
        return model;
    }

    /** The Close button, whose action the dialog sets. */
    Button closeButton() {
        return close;
    }

    /**
     * The selected file under the list: its name, the folder it is in, and its reason whole, all selectable text to
     * copy from.
     */
    private Node detail() {
        Label name = new Label();
        name.getStyleClass().addAll("import-detail-name", Styles.TEXT_BOLD);
        Label folder = new Label();
        folder.getStyleClass().addAll("import-detail-folder", Styles.TEXT_MUTED);
        Label reason = new Label();
        reason.getStyleClass().add("import-detail-reason");
        model.selectedProperty().addListener((o, was, p) -> {
            name.setText(p == null ? "" : p.name() + " \u2014 " + p.outcome());
            folder.setText(p == null || p.folder().isEmpty() ? "" : "In " + p.folder());
            reason.setText(p == null ? "" : p.reason());
        });
        for (Label l : java.util.List.of(name, folder, reason)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        folder.managedProperty().bind(folder.textProperty().isNotEmpty());
        VBox box = new VBox(4, name, folder, reason);
        box.getStyleClass().add("import-detail");
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private TableView<ImportViewModel.Problem> problemsTable() {
        TableView<ImportViewModel.Problem> table = new TableView<>(model.problems());
        table.getStyleClass().addAll("import-problems", Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportViewModel.Problem, String> file = column("File", ImportViewModel.Problem::name, 230);
        file.setCellFactory(c -> new WrappedCell(file, "import-file"));
        TableColumn<ImportViewModel.Problem, String> outcome = column("Outcome", ImportViewModel.Problem::outcome,
                96);
        outcome.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("outcome-failed", "outcome-duplicate");
                setText(empty ? null : value);
                if (!empty && value != null) {
                    getStyleClass().add(value.equals("Failed") ? "outcome-failed" : "outcome-duplicate");
                }
            }
        });
        TableColumn<ImportViewModel.Problem, String> reason = column("Reason", ImportViewModel.Problem::reason, 420);
        reason.setCellFactory(c -> new WrappedCell(reason, "import-reason"));
        table.getColumns().setAll(java.util.List.of(file, outcome, reason));
        table.setPlaceholder(new Label("Every file was imported."));
        // the row selected is the one shown whole under the list (at first the first row)
        table.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            if (p != null) {
                model.select(p);
            }
        });
        model.selectedProperty().addListener((o, was, p) -> {
            if (p != null && table.getSelectionModel().getSelectedItem() != p) {
                table.getSelectionModel().select(p);
            }
        });
        return table;
    }

    /**
     * A cell whose text wraps between words, as many lines as it takes: the row is as tall as its longest text, so
     * a reason is read whole in the list. A word wider than the column (a long file name with no spaces) is cut
     * short with an ellipsis, whole in its tooltip; a file's tooltip is its path.
     */
    private static final class WrappedCell extends TableCell<ImportViewModel.Problem, String> {
        private final Label label = new Label();
        private final DoubleBinding room;

        WrappedCell(TableColumn<ImportViewModel.Problem, String> column, String styleClass) {
            getStyleClass().add(styleClass);
            room = Bindings.createDoubleBinding(() -> Math.max(0, column.getWidth() - snappedLeftInset()
                    - snappedRightInset()), column.widthProperty(), insetsProperty());
            WordWrap.atSpaces(label, room);
            label.prefWidthProperty().bind(room);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.getStyleClass().add("import-cell-text");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            ImportViewModel.Problem row = empty || getTableRow() == null ? null : getTableRow().getItem();
            label.setText(empty || value == null ? "" : value);
            setText(empty ? null : value); // not shown (the label is): for a screen reader, and to look it up
            setGraphic(empty || value == null ? null : label);
            setTooltip(row != null && getStyleClass().contains("import-file") ? new Tooltip(row.file()) : null);
        }

        /** The height of the text wrapped at the column's width (a cell would ask its label's one-line height). */
        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null ? super.computePrefHeight(width)
                    : snappedTopInset() + label.prefHeight(room.get()) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return getGraphic() == null ? super.computeMinHeight(width) : computePrefHeight(width);
        }
    }

    private static TableColumn<ImportViewModel.Problem, String> column(String title,
            Function<ImportViewModel.Problem, String> value, double width) {
        TableColumn<ImportViewModel.Problem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
