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
                List<Character> same = equalChars.computeIfAbsent(term.charAt(0),
                        TreatmentLexiconStartIndexTest::equalChars);
                List<Character> sameSecond = term.length() < 2 ? List.of()
                        : equalChars.computeIfAbsent(term.charAt(1), TreatmentLexiconStartIndexTest::equalChars);
                for (char c : same) {
                    int row = i;
                    assertThat(Arrays.stream(lexicon.candidatesAt(c)).anyMatch(k -> k == row))
                            .as("row %d (%s) at %s", i, term, Integer.toHexString(c)).isTrue();
                    for (char next : sameSecond) {
                        assertThat(Arrays.stream(lexicon.candidatesAt(c, next)).anyMatch(k -> k == row))
                                .as("row %d (%s) at %s %s", i, term, Integer.toHexString(c),
                                        Integer.toHexString(next)).isTrue();
                    }
                }
            }
        }
    }

    /** Every character the lexicon's patterns take for {@code c}. */
    private static List<Character> equalChars(char c) {
        Pattern p = Pattern.compile(Pattern.quote(String.valueOf(c)), FLAGS);
        List<Character> chars = new ArrayList<>();
        for (int k = 0; k <= Character.MAX_VALUE; k++) {
            if (p.matcher(String.valueOf((char) k)).matches()) {
                chars.add((char) k);
            }
        }
        return chars;
    }

    @Test
    void theSecondCharacterLeavesOutRowsThatCannotMatch() {
        TreatmentLexicon lexicon = TreatmentLexicon.bundled();
        // at "No" of "Norco" only rows with a term starting "no" (or any other way: regular expressions) are left
        int[] first = lexicon.candidatesAt('N');
        int[] pair = lexicon.candidatesAt('N', 'o');
        assertThat(pair.length).isPositive().isLessThan(first.length);
        assertThat(first).contains(pair);
        assertThat(Arrays.stream(pair).mapToObj(i -> lexicon.entries().get(i).terms()).toList())
                .anySatisfy(terms -> assertThat(terms).contains("Norco"));
        // with no character after it, a row of plain terms each beginning with two letters or digits is left out
        java.util.function.IntPredicate twoLetters = i -> lexicon.entries().get(i).terms().stream().allMatch(t ->
                !t.startsWith("/") && t.length() > 1 && Character.isLetterOrDigit(t.charAt(0))
                        && Character.isLetterOrDigit(t.charAt(1)));
        assertThat(lexicon.candidatesAt('N', -1))
                .containsExactly(Arrays.stream(first).filter(twoLetters.negate()).toArray());
        assertThat(Arrays.stream(first).filter(twoLetters).count()).isPositive();
    }

    @Test
    void prefilteredMatchesAreEveryMatchOfEveryRow() {
        TreatmentLexicon bundled = TreatmentLexicon.bundled();
        TreatmentLexicon custom = TreatmentLexicon.load(new StringReader(
                "pattern\tgeneric\tcategory\tpriority\n/(?:x|e)-?ray/\t\tIMAGING\t\n-follow up|/scan\t\tEVALUATION\t\n"
                        + "ſoma|\u212Aeto\tcarisoprodol\tMUSCLE_RELAXANT\t2\n"));
        List<String> requests = new ArrayList<>(List.of("KELVIN \u212Aeto", "Soma 350mg", "ſoma", "SOMA", "ſOMA",
                "s\u212Aeto", "N", "No", "X-RAY lumbar",
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
                List<String> every = matches(lexicon, request, false);
                assertThat(matches(lexicon, request, true)).as(request).isEqualTo(every);
                assertThat(matchesByPair(lexicon, request)).as(request).isEqualTo(every);
            }
        }
    }

    /** Row:start-end of every match at every place, of the rows the prefilter of two characters leaves. */
    private static List<String> matchesByPair(TreatmentLexicon lexicon, String request) {
        List<String> found = new ArrayList<>();
        for (int start = 0; start < request.length(); start++) {
            int next = start + 1 < request.length() ? request.charAt(start + 1) : -1;
            for (int i : lexicon.candidatesAt(request.charAt(start), next)) {
                Matcher m = lexicon.entries().get(i).pattern().matcher(request).useTransparentBounds(true)
                        .useAnchoringBounds(false);
                if (m.region(start, request.length()).lookingAt()) {
                    found.add(i + ":" + m.start() + "-" + m.end());
                }
            }
        }
        found.sort(null);
        return found;
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
