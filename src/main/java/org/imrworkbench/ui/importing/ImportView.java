package org.imrworkbench.ui.importing;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Function;

/**
 * The progress of an import (bar, counts, current file, time left, Cancel) and then its report: a summary and the
 * files that were not imported with the reason for each, and Close. A thin view over {@link ImportViewModel}.
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
        VBox report = new VBox(10, summary, problemsTitle, table);
        report.getStyleClass().add("import-report");
        report.visibleProperty().bind(isFinished);
        report.managedProperty().bind(isFinished);
        problemsTitle.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemsTitle.managedProperty().bind(problemsTitle.visibleProperty());
        table.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        table.managedProperty().bind(table.visibleProperty());

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
        HBox buttons = new HBox(8, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
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

    private TableView<ImportViewModel.Problem> problemsTable() {
        TableView<ImportViewModel.Problem> table = new TableView<>(model.problems());
        table.getStyleClass().addAll("import-problems", Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportViewModel.Problem, String> file = column("File", ImportViewModel.Problem::name, 230);
        file.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                ImportViewModel.Problem row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : name);
                setTooltip(row == null ? null : new Tooltip(row.file()));
            }
        });
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
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setWrapText(true);
                setTooltip(empty || value == null ? null : new Tooltip(value));
            }
        });
        table.getColumns().setAll(java.util.List.of(file, outcome, reason));
        table.setPlaceholder(new Label("Every file was imported."));
        return table;
    }

    private static TableColumn<ImportViewModel.Problem, String> column(String title,
            Function<ImportViewModel.Problem, String> value, double width) {
        TableColumn<ImportViewModel.Problem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
