package org.imrworkbench.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The app's look for component tests and screenshots: the AtlantaFX theme and both of the app's stylesheets. */
public final class ComponentStyles {

    private ComponentStyles() {
    }

    /** Sets the theme (once per JVM is enough; repeating is harmless) and adds the stylesheets to the scene. */
    public static Scene apply(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().addAll(
                ComponentStyles.class.getResource("/org/imrworkbench/ui/workbench.css").toExternalForm(),
                ComponentStyles.class.getResource("/org/imrworkbench/ui/components.css").toExternalForm());
        return scene;
    }
}
