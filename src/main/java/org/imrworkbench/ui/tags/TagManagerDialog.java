package org.imrworkbench.ui.tags;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imrworkbench.library.Library;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.ScreenFit;

/**
 * The tag manager window, modal to the main window, with the owner's stylesheets.
 *
 * <pre>{@code
 * TagManagerDialog tags = new TagManagerDialog(window, library, background);
 * tags.onChanged(browser::refresh);
 * tags.show();
 * }</pre>
 */
public final class TagManagerDialog {

    private final Stage stage = new Stage();
    private final TagManagerViewModel model;

    public TagManagerDialog(Window owner, Library library, Background background) {
        this.model = new TagManagerViewModel(library, background);
        TagManagerView view = new TagManagerView(model);
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("dialog-buttons");
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(view, null, null, buttons, null);
        Scene scene = new Scene(root, 860, 540);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("Manage tags");
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(360);
        ScreenFit.keepInside(stage);
    }

    /** Runs {@code listener} on the FX thread after every change to the library's tags. */
    public void onChanged(Runnable listener) {
        model.onChanged(listener);
    }

    /** Loads the tags (off the FX thread) and shows the window. */
    public void show() {
        model.refresh();
        stage.show();
        stage.toFront();
    }

    /** The view model. */
    public TagManagerViewModel viewModel() {
        return model;
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }
}
