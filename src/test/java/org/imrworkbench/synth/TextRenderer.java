package org.imrworkbench.synth;

import java.util.List;

/**
 * Renders a laid-out letter as the text files users hold.
 * <ul>
 *   <li>{@link Rendering#SEED_2014}: the seeds' form, saved from the word processor as plain text: every line is
 *       followed by an empty line, an empty paragraph is a line holding one space, and a page break adds one more
 *       empty line pair, wherever on the page it falls;</li>
 *   <li>{@link Rendering#HEADER_2016}: the text PDFBox extracts from the published PDFs: the header table read
 *       row by row ("Application" / "Received:" / its date on lines of their own), lines ending in the space they
 *       were broken at, empty paragraphs as a line holding one space, nothing marking a page break.</li>
 * </ul>
 */
final class TextRenderer {

    private TextRenderer() {
    }

    static String render(Typesetter.Layout layout) {
        LetterDocument document = layout.document();
        StringBuilder sb = new StringBuilder(16384);
        boolean seed = document.rendering() == Rendering.SEED_2014;
        String lineEnd = seed ? "\n\n" : "\n";
        if (document.header() != null) {
            header(sb, document.header());
        }
        boolean first = true;
        for (List<Typesetter.Line> page : layout.pages()) {
            if (!first && seed) {
                sb.append("\n\n");
            }
            for (Typesetter.Line line : page) {
                if (first && seed) {
                    sb.append(' '); // the seeds' first heading is indented by one space
                }
                first = false;
                sb.append(line.text()).append(line.trailing()).append(lineEnd);
            }
        }
        return sb.toString();
    }

    private static void header(StringBuilder sb, LetterDocument.Header h) {
        sb.append(" \n")
                .append("Case Number: ").append(h.caseNumber()).append("  \n")
                .append("Date Assigned: ").append(h.assigned()).append(" Date of Injury:  ").append(h.injury())
                .append(" \n")
                .append("Decision Date: ").append(h.decided()).append(" UR Denial Date:  ").append(h.urDenial())
                .append(" \n")
                .append("Priority:  ").append(h.priority()).append(" Application \n")
                .append("Received:  \n")
                .append(h.received()).append(" \n")
                .append(" \n");
    }
}
