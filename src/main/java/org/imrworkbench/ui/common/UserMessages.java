package org.imrworkbench.ui.common;

/** Turns failures into one-line messages for the user: the reason, never an exception class name. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String of(Throwable t) {
        Throwable e = t;
        while ((e.getMessage() == null || e.getMessage().isBlank()) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Something went wrong (" + e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT) + ").";
        }
        return message.replaceAll("\\s+", " ").strip();
    }
}
