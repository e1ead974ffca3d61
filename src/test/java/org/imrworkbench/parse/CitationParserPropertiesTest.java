package org.imrworkbench.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitedBy;

/** {@link CitationParser#parse} never throws and always returns sound citations, whatever the text. */
class CitationParserPropertiesTest {

    private static final CitationParser PARSER = new CitationParser();

    /** Pieces that steer random text into the parser's paths. */
    private static final List<String> FRAGMENTS = List.of(
            "Decision based on ", "MTUS ", "Non-MTUS Citation ", "Official Disability Guidelines (ODG)", "ODG", "ACOEM",
            "UpToDate", "Other Medical Treatment Guidelines ", ", and ", " and ", "Section(s): ", "Page(s): ", "pages ",
            "pg ", "p. ", " of ", "2004", "2016", "63-66", "128-30", "1-999", ", ", "; ", ": ", "/", " - ", "\u2013",
            "(", ")", "<", ">", "(Acute & Chronic)", "(updated 12/12/16)", "Chapter", "3.3.9 ", "Low Back Complaints ",
            "Forearm, Wrist, and Hand Complaints ", "Knee & Leg", "Pain (Chronic)", "TENS, chronic pain", ".", ". ",
            "did not cite any medical evidence for its decision.", "Decision rationale: ",
            "The Expert Reviewer did not base their decision on the MTUS.", "\u00a0", "\t", "\n", "\uD83D\uDE00");

    @Property(tries = 1500)
    void arbitraryStrings(@ForAll @StringLength(max = 300) String text, @ForAll int textStart) {
        check(text, textStart);
    }

    @Property(tries = 1500)
    void mangledRealParagraphs(@ForAll("mangled") String text, @ForAll @IntRange(min = 0, max = 1_000_000) int textStart) {
        check(text, textStart);
    }

    @Property(tries = 800)
    void fragmentSoup(@ForAll("soup") String text) {
        check(text, 17);
    }

    private static void check(String text, int textStart) {
        List<Citation> citations = PARSER.parse(CitedBy.REVIEWER, text, textStart);
        assertThat(citations).isNotNull().doesNotContainNull();
        int base = Math.max(0, textStart);
        int previous = -1;
        for (Citation c : citations) {
            assertThat(c.sections()).allSatisfy(s -> assertThat(s).isNotBlank().isEqualTo(s.strip()));
            assertThat(c.pages()).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(1, 999));
            if (c.guideline() != null) {
                assertThat(c.guideline()).isNotBlank().isEqualTo(c.guideline().strip()).doesNotEndWith(".");
            }
            if ((long) base + text.length() <= Integer.MAX_VALUE) {
                assertThat(c.span()).isNotNull();
                assertThat(c.span().start()).isGreaterThanOrEqualTo(Math.max(base, previous));
                assertThat(c.span().end()).isLessThanOrEqualTo(base + text.length());
                previous = c.span().start();
            }
        }
    }

    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<String> lines = Arbitraries.of(CitationCorpus.all()).map(CitationCorpus.Case::text);
        return Combinators.combine(lines, Arbitraries.randoms()).as(CitationParserPropertiesTest::mangle);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    /** A real paragraph after a few random edits: cuts, insertions, duplications, case changes, swaps. */
    static String mangle(String line, Random random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int n = sb.length();
            int a = n == 0 ? 0 : random.nextInt(n + 1);
            int b = n == 0 ? 0 : a + random.nextInt(n - a + 1);
            switch (random.nextInt(7)) {
                case 0 -> sb.delete(a, b);
                case 1 -> sb.insert(a, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 2 -> sb.insert(a, sb.substring(a, b));
                case 3 -> sb.setLength(a);
                case 4 -> sb.replace(a, b, sb.substring(a, b).toUpperCase());
                case 5 -> sb.insert(a, (char) random.nextInt(0x3000));
                default -> {
                    String cut = sb.substring(a, b);
                    sb.delete(a, b);
                    sb.insert(random.nextInt(sb.length() + 1), cut);
                }
            }
        }
        return sb.toString();
    }
}
