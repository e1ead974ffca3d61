package org.imrworkbench.synth;

import java.nio.charset.StandardCharsets;

/**
 * One generated letter: its content and the truth it was generated from.
 *
 * @param index    the letter's number in its generator's corpus
 * @param baseName the file name without extension: the case number, or for the 2014–15 rendering (which has
 *                 none) the index and a hash
 */
public record GeneratedLetter(long index, String baseName, LetterDocument document, LetterTruth truth) {

    public Rendering rendering() {
        return document.rendering();
    }

    /** The letter as a text file holds it, in its rendering's form (see {@link TextRenderer}). */
    public String text() {
        return TextRenderer.render(Typesetter.layout(document));
    }

    /** {@link #text()} as the bytes of a file (plain ASCII, which is also UTF-8 and Windows-1252). */
    public byte[] textBytes() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }
}
