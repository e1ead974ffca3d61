package org.imrworkbench.ui.importing;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Drag and drop of letter files and folders onto a node (the main window's content) to import them. */
public final class ImportDropSupport {

    /** The style class of the node while files are dragged over it. */
    public static final String DROP_TARGET = "drop-target";

    private ImportDropSupport() {
    }

    /**
     * Makes {@code target} accept files and folders dragged onto it (as a copy), styled {@value #DROP_TARGET} while
     * they are over it; {@code onDrop} receives their paths on the FX thread.
     */
    public static void install(Node target, Consumer<List<Path>> onDrop) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!target.getStyleClass().contains(DROP_TARGET)) {
                    target.getStyleClass().add(DROP_TARGET);
                }
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, e -> target.getStyleClass().remove(DROP_TARGET));
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            target.getStyleClass().remove(DROP_TARGET);
            List<Path> paths = paths(e.getDragboard());
            e.setDropCompleted(!paths.isEmpty());
            e.consume();
            if (!paths.isEmpty()) {
                onDrop.accept(paths);
            }
        });
    }

    private static List<Path> paths(Dragboard board) {
        return board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
    }
}
