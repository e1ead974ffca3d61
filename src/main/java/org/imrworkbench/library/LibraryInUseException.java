package org.imrworkbench.library;

/**
 * The library is open in another window or program (or elsewhere in this one), so it cannot be replaced now.
 * Close the other window and try again.
 */
public final class LibraryInUseException extends LibraryException {

    public LibraryInUseException(String message) {
        super(message);
    }
}
