package org.imrworkbench.parse;

import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Constructs of the letters, each on a small letter written for the test. */
class LetterParserTest {

    private final LetterParser parser = new LetterParser();

    private Letter parse(String raw) throws UnreadableLetterException {
        Letter letter = parser.parse(Normaliser.normalise(raw));
        SpanInvariants.assertConsistent(letter);
        return letter;
    }

    private static String letter(String header, String credentials, String summary, String items) {
        return header + "\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the complete case "
                + "file to an expert reviewer.\n" + credentials + "\n\nCLINICAL CASE SUMMARY\nThe expert reviewer "
                + "developed the following clinical case summary based on a review of the case file, including all "
                + "medical records:\n\n" + summary + "\n\nIMR ISSUES, DECISIONS AND RATIONALES\nThe Final "
                + "Determination was based on decisions for the disputed items/services set forth below:\n\n" + items;
    }

    private static final String LABELLED = "The Expert Reviewer has the following credentials:\n"
            + "State(s) of Licensure: TX, New York and California\nCertification(s)/Specialty: Preventive Medicine, "
            + "Public Health &\nGeneral Preventive Medicine\n";

    private static final String ITEM = "Norco 10/325mg #60: Overturned\n\nClaims Administrator guideline: Decision "
            + "based on MTUS Opioid Treatment 2016.\n\nMAXIMUS guideline: Decision based on MTUS Opioid Treatment "
            + "2016.\n\nDecision rationale: The request is medically necessary.\n\nA second paragraph of the "
            + "rationale.\n";

    @Test
    void headerLabelsAndValuesInSeparateRunsAreStillPaired() throws Exception {
        String header = "Case Number: CM16-0247802\nDate Assigned: Date of Injury:\n12/30/2016 11/02/2016\n"
                + "Decision Date: 02/01/2017 UR Denial Date: 12/05/2016\nPriority: Standard Application\nReceived:\n"
                + "12/27/2016";
        Letter l = parse(letter(header, LABELLED, "The patient is a 45 year old woman.", ITEM));
        assertThat(l.caseNumber()).isEqualTo("CM16-0247802");
        assertThat(l.priority()).isEqualTo("Standard");
        assertThat(l.dates().assigned()).isEqualTo(LocalDate.of(2016, 12, 30));
        assertThat(l.dates().injury()).isEqualTo(LocalDate.of(2016, 11, 2));
        assertThat(l.dates().decided()).isEqualTo(LocalDate.of(2017, 2, 1));
        assertThat(l.dates().urDenial()).isEqualTo(LocalDate.of(2016, 12, 5));
        assertThat(l.dates().received()).isEqualTo(LocalDate.of(2016, 12, 27));
        assertThat(l.warnings()).as("warnings").isEmpty();
    }

    @Test
    void labelledCredentialsThatWrapAreJoinedAndStatesSpelledOut() throws Exception {
        Letter l = parse(letter("Case Number: CM17-0000001", LABELLED, "A 60-year-old man.", ITEM));
        assertThat(l.reviewer().specialties())
                .containsExactly("Preventive Medicine", "Public Health & General Preventive Medicine");
        assertThat(l.reviewer().licensure()).containsExactly("Texas", "New York", "California");
        assertThat(l.reviewer().boardCertified()).isNull();
        assertThat(l.patient()).extracting("age", "sex").containsExactly(60, Sex.MALE);
    }

    @Test
    void proseCredentialsWithSubspecialty() throws Exception {
        String prose = "The expert reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain "
                + "Management and is licensed to practice in Connecticut. He/she has been in active practice.";
        Letter l = parse(letter("", prose, "This is a 37 year old female.", ITEM));
        assertThat(l.reviewer().specialties()).containsExactly("Anesthesiology");
        assertThat(l.reviewer().subspecialties()).containsExactly("Pain Management");
        assertThat(l.reviewer().licensure()).containsExactly("Connecticut");
        assertThat(l.reviewer().boardCertified()).isTrue();
        assertThat(l.caseNumber()).isNull();
        assertThat(l.patient().sex()).isEqualTo(Sex.FEMALE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "This is a 53-year-old male with a 4/23/14 date of injury.|2014-04-23",
        "The injured worker was a 51 year old female, who sustained an industrial injury, September 20, 2011.|2011-09-20",
        "The patient is a 46 years old male with an injury date on 09/29/2008.|2008-09-29",
        "The date of injury is 3/28/12 and the mechanism of injury is not elicited.|2012-03-28",
        "A 40-year-old man who was injured on 1-5-2013 while lifting.|2013-01-05",
        "A 40-year-old man with a history of an occupational claim from 11/02/2016.|2016-11-02",
        "A 40-year-old man; no injury date is given here.|"
    })
    void injuryDateFromTheSummaryWhenThereIsNoHeader(String summary, LocalDate expected) throws Exception {
        Letter l = parse(letter("", LABELLED, summary, ITEM));
        assertThat(l.dates().injury()).isEqualTo(expected);
    }

