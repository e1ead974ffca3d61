package org.imrworkbench.parse;

import org.imrworkbench.synth.LetterGenerator;
import org.imrworkbench.synth.LetterTruth;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TreatmentLexicon#candidatesAt}, the prefilter of the treatment normaliser, never leaves out a match. */
class TreatmentLexiconStartIndexTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    @Test
    void everyCharacterTheFirstCharacterOfATermMatchesFindsTheRow() {
        TreatmentLexicon lexicon = TreatmentLexicon.bundled();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        java.util.Map<Character, List<Character>> equalChars = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (String term : entries.get(i).terms()) {
                List<Character> same = equalChars.computeIfAbsent(term.charAt(0), first -> {
                    Pattern p = Pattern.compile(Pattern.quote(String.valueOf(first)), FLAGS);
                    List<Character> chars = new ArrayList<>();
                    for (int c = 0; c <= Character.MAX_VALUE; c++) {
                        if (p.matcher(String.valueOf((char) c)).matches()) {
                            chars.add((char) c);
                        }
                    }
                    return chars;
                });
                for (char c : same) {
                    int row = i;
                    assertThat(Arrays.stream(lexicon.candidatesAt(c)).anyMatch(k -> k == row))
                            .as("row %d (%s) at %s", i, term, Integer.toHexString(c)).isTrue();
                }
            }
        }
    }

    @Test
    void prefilteredMatchesAreEveryMatchOfEveryRow() {
        TreatmentLexicon bundled = TreatmentLexicon.bundled();
        TreatmentLexicon custom = TreatmentLexicon.load(new StringReader(
                "pattern\tgeneric\tcategory\tpriority\n/(?:x|e)-?ray/\t\tIMAGING\t\n-follow up|/scan\t\tEVALUATION\t\n"
                        + "ſoma|\u212Aeto\tcarisoprodol\tMUSCLE_RELAXANT\t2\n"));
        List<String> requests = new ArrayList<>(List.of("KELVIN \u212Aeto", "Soma 350mg", "ſoma", "X-RAY lumbar",
                "follow-up visit", "TENS unit / Norco", "(Norco) 10/325", "Ultram ER", "İbuprofen", "«Lyrica»"));
        LetterGenerator generator = new LetterGenerator(7);
        for (int n = 0; n < 300; n++) {
            for (LetterTruth.ItemTruth item : generator.generate(n).truth().items()) {
                requests.add(item.request());
                requests.add(item.request().toUpperCase(java.util.Locale.ROOT));
            }
        }
        for (TreatmentLexicon lexicon : List.of(bundled, custom)) {
            for (String request : requests) {
                assertThat(matches(lexicon, request, true)).as(request).isEqualTo(matches(lexicon, request, false));
            }
        }
    }

    /** Row:start-end of every match of every row at every place, with or without the prefilter. */
    private static List<String> matches(TreatmentLexicon lexicon, String request, boolean prefilter) {
        List<String> found = new ArrayList<>();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        for (int start = 0; start < request.length(); start++) {
            int[] rows = prefilter ? lexicon.candidatesAt(request.charAt(start))
                    : java.util.stream.IntStream.range(0, entries.size()).toArray();
            for (int i : rows) {
                Matcher m = entries.get(i).pattern().matcher(request).useTransparentBounds(true)
                        .useAnchoringBounds(false);
                if (m.region(start, request.length()).lookingAt()) {
                    found.add(i + ":" + m.start() + "-" + m.end());
                }
            }
        }
        found.sort(null);
        return found;
    }
}
