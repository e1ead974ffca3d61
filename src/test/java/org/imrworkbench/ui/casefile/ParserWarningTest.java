package org.imrworkbench.ui.casefile;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Letter;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser's warnings as the case view lists them: the item a warning names, and its text. */
class ParserWarningTest {

    private static final Set<Integer> THREE_ITEMS = Set.of(1, 2, 3);

    @Test
    void aWarningThatBeginsWithItemNNamesThatItemAndKeepsTheRestAsItsText() {
        assertThat(ParserWarning.of("item 2: no decision rationale found", THREE_ITEMS))
                .isEqualTo(new ParserWarning(2, "No decision rationale found"));
        assertThat(ParserWarning.of("item 3: no reviewer's guideline (\"MAXIMUS guideline:\") found", THREE_ITEMS))
                .isEqualTo(new ParserWarning(3, "No reviewer's guideline (\"MAXIMUS guideline:\") found"));
        assertThat(ParserWarning.of("Item 1 :  text between the request and its guidelines not placed: \"x\"",
                THREE_ITEMS)).isEqualTo(new ParserWarning(1,
                "Text between the request and its guidelines not placed: \"x\""));
    }

    @Test
    void otherWarningsNameNoItemAndAreKeptWhole() {
        assertThat(ParserWarning.of("the reviewer's specialty was not found", THREE_ITEMS))
                .isEqualTo(new ParserWarning(null, "The reviewer's specialty was not found"));
        assertThat(ParserWarning.of("patient's sex inferred from pronouns in the case summary", THREE_ITEMS))
                .isEqualTo(new ParserWarning(null, "Patient's sex inferred from pronouns in the case summary"));
        // "item 3:" inside the quoted text, not at its start, names no item
        assertThat(ParserWarning.of("text before the first disputed item not placed: \"item 3: see below\"",
                THREE_ITEMS)).isEqualTo(new ParserWarning(null,
                "Text before the first disputed item not placed: \"item 3: see below\""));
        assertThat(ParserWarning.of("a decision rationale stands before any disputed item", THREE_ITEMS).item())
                .isNull();
    }

    @Test
    void anItemTheLetterDoesNotHaveIsNotOfferedAndTheWarningIsKeptWhole() {
        assertThat(ParserWarning.of("item 7: no decision rationale found", THREE_ITEMS))
                .isEqualTo(new ParserWarning(null, "Item 7: no decision rationale found"));
        assertThat(ParserWarning.of("item 2:", THREE_ITEMS)).isEqualTo(new ParserWarning(null, "Item 2:"));
    }

    @Test
    void aLettersWarningsInTheParsersOrderWithoutBlankOnes() {
        Letter built = Fixtures.letter("CM16-0000001", LocalDate.of(2016, 12, 1), null, List.of("Family Practice"),
                List.of("California"), "The patient is a 40 year old.",
                Fixtures.item("MRI of the lumbar spine", Decision.UPHELD, Category.IMAGING, "MRI", null, "No."),
                Fixtures.item("Physical therapy x 6", Decision.OVERTURNED, Category.PHYSICAL_THERAPY, null, null,
                        "Yes."));
        Letter warned = new Letter(built.caseNumber(), built.priority(), built.dates(), built.reviewer(),
                built.patient(), built.summary(), built.items(),
                List.of("the reviewer's state of licensure was not found", " ", "item 2: no decision rationale found"),
                built.text(), built.spans());
        assertThat(ParserWarning.of(warned)).containsExactly(
                new ParserWarning(null, "The reviewer's state of licensure was not found"),
                new ParserWarning(2, "No decision rationale found"));
        assertThat(ParserWarning.of(built)).isEmpty();
    }
}
