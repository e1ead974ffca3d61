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
        String decomposed = Normalizer.normalize(normalisedText, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                // ASCII, most of a letter: the same as the general case below, without its table lookups
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    folded.append((char) c);
                } else if (c >= 'A' && c <= 'Z') {
                    folded.append((char) (c + ('a' - 'A')));
                }
            } else if (Character.isLetterOrDigit(c)) {
                folded.appendCodePoint(Character.toLowerCase(c));
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(folded.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
