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
    void everyWayOfWritingATermsBeginningFindsTheRow() {
        TreatmentLexicon lexicon = TreatmentLexicon.bundled();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        java.util.Map<Character, List<Character>> equalChars = new java.util.HashMap<>();
        int checked = 0;
        for (int i = 0; i < entries.size(); i++) {
            for (String term : entries.get(i).terms()) {
                if (term.length() > 2 && term.startsWith("/") && term.endsWith("/")) {
                    continue; // a regular expression: regularExpressionRowsStartWhereTheirAlternativesStart
                }
                // each character of the term in turn written every way its pattern takes it, the rest as written
                for (int at = 0; at < term.length(); at++) {
                    int position = at;
                    for (char c : equalChars.computeIfAbsent(term.charAt(at),
                            TreatmentLexiconStartIndexTest::equalChars)) {
                        String written = term.substring(0, position) + c + term.substring(position + 1);
                        int row = i;
                        assertThat(Arrays.stream(lexicon.candidatesAt("(" + written, 1)).anyMatch(k -> k == row))
                                .as("row %d (%s) written %s", i, term, written).isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void foldingIsTheUpperCasesLowerCaseOfEveryCharacter() {
        // fold's ASCII shortcut against the definition, for every char
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(TreatmentLexicon.fold((char) c)).as("U+%04X", c)
                    .isEqualTo(Character.toLowerCase(Character.toUpperCase((char) c)));
        }
    }

    @Test
    void regularExpressionRowsStartWhereTheirAlternativesStart() {
        assertThat(TreatmentLexicon.regexStartKeys("(?:x|E)-?ray")).containsExactlyInAnyOrder('x', 'e');
        assertThat(TreatmentLexicon.regexStartKeys("ultra(?=\\s+of)|(?<=(?:knee|hip)\\s{1,3})Sono|doppler"))
                .containsExactlyInAnyOrder('u', 's', 'd');
        assertThat(TreatmentLexicon.regexStartKeys("(?:emg|ncv)(?:\\s*/\\s*(?:emg|ncv))+"))
                .containsExactlyInAnyOrder('e', 'n');
        assertThat(TreatmentLexicon.regexStartKeys("tylenol\\s*[234]|(?:a|b)+c")).containsExactlyInAnyOrder('t', 'a', 'b');
        // anything that may start elsewhere, or that this does not follow, is tried everywhere
        for (String anywhere : List.of("\\p{L}+ectomy", "a?b", "a*b", "a{0,2}b", "(?:ab)?c", "ab|", "|ab", "[ab]c",
                ".x", "\\bab", "(ab)", "(?i)ab", "a(?-i)b", "(?<name>ab)", "\\Qab\\E", "(?=a)?b", "(?<=x)+ab",
                "x\\(?ab", "(?:[]a]|b)c", "(?:[a[b]]|c)d")) {
            assertThat(TreatmentLexicon.regexStartKeys(anywhere)).as(anywhere).isNull();
        }
        // the bundled rows written as regular expressions are narrowed: "ultrasound ..." is not tried at "Norco"
        TreatmentLexicon lexicon = TreatmentLexicon.bundled();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        int ultrasound = java.util.stream.IntStream.range(0, entries.size())
                .filter(i -> entries.get(i).terms().get(0).startsWith("/ultrasound")).findFirst().orElseThrow();
        assertThat(lexicon.candidatesAt("Norco", 0)).doesNotContain(ultrasound);
        assertThat(lexicon.candidatesAt("US", 0)).contains(ultrasound);
        assertThat(lexicon.candidatesAt("left doppler", 5)).contains(ultrasound);
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
    void aTermsBeginningLeavesOutRowsThatCannotMatch() {
        TreatmentLexicon lexicon = TreatmentLexicon.bundled();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        // at "Norco" the rows left are those with a term beginning "Norco" or less of it, and those that may start
        // anywhere (regular expressions whose beginning is not sure), which are left everywhere
        int[] norco = lexicon.candidatesAt("Norco 10/325", 0);
        int[] nothing = lexicon.candidatesAt("@", 0);
        assertThat(norco).contains(nothing);
        assertThat(norco.length - nothing.length).isBetween(1, 3);
        assertThat(Arrays.stream(norco).mapToObj(i -> entries.get(i).terms()).toList())
                .anySatisfy(terms -> assertThat(terms).contains("Norco"));
        assertThat(Arrays.stream(nothing).mapToObj(i -> entries.get(i).terms().get(0)).toList())
                .allSatisfy(term -> assertThat(term).startsWith("/\\p{L}"));
        // "Nor" alone is not the beginning of "Norco": the row is left out
        int[] nor = lexicon.candidatesAt("Nor 10", 0);
        assertThat(Arrays.stream(nor).mapToObj(i -> entries.get(i).terms()).toList())
                .noneSatisfy(terms -> assertThat(terms).contains("Norco"));
        // a hyphen in a term may be spaces or nothing: only the beginning before it is compared
        int[] followUp = lexicon.candidatesAt("follow up visit", 0);
        assertThat(Arrays.stream(followUp).mapToObj(i -> entries.get(i).terms()).toList())
                .anySatisfy(terms -> assertThat(terms).contains("follow-up"));
    }

    @Test
    void prefilteredMatchesAreEveryMatchOfEveryRow() {
        TreatmentLexicon bundled = TreatmentLexicon.bundled();
        TreatmentLexicon custom = TreatmentLexicon.load(new StringReader(
                "pattern\tgeneric\tcategory\tpriority\n/(?:x|e)-?ray/\t\tIMAGING\t\n-follow up|/scan\t\tEVALUATION\t\n"
                        + "ſoma|\u212Aeto\tcarisoprodol\tMUSCLE_RELAXANT\t2\n"));
        List<String> requests = new ArrayList<>(List.of("KELVIN \u212Aeto", "Soma 350mg", "ſoma", "SOMA", "ſOMA",
                "s\u212Aeto", "N", "No", "X-RAY lumbar",
                "follow-up visit", "TENS unit / Norco", "(Norco) 10/325", "Ultram ER", "İbuprofen", "«Lyrica»",
                "Ultrasound of the right knee", "Knee  ultrasound", "Diagnostic ULTRASOUND", "Doppler study",
                "Duplex scan", "musculoskeletal ultrasound", "sonogram", "EMG/NCV of the upper extremities",
                "NCS / EMG", "Tylenol #3", "TYLENOL No. 4", "Tylenol with codeine #3", "ERAY", "x ray",
                "Left knee arthroscopy", "L4-5 laminectomy and discectomy", "sonography; vascular ultrasound"));
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
            int[] rows = prefilter ? lexicon.candidatesAt(request, start)
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
