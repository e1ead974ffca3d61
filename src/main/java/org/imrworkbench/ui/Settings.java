package org.imrworkbench.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs: window geometry, split positions, the last case, the theme. Kept in the
 * user's Java preferences (on Linux ~/.java/.userPrefs), not in the library, which holds only letters and notes.
 */
public final class Settings {

    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's settings. */
    public static Settings user() {
        return new Settings(Preferences.userRoot().node("org/imrworkbench/workbench"));
    }

    public double getDouble(String key, double fallback) {
        return prefs.getDouble(key, fallback);
    }

    public void putDouble(String key, double value) {
        prefs.putDouble(key, value);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return prefs.getBoolean(key, fallback);
    }

    public void putBoolean(String key, boolean value) {
        prefs.putBoolean(key, value);
    }

    public String get(String key, String fallback) {
        return prefs.get(key, fallback);
    }

    public void put(String key, String value) {
        if (value == null) {
            prefs.remove(key);
        } else {
            prefs.put(key, value);
        }
    }

    /** Writes pending changes; failures are not worth interrupting the user for. */
    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException ignored) {
            // settings are a convenience: the next run falls back to defaults
        }
    }
}
