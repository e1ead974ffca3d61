package org.imrworkbench.ui.common;

/** Turns failures into one-line messages for the user: the reason, never an exception class name. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String of(Throwable t) {
        Throwable e = t;
        // a wrapper without words of its own (no message, or only its cause's class and message) stands for its cause
        while (e.getCause() != null && (e.getMessage() == null || e.getMessage().isBlank()
                || e.getMessage().equals(e.getCause().toString()))) {
            e = e.getCause();
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            // Java gives only the path as the message of these: say what went wrong with it
            String why = fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : fs instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : fs.getReason() != null ? fs.getReason() : "input/output error";
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + why;
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Something went wrong (" + e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT) + ").";
        }
        return message.replaceAll("\\s+", " ").strip();
    }
}
