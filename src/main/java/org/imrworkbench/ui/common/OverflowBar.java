package org.imrworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of buttons that never runs off its edge. When they do not all fit, the buttons with an icon show only their
 * icon (their words move into their tooltip); when even that does not fit, the last ones are hidden and offered, in
 * the same order and with the same names, in a "…" menu at the row's end (style class {@code overflow-menu}). Its
 * minimum width is that menu button's, so a narrow pane squeezes the row instead of pushing it out of view. The
 * buttons are laid out at the row's end, where a toolbar's trailing buttons stand.
 */
public final class OverflowBar extends Region {

    private final List<ButtonBase> buttons;
    private final List<MenuItem> entries = new ArrayList<>();
    private final List<Tooltip> ownTips = new ArrayList<>();
    private final List<ContentDisplay> displays = new ArrayList<>();
    private final MenuButton more = new MenuButton(null, new FontIcon(Material2MZ.MORE_HORIZ));
    private final double spacing;
    private boolean compact;

    public OverflowBar(double spacing, ButtonBase... buttons) {
        this.spacing = spacing;
        this.buttons = List.of(buttons);
        getStyleClass().add("overflow-bar");
        more.getStyleClass().addAll("overflow-menu", "no-arrow");
        more.setAccessibleText("More actions");
        more.setTooltip(new Tooltip("More actions"));
        more.setVisible(false);
        for (ButtonBase b : buttons) {
            entries.add(entry(b));
            ownTips.add(null);
            displays.add(b.getContentDisplay());
            if (b.getAccessibleText() == null && b.getText() != null) {
                b.setAccessibleText(b.getText());
            }
        }
        getChildren().addAll(buttons);
        getChildren().add(more);
    }

    /** What a button is called in the menu: its text, else its accessible text, else its tooltip. */
    public static String name(ButtonBase b) {
        if (b.getText() != null && !b.getText().isBlank()) {
            return b.getText();
        }
        if (b.getAccessibleText() != null) {
            return b.getAccessibleText();
        }
        return b.getTooltip() == null ? "" : b.getTooltip().getText();
    }

    private static MenuItem entry(ButtonBase b) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(Bindings.createStringBinding(() -> name(b), b.textProperty(),
                b.accessibleTextProperty()));
        if (b.getGraphic() instanceof FontIcon icon) {
            item.setGraphic(new FontIcon(icon.getIconCode()));
        }
        item.disableProperty().bind(b.disabledProperty());
        item.setOnAction(e -> b.fire());
        return item;
    }

    /** How many of the buttons are shown now (the rest are in the "…" menu). */
    public int shown() {
        int n = 0;
        for (ButtonBase b : buttons) {
            n += b.isVisible() ? 1 : 0;
        }
        return n;
    }

    /** Whether the buttons show only their icons now. */
    public boolean compact() {
        return compact;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + (buttons.isEmpty() ? 0 : more.prefWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + widthOf(buttons.size(), false);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = more.prefHeight(-1);
        for (ButtonBase b : buttons) {
            h = Math.max(h, b.prefHeight(-1));
        }
        return snappedTopInset() + snappedBottomInset() + h;
    }

    @Override
    public double getBaselineOffset() {
        return buttons.isEmpty() ? super.getBaselineOffset() : buttons.get(0).getBaselineOffset();
    }

    /** Whether a button can show its icon alone. */
    private static boolean canCompact(ButtonBase b) {
        return b.getGraphic() != null && b.getText() != null && !b.getText().isEmpty();
    }

    /** A button's width with its words ({@code compact} false) or its icon alone, whichever it shows now. */
    private double widthOf(ButtonBase b, boolean compact) {
        double now = snapSizeX(b.prefWidth(-1));
        if (!canCompact(b) || compact == (b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY)) {
            return now;
        }
        double words = TextWidths.of(b.getText(), b.getFont()) + b.getGraphicTextGap();
        return snapSizeX(compact ? now - words : now + words);
    }

    /** The width of the first {@code n} buttons side by side. */
    private double widthOf(int n, boolean compact) {
        double w = 0;
        for (int i = 0; i < n; i++) {
            w += widthOf(buttons.get(i), compact) + (i > 0 ? spacing : 0);
        }
        return w;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        int shown = buttons.size();
        boolean small = widthOf(shown, false) > width + 0.5;
        if (small && widthOf(shown, true) > width + 0.5) {
            double room = width - snapSizeX(more.prefWidth(-1)) - spacing;
            shown = 0;
            while (shown < buttons.size() && widthOf(shown + 1, true) <= room + 0.5) {
                shown++;
            }
        }
        setCompact(small);
        boolean overflowing = shown < buttons.size();
        List<MenuItem> hidden = entries.subList(shown, entries.size());
        if (!more.getItems().equals(hidden)) {
            more.getItems().setAll(new ArrayList<>(hidden));
        }
        more.setVisible(overflowing);
        double moreWidth = snapSizeX(more.prefWidth(-1));
        double used = widthOf(shown, small) + (overflowing ? (shown > 0 ? spacing : 0) + moreWidth : 0);
        double x = left + Math.max(0, width - used);
        for (int i = 0; i < buttons.size(); i++) {
            ButtonBase b = buttons.get(i);
            b.setVisible(i < shown);
            if (i < shown) {
                double w = widthOf(b, small);
                layoutInArea(b, x, top, w, height, 0, HPos.CENTER, VPos.CENTER);
                x += w + spacing;
            }
        }
        if (overflowing) {
            layoutInArea(more, x, top, moreWidth, height, 0, HPos.CENTER, VPos.CENTER);
        }
    }

    /** Shows the buttons' icons alone, their words in their tooltips (where they have none of their own). */
    private void setCompact(boolean compact) {
        if (compact == this.compact) {
            return;
        }
        this.compact = compact;
        for (int i = 0; i < buttons.size(); i++) {
            ButtonBase b = buttons.get(i);
            if (!canCompact(b)) {
                continue;
            }
            b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : displays.get(i));
            if (compact && b.getTooltip() == null) {
                ownTips.set(i, new Tooltip(b.getText()));
                b.setTooltip(ownTips.get(i));
            } else if (!compact && ownTips.get(i) != null && b.getTooltip() == ownTips.get(i)) {
                b.setTooltip(null);
                ownTips.set(i, null);
            }
        }
    }
}
