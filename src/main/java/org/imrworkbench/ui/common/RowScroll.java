package org.imrworkbench.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Scrolling a table or a list to a row so that the row ends up wholly in view.
 *
 * <p>{@link TableView#scrollTo(int)} right after the rows were replaced (a search's result, the list read at start,
 * a case's items) placed the row by the layout before the change: the view's height and the rows' total were stale,
 * and the row landed half under the lower edge or out of view. These methods lay the control out first, then
 * scroll, then make sure the row is wholly in view.
 */
public final class RowScroll {

    private RowScroll() {
    }

    /**
     * Scrolls so that row {@code index} is shown with up to {@code above} rows before it (its neighbours stay in
     * view, as a list's reader expects), and wholly in view whatever the table's height.
     */
    public static void showNear(TableView<?> table, int index, int above) {
        showNear(table, table.getItems().size(), index, above);
    }

    /** As {@link #showNear(TableView, int, int)}, for a list. */
    public static void showNear(ListView<?> list, int index, int above) {
        showNear(list, list.getItems().size(), index, above);
    }

    /**
     * As {@link #showNear(TableView, int, int)}, unless row {@code index} is already wholly in view, where the table
     * is left as it is (the list was read again, say after a tag was added, and the reader's place must not jump).
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

    /** Scrolls a table as little as needed for row {@code index} to be wholly in view (stepping from row to row). */
    public static void reveal(TableView<?> table, int index) {
        reveal(table, table.getItems().size(), index);
    }

    /** Scrolls a list as little as needed for row {@code index} to be wholly in view. */
    public static void reveal(ListView<?> list, int index) {
        reveal(list, list.getItems().size(), index);
    }

    /** Whether row {@code index} is laid out wholly inside the view of a table or a list. */
    public static boolean whollyInView(Control view, int index) {
        Node shown = view.lookup(".clipped-container");
        if (!(view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || shown == null) {
            return false;
        }
        IndexedCell<?> cell = flow.getVisibleCell(index);
        if (cell == null || !cell.isVisible()) {
            return false;
        }
        Bounds area = shown.localToScene(shown.getLayoutBounds());
        Bounds row = cell.localToScene(cell.getLayoutBounds());
        return row.getMinY() >= area.getMinY() - 0.5 && row.getMaxY() <= area.getMaxY() + 0.5;
    }

    private static void showNear(Control view, int count, int index, int above) {
        if (index < 0 || index >= count) {
            return;
        }
        settle(view);
        if (view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollToTop(Math.max(0, index - above));
            reveal(view, count, index);
        } else {
            scrollTo(view, Math.max(0, index - above)); // not shown yet: its skin scrolls when it is made
        }
    }

    private static void reveal(Control view, int count, int index) {
        if (index < 0 || index >= count) {
            return;
        }
        settle(view);
        if (view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            scrollTo(view, index);
        }
    }

    private static void scrollTo(Control view, int index) {
        if (view instanceof TableView<?> table) {
            table.scrollTo(index);
        } else if (view instanceof ListView<?> list) {
            list.scrollTo(index);
        }
    }

    /** Brings the control's layout up to date with its rows and its size (a no-op when it has no scene yet). */
    private static void settle(Control view) {
        if (view.getScene() != null) {
            view.applyCss();
            view.layout();
        }
    }
}
