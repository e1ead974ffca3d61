package org.imrworkbench.ui.common;

import javafx.scene.control.TableColumnBase;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * How wide a text is in the app's font, for the least widths that keep headings, dates and numbers whole: the
 * AtlantaFX theme sets the system font at 14px ({@link #SIZE}), table headings in bold.
 */
public final class TextWidths {

    /** The theme's text size, in pixels. */
    public static final double SIZE = 14;
    /** A table cell's padding (half an em each side) and the sort arrow of a sorted column's heading. */
    private static final double CELL_EXTRA = SIZE + 12;

    private TextWidths() {
    }

    /** The width of {@code text} in {@code font}, rounded up. */
    public static double of(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    /** In the app's regular font at {@code scale} times its size (0.85 for a badge's text). */
    public static double regular(String text, double scale) {
        return of(text, Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, SIZE * scale));
    }

    /** In the app's bold font at {@code scale} times its size. */
    public static double bold(String text, double scale) {
        return of(text, Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, SIZE * scale));
    }

    /**
     * Keeps a table column at least as wide as its bold heading with a sort arrow, and as {@code widestValue}
     * (plus {@code valueExtra}, for a badge's padding), so neither is ever cut short with an ellipsis.
     */
    public static void fitColumn(TableColumnBase<?, ?> column, String widestValue, double valueExtra) {
        double heading = bold(column.getText(), 1) + CELL_EXTRA;
        double value = widestValue == null ? 0 : regular(widestValue, 1) + valueExtra + SIZE + 4;
        double min = Math.max(heading, value);
        column.setMinWidth(min);
        if (column.getPrefWidth() < min) {
            column.setPrefWidth(min);
        }
    }
}
