package org.imrworkbench.ui.casefile;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.AnnotationField;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Treatment;
import org.imrworkbench.ui.common.Badges;
import org.imrworkbench.ui.common.Labels;
import org.imrworkbench.ui.common.RowScroll;
import org.imrworkbench.ui.common.OverflowBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The case view: the header (case number, dates, reviewer, tags, and the parser's warnings about the letter, if
 * any, listed on demand), the clinical case summary on the left and the disputed items on the right, so the summary
 * stays in view while the user steps through the items. Text can be selected and highlighted in a colour with a
 * note; a notes tab lists the case's annotations.
 */
public final class CaseView extends BorderPane {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final CaseViewModel vm;
    private final Label title = new Label();
    private final Label dates = new Label();
    private final Label reviewer = new Label();
    private final Label patient = new Label();
    private final FlowPane caseTags = new FlowPane(4, 4);
    private final TextField caseTagField = new TextField();
    private final StyleClassedTextArea summary = textArea("summary-text");
    private final StyleClassedTextArea rationale = textArea("rationale-text");
    private final ListView<Item> items = new ListView<>();
    /** The items list above the item's facts and rationale. */
    private final SplitPane itemSplit = new SplitPane();
    private final VBox itemFacts = new VBox(6);
    private final FlowPane itemTags = new FlowPane(4, 4);
    private final TextField itemTagField = new TextField();
    private final ListView<Annotation> notes = new ListView<>();
    private final ToggleGroup colors = new ToggleGroup();
    private final Tab notesTab = new Tab("Notes");
    private final TabPane tabs = new TabPane();
    private final Label message = new Label();
    private final Button warningsButton = new Button();
    private Popover warningsPopover;
    private final SplitPane body;
    private Consumer<Item> onCompare = item -> { };

    /** The rationale's least height: four lines and more of it. */
    static final double RATIONALE_MIN_HEIGHT = 92;
    /** The item's facts' least height: their first line (decision, tags, actions) and the request's, the rest
     *  scrolls. */
    static final double FACTS_MIN_HEIGHT = 64;
    /** The height of a row of the items list. */
    static final double ITEM_ROW = 30;
    /** As many items as the list shows, where the case has them and the height allows. */
    static final int ITEM_ROWS = 5;
    /** The most of the Items tab's height the list takes to show them. */
    static final double ITEM_LIST_SHARE = 0.4;

    public CaseView(CaseViewModel vm) {
        this.vm = vm;
        getStyleClass().add("case-view");
        setId("case-view");

        VBox header = header();
        body = new SplitPane(summaryPane(), itemsPane());
        body.setDividerPositions(0.45);
        setTop(header);
        setCenter(body);
        setBottom(statusLine());
        Label empty = new Label("Select a case in the list above to read it here.");
        empty.getStyleClass().add("muted");
        StackPane placeholder = new StackPane(empty);
        centerProperty().bind(Bindings.when(vm.recordProperty().isNull()).then((Node) placeholder)
                .otherwise(body));
        header.visibleProperty().bind(vm.recordProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());

        vm.recordProperty().addListener((obs, old, now) -> showCase(now));
        vm.parserWarnings().addListener((ListChangeListener<ParserWarning>) c -> hideWarnings());
        vm.selectedItemProperty().addListener((obs, old, now) -> showItem(now));
        vm.annotations().addListener((ListChangeListener<Annotation>) c -> restyle());
        vm.highlightQueryProperty().addListener((obs, old, now) -> restyle());
        vm.messageProperty().addListener((obs, old, now) -> message.setText(now));
        TextFields.bindAutoCompletion(caseTagField, request -> matchingTags(request.getUserText()));
        TextFields.bindAutoCompletion(itemTagField, request -> matchingTags(request.getUserText()));
    }

    /** What the "Compare" button of an item does (the main window adds the item to the comparison). */
    public void setOnCompare(Consumer<Item> onCompare) {
        this.onCompare = onCompare;
    }

    /** Adds a tab beside Items and Notes (the main window adds the item's precedents). */
    public void addTab(Tab tab) {
        tab.setClosable(false);
        tabs.getTabs().add(tab);
    }

