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
            "the claimant, injured 3/3/2013, and on 4/4/2014 was injured on 5/5/2015",
            // the guideline statements' markers, page references and sources
            "Decision based on Non-MTUS Citation: ODG, Pain Chapter, page 12.", "xdecision based on MTUS",
            "The Physician Reviewer based his/her decision on the MTUS. decision rationale: see pp. 3-4",
            "Claims administrator based its decision on recommendations outside of the MTUS guidelines.",
            "Reviewer did not base his decision on the MTUS. The expert reviewer did not cite any evidence.",
            "Utilization reviewer did not cite any medical evidence for its decision. p.5, pg 6, page(s) 7, pages: 8",
            "DECI\u017fION BASED ON: \u017eODG; Official Disability Guidelines (ODG) pain; American College of"
                    + " Occupational and Environmental Medicine (ACOEM), 2nd Edition, 2004, Chapter 12, p 300",
            "Expert Reviewer did not base her decision on the MTUS guidelines. Physician reviewer based his decision"
                    + " on recommendations outside the MTUS; utilization reviewer did not base their decision on the MTUS",
            "apage 3 1page 4 \u00e9p. 9 Pp. 10 PAGE 11 p.x pp", "Work Loss Data Institute; UpToDate; ODG-TWC",
            // the reviewer's credentials in prose
            "The physician reviewer specializes in Orthopedic Surgery and is licensed to practice in Texas.",
            "She has a specialty in Internal Medicine, has a subspecialty in Cardiology, and is licensed to practice"
                    + " in California.", "Board Certified in Family Practice and is licensed to practice in Ohio.",
            "The reviewer is licensed to practice in New York. Not licensed to practice in.",
            // numbers of sessions (the number words' beginnings below)
            "Physical therapy 12 sessions; acupuncture 2 x 6; chiropractic 3 times a week for 4 weeks; PT x 8",
            "Massage TIMES 6 and 2-3 visits, Twice weekly for 3 weeks, thrice weekly x 2 weeks, once a week for 6 wks",
            "x12 of 1x/week x 4 weeks; 2x6; six to eight sessions; times 3 days");

    /** Counts written as number words, each in the ways the session rules read a count. */
    private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(CRAFTED);
        for (String n : NUMBER_WORDS) {
            texts.add("Acupuncture " + n + " sessions; PT " + n + " times a week for two weeks; massage " + n + " x 4");
        }
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

    /**
     * start-end of every match, one after the other, as {@code find} gives them or as {@link Starts} does, in the
     * region beginning at the eleventh character (so that what comes before a region counts as it does to
     * {@code find} with transparent bounds) and in the whole text.
     */
    private static List<String> matches(Pattern pattern, Starts starts, String text) {
        List<String> found = new ArrayList<>();
        for (int regionStart : new int[] {0, Math.min(10, text.length())}) {
            if (starts == null) {
                Matcher m = pattern.matcher(text).useTransparentBounds(true).region(regionStart, text.length());
                while (m.find()) {
                    found.add(m.start() + "-" + m.end() + ":" + m.group(m.groupCount() > 0 ? 1 : 0));
                }
            } else {
                Matcher m = Starts.matcher(pattern, text);
                for (int from = regionStart; starts.find(m, text, from); from = Starts.after(m)) {
                    found.add(m.start() + "-" + m.end() + ":" + m.group(m.groupCount() > 0 ? 1 : 0));
                }
            }
        }
        return found;
    }

    /** An expression that uses {@link Starts}, with its beginnings as they are given to it. */
    private record Use(String name, Pattern pattern, boolean digit, String... beginnings) {
        Starts starts(String... some) {
            return digit ? Starts.digitOrLetters(some) : Starts.letters(some);
        }
    }

    private static List<Use> uses() {
        List<Use> uses = new ArrayList<>();
        String[][] injury = {{"ja", "fe", "ma", "ap", "ju", "au", "se", "oc", "no", "de"}, {"da", "in", "do"},
            {"su", "re", "in"}, {"in", "wa"}, {"oc", "cl", "in"}};
        for (int p = 0; p < injury.length; p++) {
            uses.add(new Use("injury " + p, LetterParser.INJURY_IN_SUMMARY.get(p), p == 0, injury[p]));
        }
        uses.add(new Use("decision based on", CitationParser.DECISION_BASED_ON, false, "de"));
        uses.add(new Use("decision rationale", CitationParser.RATIONALE, false, "de"));
        uses.add(new Use("based his decision on", CitationParser.BASED_DECISION_ON, false, "ba"));
        uses.add(new Use("boilerplate", CitationParser.BOILERPLATE, false, "th", "cl", "ex", "ph", "ut", "re"));
        uses.add(new Use("no evidence", CitationParser.NO_EVIDENCE, false, "di"));
        uses.add(new Use("page marker", CitationPages.MARKER, false, "p"));
        uses.add(new Use("prose credentials", LetterParser.PROSE_CREDENTIALS, false, "bo", "sp"));
        uses.add(new Use("prose licensure", LetterParser.PROSE_LICENSURE, false, "li"));
        String[] counts = {"on", "tw", "th", "fo", "fi", "si", "se", "ei", "ni", "el", "te"};
        uses.add(new Use("session count", TreatmentNormalizer.SESSION_COUNT, true, counts));
        uses.add(new Use("weekly", TreatmentNormalizer.WEEKLY, true, counts));
        uses.add(new Use("times product", TreatmentNormalizer.TIMES_PRODUCT, true, counts));
        uses.add(new Use("times count", TreatmentNormalizer.TIMES_COUNT, false, "x", "ti"));
        return uses;
    }

    /** The {@link Starts} each expression is used with, as the parser holds it. */
    private static Starts inUse(Use use) {
        return switch (use.name()) {
            case "decision based on", "decision rationale" -> CitationParser.DECISION_STARTS;
            case "based his decision on" -> CitationParser.BASED_STARTS;
            case "boilerplate" -> CitationParser.BOILERPLATE_STARTS;
            case "no evidence" -> CitationParser.NO_EVIDENCE_STARTS;
            case "page marker" -> CitationPages.MARKER_STARTS;
            case "prose credentials" -> LetterParser.PROSE_CREDENTIALS_STARTS;
            case "prose licensure" -> LetterParser.PROSE_LICENSURE_STARTS;
            case "session count", "weekly", "times product" -> TreatmentNormalizer.COUNT_STARTS;
            case "times count" -> TreatmentNormalizer.TIMES_STARTS;
            default -> LetterParser.INJURY_STARTS.get(Integer.parseInt(use.name().substring("injury ".length())));
        };
    }

    @Test
    void eachExpressionIsFoundAsFindFindsIt() throws IOException {
        List<String> texts = texts();
        for (Use use : uses()) {
            int matched = 0;
            for (String text : texts) {
                List<String> expected = matches(use.pattern(), null, text);
                assertThat(matches(use.pattern(), inUse(use), text))
                        .as("%s on %s", use.name(), text.length() > 80 ? text.substring(0, 80) : text)
                        .isEqualTo(expected);
                matched += expected.size();
            }
            assertThat(matched).as(use.name()).isGreaterThan(10);
        }
    }

    @Test
    void theTextsTellAMissingBeginningOfEachExpression() throws IOException {
        // the comparison above can fail: leaving out any one beginning of any expression changes what is found
        List<String> texts = texts();
        for (Use use : uses()) {
            for (int leftOut = use.digit() ? -1 : 0; leftOut < use.beginnings().length; leftOut++) {
                List<String> kept = new ArrayList<>(List.of(use.beginnings()));
                Starts starts;
                if (leftOut < 0) {
                    starts = Starts.letters(kept.toArray(String[]::new)); // the digits left out
                } else {
                    kept.remove(leftOut);
                    starts = use.starts(kept.toArray(String[]::new));
                }
                boolean differs = texts.stream()
                        .anyMatch(t -> !matches(use.pattern(), starts, t).equals(matches(use.pattern(), null, t)));
                assertThat(differs).as("%s without %s", use.name(),
                        leftOut < 0 ? "digits" : use.beginnings()[leftOut]).isTrue();
            }
        }
    }

    @Test
    void theGuidelineSourcesAreFoundAsFindFindsThem() throws IOException {
        GuidelineLexicon lexicon = GuidelineLexicon.shared();
        int matched = 0;
        for (String text : texts()) {
            Matcher finder = lexicon.sourceFinder(text);
            for (int[] region : new int[][] {{0, text.length()}, {Math.min(7, text.length()), Math.max(Math.min(7, text.length()), text.length() / 2)}}) {
                List<String> expected = new ArrayList<>();
                Matcher plain = finder.pattern().matcher(text).useTransparentBounds(true).region(region[0], region[1]);
                while (plain.find()) {
                    expected.add(plain.start() + "-" + plain.end());
                }
                List<String> found = new ArrayList<>();
                for (int from = region[0]; lexicon.findSource(finder, text, from, region[1]);
                     from = Starts.after(finder)) {
                    found.add(finder.start() + "-" + finder.end());
                }
                assertThat(found).as("sources in %s", text.length() > 80 ? text.substring(0, 80) : text)
                        .isEqualTo(expected);
                matched += expected.size();
            }
        }
        assertThat(matched).isGreaterThan(100);
    }

    /** The date of injury {@link LetterParser#injuryIn} finds, or null. */
    private static String injury(String summary) {
        var span = LetterParser.injuryIn(summary);
        return span == null ? null : summary.substring(span.start(), span.end());
    }

    /** The first match of any of the expressions with a date that reads, trying each at every place. */
    private static String injuryTryingEverywhere(String summary) {
        int best = -1;
        String date = null;
        for (Pattern p : LetterParser.INJURY_IN_SUMMARY) {
            Matcher m = p.matcher(summary);
            while (m.find()) {
                if (DateText.parse(m.group(1)) != null) {
                    if (best < 0 || m.start() < best) {
                        best = m.start();
                        date = m.group(1);
                    }
                    break;
                }
            }
        }
        return date;
    }

    @Test
    void theDateOfInjuryIsTheEarliestMatchOfAnyExpression() throws IOException {
        assertThat(injury("He sustained an injury on 3/4/2015 (DOI 5/6/2016).")).isEqualTo("3/4/2015");
        assertThat(injury("Date of injury 1/2/2014; 5/6/2016 date of injury.")).isEqualTo("1/2/2014");
        assertThat(injury("On 5/6/2016 date of injury; he sustained an injury on 3/4/2015.")).isEqualTo("5/6/2016");
        assertThat(injury("injured on 99/99/2015, then injured on 1/1/2015")).isEqualTo("1/1/2015");
        assertThat(injury("no date here")).isNull();
        int found = 0;
        for (String text : texts()) {
            String expected = injuryTryingEverywhere(text);
            assertThat(injury(text)).as(text.length() > 80 ? text.substring(0, 80) : text).isEqualTo(expected);
            found += expected == null ? 0 : 1;
        }
        assertThat(found).isGreaterThan(300);
    }

    @Test
    void beginningsAreOneOrTwoLettersComparedAsACaseInsensitiveExpressionComparesThem() {
        Starts starts = Starts.letters("In");
        assertThat(starts.at("INJURY", 0)).isTrue();
        assertThat(starts.at("iNjury", 0)).isTrue();
        assertThat(starts.at("I", 0)).isFalse();
        assertThat(starts.at("1n", 0)).isFalse();
        assertThat(starts.at("\u0130n", 0)).as("capital I with a dot, i under Unicode case").isTrue();
        assertThat(Starts.letters("s").at("\u017f", 0)).as("long s, s under Unicode case").isTrue();
        assertThat(Starts.letters("k").at("\u212a", 0)).as("Kelvin sign, k under Unicode case").isTrue();
        assertThat(Starts.letters("p").at("P", 0)).isTrue();
        assertThat(Starts.letters("p").at("q", 0)).isFalse();
        assertThat(Starts.digitOrLetters().at("1n", 0)).isTrue();
        assertThatThrownBy(() -> Starts.letters("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Starts.letters("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Starts.letters("i1")).isInstanceOf(IllegalArgumentException.class);
    }
}
