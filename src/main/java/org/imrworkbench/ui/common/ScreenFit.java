package org.imrworkbench.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.List;

/**
 * Windows that fit the screen they open on: no larger than its visual bounds (the screen without the task bar or
 * menu bar) and inside them, so nothing of a window is out of reach on a laptop's small screen.
 */
public final class ScreenFit {

    private ScreenFit() {
    }

    /**
     * A window of {@code width}×{@code height} at {@code x}, {@code y} (NaN: not placed yet) made to fit inside
     * {@code screen}: no larger than it, and moved in from its edges; a window not yet placed is centred on it.
     */
    public static Rectangle2D fit(double width, double height, double x, double y, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Double.isNaN(x) ? screen.getMinX() + (screen.getWidth() - w) / 2 : x;
        double top = Double.isNaN(y) ? screen.getMinY() + (screen.getHeight() - h) / 2 : y;
        left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
        top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }

    /** The visual bounds of the screen most of a window (or, not yet shown, of its owner) is on; else the primary's. */
    public static Rectangle2D screenOf(Window window) {
        for (Window w = window; w != null; w = w instanceof Stage s ? s.getOwner() : null) {
            if (w.getWidth() > 0 && !Double.isNaN(w.getX())) {
                List<Screen> screens = Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight());
                if (!screens.isEmpty()) {
                    return screens.get(0).getVisualBounds();
                }
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /**
     * Keeps a dialog inside the screen it opens on: once shown at its own size, it is made smaller where the screen
     * is (its content should scroll or give way) and moved in from the screen's edges.
     */
    public static void keepInside(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            Rectangle2D screen = screenOf(stage.getOwner() != null ? stage.getOwner() : stage);
            Rectangle2D fitted = fit(stage.getWidth(), stage.getHeight(), stage.getX(), stage.getY(), screen);
            if (fitted.getWidth() < stage.getWidth()) {
                stage.setWidth(fitted.getWidth());
            }
            if (fitted.getHeight() < stage.getHeight()) {
                stage.setHeight(fitted.getHeight());
            }
            stage.setX(fitted.getMinX());
            stage.setY(fitted.getMinY());
        });
    }
}
