package org.imrworkbench.library;

/**
 * A letter's original file as stored in the library.
 *
 * @param format   {@code PDF} or {@code TEXT}
 * @param encoding the text encoding detected at import, or null
 */
public record Source(String id, String fileName, String sha256, String format, String encoding, byte[] bytes) {
}
