package org.imrworkbench.library;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files readable and writable by their owner only (folders: owner-only too), where the file system has POSIX
 * permissions; elsewhere (Windows) files inherit the private per-user application data folder's access list.
 * Library files, backups and restored libraries hold medical data, so they are created private, never made private
 * afterwards: there is no moment in which another user could open them.
 */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the missing folders of {@code folder}, owner-only. */
    static void createFolders(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Creates a new, empty, owner-only file; fails when it exists. */
    static void createFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Creates a new, empty, owner-only file with a unique name beside {@code near}. */
    static Path createTempBeside(Path near, String suffix) throws IOException {
        Path folder = near.toAbsolutePath().getParent();
        String prefix = "." + near.getFileName() + "-";
        if (POSIX) {
            return Files.createTempFile(folder, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(folder, prefix, suffix);
    }

    /** Makes an existing file owner-only, where POSIX permissions exist; quietly leaves another user's file alone. */
    static void restrict(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not our file to change (another user's library opened read-write): SQLite still works.
        }
    }

    /** The message of an I/O failure for the user: never a class name. */
    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "the file already exists";
        }
        return m == null || m.isBlank() ? "I/O error" : m.replaceAll("\\s+", " ").strip();
    }
}
