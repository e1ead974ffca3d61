package org.imrworkbench.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the user's library lives by default: the operating system's application data folder. */
public final class LibraryLocation {

    /** The library's file name inside the application data folder. */
    public static final String FILE_NAME = "library.db";

    private LibraryLocation() {
    }

    /** The default library file for this user and operating system. */
    public static Path defaultFile() {
        return defaultFile(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The default library file for the given operating system name, environment and home folder:
     * {@code %APPDATA%\IMR Workbench\} on Windows, {@code ~/Library/Application Support/IMR Workbench/} on macOS,
     * and {@code $XDG_DATA_HOME/imr-workbench/} or {@code ~/.local/share/imr-workbench/} elsewhere.
     */
    static Path defaultFile(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming") : Path.of(appData);
            return base.resolve("IMR Workbench").resolve(FILE_NAME);
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "IMR Workbench", FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute()
                ? Path.of(home, ".local", "share") : Path.of(xdg);
        return base.resolve("imr-workbench").resolve(FILE_NAME);
    }
}
