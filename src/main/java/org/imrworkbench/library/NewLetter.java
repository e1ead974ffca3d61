package org.imrworkbench.library;

import org.imrworkbench.model.Letter;

import java.util.Objects;

/**
 * A parsed letter to add to the library, with its source file.
 *
 * @param fileName      the source file's name (no folder)
 * @param sha256        hex SHA-256 of {@code bytes}
 * @param format        {@code PDF} or {@code TEXT}
 * @param encoding      the text encoding detected for a text file, or null
 * @param bytes         the original file's bytes, stored so that the letter can be re-parsed later
 * @param letter        the parsed letter
 * @param parserVersion the version of the parser that produced {@code letter}
 * @param fingerprint   the letter's {@link Fingerprint}, worked out where the letter is made (an import makes it on
 *                      its parser threads, so the writer does not have to)
 * @param stored        {@code bytes} as the library stores them ({@link StoredBytes}: for a text file compressed, with
 *                      the letter's text as the dictionary), worked out where the letter is made, as the fingerprint
 */
public record NewLetter(String fileName, String sha256, String format, String encoding, byte[] bytes,
                        Letter letter, String parserVersion, String fingerprint, byte[] stored) {
    public NewLetter {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(parserVersion, "parserVersion");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(stored, "stored");
    }

    /** A letter to add, its fingerprint and its stored bytes worked out now. */
    public NewLetter(String fileName, String sha256, String format, String encoding, byte[] bytes, Letter letter,
                     String parserVersion) {
        this(fileName, sha256, format, encoding, bytes, letter, parserVersion, Fingerprint.of(letter.text()),
                StoredBytes.store(StoredBytes.form(format), bytes, letter.text()));
    }

    /** The form of {@link #stored} ({@code sources.deflated}). */
    int storedForm() {
        return StoredBytes.form(format);
    }

    /** The case id this letter gets: see {@link CaseIds#of}. */
    public String id() {
        return CaseIds.of(letter.caseNumber(), sha256);
    }
}
