package org.imrworkbench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

/** One-line descriptions of failures for the user: the reason, never an exception class name. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof RuntimeException
                && t.getCause() instanceof IOException)) {
            t = t.getCause();
        }
        if (t instanceof NoSuchFileException) {
            return t.getMessage() + ": no such file";
        }
        if (t instanceof AccessDeniedException) {
            return t.getMessage() + ": permission denied";
        }
        if (t instanceof SQLException) {
            return "library error: " + oneLine(t.getMessage());
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? "unexpected error (run with --debug for details)"
                : oneLine(message);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
