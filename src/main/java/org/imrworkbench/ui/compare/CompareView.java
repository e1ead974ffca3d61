package org.imrworkbench.ui.compare;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.Hit;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.ui.common.Badges;
import org.imrworkbench.ui.common.OverflowBar;
import org.imrworkbench.ui.common.WordWrap;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The comparison: compared items side by side in columns, one row per aspect (case facts, request, decision,
 * treatment, guidelines, rationale) so the eye runs along a row; what differs is marked with the style classes
 * {@code different} (decision, category) and {@code chip-different} (citations), always with a word or tooltip too.
 * Beside it, the similar decisions of one item, each added to the comparison with one click.
 *
 * <p>Text wraps between words only ({@link WordWrap}): a column is never narrower than its longest word, up to
 * {@link #WORD_MAX}; a longer word is cut short with an ellipsis and the whole text in a tooltip. The similar
 * decisions' texts are cut at the list's width the same way.
 *
 * <p>A thin view over {@link CompareViewModel}: it only lays out what the view model holds.
 */
public final class CompareView extends BorderPane {

    private static final double LABEL_WIDTH = 104;
    /** The row labels' cells' padding, left and right. */
    private static final double CELL_PADDING = 24;
    /**
     * The least width of an item's column: some 25 characters of a rationale a line. Three columns and the row labels
     * fit the comparison's share of a 1024-pixel window (its view 732 pixels wide beside the scroll bar); four scroll
     * sideways there rather than be squeezed to some 150 pixels each.
     */
    static final double COLUMN_MIN_WIDTH = 190;
    /** The widest word a column grows for (a long drug combination, a case number); a wider one is cut short. */
    static final double WORD_MAX = 320;
    /** The comparison's share of the width; the similar decisions have the rest (at least 280 pixels). */
    private static final double SPLIT = 0.74;

    private final CompareViewModel model;
    private final GridPane grid = new GridPane();
    private final StackPane comparison = new StackPane();
    private final ListView<SimilarDecisions.Similar> similarList = new ListView<>();

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-view");
        setTop(toolbar());

        grid.getStyleClass().add("compare-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        comparison.getChildren().setAll(scroll, emptyState());

        SplitPane split = new ShareKeepingSplit(comparison, similarPanel());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(SPLIT);
        setCenter(split);

        model.items().addListener((javafx.collections.ListChangeListener<ComparedItem>) c -> rebuild());
        model.fullProperty().addListener((o, was, is) -> similarList.refresh());
        rebuild();
    }

    /**
     * A split pane that keeps the comparison's share of the width at {@link #SPLIT} (or as near as the similar
     * decisions' least width allows) as it is resized, until the user moves the divider.
     *
     * <p>The share is set again after the split pane's own layout at each new width: on a resize the split pane
     * shares the change out between its panes by itself, after any listener of its width has run, and so kept the
     * share its panes' least widths forced on it at a narrower width it was laid out at before (at 1024 pixels the
     * similar decisions had 296 pixels instead of their least 280, and three compared items no longer fitted).
     */
    private static final class ShareKeepingSplit extends SplitPane {
        private boolean moved;
        private double sharedAt = -1;

        ShareKeepingSplit(Node... items) {
            super(items);
            addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
                for (Node at = e.getPickResult().getIntersectedNode(); at != null && at != this; at = at.getParent()) {
                    if (at.getStyleClass().contains("split-pane-divider")) {
                        moved = true;
                    }
                }
            });
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (!moved && getWidth() > 0 && getWidth() != sharedAt) {
                sharedAt = getWidth();
                setDividerPositions(SPLIT);
                super.layoutChildren();
            }
        }
    }

    /** The view model, for the menus and the case view ("Add to comparison", "Similar decisions"). */
    public CompareViewModel viewModel() {
        return model;
    }

    // ------------------------------------------------------------------------------------------- toolbar

    private Node toolbar() {
        Label title = new Label("Compare decisions");
        title.getStyleClass().add(Styles.TITLE_3);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.items().size() + " of " + CompareViewModel.MAX_ITEMS + " items",
                model.items()));
        Label message = new Label();
        message.getStyleClass().addAll("compare-message", Styles.WARNING);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.setGraphic(new FontIcon(Material2MZ.WARNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button clear = new Button("Clear", new FontIcon(Material2AL.CLEAR_ALL));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setTooltip(new Tooltip("Remove every item from the comparison"));
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.items()));
        clear.setOnAction(e -> model.clear());
        HBox bar = new HBox(12, title, count, message, spacer, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-toolbar");
        return bar;
    }

    private Node emptyState() {
        FontIcon icon = new FontIcon(Material2AL.COMPARE_ARROWS);
        icon.getStyleClass().add("empty-icon");
        Label head = new Label("Nothing to compare yet");
        head.getStyleClass().add(Styles.TITLE_4);
        Label how = new Label("Add two to four disputed items with \"Add to comparison\" on an item of a case, "
                + "or from the similar decisions of an item.");
        how.setWrapText(true);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, head, how);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.items()));
        box.setMouseTransparent(true);
        return box;
    }

    // ---------------------------------------------------------------------------------------- comparison

    private enum Row {
        HEADER(""), PATIENT("Patient"), INJURY("Injury date"), DECIDED("Decided"), REVIEWER("Reviewer"),
        REQUEST("Request"), DECISION("Decision"), TREATMENT("Treatment"), GUIDELINES("Guidelines cited"),
        RATIONALE("Rationale");

        final String label;

        Row(String label) {
            this.label = label;
        }
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        List<ComparedItem> items = model.items();
        if (items.isEmpty()) {
            return;
        }
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH, LABEL_WIDTH, LABEL_WIDTH);
        grid.getColumnConstraints().add(labels);
        for (int i = 0; i < items.size(); i++) {
            ColumnConstraints cc = new ColumnConstraints();
            // the same preferred width for every item column, so the extra width is shared out equally; the least
            // width is the cells' (COLUMN_MIN_WIDTH, or a longer word's): a narrow window scrolls the grid
            cc.setPrefWidth(COLUMN_MIN_WIDTH);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        for (Row row : Row.values()) {
            Label label = WordWrap.atSpaces(new Label(row.label), LABEL_WIDTH - CELL_PADDING);
            label.getStyleClass().add("compare-row-label");
            label.setMinHeight(Region.USE_PREF_SIZE);
            addCell(label, 0, row);
            for (int i = 0; i < items.size(); i++) {
                addCell(cell(row, items.get(i)), i + 1, row);
            }
        }
    }

    private void addCell(Node content, int column, Row row) {
        VBox cell = column == 0 ? new VBox(content) : new VBox(content) {
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(COLUMN_MIN_WIDTH, super.computeMinWidth(height));
            }
        };
        cell.getStyleClass().add("compare-cell");
        if (row.ordinal() % 2 == 1) {
            cell.getStyleClass().add("compare-cell-alt");
        }
        if (column > 0) {
            cell.getStyleClass().add("compare-column");
        }
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMaxHeight(Double.MAX_VALUE);
        grid.add(cell, column, row.ordinal());
    }

    private Node cell(Row row, ComparedItem it) {
        return switch (row) {
            case HEADER -> header(it);
            case PATIENT -> text(it.patient());
            case INJURY -> text(it.injuryDate());
            case DECIDED -> text(it.decisionDate());
            case REVIEWER -> text(it.reviewer());
            case REQUEST -> {
                Label request = text(it.item().request());
                request.getStyleClass().addAll("item-request", "compare-request");
                yield request;
            }
            case DECISION -> decision(it);
            case TREATMENT -> treatment(it);
            case GUIDELINES -> guidelines(it);
            case RATIONALE -> {
                Label rationale = text(it.item().rationale() == null ? "No rationale found in the letter."
                        : it.item().rationale());
                rationale.getStyleClass().add("compare-rationale");
                yield rationale;
            }
        };
    }

    private Node header(ComparedItem it) {
        // "item" and its number kept together on a line (a no-break space), never a "1" alone under the rest
        Label title = new Label(it.title().replace(", item ", ", item\u00A0"));
        title.getStyleClass().addAll("compare-title", Styles.TEXT_BOLD);
        title.setTooltip(new Tooltip("Case " + it.caseId()));
        WordWrap.atSpaces(title, WORD_MAX);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // the title takes the width the buttons leave it, never less than its longest word: a narrow column shows
        // the buttons' icons only (or "Remove" in a "…" menu) rather than split "CM16-0237163,"
        title.setPrefWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        Button similar = new Button("Similar", new FontIcon(Material2MZ.SEARCH));
        similar.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "compare-similar");
        similar.setTooltip(new Tooltip("List decisions similar to this item"));
        similar.setOnAction(e -> model.showSimilar(it.caseId(), it.item().number()));
        Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "compare-remove");
        remove.setTooltip(new Tooltip("Remove from the comparison"));
        remove.setAccessibleText("Remove " + it.title() + " from the comparison");
        remove.setOnAction(e -> model.remove(it.caseId(), it.item().number()));
        HBox box = new HBox(4, title, new OverflowBar(4, similar, remove));
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        return box;
    }

    private Node decision(ComparedItem it) {
        Label badge = Badges.decision(it.item().decision());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane box = flow(8, badge);
        box.getStyleClass().add("compare-decision");
        if (it.item().partial() != null) {
            box.getChildren().add(muted("partly authorised"));
        }
        if (it.decisionDiffers()) {
            box.getStyleClass().add("different");
            box.getChildren().add(differs("the decisions differ"));
        }
        return box;
    }

    private Node treatment(ComparedItem it) {
        Label category = Badges.chip(it.category(), "chip-category");
        category.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, text(it.treatment()));
        FlowPane categoryRow = flow(6, category);
        if (it.categoryDiffers()) {
            category.getStyleClass().add("chip-different");
            categoryRow.getChildren().add(differs("another category"));
        }
        box.getChildren().add(categoryRow);
        return box;
    }

    private Node guidelines(ComparedItem it) {
        VBox box = new VBox(6);
        // one citation a line: they are long, and wrap within the column
        VBox chips = new VBox(4);
        chips.setFillWidth(false);
        chips.getStyleClass().add("compare-citations");
        for (ComparedItem.MarkedCitation c : it.citations()) {
            Label chip = Badges.chip(c.label(), "chip-source-" + c.citation().source().name().toLowerCase(Locale.ROOT));
            WordWrap.atSpaces(chip, WORD_MAX);
            chip.setMinHeight(Region.USE_PREF_SIZE);
            chip.maxWidthProperty().bind(box.widthProperty());
            StringBuilder why = new StringBuilder();
            if (c.sourceDiffers()) {
                chip.getStyleClass().add("chip-different");
                why.append(c.citation().source().name()).append(" is not cited for every compared item.");
            }
            if (c.pagesDiffer()) {
                chip.getStyleClass().addAll("chip-different", "pages-different");
                why.append(why.isEmpty() ? "" : " ").append("Other pages of ").append(c.citation().source().name())
                        .append(" are cited for another item.");
            }
            chip.setTooltip(new Tooltip(why.isEmpty() ? c.label() : c.label() + "\n" + why));
            chips.getChildren().add(chip);
        }
        if (it.citations().isEmpty()) {
            chips.getChildren().add(muted("No guideline cited by the reviewer"));
        }
        box.getChildren().add(chips);
        if (it.citations().stream().anyMatch(c -> c.sourceDiffers() || c.pagesDiffer())) {
            box.getChildren().add(differs("sources or pages differ"));
        }
        String ur = it.claimsAdministratorCitations();
        if (!ur.isEmpty()) {
            Label urLabel = muted("UR cites: " + ur);      // as the case view says it
            urLabel.getStyleClass().add(Styles.TEXT_SMALL);
            box.getChildren().add(urLabel);
        }
        return box;
    }

    private static Label text(String s) {
        Label label = WordWrap.atSpaces(new Label(s), WORD_MAX);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A row that puts what does not fit beside the rest on a line under it. */
    private static FlowPane flow(double gap, Node... children) {
        FlowPane flow = new FlowPane(gap, 4, children);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setPrefWrapLength(0); // as wide as the cell, not the 400 pixels it would ask for
        return flow;
    }

    private static Label muted(String s) {
        Label label = text(s);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** The word that goes with every difference mark: never colour alone. */
    private static Label differs(String what) {
        Label label = new Label("≠ " + what);
        label.getStyleClass().add("differs-note");
        label.setMinWidth(Region.USE_PREF_SIZE); // short: whole, on a line of its own if need be
        return label;
    }

    // ----------------------------------------------------------------------------------- similar decisions

    private Node similarPanel() {
        Label title = new Label("Similar decisions");
        title.getStyleClass().add(Styles.TITLE_4);
        Label subject = new Label("Choose \"Similar\" on a compared item to list the decisions most like it.");
        WordWrap.atSpaces(subject, similarList.widthProperty());
        subject.setMinHeight(Region.USE_PREF_SIZE);
        subject.getStyleClass().add(Styles.TEXT_MUTED);
        FlowPane counts = flow(6);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.similarLoadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setMinHeight(Region.USE_PREF_SIZE);
        // set, not bound: a word too long for the panel is cut short in the label's text
        model.similarMessageProperty().addListener((o, was, is) -> message.setText(is));
        message.setText(model.similarMessageProperty().get());
        WordWrap.atSpaces(message, similarList.widthProperty());
        message.managedProperty().bind(model.similarMessageProperty().isNotEmpty());

        model.similarResultProperty().addListener((o, was, result) -> {
            counts.getChildren().clear();
            if (result == null) {
                similarList.getItems().clear();
                return;
            }
            subject.setText("Like " + titleOf(result) + ": the same " + (result.items().stream()
                    .anyMatch(s -> s.basis() == SimilarDecisions.Basis.SAME_DRUG) ? "drug" : "treatment")
                    + " first, most alike first.");
            Label upheld = Badges.decision(Decision.UPHELD);
            upheld.setText(result.upheld() + " upheld");
            Label overturned = Badges.decision(Decision.OVERTURNED);
            overturned.setText(result.overturned() + " overturned");
            // what they share on the badges' line, or under them; a name too long for the panel cut short
            Label of = WordWrap.atSpaces(new Label("for " + result.basisLabel()), similarList.widthProperty());
            of.getStyleClass().add(Styles.TEXT_MUTED);
            of.setMinHeight(Region.USE_PREF_SIZE);
            of.maxWidthProperty().bind(similarList.widthProperty());
            counts.getChildren().setAll(upheld, overturned, of);
            similarList.getItems().setAll(result.items());
            similarList.scrollTo(0);
        });

        similarList.getStyleClass().addAll("similar-list", Styles.DENSE);
        similarList.setCellFactory(v -> new SimilarCell());
        similarList.setPlaceholder(new Label(""));
        VBox.setVgrow(similarList, Priority.ALWAYS);

        HBox head = new HBox(8, title, busy);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(8, head, subject, counts, message, similarList);
        panel.getStyleClass().add("similar-panel");
        panel.setMinWidth(280);
        return panel;
    }

    private String titleOf(SimilarDecisions.Result result) {
        return model.items().stream()
                .filter(i -> i.caseId().equals(result.caseId()) && i.item().number() == result.item())
                .map(ComparedItem::title).findFirst().orElse(result.caseId() + ", item " + result.item());
    }

    /** A similar decision: badge, case and item, request, the passage that matched, and "Add to comparison". */
    private final class SimilarCell extends ListCell<SimilarDecisions.Similar> {
        private final Label where = new Label();
        private final Label basis = new Label();
        private final Label request = new Label();
        private final TextFlow snippet = new TextFlow();
        private final Button add = new Button("Add", new FontIcon(Material2AL.ADD));
        private final HBox top = new HBox(6);
        private final VBox box = new VBox(3);

        SimilarCell() {
            basis.getStyleClass().addAll("chip", Styles.TEXT_SMALL);
            request.setMinHeight(Region.USE_PREF_SIZE);
            request.getStyleClass().add("similar-request");
            // the first to give way in a narrow panel (cut short, whole in its tooltip): the badge and "Add" stay
            basis.setMinWidth(0);
            Tooltip basisTip = new Tooltip();
            basisTip.textProperty().bind(basis.textProperty());
            basis.setTooltip(basisTip);
            add.setMinWidth(Region.USE_PREF_SIZE);
            snippet.getStyleClass().add("similar-snippet");
            add.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, Styles.ACCENT, "similar-add");
            add.setTooltip(new Tooltip("Add to comparison"));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            top.setAlignment(Pos.CENTER_LEFT);
            where.getStyleClass().add(Styles.TEXT_SMALL);
            top.getChildren().setAll(new Label(), basis, spacer, add);
            box.getChildren().setAll(top, where, request, snippet);
            box.setPadding(new Insets(4, 2, 6, 2));
            box.prefWidthProperty().bind(similarList.widthProperty().subtract(30)); // less the cell's padding and the scroll bar
            WordWrap.atSpaces(request, box.prefWidthProperty().subtract(8)); // less the box's padding
            box.setMaxWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0);
        }

        /**
         * The height of the box at the width it is laid out at (the list's dense style would make it 2em, and the
         * list then sized it from a minimum measured at another width, its wrapped texts spilling into the next).
         */
        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null ? super.computePrefHeight(width)
                    : snappedTopInset() + box.prefHeight(box.getPrefWidth()) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return getGraphic() == null ? super.computeMinHeight(width) : computePrefHeight(width);
        }

        @Override
        protected void updateItem(SimilarDecisions.Similar s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Hit hit = s.hit();
            Label badge = hit.decision() == null ? new Label() : Badges.decision(hit.decision());
            badge.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().set(0, badge);
            where.setText((hit.caseNumber() == null ? hit.id() : hit.caseNumber()) + ", item " + hit.item());
            basis.setText(s.basis() == SimilarDecisions.Basis.SAME_DRUG ? "same drug" : "same category");
            request.setText(hit.request());
            snippet.getChildren().setAll(snippetText(hit.snippet()));
            snippet.setVisible(hit.snippet() != null);
            snippet.setManaged(hit.snippet() != null);
            boolean compared = model.contains(hit.id(), hit.item());
            add.setText(compared ? "Added" : "Add");
            add.setDisable(compared || model.fullProperty().get());
            add.setOnAction(e -> {
                model.add(hit.id(), hit.item());
                similarList.refresh();
            });
            setGraphic(box);
        }
    }

    /** A snippet as text with the matched words in bold (between the search service's marks). */
    static List<Text> snippetText(String snippet) {
        if (snippet == null) {
            return List.of();
        }
        List<Text> parts = new java.util.ArrayList<>();
        Function<String, Text> plain = s -> {
            Text t = new Text(s);
            t.getStyleClass().add("snippet-text");
            return t;
        };
        int at = 0;
        while (at < snippet.length()) {
            int start = snippet.indexOf(SearchService.MARK_START, at);
            int end = start < 0 ? -1 : snippet.indexOf(SearchService.MARK_END, start);
            if (start < 0 || end < 0) {
                parts.add(plain.apply(snippet.substring(at)));
                break;
            }
            parts.add(plain.apply(snippet.substring(at, start)));
            Text match = plain.apply(snippet.substring(start + 1, end));
            match.getStyleClass().add("snippet-match");
            parts.add(match);
            at = end + 1;
        }
        return parts;
    }
}
