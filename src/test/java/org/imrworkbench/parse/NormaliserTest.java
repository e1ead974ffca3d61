package org.imrworkbench.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliserTest {

    @Test
    void aHeadingsOutcomeAtTheEndOfALineIsTheRegularExpressionsAnswer() {
        // the expression as the Normaliser states it, asked of every line without the quick check
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("(?i)(?:^|:)\\s*(Upheld|Overturned)\\.?$");
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("Norco 10/325mg #120: Upheld",
                "EKG: OVERTURNED.", "Upheld", "upheld.", "Overturned\n", "Overturned.\r\n", "Upheld\r", "Upheld\u0085",
                "x: Upheld\u2028", "Upheld\u2029", "Upheld\n\n", "Upheld.\n.", "notupheld", "MRI: not upheld",
                "MRI : \t Overturned", "Upheld ", "Upheld..", ": upheld", "", ".", "\n", "d", "pheld", "uPhElD",
                "The request is Upheld", "DOS: 01/21/17:", "Overturned:"));
        org.imrworkbench.synth.LetterGenerator generator = new org.imrworkbench.synth.LetterGenerator(5);
        for (int n = 0; n < 200; n++) {
            for (String line : generator.generate(n).text().split("\n", -1)) {
                lines.add(line);
                lines.add(line.strip()); // as the normaliser asks it
            }
        }
        int yes = 0;
        for (String line : lines) {
            boolean expected = rule.matcher(line).find();
            assertThat(Normaliser.endsWithOutcome(line)).as(line).isEqualTo(expected);
            yes += expected ? 1 : 0;
        }
        assertThat(yes).isGreaterThan(200);
    }


    @Test
    void joinsLinesOfAParagraphAndKeepsParagraphs() {
        String raw = "The patient has low back\npain radiating to the  leg.\n\nA second paragraph\nhere.\n";
        assertThat(Normaliser.normalise(raw))
                .isEqualTo("The patient has low back pain radiating to the leg.\nA second paragraph here.");
    }

    @Test
    void rejoinsHyphenatedWordsButKeepsRealHyphens() {
        String raw = "The documen-\ntation shows that the documentation is thin. Injections at C7-\nT1 for a 45-\n"
                + "year-old on a long-\nterm basis; see also the pain -\nwhich is chronic.";
        assertThat(Normaliser.normalise(raw)).isEqualTo("The documentation shows that the documentation is thin. "
                + "Injections at C7-T1 for a 45-year-old on a long-term basis; see also the pain - which is chronic.");
    }

    @Test
    void softHyphenAtLineEndIsRemoved() {
        assertThat(Normaliser.normalise("medi\u00AD\ncation")).isEqualTo("medication");
    }

    @Test
    void seedRenderingWithABlankLineAfterEveryLine() {
        String raw = " HOW THE IMR FINAL DETERMINATION WAS MADE \n\nMAXIMUS Federal Services sent the \n\ncomplete "
                + "case file. \n\n \n\nCLINICAL CASE SUMMARY \n\nThe expert reviewer developed the following clinical "
                + "case summary based on a review of the \n\ncase file, including all medical records: \n\n \n\n"
                + "This is a 53-year-old \n\nmale. \n\n";
        assertThat(Normaliser.normalise(raw)).isEqualTo("HOW THE IMR FINAL DETERMINATION WAS MADE\n"
                + "MAXIMUS Federal Services sent the complete case file.\n"
                + "CLINICAL CASE SUMMARY\n"
                + "The expert reviewer developed the following clinical case summary based on a review of the case "
                + "file, including all medical records:\n"
                + "This is a 53-year-old male.");
    }

    @Test
    void labelsStartParagraphsEvenWithoutABlankLine() {
        String raw = "Claims Administrator guideline: The Claims Administrator did not cite any medical evidence\n"
                + "for its decision.\nMAXIMUS guideline: The Expert Reviewer did not cite any medical evidence.\n"
                + "Decision rationale: Not necessary.\nEKG: Upheld\nClaims Administrator guideline: None.";
        assertThat(Normaliser.normalise(raw).split("\n")).containsExactly(
                "Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its "
                        + "decision.",
                "MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence.",
                "Decision rationale: Not necessary.",
                "EKG: Upheld",
                "Claims Administrator guideline: None.");
    }

    @Test
    void outcomeOnTheLineAfterTheRequestJoinsTheRequest() {
        assertThat(Normaliser.normalise("Physical therapy 6 sessions to the lumbar spine:\nUpheld\n\nNext"))
                .isEqualTo("Physical therapy 6 sessions to the lumbar spine: Upheld\nNext");
    }

    @Test
    void pageBreaksAndFurnitureAreRemoved() {
        String line = "a line of the letter that runs the whole width of the page and goes on and on";
        String raw = "Case CM16-0000001\n" + line + "\nthat continues\nPage 1 of 2\n\f"
                + "Case CM16-0000001\non the next page and ends.\n\nA new paragraph.\nPage 2 of 2\n";
        assertThat(Normaliser.normalise(raw))
                .isEqualTo(line + " that continues on the next page and ends.\nA new paragraph.");
    }

    @Test
    void aShortSentenceEndingAtAPageBreakEndsItsParagraph() {
        String full = "a line of the letter that runs the whole width of the page and goes on and on and on";
        String raw = full + "\nand ends here.\f" + "A new paragraph begins on the next page.";
        assertThat(Normaliser.normalise(raw).split("\n")).hasSize(2);
    }

    @Test
    void windowsLineEndsAndOddSpacesAreCleaned() {
        assertThat(Normaliser.normalise("one\u00A0two\r\nthree\tfour\u200B\r\n\r\nfive"))
                .isEqualTo("one two three four\nfive");
    }

    @Test
    void anItemHeadingRightAfterASentenceStartsAParagraphEvenWithoutABlankLine() {
        String raw = "Decision rationale: The request fits the guidelines. As such, the request is medically\n"
                + "necessary.\nRetrospective Zanaflex 4mg #60 (DOS 3/23/17): Upheld\n\nClaims Administrator guideline: x";
        assertThat(Normaliser.normalise(raw).split("\n")).containsExactly(
                "Decision rationale: The request fits the guidelines. As such, the request is medically necessary.",
                "Retrospective Zanaflex 4mg #60 (DOS 3/23/17): Upheld",
                "Claims Administrator guideline: x");
    }

    @Test
    void aPartialAuthorisationHeadingIsNotSplitAtItsOwnSentences() {
        String raw = "Chiropractic sessions, #8 was the original request.\nChiropractic sessions, #6 was authorized. "
                + "The remaining IMR eligible portion of the original request, Chiropractic sessions, #2 is: Upheld";
        assertThat(Normaliser.normalise(raw).split("\n")).hasSize(1);
    }

    @Test
    void aHyphenAfterACommonPrefixIsKeptEvenWhenTheLetterAlsoWritesTheWordClosed() {
        assertThat(Normaliser.normalise("Antiepilepsy drugs, see Anti-\nepilepsy drugs (AEDs) for non-\nmalignant pain."))
                .isEqualTo("Antiepilepsy drugs, see Anti-epilepsy drugs (AEDs) for non-malignant pain.");
    }

    @Test
    void shortWrappedLinesAtPageEdgesAreTextNotFurniture() {
        String full = "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment";
        String raw = "First page body line one\n" + full + "\n2016.\f" + "2016.\nClaims Administrator guideline: "
                + "The Claims Administrator did not cite any medical evidence for\nits decision.";
        String text = Normaliser.normalise(raw);
        assertThat(text).contains("Medical Treatment 2016.").contains("for its decision.");
        assertThat(text.split("2016\\.", -1)).as("both short lines kept").hasSize(3);
    }

    @Test
    void inTheSeedsRenderingEmptyLinesWithoutASpaceLineAreAPageBreakInsideAParagraph() {
        String raw = "One line \n\nof a paragraph \n\nthat has \n\nnot resulted in \n\n\n\nany functional benefit. "
                + "\n\n \n\nNext paragraph. \n\nIts second \n\nand third line. \n\n";
        assertThat(Normaliser.normalise(raw)).isEqualTo(
                "One line of a paragraph that has not resulted in any functional benefit.\n"
                        + "Next paragraph. Its second and third line.");
    }

    @Test
    void aHeadingWrappedOverTwoLinesAfterARationaleIsSplitOffWhereItBegins() {
        String raw = "Decision rationale: Consequently, the request is not medically necessary and appropriate.\n"
                + "Retrospective Cognitive behavioral therapy, 1 times a week for 4 weeks, right shoulder DOS:\n"
                + "3/28/17: Upheld\n\nClaims Administrator guideline: x";
        assertThat(Normaliser.normalise(raw).split("\n")).containsExactly(
                "Decision rationale: Consequently, the request is not medically necessary and appropriate.",
                "Retrospective Cognitive behavioral therapy, 1 times a week for 4 weeks, right shoulder DOS: 3/28/17: "
                        + "Upheld",
                "Claims Administrator guideline: x");
    }

    @Test
    void aHeadingWhoseOutcomeIsAloneOnTheNextLineIsSplitOffAfterARationale() {
        String raw = "Decision rationale: Consequently, the request is not medically necessary and\nappropriate.\n"
                + "Retrospective Electroacupuncture, 2 times a week for 2 weeks, cervical spine DOS: 01/21/17:\n"
                + "Upheld\n\nClaims Administrator guideline: x";
        assertThat(Normaliser.normalise(raw).split("\n")).containsExactly(
                "Decision rationale: Consequently, the request is not medically necessary and appropriate.",
                "Retrospective Electroacupuncture, 2 times a week for 2 weeks, cervical spine DOS: 01/21/17: Upheld",
                "Claims Administrator guideline: x");
    }

    @Test
    void aPartialAuthorisationHeadingAfterARationaleWithoutABlankLineIsSplitOffWhereItBegins() {
        String raw = "Decision rationale: Given the lack of supporting documentation, the request is not medically\n"
                + "necessary.\nNexium 40mg #30 was the original request. Nexium 40mg #10 was authorized by the Claims\n"
                + "Administrator. The remaining IMR eligible portion of the original request, Nexium 40mg #20 is:\n"
                + "Upheld\n\nClaims Administrator guideline: x";
        assertThat(Normaliser.normalise(raw).split("\n")).containsExactly(
                "Decision rationale: Given the lack of supporting documentation, the request is not medically "
                        + "necessary.",
                "Nexium 40mg #30 was the original request. Nexium 40mg #10 was authorized by the Claims "
                        + "Administrator. The remaining IMR eligible portion of the original request, Nexium 40mg #20 "
                        + "is: Upheld",
                "Claims Administrator guideline: x");

        String sameLine = "Decision rationale: The request is not medically necessary.\n"
                + "Relafen 750mg #60 was the original request. The Claims Administrator authorized Relafen\n"
                + "750mg #30, leaving the original request IMR eligible. The original request, Relafen 750mg #60\n"
                + "is: Upheld\n\nClaims Administrator guideline: x";
        assertThat(Normaliser.normalise(sameLine).split("\n")).containsExactly(
                "Decision rationale: The request is not medically necessary.",
                "Relafen 750mg #60 was the original request. The Claims Administrator authorized Relafen 750mg #30, "
                        + "leaving the original request IMR eligible. The original request, Relafen 750mg #60 is: Upheld",
                "Claims Administrator guideline: x");
    }
}
