package org.imrworkbench.ui.tags;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.imrworkbench.library.TagUsage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;

/**
 * The tags of the library in a table (colour, name, cases, items) with a filter, and the selected tag's actions beside
 * it: rename, colour, merge into another tag, delete (after a confirmation stating what loses it). A thin view over
 * {@link TagManagerViewModel}.
 */
public final class TagManagerView extends BorderPane {

    private final TagManagerViewModel model;
    private final TableView<TagUsage> table = new TableView<>();

    public TagManagerView(TagManagerViewModel model) {
        this.model = model;
        getStyleClass().add("tag-manager");

        TextField filter = new TextField();
        filter.setPromptText("Filter tags");
        filter.getStyleClass().add("tag-filter");
        FilteredList<TagUsage> shown = new FilteredList<>(model.tags());
        filter.textProperty().addListener((o, was, text) -> shown.setPredicate(t -> text == null || text.isBlank()
                || t.tag().name().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT))));
        table.setItems(shown);
        table.getStyleClass().addAll("tag-table", Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No tags yet. Tag a case or an item to make one."));
        table.getColumns().setAll(java.util.List.of(swatchColumn(), nameColumn(), count("Cases", TagUsage::cases),
                count("Items", TagUsage::items)));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null || !model.busyProperty().get()) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((o, was, is) -> {
            if (table.getSelectionModel().getSelectedItem() != is) {
                if (is == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(is);
                    table.scrollTo(is);
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(8, filter, table);
        left.getStyleClass().add("tag-list");
        setCenter(left);
        setRight(details());

        Label message = new Label();
        message.getStyleClass().addAll("tag-message", Styles.TEXT_MUTED);
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        setBottom(message);
    }

    /** The view model. */
    public TagManagerViewModel viewModel() {
        return model;
    }

    private VBox details() {
        BooleanBinding none = model.selectedProperty().isNull().or(model.busyProperty());

        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Select a tag" : model.selectedProperty().get().tag().name(), model.selectedProperty()));
        Label usage = new Label();
        usage.getStyleClass().add(Styles.TEXT_MUTED);
        usage.textProperty().bind(Bindings.createStringBinding(() -> {
            TagUsage t = model.selectedProperty().get();
            return t == null ? "" : "On " + t.cases() + (t.cases() == 1 ? " case" : " cases") + " and " + t.items()
                    + (t.items() == 1 ? " item" : " items");
        }, model.selectedProperty()));

        TextField name = new TextField();
        name.getStyleClass().add("tag-name-field");
        Button rename = new Button("Rename");
        rename.getStyleClass().add("tag-rename");
        rename.disableProperty().bind(none.or(Bindings.createBooleanBinding(() -> {
            TagUsage t = model.selectedProperty().get();
            return t == null || name.getText().isBlank() || name.getText().strip().equals(t.tag().name());
        }, model.selectedProperty(), name.textProperty())));
        rename.setOnAction(e -> model.rename(model.selectedProperty().get().tag().name(), name.getText()));
        name.setOnAction(e -> rename.fire());

        ColorPicker colour = new ColorPicker();
        colour.getStyleClass().add("tag-colour");
        // the swatch alone: its colour's name read "Transparent" for a tag of the default colour, "White" for none
        colour.setStyle("-fx-color-label-visible: false;");
        colour.setMaxWidth(Double.MAX_VALUE);
        colour.disableProperty().bind(none);
        boolean[] showing = new boolean[1];
        colour.setOnAction(e -> {
            TagUsage t = model.selectedProperty().get();
            if (showing[0]) {
                return; // the picker shows the selected tag's colour: not a choice of the user's
            }
            String hex = hex(colour.getValue());
            if (t != null && !hex.equalsIgnoreCase(String.valueOf(t.tag().color()))) {
                model.recolour(t.tag().name(), hex);
            }
        });
        Button defaultColour = new Button(null, new FontIcon(Material2MZ.REFRESH));
        defaultColour.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        defaultColour.setTooltip(new Tooltip("Back to the default colour"));
        defaultColour.disableProperty().bind(none.or(Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() == null || model.selectedProperty().get().tag().color() == null,
                model.selectedProperty())));
        defaultColour.setOnAction(e -> model.recolour(model.selectedProperty().get().tag().name(), null));

        ComboBox<String> into = new ComboBox<>();
        into.setPromptText("Another tag");
        into.setMaxWidth(Double.MAX_VALUE);
        into.disableProperty().bind(none);
        Button merge = new Button("Merge", new FontIcon(Material2AL.CALL_MERGE));
        merge.getStyleClass().add("tag-merge");
        merge.disableProperty().bind(none.or(into.valueProperty().isNull()));
        merge.setTooltip(new Tooltip("Give this tag's cases and items the other tag, and delete this one"));
        merge.setOnAction(e -> model.merge(model.selectedProperty().get().tag().name(), into.getValue()));

        Button delete = new Button("Delete…", new FontIcon(Material2AL.DELETE));
        delete.getStyleClass().addAll(Styles.DANGER, "tag-delete");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> confirmDelete(model.selectedProperty().get()));

        model.selectedProperty().addListener((o, was, t) -> {
            name.setText(t == null ? "" : t.tag().name());
            Color current = t == null ? null : colour(t.tag().color());
            showing[0] = true;
            colour.setValue(current == null ? Color.TRANSPARENT : current);
            colour.setTooltip(new Tooltip(t == null ? "Choose a tag first"
                    : current == null ? "The default colour: choose one for this tag" : "This tag's colour"));
            showing[0] = false;
            into.getItems().setAll(model.tags().stream().map(u -> u.tag().name())
                    .filter(n -> t == null || !n.equals(t.tag().name())).toList());
            into.setValue(null);
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(10);
        form.addRow(0, formLabel("Name"), name, rename);
        form.addRow(1, formLabel("Colour"), colour, defaultColour);
        form.addRow(2, formLabel("Merge into"), into, merge);
        GridPane.setHgrow(name, Priority.ALWAYS);
        for (Button b : new Button[] {rename, defaultColour, merge}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(12, heading, usage, form, delete);
        box.getStyleClass().add("tag-details");
        box.setPrefWidth(380);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private void confirmDelete(TagUsage usage) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, TagManagerViewModel.deleteQuestion(usage),
                ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle("Delete tag");
        alert.setHeaderText(null);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(usage.tag().name()));
    }

    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static TableColumn<TagUsage, Color> swatchColumn() {
        TableColumn<TagUsage, Color> column = new TableColumn<>();
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(colour(c.getValue().tag().color())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Color value, boolean empty) {
                super.updateItem(value, empty);
                if (empty) {
                    setGraphic(null);
                    return;
                }
                Circle swatch = new Circle(7, value == null ? Color.TRANSPARENT : value);
                swatch.getStyleClass().add(value == null ? "tag-swatch-default" : "tag-swatch");
                setGraphic(swatch);
                setAlignment(Pos.CENTER);
            }
        });
        column.setPrefWidth(40);
        column.setMaxWidth(40);
        column.setMinWidth(40);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<TagUsage, String> nameColumn() {
        TableColumn<TagUsage, String> column = new TableColumn<>("Tag");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tag().name()));
        column.setPrefWidth(260);
        return column;
    }

    private static TableColumn<TagUsage, Number> count(String title,
            java.util.function.ToIntFunction<TagUsage> value) {
        TableColumn<TagUsage, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsInt(c.getValue())));
        column.getStyleClass().add(atlantafx.base.theme.Tweaks.ALIGN_RIGHT);
        column.setPrefWidth(80);
        return column;
    }

    /** A tag's colour ({@code #rrggbb} or a colour name), or null for the default (and for a colour not understood). */
    static Color colour(String color) {
        if (color == null || color.isBlank()) {
            return null;
        }
        try {
            return Color.web(color);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A colour as {@code #rrggbb}. */
    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
