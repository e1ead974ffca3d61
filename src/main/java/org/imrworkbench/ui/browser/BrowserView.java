package org.imrworkbench.ui.browser;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.imrworkbench.library.CaseSummary;
import org.imrworkbench.library.Outcome;
import org.imrworkbench.ui.common.Badges;
import org.imrworkbench.ui.common.ChipRow;
import org.imrworkbench.ui.common.RowScroll;
import org.imrworkbench.ui.common.TextWidths;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The library browser's three parts: the search field, the facet filters and the case table. */
public final class BrowserView {

    private final BrowserViewModel vm;
    private final TextField searchField = new TextField();
    private final TableView<CaseSummary> table = new TableView<>();
    private final VBox facetsBox = new VBox(2);
    private final Map<BrowserViewModel.Facet, TitledPane> facetPanes = new EnumMap<>(BrowserViewModel.Facet.class);

    public BrowserView(BrowserViewModel vm) {
        this.vm = vm;
        buildSearchField();
        buildTable();
        buildFacets();
        // the case being read stays selected through a new search that lists it
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !table.getSelectionModel().getSelectedItems().contains(now)) {
                table.getSelectionModel().select(now);
                RowScroll.showNear(table, table.getItems().indexOf(now), 2);
            }
        });
        // a new list (a search, the list read again) keeps the case being read in view; later, once the list's
        // own listeners have placed the selection
        vm.cases().addListener((ListChangeListener<CaseSummary>) change -> Platform.runLater(() -> {
            CaseSummary now = vm.selectedProperty().get();
            if (now != null && table.getSelectionModel().getSelectedItems().contains(now)) {
                RowScroll.keepInView(table, table.getItems().indexOf(now), 2);
            }
        }));
    }

    /**
     * What the case view shows instead of a case that a new search left out of the list: why, a button back to the
     * search that listed it, and that choosing a case in the list reads that one. Visible only then.
     */
    public Region notListedNotice() {
        Label why = new Label();
        why.setId("not-listed");
        why.setWrapText(true);
        why.textProperty().bind(vm.notListedProperty());
        Button back = new Button();
        back.setId("back-to-case");
        back.textProperty().bind(vm.backLabelProperty());
        back.setGraphic(new FontIcon(Material2AL.ARROW_BACK));
        back.setOnAction(e -> vm.back());
        Label or = new Label("Or choose a case in the list to read it here.");
        or.getStyleClass().add("muted");
        or.visibleProperty().bind(Bindings.isNotEmpty(vm.cases()));
        VBox notice = new VBox(12, why, back, or);
        notice.setAlignment(Pos.CENTER);
        notice.setPadding(new Insets(24));
        notice.setMaxWidth(640);
        StackPane pane = new StackPane(notice);
        pane.getStyleClass().add("not-listed-notice");
        pane.setId("not-listed-notice");
        pane.visibleProperty().bind(vm.notListedProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    public TextField searchField() {
        return searchField;
    }

    public TableView<CaseSummary> table() {
        return table;
    }

    /** The search bar: field, busy indicator and the count of matching cases. */
    public Region searchBar() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        status.setId("browser-status");
        FontIcon icon = new FontIcon(Material2AL.FIND_IN_PAGE);
        HBox bar = new HBox(8, icon, searchField, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        HBox.setHgrow(searchField, Priority.ALWAYS);
        return bar;
    }

    /** The facet filters, in a scrolling column. */
    public Region facets() {
        ScrollPane scroll = new ScrollPane(facetsBox);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(180);
        scroll.setPrefWidth(240);
        facetsBox.setPadding(new Insets(4));
        return scroll;
    }

    private void buildSearchField() {
        searchField.setId("search");
        searchField.setPromptText("Search: words, \"phrases\", prefix*, OR, -word, decision:overturned, drug:norco, "
                + "category:imaging, tag:appeal …");
        searchField.setTooltip(new Tooltip("""
                Words and "exact phrases" in summaries, requests, guidelines and rationales; prefix* matches word \
                beginnings; OR between words; -word excludes.
                Filters: decision:upheld|overturned  category:opioid  drug:<brand or generic>  generic:<exact generic>  \
                specialty:"..."  board:"<exact specialty>"  state:<state>  tag:<name>  guideline:mtus|odg|acoem  \
                section:"..."  year:2017  decided:2017-02  has:warnings  has:notes
                Two values of one filter are alternatives; +filter requires it as well; -filter excludes \
                (Help ▸ Search syntax)."""));
        searchField.textProperty().bindBidirectional(vm.queryProperty());
        // Search as you type, once the typing pauses.
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> vm.refresh());
        searchField.textProperty().addListener((obs, old, now) -> pause.playFromStart());
        searchField.setOnAction(e -> {
            pause.stop();
            vm.refresh();
        });
    }

    private void buildTable() {
        table.setId("cases");
        // rows of 2em instead of 2.8: more cases in view on a laptop's screen
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No cases match. Clear the search or import letters (Ctrl+I)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<CaseSummary, String> id = new TableColumn<>("Case");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().caseNumber() != null
                ? c.getValue().caseNumber() : c.getValue().id()));
        id.setPrefWidth(130);
        TableColumn<CaseSummary, LocalDate> decided = dateColumn("Decided", CaseSummary::decided);
        TableColumn<CaseSummary, LocalDate> injury = dateColumn("Injury", CaseSummary::injury);
        TableColumn<CaseSummary, String> specialty = new TableColumn<>("Reviewer specialty");
        specialty.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().firstSpecialty()));
        specialty.setPrefWidth(220);
        TableColumn<CaseSummary, Integer> items = new TableColumn<>("Items");
        items.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemCount()));
        items.setPrefWidth(60);
        items.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<CaseSummary, Outcome> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().outcome()));
        outcome.setComparator(Comparator.comparing(Enum::ordinal));
        outcome.setPrefWidth(120);
        outcome.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Outcome value, boolean empty) {
                super.updateItem(value, empty);
                setText(null);
                setGraphic(empty || value == null ? null : Badges.outcome(value));
            }
        });
        TableColumn<CaseSummary, List<String>> tags = new TableColumn<>("Tags");
        tags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tags()));
        tags.setComparator(Comparator.comparing(list -> String.join(",", list)));
        tags.setPrefWidth(200);
        tags.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> value, boolean empty) {
                super.updateItem(value, empty);
                setText(null);
                if (empty || value == null || value.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                // one line, as every row has the same height: "+N" for the tags that do not fit
                setGraphic(new ChipRow(value, "chip-tag"));
            }
        });
        // a narrow window shrinks the specialty and the tags, never a heading, case number, date or count
        TextWidths.fitColumn(id, "L-000000000000", 0); // or a case number, CM00-0000000
        TextWidths.fitColumn(decided, "0000-00-00", 0);
        TextWidths.fitColumn(injury, "0000-00-00", 0);
        TextWidths.fitColumn(specialty, null, 0);
        TextWidths.fitColumn(items, "000", 0);
        TextWidths.fitColumn(outcome, Badges.word(Outcome.ALL_OVERTURNED), 16);
        TextWidths.fitColumn(tags, null, 0);
        table.getColumns().setAll(List.of(id, decided, injury, specialty, items, outcome, tags));
        SortedList<CaseSummary> sorted = new SortedList<>(vm.cases());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    private static TableColumn<CaseSummary, LocalDate> dateColumn(String title,
                                                                   java.util.function.Function<CaseSummary, LocalDate> f) {
        TableColumn<CaseSummary, LocalDate> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setPrefWidth(100);
        return column;
    }

    private void buildFacets() {
        for (BrowserViewModel.Facet facet : BrowserViewModel.Facet.values()) {
            ListView<FacetEntry> list = new ListView<>();
            list.getStyleClass().add("facet-list");
            list.setId("facet-" + facet.key);
            list.setCellFactory(v -> new FacetCell(vm));
            Label none = new Label();
            none.textProperty().bind(Bindings.when(vm.facetsCountedProperty())
                    .then("None among the matches").otherwise("Counting…"));
            none.getStyleClass().add("facet-empty");
            list.setPlaceholder(none);
            list.setFixedCellSize(26);
            list.setPrefHeight(26 * 5 + 4);
            TitledPane pane = new TitledPane(facet.title, list);
            pane.setAnimated(false);
            // never wider than the column: a long title ("Warnings, notes (1 selected)") ends in "…", whole in
            // the tooltip, rather than widening every facet past the column's edge
            pane.setMinWidth(0);
            pane.setTooltip(new Tooltip(facet.title));
            // open: the letters to check (two short rows at most), the decisions and the categories. A fourth open
            // list would make the window's preferred height larger, and the analytics tab, laid out first at that
            // height, would keep less room for its chart on a 1024x700 screen (SmallScreenFxTest).
            pane.setExpanded(facet.ordinal() < 3);
            facetPanes.put(facet, pane);
            facetsBox.getChildren().add(pane);
        }
        vm.facetsProperty().addListener((obs, old, now) -> {
            for (var e : facetPanes.entrySet()) {
                List<FacetEntry> entries = now.getOrDefault(e.getKey(), List.of());
                @SuppressWarnings("unchecked")
                ListView<FacetEntry> list = (ListView<FacetEntry>) e.getValue().getContent();
                list.getItems().setAll(entries);
                list.setPrefHeight(26 * Math.max(1, Math.min(8, entries.size())) + 4);
                long active = entries.stream().filter(FacetEntry::active).count();
                e.getValue().setText(e.getKey().title + (active > 0 ? " (" + active + " selected)" : ""));
                e.getValue().getTooltip().setText(e.getValue().getText());
            }
        });
    }

    /** A facet value with its count; clicking it adds or removes the filter. */
    private static final class FacetCell extends ListCell<FacetEntry> {
        private final BrowserViewModel vm;

        FacetCell(BrowserViewModel vm) {
            this.vm = vm;
            // never wider than the list: long values are cut with an ellipsis, no horizontal scroll bar
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    vm.toggle(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FacetEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(entry.label());
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.ALWAYS);
            Label count = new Label(String.format("%,d", entry.count()));
            count.getStyleClass().add("muted");
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6);
            row.setAlignment(Pos.CENTER_LEFT);
            if (entry.active()) {
                row.getChildren().add(new FontIcon(Material2AL.CHECK));
                name.setStyle("-fx-font-weight: bold;");
            }
            row.getChildren().addAll(name, count);
            setText(null);
            setGraphic(row);
            // the value whole (a narrow column cuts it) and the filter a click adds or removes
            setTooltip(new Tooltip(entry.label() + ": " + String.format("%,d", entry.count()) + "\n"
                    + (entry.active() ? "Remove filter " : "Filter by ")
                    + QueryFilters.term(entry.key(), entry.value())));
        }
    }
}
