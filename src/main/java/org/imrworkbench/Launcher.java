package org.imrworkbench;

import org.imrworkbench.cli.Cli;

/**
 * The jar's entry point. It does not extend {@code javafx.application.Application}, so the shaded jar runs on a
 * plain JDK: with no arguments it opens the desktop app, with a command it runs headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.imrworkbench.ui.WorkbenchApp.launchApp(args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