    /** Brings one of the right-hand tabs to the front. */
    public void selectTab(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    /** The divider between summary and items, for the main window to remember. */
    public SplitPane body() {
        return body;
    }

    public void focusCaseTagField() {
        caseTagField.requestFocus();
    }

    // ------------------------------------------------------------------------------------------ layout

    private VBox header() {
        title.getStyleClass().add("case-title");
        title.setId("case-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // the dates take the width the title and the note button leave, cut short (whole in the tooltip)
        dates.setMinWidth(0);
        dates.setPrefWidth(0);
        dates.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dates, Priority.ALWAYS);
        Tooltip datesTip = new Tooltip();
        datesTip.textProperty().bind(dates.textProperty());
        dates.setTooltip(datesTip);
        dates.getStyleClass().add("muted");
        // one line, the whole of it in its tooltip: a narrow window leaves the letter's texts their height
        reviewer.setMinWidth(0);
        Tooltip reviewerTip = new Tooltip();
        reviewerTip.textProperty().bind(reviewer.textProperty());
        reviewer.setTooltip(reviewerTip);
        patient.getStyleClass().add("muted");
        patient.setMinWidth(120);
        Tooltip patientTip = new Tooltip();
        patientTip.textProperty().bind(patient.textProperty());
        patient.setTooltip(patientTip);
        caseTagField.setPromptText("Add a tag to the case…");
        caseTagField.setId("case-tag-field");
        caseTagField.setPrefColumnCount(16);
        caseTagField.setOnAction(e -> {
            vm.addCaseTag(caseTagField.getText());
            caseTagField.clear();
        });
        caseTagField.setMinWidth(90);
        caseTagField.getStyleClass().add(Styles.SMALL);
        // an empty flow pane would ask for its whole wrap length (400) and squeeze the tag field
        caseTags.setPrefWrapLength(0);
        caseTags.setMinWidth(0);
        HBox tags = new HBox(8, new FontIcon(Material2AL.LOCAL_OFFER), caseTags, caseTagField);
        tags.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(caseTags, Priority.ALWAYS);
        Button caseNote = new Button("Note on case…", new FontIcon(Material2MZ.NOTE_ADD));
        caseNote.setId("case-note");
        caseNote.getStyleClass().add(Styles.SMALL);
        caseNote.setOnAction(e -> askNote("Note on the whole case", null));
        HBox titleRow = new HBox(12, title, dates, warningsButton(), new OverflowBar(6, caseNote));
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox patientRow = new HBox(16, patient, tags);
        patientRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(tags, Priority.ALWAYS);
        VBox header = new VBox(4, titleRow, reviewer, patientRow);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("case-header");
        return header;
    }

    /**
     * "⚠ 2 parser warnings", shown only when the letter has warnings, never cut short: it opens the list of what
     * the parser was unsure about.
     */
    private Button warningsButton() {
        warningsButton.setId("parser-warnings");
        warningsButton.setGraphic(new FontIcon(Material2MZ.WARNING));
        warningsButton.getStyleClass().addAll("parser-warnings", Styles.SMALL);
        warningsButton.textProperty().bind(vm.warningCountProperty());
        warningsButton.accessibleTextProperty().bind(vm.warningCountProperty());
        warningsButton.setMinWidth(Region.USE_PREF_SIZE);
        warningsButton.setTooltip(new Tooltip("What the parser was unsure about: the parts of the case to check "
                + "against the letter"));
        warningsButton.visibleProperty().bind(Bindings.isNotEmpty(vm.parserWarnings()));
        warningsButton.managedProperty().bind(warningsButton.visibleProperty());
        warningsButton.setOnAction(e -> {
            if (warningsPopover != null && warningsPopover.isShowing()) {
                hideWarnings();
            } else {
                showWarnings();
            }
        });
        return warningsButton;
    }

    /** The list of the letter's parser warnings, in full, under the header's button. */
    private void showWarnings() {
        hideWarnings();
        if (vm.parserWarnings().isEmpty() || warningsButton.getScene() == null) {
            return;
        }
        Label intro = new Label("Check these parts of the case against the letter: the parser was not sure "
                + "of them.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        VBox list = new VBox(10);
        list.setId("parser-warning-list");
        for (ParserWarning w : vm.parserWarnings()) {
            list.getChildren().add(warningEntry(w));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // as tall as the list, up to what the window leaves below the header
        Scene scene = warningsButton.getScene();
        double room = scene.getHeight() - warningsButton.localToScene(warningsButton.getBoundsInLocal()).getMaxY()
                - 120;
        scroll.setMaxHeight(Math.max(120, room));
        scroll.prefViewportHeightProperty().bind(list.heightProperty());
        VBox content = new VBox(10, intro, scroll);
        double width = Math.min(460, Math.max(280, scene.getWidth() - 80));
        content.setPrefWidth(width);
        content.setMaxWidth(width);
        content.getStyleClass().add("parser-warnings-popover");
        warningsPopover = new Popover(content);
        warningsPopover.setTitle("Parser warnings");
        warningsPopover.setHeaderAlwaysVisible(true);
        warningsPopover.setDetachable(false);
        warningsPopover.setAutoHide(true);
        warningsPopover.setAnimated(false);
        warningsPopover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        // shown for the header, whose text size it takes (the button's is small), its arrow at the button
        Bounds at = warningsButton.localToScreen(warningsButton.getBoundsInLocal());
        warningsPopover.show((Node) warningsButton.getParent(), at.getCenterX(), at.getMaxY());
        if (!Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW)
                && scene.getRoot() instanceof Region root && root.getBackground() != null
                && !root.getBackground().getFills().isEmpty()) {
            // without see-through windows (X11 without a compositor) the shadow's margin is painted: in the
            // window's colour rather than in white
            warningsPopover.getScene().setFill(root.getBackground().getFills().get(0).getFill());
        }
    }

    private void hideWarnings() {
        if (warningsPopover != null) {
            warningsPopover.hide(Duration.ZERO);
            warningsPopover = null;
        }
    }

    /** A warning: its text in full, and for one that names an item a link to that item. */
    private Node warningEntry(ParserWarning w) {
        FontIcon icon = new FontIcon(Material2MZ.WARNING);
        icon.getStyleClass().add("parser-warning-icon");
        Label text = new Label(w.text());
        text.setWrapText(true);
        text.getStyleClass().add("parser-warning-text");
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox what = new VBox(2, text);
        if (w.item() != null) {
            Hyperlink go = new Hyperlink("Go to item " + w.item(), new FontIcon(Material2AL.ARROW_FORWARD));
            go.setContentDisplay(ContentDisplay.RIGHT);
            go.getStyleClass().add("parser-warning-go");
            go.setId("parser-warning-go-" + w.item());
            go.setOnAction(e -> {
                hideWarnings();
                vm.goToItem(w.item());
            });
            VBox.setMargin(go, new Insets(0, 0, 0, -4)); // its text under the warning's, its focus ring outside
            what.getChildren().add(go);
        }
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMinWidth(0);
        HBox row = new HBox(8, icon, what);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("parser-warning");
        return row;
    }

    private Region summaryPane() {
        Label heading = new Label("CLINICAL CASE SUMMARY");
        heading.getStyleClass().add("section-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        top.getChildren().addAll(grow, highlightTools(summary, () -> null, AnnotationField.SUMMARY, true));
        BorderPane pane = new BorderPane(new VirtualizedScrollPane<>(summary));
        pane.setTop(top);
        BorderPane.setMargin(top, new Insets(6, 8, 4, 8));
        pane.setMinWidth(280);
        return pane;
    }

    private Region itemsPane() {
        items.setId("items");
        items.setCellFactory(v -> new ItemCell());
        items.setFixedCellSize(ITEM_ROW);
        items.setPrefHeight(ITEM_ROW * 4 + 4);
        items.setMinHeight(ITEM_ROW * 2 + 4);
        items.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0 && now.intValue() != vm.selectedIndexProperty().get()) {
                vm.selectedIndexProperty().set(now.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0 && items.getSelectionModel().getSelectedIndex() != now.intValue()) {
                items.getSelectionModel().select(now.intValue());
                RowScroll.reveal(items, now.intValue());
            }
        });

        Label rationaleHeading = new Label("DECISION RATIONALE");
        rationaleHeading.getStyleClass().add("section-title");
        rationaleHeading.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox rationaleTop = new HBox(8, rationaleHeading, grow,
                highlightTools(rationale, () -> {
                    Item item = vm.selectedItemProperty().get();
                    return item == null ? null : item.number();
                }, AnnotationField.RATIONALE, false));
        rationaleTop.setAlignment(Pos.CENTER_LEFT);

        itemTagField.setPromptText("Tag the item…");
        itemTagField.setId("item-tag-field");
        // the width the item's decision and actions leave, between 90 and 200 pixels
        itemTagField.setMinWidth(90);
        itemTagField.setPrefWidth(0);
        itemTagField.setMaxWidth(200);
        HBox.setHgrow(itemTagField, Priority.ALWAYS);
        itemTagField.getStyleClass().add(Styles.SMALL);
        itemTags.setPrefWrapLength(0);
        itemTags.setMinWidth(0);
        itemTagField.setOnAction(e -> {
            vm.addItemTag(itemTagField.getText());
            itemTagField.clear();
        });

        ScrollPane facts = new ScrollPane(itemFacts);
        facts.setFitToWidth(true);
        facts.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        facts.setMaxHeight(230);
        facts.setMinHeight(FACTS_MIN_HEIGHT);
        facts.prefViewportHeightProperty().bind(itemFacts.heightProperty());
        facts.getStyleClass().add("edge-to-edge");
        itemFacts.setPadding(new Insets(6, 4, 4, 4));
        VBox.setMargin(facts, new Insets(0, 8, 0, 8));
        VBox.setMargin(rationaleTop, new Insets(4, 8, 4, 8));
        // short of height, the facts give way (they scroll) down to their first line; the rationale keeps its
        // minimum and takes whatever height is left over
        VirtualizedScrollPane<StyleClassedTextArea> rationaleScroll = new VirtualizedScrollPane<>(rationale);
        rationaleScroll.setMinHeight(RATIONALE_MIN_HEIGHT);
        rationaleScroll.setPrefHeight(RATIONALE_MIN_HEIGHT);
        VBox.setVgrow(rationaleScroll, Priority.ALWAYS);
        VBox detail = new VBox(facts, rationaleTop, rationaleScroll);

        itemSplit.getItems().setAll(items, detail);
        itemSplit.setOrientation(Orientation.VERTICAL);
        itemSplit.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(items, false);

        Tab itemsTab = new Tab("Items", itemSplit);
        itemsTab.setClosable(false);
        notes.setId("notes");
        notes.setItems(vm.annotations());
        notes.setCellFactory(v -> new NoteCell());
        notes.setPlaceholder(new Label("No highlights or notes yet. Select text and press Ctrl+H."));
        notes.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && notes.getSelectionModel().getSelectedItem() != null) {
                jumpTo(notes.getSelectionModel().getSelectedItem());
            }
        });
        notes.setContextMenu(noteMenu());
        notesTab.setContent(notes);
        notesTab.setClosable(false);
        notesTab.textProperty().bind(Bindings.size(vm.annotations()).asString("Notes (%d)"));
        tabs.getTabs().setAll(itemsTab, notesTab);
        tabs.setId("case-tabs");
        tabs.getStyleClass().add(Styles.DENSE);
        return tabs;
    }

    private Region statusLine() {
        message.getStyleClass().add("muted");
        message.setId("case-message");
        HBox line = new HBox(message);
        line.setPadding(new Insets(2, 10, 2, 10));
        // no empty line under the texts when there is nothing to say
        line.visibleProperty().bind(message.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static StyleClassedTextArea textArea(String id) {
        StyleClassedTextArea area = new StyleClassedTextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("letter-text");
        return area;
    }

    /** Colour swatches and a highlight button acting on the selection of {@code area}. */
    private HBox highlightTools(StyleClassedTextArea area, java.util.function.Supplier<Integer> item,
                                AnnotationField field, boolean withSwatches) {
        HBox swatches = new HBox(2);
        for (String color : withSwatches ? TextStyles.COLORS : List.<String>of()) {
            ToggleButton swatch = new ToggleButton();
            Circle dot = new Circle(6);
            dot.getStyleClass().add("swatch-" + color);
            dot.setStyle("-fx-fill: " + swatchColor(color) + ";");
            swatch.setGraphic(dot);
            swatch.setUserData(color);
            swatch.setToggleGroup(colors);
            swatch.setTooltip(new Tooltip("Highlight colour: " + color));
            swatch.getStyleClass().addAll("flat", "swatch");
            swatches.getChildren().add(swatch);
            if (colors.getSelectedToggle() == null) {
                colors.selectToggle(swatch);
            }
        }
        Button highlight = new Button("Highlight", new FontIcon(Material2AL.BORDER_COLOR));
        highlight.setId("highlight-" + field.name().toLowerCase(Locale.ROOT));
        highlight.getStyleClass().add(Styles.SMALL);
        highlight.setTooltip(new Tooltip("Highlight the selected text (Ctrl+H)"));
        highlight.disableProperty().bind(Bindings.createBooleanBinding(() -> area.getSelection().getLength() == 0,
                area.selectionProperty()));
        highlight.setOnAction(e -> highlightSelection(area, field, item.get(), false));
        ContextMenu menu = new ContextMenu();
        MenuItem plain = new MenuItem("Highlight");
        plain.setOnAction(e -> highlightSelection(area, field, item.get(), false));
        MenuItem withNote = new MenuItem("Highlight with note…");
        withNote.setOnAction(e -> highlightSelection(area, field, item.get(), true));
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        menu.getItems().addAll(plain, withNote, copy);
        area.setContextMenu(menu);
        area.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.H) {
                highlightSelection(area, field, item.get(), e.isShiftDown());
                e.consume();
            }
        });
        OverflowBar actions = new OverflowBar(6, highlight);
        HBox.setHgrow(actions, Priority.SOMETIMES);
        HBox tools = new HBox(6, swatches, actions);
        tools.setAlignment(Pos.CENTER_RIGHT);
        return tools;
    }

    private static String swatchColor(String color) {
        return switch (color) {
            case "green" -> "#3cc85a";
            case "blue" -> "#4696ff";
            case "pink" -> "#ff64b4";
            case "orange" -> "#ff9628";
            default -> "#ffdd00";
        };
    }

    private String selectedColor() {
        return colors.getSelectedToggle() == null ? "yellow" : (String) colors.getSelectedToggle().getUserData();
    }

    private void highlightSelection(StyleClassedTextArea area, AnnotationField field, Integer item, boolean askNote) {
        IndexRange range = area.getSelection();
        if (range.getLength() == 0 || (field == AnnotationField.RATIONALE && item == null)) {
            return;
        }
        String note = null;
        if (askNote) {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle("Highlight with note");
            dialog.setHeaderText("\u201C" + abbreviate(area.getSelectedText(), 80) + "\u201D");
            dialog.setContentText("Note:");
            dialog.initOwner(getScene() == null ? null : getScene().getWindow());
            note = dialog.showAndWait().orElse(null);
            if (note == null) {
                return;
            }
        }
        vm.highlight(field, item, range.getStart(), range.getEnd(), selectedColor(), note);
        area.deselect();
    }

    private void askNote(String title, Integer item) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText("Note:");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().ifPresent(note -> vm.addNote(item, note, selectedColor()));
    }

    private ContextMenu noteMenu() {
        MenuItem jump = new MenuItem("Show in text");
        jump.setOnAction(e -> selectedNote(this::jumpTo));
        MenuItem edit = new MenuItem("Edit note…");
        edit.setOnAction(e -> selectedNote(a -> {
            TextInputDialog dialog = new TextInputDialog(a.note() == null ? "" : a.note());
            dialog.setTitle("Edit note");
            dialog.setHeaderText(a.quote() == null ? "Note" : "\u201C" + abbreviate(a.quote(), 80) + "\u201D");
            dialog.setContentText("Note:");
            dialog.initOwner(getScene().getWindow());
            dialog.showAndWait().ifPresent(note -> vm.editAnnotation(a, note, a.color()));
        }));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> selectedNote(vm::deleteAnnotation));
        MenuItem undo = new MenuItem("Undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        return new ContextMenu(jump, edit, delete, undo);
    }

    private void selectedNote(Consumer<Annotation> action) {
        Annotation a = notes.getSelectionModel().getSelectedItem();
        if (a != null) {
            action.accept(a);
        }
    }

    // ------------------------------------------------------------------------------------------ content

    /** Sets a header line, whole in its tooltip: a narrow window cuts it with an ellipsis. */
    private static void shown(Label label, String text) {
        label.setText(text);
        label.setTooltip(new Tooltip(text));
    }

    private void showCase(CaseRecord record) {
        if (record == null) {
            items.getItems().clear();
            summary.clear();
            rationale.clear();
            return;
        }
        Letter letter = record.letter();
        title.setText(letter.caseNumber() != null ? letter.caseNumber() : record.id());
        List<String> parts = new ArrayList<>();
        add(parts, "Decided", letter.dates().decided());
        add(parts, "Injury", letter.dates().injury());
        add(parts, "Assigned", letter.dates().assigned());
        add(parts, "UR denial", letter.dates().urDenial());
        if (letter.priority() != null) {
            parts.add(letter.priority() + " priority");
        }
        shown(dates, parts.isEmpty() ? record.fileName() : String.join("  ·  ", parts));
        String specialties = letter.reviewer().specialties().isEmpty() ? "specialty not stated"
                : String.join(", ", letter.reviewer().specialties());
        if (!letter.reviewer().subspecialties().isEmpty()) {
            specialties += " (subspecialty " + String.join(", ", letter.reviewer().subspecialties()) + ")";
        }
        if (Boolean.TRUE.equals(letter.reviewer().boardCertified())) {
            specialties = "Board certified in " + specialties;
        }
        shown(reviewer, "Reviewer: " + specialties + (letter.reviewer().licensure().isEmpty() ? ""
                : "  —  licensed in " + String.join(", ", letter.reviewer().licensure())));
        List<String> who = new ArrayList<>();
        if (letter.patient().age() != null) {
            who.add(letter.patient().age() + " years old");
        }
        if (letter.patient().sex() != null) {
            who.add(letter.patient().sex().name().toLowerCase(Locale.ROOT));
        }
        who.add(Labels.count(letter.items().size(), "disputed item"));
        shown(patient, "Patient: " + String.join(", ", who) + "   ·   " + record.fileName());
        caseTags.getChildren().setAll(record.tags().stream().map(t -> removableChip(t, vm::removeCaseTag)).toList());
        String summaryText = letter.summary() == null ? "(The letter has no clinical case summary.)"
                : letter.summary();
        summary.replaceText(summaryText);
        summary.moveTo(0);
        summary.requestFollowCaret();
        items.getItems().setAll(letter.items());
        int index = vm.selectedIndexProperty().get();
        if (index >= 0) {
            items.getSelectionModel().select(index);
        }
        // once laid out: the list tall enough for the case's items, and the item in view
        Platform.runLater(() -> {
            fitItemList();
            int now = items.getSelectionModel().getSelectedIndex();
            if (now >= 0) {
                RowScroll.reveal(items, now);
            }
        });
        showItem(vm.selectedItemProperty().get());
        restyle();
    }

    /**
     * Grows the items list to show whole rows, as many as the case has items up to {@link #ITEM_ROWS}, within
     * {@link #ITEM_LIST_SHARE} of the tab's height; a list the reader made taller is left as it is.
     */
    private void fitItemList() {
        double height = itemSplit.getHeight();
        int count = items.getItems().size();
        if (height <= 0 || count == 0) {
            return;
        }
        double insets = items.snappedTopInset() + items.snappedBottomInset();
        int shown = (int) Math.floor((items.getHeight() - insets + 0.5) / ITEM_ROW);
        int rows = Math.min(count, ITEM_ROWS);
        while (rows > 2 && rows * ITEM_ROW + insets > height * ITEM_LIST_SHARE) {
            rows--;
        }
        boolean whole = Math.abs(items.getHeight() - insets - shown * ITEM_ROW) < 1;
        if (shown > rows || (shown == rows && whole)) {
            return;
        }
        // the divider's position is a share of the split's height less the divider itself; the split rounds the
        // panes to whole pixels, so the list's height is measured once laid out and the position put right
        double divider = itemSplit.lookup(".split-pane-divider") instanceof Region d ? d.getHeight() : 0;
        double target = rows * ITEM_ROW + insets;
        double position = target / (height - divider);
        for (int attempt = 0; attempt < 3; attempt++) {
            itemSplit.setDividerPositions(position);
            itemSplit.layout();
            double off = target - items.getHeight();
            if (Math.abs(off) < 0.5) {
                break;
            }
            position += off / (height - divider);
        }
    }

    private static void add(List<String> parts, String label, LocalDate date) {
        if (date != null) {
            parts.add(label + " " + DATE.format(date));
        }
    }

    private void showItem(Item item) {
        itemFacts.getChildren().clear();
        itemTags.getChildren().clear();
        if (item == null) {
            rationale.clear();
            return;
        }
        CaseRecord record = vm.recordProperty().get();
        Label request = new Label(item.request());
        request.getStyleClass().add("item-request");
        request.setWrapText(true);
        request.setId("item-request");
        Label decision = Badges.decision(item.decision());
        decision.setId("item-decision");
        Label position = new Label("Item " + item.number() + " of " + record.letter().items().size());
        position.getStyleClass().add("muted");
        position.setMinWidth(Region.USE_PREF_SIZE);
        Button compare = new Button("Compare", new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.setAccessibleText("Compare");
        compare.setId("compare-item");
        compare.setTooltip(new Tooltip("Add this item to the comparison (Ctrl+Shift+C)"));
        compare.setOnAction(e -> onCompare.accept(item));
        Button itemNote = new Button("Note…", new FontIcon(Material2MZ.NOTE_ADD));
        itemNote.setId("item-note");
        itemNote.setAccessibleText("Note on the item…");
        itemNote.setTooltip(new Tooltip("Add a note on this item"));
        itemNote.setOnAction(e -> askNote("Note on item " + item.number(), item.number()));
        Button guidelines = new Button("Guidelines…", new FontIcon(Material2MZ.MENU_BOOK));
        guidelines.setId("item-guidelines");
        guidelines.setAccessibleText("Guidelines…");
        guidelines.setTooltip(new Tooltip("The guideline texts of the reviewer and of the claims administrator"));
        guidelines.setOnAction(e -> showGuidelineTexts(item));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (Button b : List.of(guidelines, itemNote, compare)) {
            b.setText(null);
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL);
        }
        HBox.setHgrow(itemTags, Priority.SOMETIMES);
        // the buttons are set icon-only first: the "…" menu names them by their accessible text
        OverflowBar actions = new OverflowBar(4, guidelines, itemNote, compare);
        HBox top = new HBox(8, decision, position, new FontIcon(Material2AL.LOCAL_OFFER), itemTags, itemTagField,
                grow, actions);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(3);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        facts.getColumnConstraints().setAll(labels, values);
        int row = 0;
        Treatment t = item.treatment();
        row = fact(facts, row, "Treatment", treatmentText(t));
        if (item.serviceDate() != null || item.retrospective()) {
            row = fact(facts, row, "Service", (item.retrospective() ? "Retrospective" : "Prospective")
                    + (item.serviceDate() == null ? "" : ", date of service " + DATE.format(item.serviceDate())));
        }
        PartialAuthorization p = item.partial();
        if (p != null) {
            row = fact(facts, row, "Original request", p.originalRequest());
            row = fact(facts, row, "Authorized", p.authorized());
            row = fact(facts, row, "Disputed", p.disputed());
        }
        row = citationRow(facts, row, "Reviewer cites", item, CitedBy.REVIEWER);
        citationRow(facts, row, "UR cites", item, CitedBy.CLAIMS_ADMINISTRATOR);

        itemFacts.getChildren().setAll(new VBox(4, top, request), facts);

        itemTags.getChildren().setAll(record.itemTags(item.number()).stream()
                .map(tag -> removableChip(tag, vm::removeItemTag)).toList());
        rationale.replaceText(item.rationale() == null ? "(No decision rationale was found for this item.)"
                : item.rationale());
        rationale.moveTo(0);
        rationale.requestFollowCaret();
        restyle();
    }

    private static String treatmentText(Treatment t) {
        List<String> parts = new ArrayList<>();
        String category = Labels.category(t.category());
        if (t.name() != null && !t.name().equalsIgnoreCase(category)) {
            parts.add(t.name() + (t.generic() != null && !t.generic().equalsIgnoreCase(t.name())
                    ? " (" + t.generic() + ")" : ""));
        }
        parts.add(category);
        if (t.strength() != null) {
            parts.add(t.strength());
        }
        if (t.quantity() != null) {
            parts.add("#" + t.quantity());
        }
        if (t.sessions() != null) {
            parts.add(t.sessions() + " sessions");
        }
        return String.join("  ·  ", parts);
    }

    private static int fact(GridPane grid, int row, String label, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label name = new Label(label);
        name.getStyleClass().add("muted");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, name, text);
        return row + 1;
    }

    private static int citationRow(GridPane grid, int row, String label, Item item, CitedBy by) {
        List<Citation> cited = item.citations().stream().filter(c -> c.by() == by).toList();
        if (cited.isEmpty()) {
            return row;
        }
        FlowPane chips = new FlowPane(4, 4);
        chips.setMinWidth(0);
        chips.setPrefWrapLength(300);
        for (Citation c : cited) {
            Label chip = Badges.chip(citationText(c), "chip-source-" + c.source().name().toLowerCase(Locale.ROOT));
            chip.setTooltip(new Tooltip(citationText(c)));
            chip.maxWidthProperty().bind(Bindings.min(380, chips.widthProperty()));
            chips.getChildren().add(chip);
        }
        Label name = new Label(label);
        name.getStyleClass().add("muted");
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, name, chips);
        return row + 1;
    }

    /** "MTUS · Chronic Pain Medical Treatment 2016 · Opioids · pp. 60–61". */
    public static String citationText(Citation c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.source() == org.imrworkbench.model.CitationSource.NONE ? "No medical evidence cited"
                : c.source().name());
        if (c.guideline() != null) {
            parts.add(c.guideline());
        }
        if (!c.sections().isEmpty()) {
            parts.add(String.join("; ", c.sections()));
        }
        if (!c.pages().isEmpty()) {
            parts.add((c.pages().size() == 1 ? "p. " : "pp. ") + pages(c.pages()));
        }
        return String.join(" · ", parts);
    }

    /** Pages with consecutive runs folded: [60, 61, 76, 77, 78] → "60–61, 76–78". */
    static String pages(List<Integer> pages) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < pages.size()) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                j++;
            }
            runs.add(j > i ? pages.get(i) + "\u2013" + pages.get(j) : String.valueOf(pages.get(i)));
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    private void showGuidelineTexts(Item item) {
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.setTitle("Guidelines — item " + item.number());
        dialog.setHeaderText(item.request());
        ScrollPane content = new ScrollPane(guidelineTexts(item));
        content.setFitToWidth(true);
        content.setPrefSize(640, 320);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private static Node guidelineTexts(Item item) {
        VBox box = new VBox(6);
        box.setPadding(new Insets(8));
        for (String[] g : new String[][]{{"Reviewer (MAXIMUS)", item.reviewerGuideline()},
                {"Claims administrator", item.claimsAdministratorGuideline()}}) {
            if (g[1] != null) {
                Label name = new Label(g[0]);
                name.getStyleClass().add("section-title");
                Label text = new Label(g[1]);
                text.setWrapText(true);
                box.getChildren().addAll(name, text);
            }
        }
        return box;
    }

    private Label removableChip(String tag, Consumer<String> remove) {
        Label chip = Badges.chip(tag + "  \u2715", "chip-tag");
        chip.setTooltip(new Tooltip("Click to remove the tag \u201C" + tag + "\u201D"));
        chip.setOnMouseClicked(e -> remove.accept(tag));
        chip.setCursor(javafx.scene.Cursor.HAND);
        return chip;
    }

    private List<String> matchingTags(String typed) {
        String t = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        return vm.knownTags().stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(t)).limit(12)
                .collect(Collectors.toList());
    }

    /** Re-applies highlights and search hits to both texts. */
    private void restyle() {
        CaseRecord record = vm.recordProperty().get();
        if (record == null) {
            return;
        }
        String query = vm.highlightQueryProperty().get();
        List<Annotation> summaryMarks = vm.annotations().stream()
                .filter(a -> a.field() == AnnotationField.SUMMARY && !a.orphaned()).toList();
        summary.setStyleSpans(0, TextStyles.spans(summary.getText(), summaryMarks, query));
        Item item = vm.selectedItemProperty().get();
        if (item != null) {
            List<Annotation> rationaleMarks = vm.annotations().stream()
                    .filter(a -> a.field() == AnnotationField.RATIONALE && !a.orphaned()
                            && a.item() != null && a.item() == item.number()).toList();
            rationale.setStyleSpans(0, TextStyles.spans(rationale.getText(), rationaleMarks, query));
        }
    }

    /** Shows an annotation: selects its item and text, or its item for a note. */
    private void jumpTo(Annotation a) {
        CaseRecord record = vm.recordProperty().get();
        if (record == null) {
            return;
        }
        if (a.item() != null) {
            int index = 0;
            for (Item it : record.letter().items()) {
                if (it.number() == a.item()) {
                    vm.selectedIndexProperty().set(index);
                }
                index++;
            }
        }
        if (a.isHighlight() && a.start() != null && a.end() != null) {
            StyleClassedTextArea area = a.field() == AnnotationField.SUMMARY ? summary : rationale;
            if (a.end() <= area.getLength()) {
                area.selectRange(a.start(), a.end());
                area.requestFollowCaret();
            }
        }
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "\u2026";
    }

    /** One disputed item in the list: number, decision badge, request. */
    private static final class ItemCell extends ListCell<Item> {
        ItemCell() {
            setPrefWidth(0); // long requests end in an ellipsis instead of scrolling sideways
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label(item.number() + ".");
            number.setMinWidth(22);
            Label badge = Badges.decision(item.decision());
            badge.setMinWidth(Region.USE_PREF_SIZE);
            Label request = new Label(item.request());
            request.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            request.setMinWidth(0);
            HBox row = new HBox(8, number, badge, request);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setTooltip(new Tooltip(item.request()));
        }
    }

    /** One annotation in the notes tab: where it is, its quote and its note. */
    private static final class NoteCell extends ListCell<Annotation> {
        @Override
        protected void updateItem(Annotation a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Circle dot = new Circle(5);
            dot.setStyle("-fx-fill: " + swatchColor(TextStyles.colorOf(a)) + ";");
            String where = (a.item() == null ? "Case" : "Item " + a.item())
                    + (a.field() == null ? " note" : a.field() == AnnotationField.SUMMARY ? " · summary" : " · rationale");
            Label place = new Label(where + "  ·  " + a.author() + (a.orphaned() ? "  ·  text changed on re-parse" : ""));
            place.getStyleClass().add("muted");
            VBox text = new VBox(2, place);
            if (a.quote() != null) {
                Label quote = new Label("\u201C" + abbreviate(a.quote(), 140) + "\u201D");
                quote.setWrapText(true);
                quote.setStyle("-fx-font-style: italic;");
                text.getChildren().add(quote);
            }
            if (a.note() != null) {
                Label note = new Label(a.note());
                note.setWrapText(true);
                text.getChildren().add(note);
            }
            text.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, dot, text);
            row.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
            row.setPrefWidth(0);
            setText(null);
            setGraphic(row);
        }
    }
}
