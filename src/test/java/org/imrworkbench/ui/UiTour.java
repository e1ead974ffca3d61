package org.imrworkbench.ui;

import javafx.application.Application;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import org.imrworkbench.library.Library;
import org.imrworkbench.ui.browser.BrowserViewModel;
import org.imrworkbench.ui.common.Background;

import java.nio.file.Path;

/**
 * Opens the main window on a library in a given state, for screenshots under Xvfb (docs/screenshots):
 * {@code UiTour$Main LIBRARY [CASE_ID [ITEM_INDEX [QUERY [dark|light [analytics|precedents|warnings|compare:N|import:PATH...]]]]]}.
 * {@code warnings} opens the case's list of parser warnings;
 * {@code compare:3} adds the first item of the first three cases listed to the comparison and shows the Compare tab;
 * {@code import:FOLDER} imports files and folders (separated by the path separator) in the import dialog. Settings go
 * to a throw-away preferences node.
 */
public final class UiTour extends Application {

    /** The entry point: a class that does not extend Application, so JavaFX may sit on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(UiTour.class, args);
        }
    }

    /** Held here: a binding is only weakly held by what it observes. */
    private final java.util.List<BooleanBinding> ready = new java.util.ArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        Library library = Library.open(Path.of(args.get(0)));
        Settings settings = WorkbenchFxFixture.freshSettings("tour");
        settings.putBoolean("theme.dark", args.size() > 4 && args.get(4).equals("dark"));
        MainWindow window = new MainWindow(stage, library, settings, Background.forFx());
        window.show();
        stage.setX(0);
        stage.setY(0);
        if (args.size() > 3 && !args.get(3).isBlank()) {
            window.browser().queryProperty().set(args.get(3));
            window.browser().refresh();
        }
        if (args.size() > 5 && args.get(5).equals("analytics")) {
            window.showAnalytics();
        }
        String then = args.size() > 5 ? args.get(5) : "";
        if (then.startsWith("compare:") || then.startsWith("import:")) {
            BrowserViewModel browser = window.browser();
            Runnable act = () -> {
                if (then.startsWith("compare:")) {
                    var listed = browser.cases();
                    int n = Math.min(Integer.parseInt(then.substring("compare:".length())), listed.size());
                    for (int i = 0; i < n; i++) {
                        window.compare().add(listed.get(i).id(), 1);
                    }
                    var tabs = (javafx.scene.control.TabPane) stage.getScene().lookup(".tab-pane");
                    tabs.getTabs().stream().filter(t -> "compare-tab".equals(t.getId())).findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                } else {
                    window.importPaths(java.util.Arrays.stream(then.substring("import:".length())
                            .split(java.io.File.pathSeparator)).map(Path::of).toList());
                }
            };
            whenReady(window, act);
        }
        if (args.size() > 1 && !args.get(1).isBlank()) {
            int item = args.size() > 2 ? Integer.parseInt(args.get(2)) : 0;
            Runnable select = () -> {
                window.selectCase(args.get(1), item);
                if (args.size() > 5 && args.get(5).equals("precedents")) {
                    window.showPrecedents();
                }
                if (args.size() > 5 && args.get(5).equals("warnings")) {
                    openWarnings(window, stage);
                }
            };
            whenReady(window, select);
        }
    }

    /** Runs {@code action} once the case list is whole: its search done and its facets counted. */
    private void whenReady(MainWindow window, Runnable action) {
        BrowserViewModel browser = window.browser();
        BooleanBinding whole = browser.busyProperty().not().and(browser.facetsCountedProperty());
        if (whole.get()) {
            action.run();
            return;
        }
        ready.add(whole);
        whole.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    whole.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Opens the parser warnings of the case once it is in view (and laid out). */
    private static void openWarnings(MainWindow window, Stage stage) {
        javafx.collections.ObservableList<?> warnings = window.caseFile().parserWarnings();
        Runnable open = () -> {
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(800));
            settle.setOnFinished(e -> ((javafx.scene.control.Button) stage.getScene().lookup("#parser-warnings"))
                    .fire());
            settle.play();
        };
        if (!warnings.isEmpty()) {
            open.run();
            return;
        }
        warnings.addListener(new javafx.collections.ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> c) {
                if (!warnings.isEmpty()) {
                    warnings.removeListener(this);
                    open.run();
                }
            }
        });
    }
}
