package org.imrworkbench.library;

/**
 * A library operation failed. The message is one clear line for the user (never a class name); the cause, when
 * there is one, is kept for {@code --debug}.
 */
public class LibraryException extends RuntimeException {

    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
