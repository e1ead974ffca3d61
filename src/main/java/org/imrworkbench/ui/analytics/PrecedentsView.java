package org.imrworkbench.ui.analytics;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.imrworkbench.analytics.ItemRef;
import org.imrworkbench.analytics.Precedents;
import org.imrworkbench.ui.common.Badges;
import org.imrworkbench.ui.common.Labels;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The precedents panel of the case view: the outcome among similar decided items, the phrases that separate
 * overturned from upheld rationales (click one to see the items that use it), and the precedents themselves,
 * each a click away from the comparison or from its case.
 */
public final class PrecedentsView extends BorderPane {

    /** About three lines of phrase chips. */
    static final double PHRASES_MAX_HEIGHT = 66;

    private final PrecedentsViewModel vm;
    private final FlowPane phrases = new FlowPane(4, 4);
    private Consumer<ItemRef> onCompare = ref -> { };
    private Consumer<ItemRef> onOpen = ref -> { };

    public PrecedentsView(PrecedentsViewModel vm) {
        this.vm = vm;
        setId("precedents");
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("precedents-summary");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox top = new HBox(8, busy, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        // the Items tab, which shows the item, is behind this one: say which item these are the precedents of
        Label subject = new Label();
        subject.textProperty().bind(vm.subjectProperty());
        subject.setId("precedents-subject");
        subject.getStyleClass().add(Styles.TEXT_BOLD);
        subject.setTooltip(new Tooltip());
        subject.getTooltip().textProperty().bind(vm.subjectProperty());
        subject.visibleProperty().bind(vm.subjectProperty().isNotEmpty());
        subject.managedProperty().bind(subject.visibleProperty());
        Label phrasesTitle = new Label("PHRASES THAT SEPARATE THE OUTCOMES (click to filter)");
        phrasesTitle.getStyleClass().add("section-title");
        // many phrases scroll in a few lines of their own instead of pushing the precedents out of a short window
        ScrollPane phraseScroll = new ScrollPane(phrases);
        phraseScroll.setFitToWidth(true);
        phraseScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        phraseScroll.getStyleClass().add("edge-to-edge");
        phraseScroll.prefViewportHeightProperty().bind(phrases.heightProperty());
        phraseScroll.setMaxHeight(PHRASES_MAX_HEIGHT);
        phraseScroll.setMinHeight(0);
        VBox header = new VBox(6, subject, top, phrasesTitle, phraseScroll);
        header.setPadding(new Insets(8));

        ListView<Precedents.Precedent> list = new ListView<>(vm.shown());
        list.setId("precedent-list");
        list.setPlaceholder(new Label("No precedents."));
        list.setCellFactory(v -> new PrecedentCell());
        setTop(header);
        setCenter(list);
        vm.resultProperty().addListener((obs, old, now) -> showPhrases(now));
        vm.phraseProperty().addListener((obs, old, now) -> showPhrases(vm.resultProperty().get()));
    }

    /** What "Compare" on a precedent does (the main window adds it to the comparison). */
    public void setOnCompare(Consumer<ItemRef> onCompare) {
        this.onCompare = onCompare;
    }

    /** What "Open" on a precedent does (the main window shows its case). */
    public void setOnOpen(Consumer<ItemRef> onOpen) {
        this.onOpen = onOpen;
    }

    private void showPhrases(Precedents.Result result) {
        phrases.getChildren().clear();
        if (result == null || result.phrases().isEmpty()) {
            Label none = new Label(result == null ? "" : "Too few precedents with both outcomes to compare their "
                    + "wording.");
            none.getStyleClass().add("muted");
            phrases.getChildren().add(none);
            return;
        }
        for (Precedents.Phrase p : result.phrases()) {
            boolean overturned = p.weight() > 0;
            Label chip = Badges.chip(String.format(Locale.ROOT, "%s %s%.1f", p.phrase(), overturned ? "+" : "",
                    p.weight()), overturned ? "chip-source-odg" : "chip-tag");
            if (p.equals(vm.phraseProperty().get())) {
                chip.getStyleClass().add("chip-different");
            }
            chip.setTooltip(new Tooltip("\u201C" + p.phrase() + "\u201D leans " + (overturned ? "overturned" : "upheld")
                    + ": used in " + p.overturned() + " overturned and " + p.upheld() + " upheld rationales. "
                    + "Click to list them (click again for all)."));
            chip.setCursor(javafx.scene.Cursor.HAND);
            chip.setOnMouseClicked(e -> vm.phraseProperty().set(p.equals(vm.phraseProperty().get()) ? null : p));
            phrases.getChildren().add(chip);
        }
    }

    /** One precedent: decision badge, case and item, request, why it is similar, and two actions. */
    private final class PrecedentCell extends ListCell<Precedents.Precedent> {
        PrecedentCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Precedents.Precedent p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            ItemRef ref = p.ref();
            Label badge = Badges.decision(ref.decision());
            Label where = new Label((ref.caseNumber() != null ? ref.caseNumber() : ref.id()) + " #" + ref.item());
            where.getStyleClass().add("muted");
            where.setMinWidth(Region.USE_PREF_SIZE);
            Label request = new Label(ref.request());
            request.setTextOverrun(OverrunStyle.ELLIPSIS);
            request.setMinWidth(0);
            request.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(request, Priority.ALWAYS);
            Label basis = new Label(Labels.sentence(p.basis().name()));
            basis.getStyleClass().add("muted");
            // a narrow pane cuts the request and then the basis short; the buttons stay
            basis.setMinWidth(0);
            Button compare = new Button(null, new FontIcon(Material2AL.COMPARE_ARROWS));
            compare.setMinWidth(Region.USE_PREF_SIZE);
            compare.setTooltip(new Tooltip("Add to the comparison"));
            compare.setOnAction(e -> onCompare.accept(ref));
            Button open = new Button(null, new FontIcon(Material2MZ.OPEN_IN_NEW));
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.setTooltip(new Tooltip("Open this case"));
            open.setOnAction(e -> onOpen.accept(ref));
            HBox row = new HBox(8, badge, where, request, basis, compare, open);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setTooltip(new Tooltip(ref.request()));
        }
    }
}
