package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a written list of sections ("Cyclobenzaprine (Flexeril), Muscle relaxants (for pain)") into
 * sections.
 *
 * <p>The list is cut at commas and semicolons outside brackets, then pieces are put back together
 * where a comma belongs to a title:
 * <ol>
 *   <li>numbered lists ("3.3.9 Opioids for ...: Maintenance ...") run from one number to the next:
 *       when the first piece starts with a section number, a piece without one continues the previous
 *       section;</li>
 *   <li>consecutive pieces that together make a known comma title of {@code guideline-sections.txt}
 *       ("NSAIDs, GI symptoms &amp; cardiovascular risk") are one section;</li>
 *   <li>a piece that starts with a lower-case letter or a symbol ("Ultrasound, therapeutic",
 *       "Capsaicin, topical (...)") continues the previous section, since section titles start with a
 *       capital or a digit.</li>
 * </ol>
 * Pieces are never joined across a semicolon. Sections are cleaned ({@link GuidelineText#clean}) and
 * exact duplicates dropped.
 */
final class CitationSections {

    /** A section number at the start: "3.", "3.3.9", "1.4" followed by a title. */
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3})*+\\.?\\s++\\D.*", Pattern.DOTALL);

    private CitationSections() {
    }

    static List<String> split(String list, GuidelineLexicon lexicon) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        // pieces, each remembering whether a comma (true) or a semicolon (false) preceded it
        List<String> pieces = new ArrayList<>();
        List<Boolean> afterComma = new ArrayList<>();
        boolean firstOfSemicolonPart = true;
        for (String part : GuidelineText.topLevelSplit(list, ";")) {
            firstOfSemicolonPart = true;
            for (String piece : GuidelineText.topLevelSplit(part, ",")) {
                String cleaned = GuidelineText.clean(piece);
                if (cleaned == null) {
                    continue;
                }
                pieces.add(cleaned);
                afterComma.add(!firstOfSemicolonPart);
                firstOfSemicolonPart = false;
            }
        }
        if (pieces.isEmpty()) {
            return List.of();
        }
        boolean numberedList = NUMBERED.matcher(pieces.get(0)).matches();
        List<String> sections = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            String piece = pieces.get(i);
            boolean canJoin = !sections.isEmpty() && afterComma.get(i);
            if (numberedList) {
                if (canJoin && !NUMBERED.matcher(piece).matches()) {
                    appendToLast(sections, piece);
                } else {
                    sections.add(piece);
                }
                i++;
                continue;
            }
            int known = knownTitleLength(pieces, afterComma, i, lexicon);
            if (known > 1) {
                sections.add(String.join(", ", pieces.subList(i, i + known)));
                i += known;
                continue;
            }
            if (canJoin && continues(piece)) {
                appendToLast(sections, piece);
            } else {
                sections.add(piece);
            }
            i++;
        }
        return List.copyOf(new LinkedHashSet<>(sections));
    }

    /** How many pieces from {@code i} make a known comma title (longest first); 1 when none. */
    private static int knownTitleLength(List<String> pieces, List<Boolean> afterComma, int i,
                                        GuidelineLexicon lexicon) {
        int max = Math.min(lexicon.maxSectionPieces(), pieces.size() - i);
        for (int k = max; k >= 2; k--) {
            boolean commaJoined = true;
            for (int j = i + 1; j < i + k; j++) {
                commaJoined &= afterComma.get(j);
            }
            if (commaJoined && lexicon.isCommaSection(String.join(", ", pieces.subList(i, i + k)))) {
                return k;
            }
        }
        return 1;
    }

    /** True when a piece cannot start a section title: it starts with a lower-case letter or a symbol. */
    private static boolean continues(String piece) {
        char first = piece.charAt(0);
        return Character.isLowerCase(first) || !(Character.isLetterOrDigit(first) || first == '"'
                || first == '\'' || first == '<' || first == '(');
    }

    private static void appendToLast(List<String> sections, String piece) {
        int last = sections.size() - 1;
        sections.set(last, sections.get(last) + ", " + piece);
    }
}
