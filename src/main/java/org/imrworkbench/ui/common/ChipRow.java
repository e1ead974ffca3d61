package org.imrworkbench.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * Chips on one line, for a table cell of rows that all have the same height: the chips that fit are shown in
 * order, and when some do not, the last place shows how many are left out ("+2"); all of them are in the tooltip.
 * A chip is never cut in the middle and the row never grows a second line.
 */
public final class ChipRow extends Region {

    private static final double GAP = 4;

    private final List<Label> chips;
    private final Label more = new Label();

    public ChipRow(List<String> texts, String... styleClasses) {
        chips = texts.stream().map(t -> Badges.chip(t, styleClasses)).toList();
        getChildren().addAll(chips);
        more.getStyleClass().addAll("chip", "chip-more");
        more.setVisible(false);
        getChildren().add(more);
        setMinWidth(0);
        setPadding(Insets.EMPTY);
        // a "+N" wider than the cell is cut at its edge, not drawn over the next column
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        Tooltip.install(this, new Tooltip(String.join(", ", texts)));
    }

    /** How many chips the last layout showed (the others are counted in "+N"). */
    public int shownCount() {
        return (int) chips.stream().filter(Node::isVisible).count();
    }

    /** The "+N" label's text, empty when every chip is shown. */
    public String moreText() {
        return more.isVisible() ? more.getText() : "";
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Label c : chips) {
            w += (w == 0 ? 0 : GAP) + c.prefWidth(-1);
        }
        return w + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = 0;
        for (Label c : chips) {
            h = Math.max(h, c.prefHeight(-1));
        }
        return h + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        int fit = fitting(width, chips.size());
        // when not all fit, give up chips until "+N" fits after the rest
        while (fit < chips.size() && fit >= 0) {
            more.setText("+" + (chips.size() - fit));
            double moreWidth = more.prefWidth(-1);
            if (used(fit) + (fit == 0 ? 0 : GAP) + moreWidth <= width || fit == 0) {
                break;
            }
            fit--;
        }
        double x = left;
        for (int i = 0; i < chips.size(); i++) {
            Label c = chips.get(i);
            boolean shown = i < fit;
            c.setVisible(shown);
            if (shown) {
                double w = c.prefWidth(-1);
                layoutInArea(c, x, top, w, height, 0, Insets.EMPTY, false, false,
                        javafx.geometry.HPos.LEFT, VPos.CENTER);
                x += w + GAP;
            }
        }
        more.setVisible(fit < chips.size());
        if (more.isVisible()) {
            double w = more.prefWidth(-1);
            layoutInArea(more, x, top, w, height, 0, Insets.EMPTY, false, false,
                    javafx.geometry.HPos.LEFT, VPos.CENTER);
        }
    }

    /** The number of the first chips that fit in the width together. */
    private int fitting(double width, int limit) {
        double x = 0;
        for (int i = 0; i < limit; i++) {
            double w = chips.get(i).prefWidth(-1);
            if (x + (i == 0 ? 0 : GAP) + w > width) {
                return i;
            }
            x += (i == 0 ? 0 : GAP) + w;
        }
        return limit;
    }

    private double used(int count) {
        double x = 0;
        for (int i = 0; i < count; i++) {
            x += (i == 0 ? 0 : GAP) + chips.get(i).prefWidth(-1);
        }
        return x;
    }
}
