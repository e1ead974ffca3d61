package org.imrworkbench.parse;

/**
 * A file that cannot be read as a letter. The message is written for the user: one clear, specific reason
 * ("password-protected PDF", "empty file"), and for a PDF what to do about it, never an exception class name nor
 * a library's own words; those (PDFBox's exception) are the cause, for {@code --debug}.
 */
public class UnreadableLetterException extends Exception {

    public UnreadableLetterException(String reason) {
        super(reason);
    }

    public UnreadableLetterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
