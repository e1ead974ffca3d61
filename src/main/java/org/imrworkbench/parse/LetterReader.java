package org.imrworkbench.parse;

import org.imrworkbench.model.Letter;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads letter files: detects PDF or text by content, extracts and normalises the text, and parses it.
 * Never throws for bad input: the result carries a clear reason instead. Thread-safe.
 */
public final class LetterReader {

    /** IMR letters are tens of kilobytes; anything past this is refused with a clear reason. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final LetterParser parser;

    public LetterReader() {
        this(new LetterParser());
    }

    public LetterReader(LetterParser parser) {
        this.parser = parser;
    }

    public ParsedFile read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            if (Files.isDirectory(path)) {
                return ParsedFile.failed(name, null, "is a folder, not a letter file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return ParsedFile.failed(name, null, String.format(
                        "too large for an IMR letter (%.1f MB; letters are well under 1 MB, the limit is %d MB)",
                        size / 1048576.0, MAX_BYTES / 1048576));
            }
            return read(name, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return ParsedFile.failed(name, null, "no such file");
        } catch (AccessDeniedException e) {
            return ParsedFile.failed(name, null, "permission denied");
        } catch (IOException e) {
            return ParsedFile.failed(name, null, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads a letter from its bytes; {@code name} is reported back as the file. */
    public ParsedFile read(String name, byte[] bytes) {
        String sha = sha256(bytes);
        if (bytes.length > MAX_BYTES) {
            return ParsedFile.failed(name, sha, "too large for an IMR letter");
        }
        String format = PdfTextReader.isPdf(bytes) ? "PDF" : "TEXT";
        String encoding = null;
        try {
            String raw;
            if (format.equals("PDF")) {
                raw = PdfTextReader.read(bytes);
            } else if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                throw new UnreadableLetterException(bytes.length == 0 ? "empty file (zero bytes)"
                        : "not a PDF (no %PDF header) although named .pdf");
            } else {
                TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
                raw = decoded.text();
                encoding = decoded.encoding();
            }
            Letter letter = parser.parse(Normaliser.normalise(raw));
            return new ParsedFile(name, sha, format, encoding, letter, null);
        } catch (UnreadableLetterException e) {
            return new ParsedFile(name, sha, format, encoding, null, e.getMessage(), e.getCause());
        } catch (RuntimeException | StackOverflowError e) {
            // A parser defect must not stop a batch; the file is reported, never silently dropped.
            return new ParsedFile(name, sha, format, encoding, null,
                    "could not be parsed: an internal error of the parser (run with --debug for details)", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
