package org.imrworkbench.library;

import java.nio.file.Path;

/**
 * A verified library file: a backup written by {@link Library#backup}, or one checked by
 * {@link Library#verifyBackup} before a restore.
 *
 * @param file          the file
 * @param schemaVersion its schema version ({@code PRAGMA user_version}); older than {@link Library#SCHEMA_VERSION}
 *                      is fine, it is upgraded when opened
 * @param cases         the number of cases in it
 * @param annotations   the number of annotations in it
 * @param bytes         its size in bytes
 */
public record BackupInfo(Path file, int schemaVersion, int cases, int annotations, long bytes) {
}
