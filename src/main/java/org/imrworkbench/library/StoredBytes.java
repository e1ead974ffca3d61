package org.imrworkbench.library;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The original file of a text letter as the library stores it: compressed with DEFLATE in zlib's format (which
 * carries a checksum), at the fastest level. A text letter's original and its normalised text are nearly the same
 * characters, and the library keeps both (the text for showing the letter and anchoring its spans, the original for
 * a re-parse). Since schema 9 the original is compressed with the letter's normalised text (UTF-8) as zlib's preset
 * dictionary ({@link #WITH_TEXT}): most of the original is then a reference into the text, and it takes 4.8 times
 * fewer bytes than compressed on its own ({@link #ALONE}, 2.3 times smaller than the file), in half the time
 * (21 against 49 µs a generated letter). zlib's header names the dictionary by its checksum, so an original can never
 * be decompressed with a text other than its own. PDFs are stored as they are ({@link #RAW}: their contents are
 * compressed already).
 *
 * <p>The forms are the values of {@code sources.deflated}.
 */
final class StoredBytes {

    /** The file's bytes as they are (PDFs). */
    static final int RAW = 0;
    /** Compressed on its own (text letters stored by schemas 6-8). */
    static final int ALONE = 1;
    /** Compressed with the case's normalised text as the dictionary (text letters since schema 9). */
    static final int WITH_TEXT = 2;

    /** A compressor per thread: making one allocates zlib's tables, which costs more than compressing a letter. */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_SPEED));

    private StoredBytes() {
    }

    /** How a file of this format is stored: {@link #WITH_TEXT} for a text letter, else {@link #RAW}. */
    static int form(String format) {
        return "TEXT".equals(format) ? WITH_TEXT : RAW;
    }

    /** A file's bytes in the given form, {@code text} being its letter's normalised text. */
    static byte[] store(int form, byte[] bytes, String text) {
        return switch (form) {
            case RAW -> bytes;
            case ALONE -> deflate(bytes, null);
            case WITH_TEXT -> deflate(bytes, text.getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("no stored form " + form);
        };
    }

    /**
     * A file's bytes from their stored form, {@code text} being its letter's normalised text as stored.
     *
     * @throws DataFormatException when they are not whole zlib data, their checksum does not match, or they were
     *                             compressed with a dictionary other than {@code text}
     */
    static byte[] restore(int form, byte[] stored, String text) throws DataFormatException {
        return switch (form) {
            case RAW -> stored;
            case ALONE -> inflate(stored, null);
            case WITH_TEXT -> inflate(stored, text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
            default -> throw new DataFormatException("an unknown stored form (" + form + ")");
        };
    }

    /** The bytes compressed (zlib format), with {@code dictionary} as the preset dictionary unless it is null. */
    static byte[] deflate(byte[] bytes, byte[] dictionary) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        if (dictionary != null) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(bytes);
        deflater.finish();
        byte[] out = new byte[bytes.length / 2 + 64];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The bytes {@link #deflate} compressed with {@code dictionary} (null: none).
     *
     * @throws DataFormatException when they are not whole zlib data, their checksum does not match, or they need a
     *                             dictionary other than {@code dictionary}
     */
    static byte[] inflate(byte[] stored, byte[] dictionary) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    if (dictionary == null || (inflater.getAdler() & 0xFFFFFFFFL) != adler32(dictionary)) {
                        throw new DataFormatException(dictionary == null ? "compressed with a dictionary"
                                : "compressed with another text than the letter's");
                    }
                    inflater.setDictionary(dictionary);
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new DataFormatException("the compressed data end too early");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static long adler32(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return adler.getValue();
    }
}
