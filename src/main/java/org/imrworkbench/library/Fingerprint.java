package org.imrworkbench.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A fingerprint of a letter's content, independent of its file format: the SHA-256 of its normalised text with
 * everything but letters and digits removed and case folded. The same letter read from a text file and from a PDF
 * differs in bytes (and so in sha256) but not in words, so the two share a fingerprint: this is how the library
 * recognises a letter without a case number imported twice in different formats.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String normalisedText) {
        byte[] ascii = asciiFolded(normalisedText);
        return sha256(ascii != null ? ascii : folded(normalisedText).getBytes(StandardCharsets.UTF_8));
    }

    /** For each ASCII character, what the fingerprint keeps of it: itself lowered for a letter or digit, else 0. */
    private static final byte[] KEPT = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            KEPT[c] = (byte) c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            KEPT[c] = (byte) c;
            KEPT[Character.toUpperCase(c)] = (byte) c;
        }
    }

    /**
     * The letters and digits of an ASCII text, upper case lowered, as bytes: what {@link #folded} gives for it
     * (NFKC and the folds leave ASCII as it is) without its copies; null when the text is not all ASCII. The text's
     * UTF-8 bytes are as many as its characters exactly when it is all ASCII, and the JDK copies an ASCII string's
     * bytes without looking at its characters one by one.
     */
    private static byte[] asciiFolded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != text.length()) {
            return null;
        }
        int n = 0;
        for (byte b : bytes) {
            byte kept = KEPT[b];                // b is ASCII: 0-127
            bytes[n] = kept;
            n += kept == 0 ? 0 : 1;
        }
        return java.util.Arrays.copyOf(bytes, n);
    }

    /** NFKC, then the letters and digits only, each lowered, then the whole lowered once more (as it always was). */
    private static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                folded.appendCodePoint(Character.toLowerCase(c));
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
