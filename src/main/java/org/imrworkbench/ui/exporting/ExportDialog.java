package org.imrworkbench.ui.exporting;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.imrworkbench.export.CaseOrder;
import org.imrworkbench.export.ExportFormat;
import org.imrworkbench.export.Selection;
import org.imrworkbench.ui.common.FileDialogs;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.ScreenFit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The export dialog: a binder (PDF), a spreadsheet (CSV) or JSON of the selected cases, the current search, a tag
 * or the whole library, with the binder's cover, order and Bates options, and a progress bar with Cancel.
 */
public final class ExportDialog {

    private final Stage stage = new Stage();
    private final ExportViewModel vm;
    private final FileDialogs files;

    /**
     * @param files       where the file to write is chosen
     * @param selectedIds the cases selected in the table (may be empty)
     * @param query       the current search (may be blank)
     * @param tags        the library's tags, for the tag choice
     */
    public ExportDialog(Window owner, ExportViewModel vm, FileDialogs files, List<String> selectedIds, String query,
                        List<String> tags) {
        this.vm = vm;
        this.files = files;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export");

        ToggleGroup what = new ToggleGroup();
        RadioButton selected = radio(what, "The " + Labels.count(selectedIds.size(), "selected case"),
                new Selection.Cases(selectedIds));
        selected.setDisable(selectedIds.isEmpty());
        String q = query == null ? "" : query.strip();
        RadioButton search = radio(what, q.isEmpty() ? "The current search (none)" : "The current search: " + q,
                new Selection.Query(q));
        search.setDisable(q.isEmpty());
        ComboBox<String> tagChoice = new ComboBox<>(FXCollections.observableArrayList(tags));
        tagChoice.setPromptText("choose a tag");
        RadioButton tagged = radio(what, "The cases tagged", null);
        tagged.setDisable(tags.isEmpty());
        RadioButton all = radio(what, "The whole library", new Selection.All());
        (selectedIds.isEmpty() ? (q.isEmpty() ? all : search) : selected).setSelected(true);
        tagChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                tagged.setSelected(true);
            }
        });
        what.selectedToggleProperty().addListener((obs, old, now) -> updateSelection(what, tagChoice));
        tagChoice.valueProperty().addListener((obs, old, now) -> updateSelection(what, tagChoice));
        updateSelection(what, tagChoice);

        ComboBox<ExportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ExportFormat.values()));
        format.setConverter(names(f -> switch (f) {
            case PDF -> "PDF binder (annotated, with contents and bookmarks)";
            case CSV -> "CSV spreadsheet (one row per item)";
            case JSON -> "JSON (as the show command)";
        }));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        ComboBox<CaseOrder> order = new ComboBox<>(FXCollections.observableArrayList(CaseOrder.values()));
        order.setConverter(names(o -> Labels.sentence(o.name())));
        order.valueProperty().bindBidirectional(vm.orderProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label("Export"), new VBox(4, selected, search, new HBox(8, tagged, tagChoice), all));
        form.addRow(row++, new Label("Format"), format);
        form.addRow(row++, new Label("Order"), order);
        form.addRow(row++, new Label("Title"), field(vm.titleProperty(), "Binder title", "export-title"));
        form.addRow(row++, new Label("Matter"), field(vm.matterProperty(), "e.g. Smith v. Acme Logistics", null));
        form.addRow(row++, new Label("Prepared for"), field(vm.preparedForProperty(), "", null));
        form.addRow(row++, new Label("Prepared by"), field(vm.preparedByProperty(), "", null));
        TextField bates = field(vm.batesPrefixProperty(), "prefix, e.g. SMITH (empty: none)", null);
        TextField batesStart = field(vm.batesStartProperty(), "", null);
        batesStart.setPrefColumnCount(6);
        form.addRow(row++, new Label("Bates numbers"), new HBox(8, bates, new Label("from"), batesStart));
        CheckBox exhibits = new CheckBox("Exhibit labels per case");
        exhibits.selectedProperty().bindBidirectional(vm.exhibitsProperty());
        CheckBox originals = new CheckBox("Append the original letter's PDF pages after each case");
        originals.selectedProperty().bindBidirectional(vm.originalsProperty());
        CheckBox statistics = new CheckBox("Begin with statistics (overturn rates)");
        statistics.setTooltip(new javafx.scene.control.Tooltip("A section before the cases: the outcomes of their "
                + "items by treatment category, drug, guideline source, reviewer specialty and decision year, with "
                + "overturn rates and their 95% intervals"));
        statistics.selectedProperty().bindBidirectional(vm.statisticsProperty());
        form.addRow(row, new Label("Options"), new VBox(4, exhibits, originals, statistics));
        for (javafx.scene.Node n : form.getChildren()) {
            if (n instanceof Label l) {
                l.getStyleClass().add("muted");
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        form.getChildrenUnmodifiable().stream().filter(n -> !(n instanceof Label))
                .forEach(n -> GridPane.setHgrow(n, Priority.ALWAYS));
        form.disableProperty().bind(vm.runningProperty());
        List.of(order, exhibits, originals, statistics, bates, batesStart).forEach(n ->
                n.disableProperty().bind(vm.formatProperty().isNotEqualTo(ExportFormat.PDF)));

        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Button export = new Button("Export…");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> chooseAndExport());
        Button cancel = new Button("Cancel export");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            vm.cancel();
            stage.close();
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, grow, close, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        // on a short screen the form scrolls; the progress and the buttons stay in view
        javafx.scene.control.ScrollPane formScroll = new javafx.scene.control.ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.getStyleClass().add("edge-to-edge");
        formScroll.prefViewportHeightProperty().bind(form.heightProperty());
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        VBox root = new VBox(12, formScroll, bar, status, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(640);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        ScreenFit.keepInside(stage);
    }

    public void show() {
        stage.show();
    }

    private void updateSelection(ToggleGroup group, ComboBox<String> tag) {
        RadioButton chosen = (RadioButton) group.getSelectedToggle();
        if (chosen == null) {
            return;
        }
        Selection s = (Selection) chosen.getUserData();
        if (s == null) {
            s = tag.getValue() == null ? null : new Selection.Tagged(tag.getValue());
        }
        if (s != null) {
            vm.selectionProperty().set(s);
        }
    }

    private void chooseAndExport() {
        ExportFormat format = vm.formatProperty().get();
        String extension = format.name().toLowerCase(Locale.ROOT);
        files.save(stage, FileDialogs.Request.titled("Export to a " + format.name() + " file")
                .named(safeName(vm.titleProperty().get()) + "." + extension)
                .filters(FileDialogs.Filter.of(format.name() + " files", "*." + extension))).ifPresent(chosen -> {
                    Path out = chosen;
                    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
                        out = out.resolveSibling(out.getFileName() + "." + extension);
                    }
                    vm.export(out, result -> { });
                });
    }

    /** A file name from a title: path separators, quotes and control characters removed. */
    static String safeName(String title) {
        String name = title == null ? "" : title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ").replaceAll("\\s+", " ")
                .strip();
        return name.isEmpty() ? "IMR export" : name.length() > 80 ? name.substring(0, 80).strip() : name;
    }

    private static RadioButton radio(ToggleGroup group, String text, Selection selection) {
        RadioButton radio = new RadioButton(text);
        radio.setToggleGroup(group);
        radio.setUserData(selection);
        return radio;
    }

    private static TextField field(javafx.beans.property.StringProperty property, String prompt, String id) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setPromptText(prompt);
        if (id != null) {
            field.setId(id);
        }
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
