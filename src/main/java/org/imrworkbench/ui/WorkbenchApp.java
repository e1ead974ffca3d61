package org.imrworkbench.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder until the workstation lands (see issue 4). */
public final class WorkbenchApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("IMR Workbench");
        stage.show();
    }
}
