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

    /**
     * The letters and digits of an ASCII text, upper case lowered, as bytes: what {@link #folded} gives for it
     * (NFKC and the folds leave ASCII as it is) without its copies; null when the text is not all ASCII.
     */
    private static byte[] asciiFolded(String text) {
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out[n++] = (byte) c;
            } else if (c >= 'A' && c <= 'Z') {
                out[n++] = (byte) (c + ('a' - 'A'));
            } else if (c >= 0x80) {
                return null;
            }
        }
        return java.util.Arrays.copyOf(out, n);
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
