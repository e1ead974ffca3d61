package org.imrworkbench.export;

/** An export that could not be done; the message is one line for the user ("FILE: reason"). */
public class ExportException extends RuntimeException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal of a destination that names a folder, as it was named. */
    public static ExportException aFolder(Object named) {
        return new ExportException(named + ": is a folder; give the name of the file to write");
    }
}
