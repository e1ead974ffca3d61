package org.imrworkbench.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Scrolling a table to a row so that the row ends up wholly in view.
 *
 * <p>{@link TableView#scrollTo(int)} right after the table's rows were replaced (a search's result, the list read at
 * start) places the row by the table's layout before the change: its view's height and the rows' total were stale,
 * and the row landed half under the table's lower edge or out of view. These methods lay the table out first, then
 * scroll, then make sure the row is wholly in view.
 */
public final class TableScroll {

    private TableScroll() {
    }

    /**
     * Scrolls so that row {@code index} is shown with up to {@code above} rows before it (its neighbours stay in
     * view, as a list's reader expects), and wholly in view whatever the table's height.
     */
    public static void showNear(TableView<?> table, int index, int above) {
        if (index < 0 || index >= table.getItems().size()) {
            return;
        }
        settle(table);
        table.scrollTo(Math.max(0, index - above));
        reveal(table, index);
    }

    /**
     * As {@link #showNear}, unless row {@code index} is already wholly in view, where the table is left as it is
     * (the list was read again, say after a tag was added, and the reader's place must not jump).
     */
    public static void keepInView(TableView<?> table, int index, int above) {
        if (index < 0 || index >= table.getItems().size()) {
            return;
        }
        settle(table);
        if (!whollyInView(table, index)) {
            showNear(table, index, above);
        }
    }

    /** Whether row {@code index} is laid out wholly inside the table's view. */
    public static boolean whollyInView(TableView<?> table, int index) {
        Node view = table.lookup(".clipped-container");
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || view == null) {
            return false;
        }
        IndexedCell<?> cell = flow.getVisibleCell(index);
        if (cell == null || !cell.isVisible()) {
            return false;
        }
        Bounds shown = view.localToScene(view.getLayoutBounds());
        Bounds row = cell.localToScene(cell.getLayoutBounds());
        return row.getMinY() >= shown.getMinY() - 0.5 && row.getMaxY() <= shown.getMaxY() + 0.5;
    }

    /** Scrolls as little as needed for row {@code index} to be wholly in view (stepping from row to row). */
    public static void reveal(TableView<?> table, int index) {
        if (index < 0 || index >= table.getItems().size()) {
            return;
        }
        settle(table);
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
    }

    /** Brings the table's layout up to date with its rows and its size (a no-op when it has no scene yet). */
    private static void settle(TableView<?> table) {
        if (table.getScene() != null) {
            table.applyCss();
            table.layout();
        }
    }
}
