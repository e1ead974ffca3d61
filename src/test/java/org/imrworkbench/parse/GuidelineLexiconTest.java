package org.imrworkbench.parse;

import org.imrworkbench.synth.LetterGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GuidelineLexicon}'s names found at a place are those its patterns find there: the prefilter on a name's
 * first character never leaves one out.
 */
class GuidelineLexiconTest {

    private static final GuidelineLexicon LEXICON = GuidelineLexicon.shared();
    private static final List<String> TITLES = names("/lexicon/guideline-titles.txt");
    private static final List<String> CHAPTERS = chaptersAndTitles();
    private static final List<String> SOURCES = sourceNames();

    @Test
    void everyPlaceOfGeneratedLettersGivesWhatTryingEveryNameGives() {
        LetterGenerator generator = new LetterGenerator(11);
        List<String> texts = new ArrayList<>();
        texts.add(generator.generate(0).text());
        // every name in the lists, written in upper and in lower case after a word and after a parenthesis
        StringBuilder names = new StringBuilder();
        for (String name : CHAPTERS) {
            names.append("per ").append(name.toUpperCase(java.util.Locale.ROOT)).append("; (")
                    .append(name.toLowerCase(java.util.Locale.ROOT)).append(") and ").append(name).append(".\n");
        }
        for (String name : SOURCES) {
            names.append("the ").append(name).append(", ").append(name.toUpperCase(java.util.Locale.ROOT))
                    .append(" -").append(name.toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        texts.add(names.toString());
        int found = 0;
        for (String text : texts) {
            boolean everyPlace = text != texts.get(texts.size() - 1);
            for (int pos = 0; pos < text.length(); pos++) {
                if (!everyPlace && pos > 0 && Character.isLetterOrDigit(text.charAt(pos - 1))) {
                    continue; // in the list of names, the places where a name may begin
                }
                int limit = Math.min(text.length(), pos + 300);
                int title = LEXICON.titleAt(text, pos, limit);
                assertThat(title).as("title at %d", pos).isEqualTo(longestAt(TITLES, text, pos, limit));
                assertThat(LEXICON.chapterAt(text, pos, limit)).as("chapter at %d", pos)
                        .isEqualTo(longestAt(CHAPTERS, text, pos, limit));
                GuidelineLexicon.SourceName source = LEXICON.sourceAt(text, pos, limit);
                assertThat(source == null ? null : source.name()).as("source at %d", pos)
                        .isEqualTo(firstAt(SOURCES, text, pos, limit));
                found += title >= 0 ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(3 * TITLES.size());
    }

    @Test
    void aNameWhoseFirstOrSecondLetterIsWrittenAnyWayItsPatternTakesIsFound() {
        for (String name : CHAPTERS) {
            char first = name.charAt(0);
            Pattern pattern = GuidelineLexicon.namePattern(name);
            // every character up to the letterlike symbols (the Kelvin sign is a K), long s and dotted I included,
            // first and then second
            for (int at = 0; at < Math.min(2, name.length()); at++) {
                for (int k = 0; k < 0x2200; k++) {
                    String written = name.substring(0, at) + (char) k + name.substring(at + 1);
                    if (pattern.matcher(written).matches()) {
                        assertThat(LEXICON.chapterAt(written, 0, written.length())).as(written)
                                .isEqualTo(written.length());
                    }
                }
            }
            assertThat(LEXICON.chapterAt(first + name.substring(1), 0, name.length())).isEqualTo(name.length());
        }
    }

    private static int longestAt(List<String> names, String text, int pos, int limit) {
        int best = -1;
        for (String name : names) {
            Matcher m = GuidelineLexicon.namePattern(name).matcher(text).region(pos, limit)
                    .useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt()) {
                best = Math.max(best, m.end());
            }
        }
        return best;
    }

    private static String firstAt(List<String> names, String text, int pos, int limit) {
        for (String name : names) {
            Matcher m = GuidelineLexicon.namePattern(name).matcher(text).region(pos, limit)
                    .useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt()) {
                return name;
            }
        }
        return null;
    }

    private static List<String> names(String resource) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String line : GuidelineLexicon.readLines(resource)) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        assertThat(names).as(resource).isNotEmpty();
        return List.copyOf(names);
    }

    private static List<String> chaptersAndTitles() {
        LinkedHashSet<String> names = new LinkedHashSet<>(names("/lexicon/guideline-chapters.txt"));
        names.addAll(TITLES);
        return List.copyOf(names);
    }

    /** The source names as the lexicon orders them: longest first. */
    private static List<String> sourceNames() {
        List<String> names = new ArrayList<>();
        for (String line : GuidelineLexicon.readLines("/lexicon/guideline-sources.txt")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2) {
                names.add(parts[1].trim());
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        assertThat(names).isNotEmpty();
        return names;
    }
}
