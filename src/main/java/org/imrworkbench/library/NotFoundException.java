package org.imrworkbench.library;

/** A case, item, tag or annotation named by the caller is not in the library. */
public final class NotFoundException extends LibraryException {

    public NotFoundException(String message) {
        super(message);
    }
}
