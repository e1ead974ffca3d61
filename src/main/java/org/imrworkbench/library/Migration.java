package org.imrworkbench.library;

import java.util.List;

/**
 * One step of the library's schema: migration {@code version} takes a library from {@code version - 1} to
 * {@code version}. Its statements run in one transaction together with the {@code PRAGMA user_version} update.
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
