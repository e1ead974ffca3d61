package org.imrworkbench.parse;

import org.imrworkbench.model.Letter;

/**
 * The outcome of reading one file: a letter, or the reason it could not be read.
 *
 * @param file     the file's name as given
 * @param sha256   hex SHA-256 of the file's bytes, or null when the file could not be read at all
 * @param format   {@code PDF} or {@code TEXT}, or null when the bytes were never read
 * @param encoding the text encoding detected (text files), or null
 * @param letter   the parsed letter, or null on error
 * @param error    a one-line reason for the user, or null on success
 * @param cause    the technical detail behind {@code error} (PDFBox's exception, a defect's), for {@code --debug};
 *                 null when there is none
 */
public record ParsedFile(String file, String sha256, String format, String encoding, Letter letter,
                         String error, Throwable cause) {

    /** A letter read, or a failure without technical detail. */
    public ParsedFile(String file, String sha256, String format, String encoding, Letter letter, String error) {
        this(file, sha256, format, encoding, letter, error, null);
    }

    public boolean ok() {
        return letter != null;
    }

    public static ParsedFile failed(String file, String sha256, String error) {
        return new ParsedFile(file, sha256, null, null, null, error);
    }
}
