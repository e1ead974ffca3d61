package org.imrworkbench.synth;

import java.util.List;

/**
 * A generated letter's content as the word processor held it, before any line breaking: an optional header
 * table, then headings, paragraphs and empty paragraphs. {@link Typesetter} lays it out; {@link TextRenderer}
 * and {@link PdfLetterWriter} render the layout.
 *
 * @param rendering                 which of the two published renderings the letter follows
 * @param header                    the 2016–17 header block, or null
 * @param blocks                    the body, in order
 * @param twoSpacesBetweenSentences whether the author typed two spaces after a full stop (many 2014–15 letters)
 */
public record LetterDocument(Rendering rendering, Header header, List<Block> blocks,
                             boolean twoSpacesBetweenSentences) {

    public LetterDocument {
        blocks = List.copyOf(blocks);
    }

    /** The header table of the 2016–17 letters; dates are written as the letter writes them (MM/dd/yyyy). */
    public record Header(String caseNumber, String assigned, String injury, String decided, String urDenial,
                         String priority, String received) {
    }

    /** A piece of the body. */
    public sealed interface Block permits Heading, Paragraph, Blank {
    }

    /** A section heading: bold, centred, one line. */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of running text, wrapped to the text width. */
    public record Paragraph(String text) implements Block {
    }

    /** An empty paragraph: the letters separate their paragraphs with one. */
    public record Blank() implements Block {
    }
}
