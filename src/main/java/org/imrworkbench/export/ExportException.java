package org.imrworkbench.export;

/** An export that could not be done; the message is one line for the user ("FILE: reason"). */
public class ExportException extends RuntimeException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