    @Test
    void rationaleKeepsItsParagraphs() throws Exception {
        Letter l = parse(letter("Case Number: CM17-0000001", LABELLED, "A 60-year-old man.", ITEM));
        Item item = l.items().get(0);
        assertThat(item.decision()).isEqualTo(Decision.OVERTURNED);
        assertThat(item.rationale())
                .isEqualTo("The request is medically necessary.\nA second paragraph of the rationale.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Norco 10/325mg #120 DOS: 8/4/15|2015-08-04|false",
        "Retrospective CT scan of the cervical spine (DOS 11/18/16)|2016-11-18|true",
        "Retrospective for date of serve 10/7/14 Xanax 1mg #60|2014-10-07|true",
        "Retrospective Famotidine 20mg #60, per 12/07/2016 order|2016-12-07|true",
        "Retro request for Terocin patches, date of service 3/3/2015|2015-03-03|true",
        "MRI of the lumbar spine||false"
    })
    void serviceDateAndRetrospective(String request, LocalDate date, boolean retrospective) throws Exception {
        String item = request + ": Upheld\n\nClaims Administrator guideline: None.\n\nMAXIMUS guideline: None.\n\n"
                + "Decision rationale: Not necessary.\n";
        Item parsed = parse(letter("Case Number: CM17-0000001", LABELLED, "A man.", item)).items().get(0);
        assertThat(parsed.request()).isEqualTo(request);
        assertThat(parsed.serviceDate()).isEqualTo(date);
        assertThat(parsed.retrospective()).isEqualTo(retrospective);
    }

    @Test
    void partialAuthorisationOverSeveralLines() throws Exception {
        String item = "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n"
                + "Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n"
                + "10/325mg #35 is: Upheld\n\nClaims Administrator guideline: None.\n\nMAXIMUS guideline: None.\n\n"
                + "Decision rationale: Not necessary.\n\nPurchase of a bath/shower chair was the original request. "
                + "The Claims Administrator\nauthorized a bath/shower chair for 1 month, leaving the original request "
                + "IMR eligible. The\noriginal request, purchase of a bath/shower chair is:\nOverturned\n\n"
                + "Claims Administrator guideline: None.\n\nMAXIMUS guideline: None.\n\nDecision rationale: Needed.\n";
        Letter l = parse(letter("Case Number: CM17-0000001", LABELLED, "A man.", item));
        assertThat(l.items()).hasSize(2);
        Item a = l.items().get(0);
        assertThat(a.request()).isEqualTo("Norco 10/325mg #35");
        assertThat(a.partial()).extracting("originalRequest", "authorized", "disputed")
                .containsExactly("Norco 10/325mg #60", "Norco 10/325mg #25", "Norco 10/325mg #35");
        Item b = l.items().get(1);
        assertThat(b.decision()).isEqualTo(Decision.OVERTURNED);
        assertThat(b.partial()).extracting("originalRequest", "authorized", "disputed")
                .containsExactly("Purchase of a bath/shower chair", "a bath/shower chair for 1 month",
                        "purchase of a bath/shower chair");
        assertThat(b.request()).isEqualTo("purchase of a bath/shower chair");
    }

    @Test
    void anItemWithoutAnOutcomeIsUnknownWithAWarning() throws Exception {
        String item = "Acupuncture 6 sessions: Pending\n\nClaims Administrator guideline: None.\n\n"
                + "MAXIMUS guideline: None.\n\nDecision rationale: Something.\n";
        Letter l = parse(letter("Case Number: CM17-0000001", LABELLED, "A man.", item));
        assertThat(l.items()).singleElement().satisfies(i -> {
            assertThat(i.decision()).isEqualTo(Decision.UNKNOWN);
            assertThat(i.request()).isEqualTo("Acupuncture 6 sessions: Pending");
        });
        assertThat(l.warnings()).anyMatch(w -> w.contains("does not say whether the denial was upheld"));
    }

    @Test
    void missingSectionsGiveWarnings() throws Exception {
        Letter cutShort = parse("HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the "
                + "complete case file to an expert reviewer.\n\nCLINICAL CASE SUMMARY\nThis is a 50 year old man");
        assertThat(cutShort.warnings()).contains(
                "no \"IMR ISSUES, DECISIONS AND RATIONALES\" section found — the letter may be cut short",
                "no disputed items found", "the reviewer's specialty was not found",
                "the reviewer's state of licensure was not found");
        assertThat(cutShort.summary()).isEqualTo("This is a 50 year old man");
    }

    @Test
    void textThatIsNotAnImrLetterIsRefused() {
        assertThatThrownBy(() -> parse("Dear Sir,\nPlease find enclosed the invoice for March.\nRegards"))
                .isInstanceOf(UnreadableLetterException.class)
                .hasMessageStartingWith("not an IMR determination letter");
    }

    @Test
    void unplacedTextIsNeverDroppedSilently() throws Exception {
        String items = "Some stray remark before any item.\n\n" + ITEM;
        Letter l = parse(letter("Case Number: CM17-0000001\n\nA stray line in the header area", LABELLED,
                "A man.", items));
        assertThat(l.warnings()).anyMatch(w -> w.contains("Some stray remark"))
                .anyMatch(w -> w.contains("A stray line in the header area"));
    }
}
