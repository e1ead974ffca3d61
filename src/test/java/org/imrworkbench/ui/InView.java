package org.imrworkbench.ui;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a window is in view, for the layout tests: rows of a table wholly shown, nodes running off the window or
 * out of the pane that holds them, labels cut short. Call on the FX thread.
 */
public final class InView {

    private InView() {
    }


    /** The rows of a table wholly in its view (not cut by its edge, its heading or a scroll bar). */
    public static long rowsInView(TableView<?> table) {
        Node view = table.lookup(".clipped-container");
        Bounds shown = sceneBounds(view);
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible())
                .filter(r -> contains(shown, sceneBounds(r)) && contains(sceneOf(r), sceneBounds(r)))
                .count();
    }

    /** How much of a node's height is inside the window. */
    public static double visibleHeight(Region r) {
        Bounds b = sceneBounds(r);
        return Math.max(0, Math.min(b.getMaxY(), r.getScene().getHeight()) - Math.max(b.getMinY(), 0));
    }

    /**
     * Why a node is not wholly in view: outside the window, or outside a pane that holds it; else empty. What a
     * scroll pane or a list cuts off along the way it scrolls is a scroll away, and does not count.
     */
    public static java.util.Optional<String> outside(Node n) {
        Bounds b = sceneBounds(n);
        boolean across = true;
        boolean down = true;
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getParent() != null && p.getParent().getStyleClass().contains("viewport")
                    || !(p instanceof Region)) {
                continue; // a scroll pane's content holder, or a group (which grows with its children)
            }
            if (p.getStyleClass().contains("viewport")) {
                javafx.scene.control.ScrollPane scroll = scrollPaneOf(p);
                across &= scroll.getHbarPolicy() == javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER;
                down &= scroll.getVbarPolicy() == javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER;
            }
            if (p.getStyleClass().contains("clipped-container")) {
                down = false; // a list's or a table's cells scroll up and down through its view
            }
            Bounds pb = sceneBounds(p);
            boolean inX = b.getMinX() >= pb.getMinX() - 0.5 && b.getMaxX() <= pb.getMaxX() + 0.5;
            boolean inY = b.getMinY() >= pb.getMinY() - 0.5 && b.getMaxY() <= pb.getMaxY() + 0.5;
            if (across && !inX || down && !inY) {
                return java.util.Optional.of(describe(n) + " at " + b + " runs out of " + describe(p) + " at " + pb);
            }
        }
        Bounds window = sceneOf(n);
        if (b.getMinX() < -0.5 || b.getMaxX() > window.getMaxX() + 0.5
                || down && (b.getMinY() < -0.5 || b.getMaxY() > window.getMaxY() + 0.5)) {
            return java.util.Optional.of(describe(n) + " at " + b + " runs off the window");
        }
        return java.util.Optional.empty();
    }

    private static javafx.scene.control.ScrollPane scrollPaneOf(Node n) {
        Node at = n;
        while (!(at instanceof javafx.scene.control.ScrollPane)) {
            at = at.getParent();
        }
        return (javafx.scene.control.ScrollPane) at;
    }

    /** The labels whose text is shown cut short (with an ellipsis), each as "label text → shown text". */
    public static List<String> cutShort(java.util.Collection<? extends Labeled> labels) {
        List<String> cut = new ArrayList<>();
        for (Labeled l : labels) {
            if (l.getText() == null || l.getText().isEmpty() || !treeVisible(l)) {
                continue;
            }
            Text shown = (Text) l.lookup(".text");
            if (shown == null || !l.getText().equals(shown.getText())) {
                cut.add(l.getText() + " \u2192 " + (shown == null ? "nothing" : shown.getText()));
            }
        }
        return cut;
    }

    public static boolean treeVisible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Inside a rich text area's paragraphs, which scroll: partly out of view is their nature. */
    public static boolean inVirtualFlow(Node n) {
        for (Node at = n.getParent(); at != null; at = at.getParent()) {
            if (at instanceof org.fxmisc.flowless.VirtualFlow<?, ?>) {
                return true;
            }
        }
        return false;
    }

    public static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    public static Bounds sceneOf(Node n) {
        return new BoundingBox(0, 0, n.getScene().getWidth(), n.getScene().getHeight());
    }

    /** Whether {@code inner} lies inside {@code outer}, give or take half a pixel of rounding. */
    public static boolean contains(Bounds outer, Bounds inner) {
        double e = 0.5;
        return inner.getMinX() >= outer.getMinX() - e && inner.getMaxX() <= outer.getMaxX() + e
                && inner.getMinY() >= outer.getMinY() - e && inner.getMaxY() <= outer.getMaxY() + e;
    }

    public static String describe(Node n) {
        String name = n.getId() != null ? "#" + n.getId()
                : n instanceof Labeled l && l.getText() != null ? "\u201C" + l.getText() + "\u201D"
                : n instanceof Control c && c.getTooltip() != null ? "\u201C" + c.getTooltip().getText() + "\u201D"
                : "";
        return n.getClass().getSimpleName() + name;
    }
}
