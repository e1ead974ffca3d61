package org.imrworkbench.ui.importing;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imrworkbench.ingest.ImportReport;
import org.imrworkbench.ingest.ImportService;
import org.imrworkbench.ui.common.Background;
import org.imrworkbench.ui.common.FileDialogs;
import org.imrworkbench.ui.common.ScreenFit;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The import window, owned by the main window: progress while importing, then the report. Not modal, so the library
 * can be browsed meanwhile; closing it while importing cancels the import (what is imported stays) and shows the
 * report. Uses the owner's stylesheets.
 *
 * <pre>{@code
 * ImportDialog dialog = new ImportDialog(window, new ImportService(library), background);
 * dialog.onFinished(report -> browser.refresh());
 * dialog.start(ImportDialog.chooseFiles(FileDialogs.system(), window));
 * }</pre>
 */
public final class ImportDialog {

    private final Stage stage = new Stage();
    private final ImportViewModel model;

    public ImportDialog(Window owner, ImportService service, Background background) {
        this.model = new ImportViewModel(service, background);
        ImportView view = new ImportView(model);
        Scene scene = new Scene(view, 880, 620);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("Import letters");
        stage.setScene(scene);
        stage.setMinWidth(520);
        stage.setMinHeight(280);
        ScreenFit.keepInside(stage);
        view.closeButton().setOnAction(e -> stage.close());
        stage.setOnCloseRequest(e -> {
            if (model.stateProperty().get() == ImportViewModel.State.RUNNING) {
                e.consume();
                model.cancel();
            }
        });
    }

    /** Calls {@code listener} on the FX thread with the report when the import finishes (also when cancelled). */
    public void onFinished(Consumer<ImportReport> listener) {
        model.onFinished(listener);
    }

    /** Shows the window and imports these files and folders; nothing when the list is empty (a cancelled chooser). */
    public void start(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        stage.show();
        stage.toFront();
        model.start(paths);
    }

    /** The view model, for tests and for a status bar that shows the import's progress. */
    public ImportViewModel viewModel() {
        return model;
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** Asks for letter files (PDF and text); empty when the user cancels. */
    public static List<Path> chooseFiles(FileDialogs files, Window owner) {
        return files.openMany(owner, FileDialogs.Request.titled("Import letters").filters(
                FileDialogs.Filter.of("IMR letters (*.pdf, *.txt)", "*.pdf", "*.PDF", "*.txt", "*.TXT"),
                FileDialogs.Filter.of("All files", "*")));
    }

    /** Asks for a folder of letters (searched with its subfolders); empty when the user cancels. */
    public static List<Path> chooseFolder(FileDialogs files, Window owner) {
        return files.folder(owner, FileDialogs.Request.titled("Import a folder of letters")).map(List::of)
                .orElse(List.of());
    }
}
