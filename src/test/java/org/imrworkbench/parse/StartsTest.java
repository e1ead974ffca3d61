package org.imrworkbench.parse;

import org.imrworkbench.synth.LetterGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Starts#find} finds what {@code Matcher.find} finds, for each expression that uses it. */
class StartsTest {

    private static final List<String> CRAFTED = List.of(
            "DATE OF INJURY 3/4/2015", "date of the injury was 11-12-14", "Injury Date: Jan 5, 2014", "DOI 1/2/14",
            "doi: 12/31/1999", "she SUSTAINED AN industrial injury on 02/03/2012",
            "Incurred an injury, dated March 3rd, 2013", "reported a work-related injury 4/4/2014",
            "suffered an occupational injury on Sept. 9, 2010", "was hurt at work on 4/5/2016",
            "Injured on 6/7/2010", "injury occurred on 7/7/2007", "Occupational claim from 5/6/2011",
            "claim of 7/8/2009", "an injury on 8/9/2008", "INJURY DATED 1/1/2001", "1/2/2013 date of injury",
            "September 5, 2014 industrial injury", "dEc 1, 2011 DOI", "jUNE 30 2016 injury date", "aug 2, 2015 doi",
            "FEB 3, 2012 date of injury", "January 2, 2012 date of injury", "Apr. 4, 2013 DOI", "oct 10th, 2010 DOI", "nov 11, 2011 DOI",
            "mar 3, 2013 DOI", "May 5, 2015 DOI", "July 4, 2014 DOI", "1/2/3/2013 doi 2/3/2014 DOI",
            "x12/12/2012 DOI", "on 99/99/2015 date of injury and on 3/3/2015 date of injury", "", "D", "DO", "9",
            "the claimant, injured 3/3/2013, and on 4/4/2014 was injured on 5/5/2015");

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(CRAFTED);
        CRAFTED.forEach(t -> texts.add(t.toUpperCase(Locale.ROOT)));
        CRAFTED.forEach(t -> texts.add("Her " + t.toLowerCase(Locale.ROOT) + "; then " + t + "."));
        LetterGenerator generator = new LetterGenerator(11);
        for (int n = 0; n < 400; n++) {
            texts.add(generator.generate(n).text());
        }
        try (Stream<Path> seeds = Files.list(Path.of("resources/samples"))) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
                texts.add(Files.readString(seed, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** start-end of every match, one after the other, as {@code find} gives them or as {@link Starts} does. */
    private static List<String> matches(Pattern pattern, Starts starts, String text) {
        List<String> found = new ArrayList<>();
        if (starts == null) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.start() + "-" + m.end() + ":" + m.group(1));
            }
        } else {
            Matcher m = Starts.matcher(pattern, text);
            for (int from = 0; starts.find(m, text, from); from = m.end() > m.start() ? m.end() : m.end() + 1) {
                found.add(m.start() + "-" + m.end() + ":" + m.group(1));
            }
        }
        return found;
    }

    @Test
    void theDatesOfInjuryAreFoundAsFindFindsThem() throws IOException {
        List<String> texts = texts();
        int matched = 0;
        for (int p = 0; p < LetterParser.INJURY_IN_SUMMARY.size(); p++) {
            Pattern pattern = LetterParser.INJURY_IN_SUMMARY.get(p);
            for (String text : texts) {
                List<String> expected = matches(pattern, null, text);
                assertThat(matches(pattern, LetterParser.INJURY_STARTS.get(p), text))
                        .as("expression %d on %s", p, text.length() > 80 ? text.substring(0, 80) : text)
                        .isEqualTo(expected);
                matched += expected.size();
            }
        }
        assertThat(matched).isGreaterThan(400);
    }

    @Test
    void theTextsTellAMissingPairOfEachExpression() throws IOException {
        // the comparison above can fail: leaving out any one pair of any expression changes what is found
        List<String> texts = texts();
        String[][] pairs = {{"ja", "fe", "ma", "ap", "ju", "au", "se", "oc", "no", "de"}, {"da", "in", "do"},
            {"su", "re", "in"}, {"in", "wa"}, {"oc", "cl", "in"}};
        for (int p = 0; p < pairs.length; p++) {
            Pattern pattern = LetterParser.INJURY_IN_SUMMARY.get(p);
            for (int leftOut = -1; leftOut < pairs[p].length; leftOut++) {
                List<String> kept = new ArrayList<>(List.of(pairs[p]));
                if (leftOut < 0) {
                    if (p != 0) {
                        continue;
                    }
                } else {
                    kept.remove(leftOut);
                }
                String[] fewer = kept.toArray(String[]::new);
                // for the first expression, leftOut -1 leaves out the digits
                Starts starts = p == 0 && leftOut >= 0 ? Starts.digitOrLetters(fewer) : Starts.letters(fewer);
                boolean differs = texts.stream()
                        .anyMatch(t -> !matches(pattern, starts, t).equals(matches(pattern, null, t)));
                assertThat(differs).as("expression %d without %s", p,
                        leftOut < 0 ? "digits" : pairs[p][leftOut]).isTrue();
            }
        }
    }

    @Test
    void pairsAreTwoAsciiLettersCompared() {
        Starts starts = Starts.letters("In");
        assertThat(starts.at("INJURY", 0)).isTrue();
        assertThat(starts.at("iNjury", 0)).isTrue();
        assertThat(starts.at("I", 0)).isFalse();
        assertThat(starts.at("1n", 0)).isFalse();
        assertThat(Starts.digitOrLetters().at("1n", 0)).isTrue();
        assertThatThrownBy(() -> Starts.letters("i")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Starts.letters("i1")).isInstanceOf(IllegalArgumentException.class);
    }
}
