package org.imrworkbench.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Span;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CitationParserTest {

    /** Where the guideline text stands in a letter, for span checks. */
    static final int TEXT_START = 1234;

    private static final CitationParser PARSER = new CitationParser();

    /** One citation as {@code "SOURCE | guideline | section ¦ section | [pages]"}. */
    static String describe(Citation c) {
        return c.source() + " | " + c.guideline() + " | " + String.join(" ¦ ", c.sections()) + " | " + c.pages();
    }

    static List<Citation> parse(String text) {
        return PARSER.parse(CitedBy.REVIEWER, text, TEXT_START);
    }

    /** Parses, checks the citations read and that their spans are sound. */
    static List<Citation> assertCites(String text, String... expected) {
        List<Citation> citations = parse(text);
        assertThat(citations).extracting(CitationParserTest::describe).containsExactly(expected);
        assertSpansSound(text, TEXT_START, citations);
        return citations;
    }

    /**
     * Every span lies within the text's range, spans come in text order, and a span covers the guideline
     * and sections it was read from (each is found in the spanned text, edition notes aside).
     */
    static void assertSpansSound(String text, int textStart, List<Citation> citations) {
        int previousStart = -1;
        for (Citation c : citations) {
            Span span = c.span();
            assertThat(span).as("span of %s", describe(c)).isNotNull();
            assertThat(span.start()).isGreaterThanOrEqualTo(textStart);
            assertThat(span.end()).isLessThanOrEqualTo(textStart + text.length());
            assertThat(span.start()).isGreaterThanOrEqualTo(previousStart);
            previousStart = span.start();
            String covered = text.substring(span.start() - textStart, span.end() - textStart);
            if (c.guideline() != null) {
                assertThat(covered).as("span of %s", describe(c)).contains(withoutYear(c.guideline()));
            }
            for (String section : c.sections()) {
                assertThat(covered).as("span of %s", describe(c)).contains(section);
            }
        }
    }

    /** "Low Back Complaints 2004" is read from "Low Back Complaints (2004)" too: check the title. */
    private static String withoutYear(String guideline) {
        return guideline.replaceAll(" (19|20)\\d\\d$", "");
    }

    // ------------------------------------------------------------------ the contract's examples

    @Nested
    @DisplayName("MTUS, 2016-17 rendering")
    class Mtus2016 {
        @Test
        void guidelineWithYearAndSections() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Cyclobenzaprine "
                            + "(Flexeril), Muscle relaxants (for pain).",
                    "MTUS | Chronic Pain Medical Treatment 2016 | Cyclobenzaprine (Flexeril) ¦ Muscle relaxants (for pain) | []");
        }

        @Test
        void guidelinesJoinedByAndGiveOneCitationEach() {
            assertCites("Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, and Chronic "
                            + "Pain Medical Treatment 2016, Section(s): TENS, chronic pain (transcutaneous electrical "
                            + "nerve stimulation).",
                    "MTUS | Low Back Complaints 2004 | Physical Methods | []",
                    "MTUS | Chronic Pain Medical Treatment 2016 | TENS, chronic pain (transcutaneous electrical nerve stimulation) | []");
        }

        @Test
        void aTitleContainingAndIsNotCutThere() {
            assertCites("Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care, and Elbow "
                            + "Complaints 2007, and Forearm, Wrist, and Hand Complaints 2004.",
                    "MTUS | Shoulder Complaints 2004 | Initial Care | []",
                    "MTUS | Elbow Complaints 2007 |  | []",
                    "MTUS | Forearm, Wrist, and Hand Complaints 2004 |  | []");
        }

        @Test
        void knownCommaSectionsStayWhole() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs, GI symptoms "
                            + "& cardiovascular risk, Proton Pump Inhibitors (PPIs).",
                    "MTUS | Chronic Pain Medical Treatment 2016 | NSAIDs, GI symptoms & cardiovascular risk ¦ Proton Pump Inhibitors (PPIs) | []");
        }

        @Test
        void aLowerCasePieceContinuesTheSection() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Ultrasound, therapeutic, "
                            + "Office visits.",
                    "MTUS | Chronic Pain Medical Treatment 2016 | Ultrasound, therapeutic ¦ Office visits | []");
        }

        @Test
        void numberedSectionsRunToTheNextNumber() {
            assertCites("Decision based on MTUS Opioid Treatment 2016, Section(s): 1.4 Opioids for Acute Pain: Opioids "
                            + "for Post-operative Pain, 3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: "
                            + "Screening for Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: "
                            + "Screening for Alcohol Misuse/Abuse, 3.3.9 Opioids for Chronic Pain and Chronic Opioid "
                            + "Treatment: Maintenance of Chronic Opioid Treatment.",
                    "MTUS | Opioid Treatment 2016 | 1.4 Opioids for Acute Pain: Opioids for Post-operative Pain"
                            + " ¦ 3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of "
                            + "Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse"
                            + " ¦ 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment | []");
        }

        @Test
        void aBareNumberIsASectionAsWritten() {
            assertCites("Decision based on MTUS Elbow Complaints 2007, Section(s): 326, Diagnostic Criteria.",
                    "MTUS | Elbow Complaints 2007 | 326 ¦ Diagnostic Criteria | []");
        }

        @Test
        void aGuidelineWithoutSections() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2009.",
                    "MTUS | Chronic Pain Medical Treatment 2009 |  | []");
        }

        @Test
        void anUnlistedTitleIsReadUpToItsYear() {
            assertCites("Decision based on MTUS Hip Complaints 2004, Section(s): Special Studies, and Wrist "
                            + "Disorders 2007, Section(s): Summary.",
                    "MTUS | Hip Complaints 2004 | Special Studies | []",
                    "MTUS | Wrist Disorders 2007 | Summary | []");
        }

        @Test
        void aRevisionYearIsTheGuidelinesYear() {
            assertCites("Decision based on MTUS Elbow Disorders (Revised 2007), Section(s): Special Studies, "
                            + "Diagnostic Criteria.",
                    "MTUS | Elbow Disorders 2007 | Special Studies ¦ Diagnostic Criteria | []");
            assertCites("Decision based on MTUS Elbow Disorders (Revised 2007).",
                    "MTUS | Elbow Disorders 2007 |  | []");
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine, "
                            + "and Elbow Disorders (revised 2007), Section(s): Physical Methods.",
                    "MTUS | Chronic Pain Medical Treatment 2016 | Physical Medicine | []",
                    "MTUS | Elbow Disorders 2007 | Physical Methods | []");
        }

        @Test
        void theSectionListEndsWithItsSentence() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, cancer pain "
                            + "vs. nonmalignant pain. Reviewed with the treating physician.",
                    "MTUS | Chronic Pain Medical Treatment 2016 | Opioids, cancer pain vs. nonmalignant pain | []");
        }
    }

    @Nested
    @DisplayName("MTUS, 2014-15 rendering (title, section words, pages)")
    class Mtus2014 {
        @Test
        void sectionAndPageRange() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Muscle Relaxants Page(s): 63-66.",
                    "MTUS | Chronic Pain Treatment Guidelines | Muscle Relaxants | [63, 64, 65, 66]");
        }

        @Test
        void lowerCasePagesWord() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy, pages 98-99.",
                    "MTUS | Chronic Pain Treatment Guidelines | Physical Therapy | [98, 99]");
        }

        @Test
        void pgAbbreviation() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants, pg 128.",
                    "MTUS | Chronic Pain Treatment Guidelines | Muscle relaxants | [128]");
        }

        @Test
        void pageOfTotal() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine Guidelines "
                            + "Page(s): 98 of 127.",
                    "MTUS | Chronic Pain Treatment Guidelines | Physical Medicine Guidelines | [98]");
        }

        @Test
        void severalRanges() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines CRITERIA FOR USE OF OPIOIDS "
                            + "Page(s): 60-61, 76-78, 88-89.",
                    "MTUS | Chronic Pain Treatment Guidelines | CRITERIA FOR USE OF OPIOIDS | [60, 61, 76, 77, 78, 88, 89]");
        }

        @Test
        void pageList() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Muscle relaxants Page(s): 63, 64.",
                    "MTUS | Chronic Pain Treatment Guidelines | Muscle relaxants | [63, 64]");
        }

        @Test
        void titleOnly() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines.",
                    "MTUS | Chronic Pain Treatment Guidelines |  | []");
        }

        @Test
        void pagesWithoutSection() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 64-86.",
                    "MTUS | Chronic Pain Treatment Guidelines |  | [64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, "
                            + "76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86]");
        }

        @Test
        void olderLettersBasedHisHerDecisionOn() {
            assertCites("The Physician Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment "
                            + "Guidelines, Opioids, pages 74-76, which are part of the MTUS.",
                    "MTUS | Chronic Pain Medical Treatment Guidelines | Opioids | [74, 75, 76]");
        }
    }

    @Nested
    @DisplayName("Non-MTUS sources")
    class NonMtus {
        @Test
        void odgChapterAndTopic() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic), "
                            + "Lidoderm (Lidocaine patch).",
                    "ODG | Pain (Chronic) | Lidoderm (Lidocaine patch) | []");
        }

        @Test
        void odgWithoutComma() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, Durable "
                            + "medical equipment (DME).",
                    "ODG | Knee & Leg | Durable medical equipment (DME) | []");
        }

        @Test
        void odgChapterSlashTopic() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back chapter/ x-ray.",
                    "ODG | Low Back chapter | x-ray | []");
        }

        @Test
        void odgTopicInParentheses() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee and Leg "
                            + "(Durable medical equipment (DME)).",
                    "ODG | Knee and Leg | Durable medical equipment (DME) | []");
        }

        @Test
        void odgQualifierAndEditionNote() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Forearm, Wrist, and "
                            + "hand (updated 11/23/16), MRI's (magnetic resonance imaging).",
                    "ODG | Forearm, Wrist, and hand | MRI's (magnetic resonance imaging) | []");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines: Low Back - Lumbar & "
                            + "Thoracic (Acute & Chronic) Chapter (Online Version).",
                    "ODG | Low Back - Lumbar & Thoracic (Acute & Chronic) Chapter |  | []");
        }

        @Test
        void seedAngleBrackets() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) <Pain(Chronic)>, "
                            + "<Carisoprodol(Soma)>",
                    "ODG | Pain(Chronic) | Carisoprodol(Soma) | []");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) "
                            + "<Pain(Chronic)<Benzodiazepines-Diazepam>",
                    "ODG | Pain(Chronic) | Benzodiazepines-Diazepam | []");
        }

        @Test
        void bareOdg() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)",
                    "ODG | null |  | []");
        }

        @Test
        void odgWithADash() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines - Physical Medicine Guidelines.",
                    "ODG | Physical Medicine Guidelines |  | []");
        }

        @Test
        void odgMentionedAfterOtherText() {
            assertCites("Decision based on Non-MTUS Citation Neck and Upper Back, Physical Therapy, ODG Preface "
                            + "\u2013 Physical Therapy.",
                    "ODG | Neck and Upper Back | Physical Therapy ¦ ODG Preface \u2013 Physical Therapy | []");
        }

        @Test
        void acoem() {
            assertCites("Decision based on Non-MTUS Citation ACOEM Hip and Groin Chapter/Diagnostic and treatment "
                            + "recommendations.",
                    "ACOEM | Hip and Groin Chapter | Diagnostic and treatment recommendations | []");
            assertCites("Decision based on Non-MTUS Citation American College of Occupational and Environmental "
                            + "Medicine (ACOEM) Pain, Suffering, and the Restoration of Function Chapter.",
                    "ACOEM | Pain, Suffering, and the Restoration of Function Chapter |  | []");
        }

        @Test
        void aRevisionYearIsKeptAsTheYearButAnUpdateDateIsNot() {
            assertCites("Decision based on Non-MTUS Citation American College of Occupational and Environmental "
                            + "Medicine (ACOEM) Elbow Disorders (Revised 2007), Lateral epicondylalgia, pages 33-35.",
                    "ACOEM | Elbow Disorders 2007 | Lateral epicondylalgia | [33, 34, 35]");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Elbow (updated "
                            + "11/23/16), Physical therapy.",
                    "ODG | Elbow | Physical therapy | []");
        }

        @Test
        void upToDate() {
            assertCites("Decision based on Non-MTUS Citation UpToDate: Treatment of acute low back pain.",
                    "UPTODATE | null | Treatment of acute low back pain | []");
            assertCites("Decision based on Non-MTUS Citation Up To Date, Overview of the treatment of chronic pain.",
                    "UPTODATE | null | Overview of the treatment of chronic pain | []");
        }

        @Test
        void otherMedicalTreatmentGuidelinesIsASeparateCitation() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back (Thoracic "
                            + "and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection (ESI) and Other "
                            + "Medical Treatment Guidelines www.mdguidelines.com.",
                    "ODG | Low Back (Thoracic and Lumbar, Acute and Chronic) Chapter | Epidural Steroid Injection (ESI) | []",
                    "OTHER | www.mdguidelines.com |  | []");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Carpal Tunnel "
                            + "Syndrome (Acute & Chronic) and Other Medical Treatment Guidelines AANEM Recommended "
                            + "Policy for Electrodiagnostic Medicine.",
                    "ODG | Carpal Tunnel Syndrome (Acute & Chronic) |  | []",
                    "OTHER | AANEM Recommended Policy for Electrodiagnostic Medicine |  | []");
        }

        @Test
        void anythingElseIsOther() {
            assertCites("Decision based on Non-MTUS Citation http://www.drugs.com/famotidine.html.",
                    "OTHER | http://www.drugs.com/famotidine.html |  | []");
        }

        @Test
        void severalSourcesInOneSentence() {
            assertCites("Decision based on Non-MTUS Citation ACOEM guidelines and the Official Disability Guidelines.",
                    "ACOEM | null |  | []",
                    "ODG | null |  | []");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines, Shoulder (updated "
                            + "12/12/16); ODG, Low Back (updated 12/20/16).",
                    "ODG | Shoulder |  | []",
                    "ODG | Low Back |  | []");
        }

        @Test
        void aSemicolonBeforeAChapterStartsAnotherCitation() {
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines, Neck and Upper Back, TENS "
                            + "(Transcutaneous electrical nerve stimulation); Low Back - Lumbar & Thoracic (Acute & Chronic).",
                    "ODG | Neck and Upper Back | TENS (Transcutaneous electrical nerve stimulation) | []",
                    "ODG | Low Back - Lumbar & Thoracic (Acute & Chronic) |  | []");
            assertCites("Decision based on Non-MTUS Citation Official Disability Guidelines: Low Back - Trigger Point "
                            + "Impedance Imaging (TPII); Hyperstimulation analgesia.",
                    "ODG | Low Back | Trigger Point Impedance Imaging (TPII) ¦ Hyperstimulation analgesia | []");
        }

        @Test
        void nonMtusPages() {
            assertCites("Decision based on Non-MTUS Citation ACOEM Low Back Complaints, page 303.",
                    "ACOEM | Low Back Complaints |  | [303]");
        }
    }

    @Nested
    @DisplayName("NONE and boilerplate")
    class NoneAndBoilerplate {
        @Test
        void didNotCiteGivesNone() {
            List<Citation> c = assertCites("The Claims Administrator did not cite any medical evidence for its decision.",
                    "NONE | null |  | []");
            assertThat(c.get(0).span()).isEqualTo(new Span(TEXT_START, TEXT_START + 76));
        }

        @Test
        void boilerplateAloneGivesNothing() {
            assertCites("The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines.");
            assertCites("The Expert Reviewer did not base their decision on the MTUS.");
            assertCites("The Claims Administrator did not base their decision on the MTUS.");
        }

        @Test
        void boilerplateThenCitation() {
            assertCites("The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS "
                            + "Citation Official Disability Guidelines (ODG) Shoulder, MRI.",
                    "ODG | Shoulder | MRI | []");
        }

        @Test
        void rationaleAfterTheGuidelineIsNotRead() {
            assertCites("The Expert Reviewer did not cite any medical evidence for its decision. Decision rationale: As "
                            + "the requested surgical intervention is not medically necessary, the Low Back Complaints "
                            + "2004 service is not necessary.",
                    "NONE | null |  | []");
            assertCites("Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies. Decision rationale: "
                            + "ODG says so.",
                    "MTUS | Knee Complaints 2004 | Special Studies | []");
        }

        @Test
        void withoutDecisionBasedOnAKnownTitleAfterMtusIsRead() {
            assertCites("MTUS Chronic Pain Medical Treatment Guidelines, page 79",
                    "MTUS | Chronic Pain Medical Treatment Guidelines |  | [79]");
            assertCites("Official Disability Guidelines (ODG), Pain.", "ODG | Pain |  | []");
            assertCites("The reviewer relied on clinical judgment.");
        }
    }

    // ------------------------------------------------------------------ pages

    @Nested
    class Pages {
        @Test
        void yearsAreNeverPages() {
            assertCites("Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, page 2009.",
                    "MTUS | Chronic Pain Medical Treatment 2009 | Opioids | []");
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 79, 2009.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [79]");
            assertThat(parse("Decision based on MTUS Low Back Complaints 2004, Section(s): Summary."))
                    .flatExtracting(Citation::pages).isEmpty();
        }

        @Test
        void aVeryWideRangeKeepsOnlyItsEnds() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 1-500.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [1, 500]");
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 10-210.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [10, 210]");
            assertThat(parse("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 10-209.")
                    .get(0).pages()).hasSize(200);
        }

        @Test
        void abbreviatedAndBackwardRanges() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 128-30.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [128, 129, 130]");
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 98-7.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [98, 7]");
        }

        @Test
        void duplicatesRemovedOrderKept() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 80, 76-78, 77 and 80.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [80, 76, 77, 78]");
        }

        @Test
        void otherSpellings() {
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids pp. 74 to 76; 80.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [74, 75, 76, 80]");
            assertCites("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids, p. 12\u201314.",
                    "MTUS | Chronic Pain Treatment Guidelines | Opioids | [12, 13, 14]");
        }
    }

    // ------------------------------------------------------------------ spans

    @Nested
    class Spans {
        @Test
        void eachCitationSpansWhatItWasReadFrom() {
            String text = "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines."
                    + " Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, and Chronic Pain"
                    + " Medical Treatment 2016, Section(s): Topical analgesics. Decision based on Non-MTUS Citation"
                    + " Official Disability Guidelines (ODG) Low Back, Physical Therapy.";
            List<Citation> citations = assertCites(text,
                    "MTUS | Low Back Complaints 2004 | Physical Methods | []",
                    "MTUS | Chronic Pain Medical Treatment 2016 | Topical analgesics | []",
                    "ODG | Low Back | Physical Therapy | []");
            List<String> covered = new ArrayList<>();
            for (Citation c : citations) {
                covered.add(c.span().shift(-TEXT_START).of(text));
            }
            assertThat(covered).containsExactly(
                    "Low Back Complaints 2004, Section(s): Physical Methods",
                    "Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics",
                    "Official Disability Guidelines (ODG) Low Back, Physical Therapy");
        }

        @Test
        void spansOfEveryRealParagraphAreSound() {
            for (CitationCorpus.Case c : CitationCorpus.all()) {
                for (int start : new int[] {0, 7, 100_000}) {
                    assertSpansSound(c.text(), start, PARSER.parse(CitedBy.CLAIMS_ADMINISTRATOR, c.text(), start));
                }
            }
        }

        @Test
        void negativeStartIsTakenAsZeroAndOverflowGivesNoSpan() {
            String text = "Decision based on MTUS Knee Complaints 2004.";
            assertThat(PARSER.parse(CitedBy.REVIEWER, text, -5)).extracting(Citation::span)
                    .containsExactly(new Span(23, 43));
            assertThat(PARSER.parse(CitedBy.REVIEWER, text, Integer.MAX_VALUE - 10)).extracting(Citation::span)
                    .containsOnlyNulls();
        }
    }

    // ------------------------------------------------------------------ real paragraphs

    static Stream<CitationCorpus.Case> seeds() {
        return CitationCorpus.SEEDS.stream();
    }

    static Stream<CitationCorpus.Case> letters() {
        return CitationCorpus.LETTERS_2016_17.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("seeds")
    void seedLetterParagraphs(CitationCorpus.Case c) {
        assertCites(c.text(), c.expected().toArray(String[]::new));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("letters")
    void realParagraphs2016To2017(CitationCorpus.Case c) {
        assertCites(c.text(), c.expected().toArray(String[]::new));
    }

    @Test
    void whoCitesIsPassedThrough() {
        String text = "Decision based on MTUS Knee Complaints 2004. Decision based on Non-MTUS Citation ODG Knee.";
        assertThat(PARSER.parse(CitedBy.CLAIMS_ADMINISTRATOR, text, 0)).extracting(Citation::by)
                .containsExactly(CitedBy.CLAIMS_ADMINISTRATOR, CitedBy.CLAIMS_ADMINISTRATOR);
        assertThat(PARSER.parse(CitedBy.REVIEWER, text, 0)).extracting(Citation::source)
                .containsExactly(CitationSource.MTUS, CitationSource.ODG);
    }

    // ------------------------------------------------------------------ robustness

    @Nested
    class Robustness {
        @Test
        void nullEmptyAndBlankGiveNothing() {
            assertThat(PARSER.parse(CitedBy.REVIEWER, null, 0)).isEmpty();
            assertThat(PARSER.parse(CitedBy.REVIEWER, "", 0)).isEmpty();
            assertThat(PARSER.parse(CitedBy.REVIEWER, "   ", 0)).isEmpty();
            assertThat(PARSER.parse(null, "Decision based on MTUS Knee Complaints 2004.", 0))
                    .extracting(Citation::by).containsOnlyNulls();
        }

        @Test
        void garbage() {
            for (String s : new String[] {"(((((((", ")))", "<<<>>>", "Decision based on", "Decision based on MTUS , and , and",
                    "Decision based on Non-MTUS Citation <", "Page(s): 1-", "Section(s):", ", and Knee Complaints 2004",
                    "Decision based on MTUS Section(s): , , ; ;", "Decision based on Non-MTUS Citation ODG ODG ODG (ODG",
                    "\u0000\uFFFF\uD800", "Decision based on MTUS Opioid Treatment 2016, Section(s): 3.", "did not cite"}) {
                assertThatCode(() -> assertSpansSound(s, 3, PARSER.parse(CitedBy.REVIEWER, s, 3)))
                        .as(s).doesNotThrowAnyException();
            }
        }

        // A parse that backtracked without end would hang: the build's fork timeout (pom.xml) stops it; what these
        // two tests check is what is read of such texts, not how fast (that is ParseBenchmark's business).
        @Test
        void hugeInputIsReadUpToTheLimit() {
            StringBuilder sb = new StringBuilder();
            String unit = "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): a, b, and "
                    + "Official Disability Guidelines (ODG) ( < Page(s): 1-2, 3 ";
            while (sb.length() < 3_000_000) {
                sb.append(unit);
            }
            String huge = sb.toString();
            List<Citation> citations = PARSER.parse(CitedBy.REVIEWER, huge, 0);
            assertThat(citations).isNotEmpty();
            assertThat(citations.get(0).guideline()).startsWith("Forearm, Wrist, and Hand Complaints");
            assertSpansSound(huge, 0, citations);
            assertThat(citations).allSatisfy(c -> assertThat(c.span().end()).isLessThanOrEqualTo(CitationParser.MAX_CHARS));
        }

        @Test
        void pathologicalRepetitionsAreReadAsTheCitationTheyFollow() {
            String[] units = {" ", " and", "Shoulder; ", "pages 1, ", "Hip Complaints ", "did not cite any medical evidence. ",
                    "Decision based on Non-MTUS ODG, ", "(", "Low Back - ", "1-", ", "};
            for (String unit : units) {
                String text = "Decision based on MTUS Low Back Complaints 2004, Section(s): " + unit.repeat(40_000 / unit.length());
                List<Citation> citations = PARSER.parse(CitedBy.REVIEWER, text, 0);
                assertThat(citations).as(unit).isNotEmpty();
                assertThat(citations.get(0).source()).as(unit).isEqualTo(CitationSource.MTUS);
                assertThat(citations.get(0).guideline()).as(unit).startsWith("Low Back Complaints");
                assertSpansSound(text, 0, citations);
            }
        }
    }

    // ------------------------------------------------------------------ lexicon

    @Nested
    class Lexicon {
        @Test
        void bundledListsLoad() {
            assertThat(GuidelineLexicon.readLines("/lexicon/guideline-titles.txt")).contains("Low Back Complaints");
            assertThat(GuidelineLexicon.readLines("/lexicon/guideline-chapters.txt")).contains("Knee & Leg");
            assertThat(GuidelineLexicon.readLines("/lexicon/guideline-sources.txt")).isNotEmpty();
            assertThat(GuidelineLexicon.readLines("/lexicon/guideline-sections.txt"))
                    .contains("NSAIDs, GI symptoms & cardiovascular risk");
            assertThat(GuidelineLexicon.readLines("/lexicon/missing.txt")).isEmpty();
        }

        @Test
        void namesMatchCommonVariants() {
            assertThat(GuidelineLexicon.namePattern("Stress-Related Conditions").matcher("Stress Related Conditions").matches()).isTrue();
            assertThat(GuidelineLexicon.namePattern("Post-Surgical Treatment").matcher("Postsurgical treatment").matches()).isTrue();
            assertThat(GuidelineLexicon.namePattern("Knee & Leg").matcher("Knee and Leg").matches()).isTrue();
            assertThat(GuidelineLexicon.namePattern("Low Back - Lumbar & Thoracic").matcher("Low Back- Lumbar and Thoracic").matches()).isTrue();
            assertThat(GuidelineLexicon.namePattern("Forearm, Wrist, & Hand").matcher("Forearm, Wrist and Hand").matches()).isTrue();
            assertThat(GuidelineLexicon.namePattern("Hip").matcher("Hips").lookingAt()).isFalse();
        }

        @Test
        void withoutListsTheGeneralRulesStillWork() {
            CitationParser bare = new CitationParser(new GuidelineLexicon(List.of(), List.of(), List.of(), List.of()));
            assertThat(bare.parse(CitedBy.REVIEWER, "Decision based on MTUS Low Back Complaints 2004, Section(s): "
                    + "Physical Methods, and Chronic Pain Medical Treatment 2016, Section(s): Ultrasound, therapeutic. "
                    + "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain.", 0))
                    .extracting(CitationParserTest::describe)
                    .containsExactly("MTUS | Low Back Complaints 2004 | Physical Methods | []",
                            "MTUS | Chronic Pain Medical Treatment 2016 | Ultrasound, therapeutic | []",
                            "OTHER | Official Disability Guidelines (ODG), Pain |  | []");
        }
    }
}
