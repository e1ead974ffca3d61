package org.imrworkbench.export;

/** The export was cancelled; no file was written (an existing file at the destination is untouched). */
public final class ExportCancelledException extends ExportException {

    public ExportCancelledException(String message) {
        super(message);
    }
}
