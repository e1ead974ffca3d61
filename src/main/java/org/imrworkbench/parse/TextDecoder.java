package org.imrworkbench.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text letter whose encoding is detected, not assumed: a byte order mark names UTF-8 or UTF-16;
 * without one, UTF-16 is recognised by its zero bytes, then strict UTF-8 is tried and Windows-1252 is the
 * fallback (the encoding Word on Windows writes "plain text" in).
 */
public final class TextDecoder {

    /** The result: the text and the name of the encoding it was read in. */
    public record Decoded(String text, String encoding) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static Decoded decode(byte[] bytes) throws UnreadableLetterException {
        if (bytes.length == 0) {
            throw new UnreadableLetterException("empty file");
        }
        Decoded decoded = decodeByDetection(bytes);
        if (decoded.text().isBlank()) {
            throw new UnreadableLetterException("the file holds only white space");
        }
        if (looksBinary(decoded.text())) {
            throw new UnreadableLetterException("binary data, not a text letter");
        }
        return decoded;
    }

    private static Decoded decodeByDetection(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        String utf16 = utf16WithoutBom(b);
        if (utf16 != null) {
            return new Decoded(new String(b, utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE), utf16);
        }
        if (isAscii(b)) {
            // valid UTF-8 as it is, read without a decoder (most letters)
            return new Decoded(new String(b, StandardCharsets.US_ASCII), "UTF-8");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(b, WINDOWS_1252), "windows-1252");
        }
    }

    /** UTF-16 text of mostly Latin letters has a zero byte in every other position. */
    private static String utf16WithoutBom(byte[] b) {
        int sample = Math.min(b.length, 4096) & ~1;
        if (sample < 8) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < sample; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        int pairs = sample / 2;
        if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) {
            return "UTF-16LE";
        }
        if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) {
            return "UTF-16BE";
        }
        return null;
    }

    /** Whether every byte is ASCII (and so the text valid UTF-8 as it is). */
    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /** Control characters other than white space, or NULs, in more than 1% of the first 64 KiB. */
    static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 65536);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0xFFFD
                    || (c >= 0x7F && c < 0xA0)) {
                bad++;
            }
        }
        return bad > Math.max(2, n / 100);
    }
}
