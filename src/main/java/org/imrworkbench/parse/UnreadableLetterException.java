package org.imrworkbench.parse;

/**
 * A file that cannot be read as a letter. The message is written for the user: one clear, specific reason
 * ("password-protected PDF", "empty file"), never an exception class name.
 */
public class UnreadableLetterException extends Exception {

    public UnreadableLetterException(String reason) {
        super(reason);
    }

    public UnreadableLetterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
