package org.imrworkbench.ui.compare;

import org.imrworkbench.library.Library;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.SearchService;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison and similar decisions, without the toolkit. */
class CompareViewModelTest {

    @TempDir
    Path dir;
    Library library;
    CompareViewModel model;
    String oxyUpheld;
    String oxyOverturned;
    String oxyUnrelated;
    String hydrocodone;
    String therapy;

    @BeforeEach
    void setUp() {
        library = Library.open(dir.resolve("library.db"));
        oxyUpheld = add("CM15-0000001", Fixtures.item("Oxycodone 10mg #90", Decision.UPHELD, Category.OPIOID,
                "Oxycodone", "oxycodone", "No functional improvement; urine toxicology inconsistent; weaning advised.",
                CitationSource.MTUS));
        oxyOverturned = add("CM15-0000002", Fixtures.item("Oxycodone 5mg #60", Decision.OVERTURNED,
                Category.OPIOID, "Oxycodone", "oxycodone",
                "Documented functional improvement and consistent urine toxicology support continued use.",
                CitationSource.MTUS, CitationSource.ODG));
        oxyUnrelated = add("CM15-0000003", Fixtures.item("Oxycodone ER #30", Decision.UPHELD, Category.OPIOID,
                "Oxycodone", "oxycodone", "Long-acting formulation lacks justification.", CitationSource.MTUS));
        hydrocodone = add("CM15-0000004", Fixtures.item("Norco 10/325mg #120", Decision.OVERTURNED,
                Category.OPIOID, "Norco", "hydrocodone/acetaminophen",
                "Functional improvement with consistent urine toxicology and weaning plan.", CitationSource.MTUS));
        therapy = add("CM15-0000005", Fixtures.item("Physical therapy x 12", Decision.UPHELD,
                Category.PHYSICAL_THERAPY, "Physical therapy", null,
                "Functional improvement and urine toxicology are irrelevant to weaning here.", CitationSource.MTUS));
        model = new CompareViewModel(library, new SearchService(library), Background.direct());
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    private String add(String caseNumber, Fixtures.ItemSpec item) {
        return Fixtures.add(library, Fixtures.letter(caseNumber, LocalDate.of(2015, 3, 1), LocalDate.of(2012, 5, 7),
                List.of("Internal Medicine"), List.of("California"), "A worker with chronic low back pain.", item));
    }

    @Test
    void addsRemovesAndIgnoresAnItemAddedTwice() {
        model.add(oxyUpheld, 1);
        model.add(oxyOverturned, 1);
        model.add(oxyUpheld, 1);

        assertThat(model.items()).extracting(ComparedItem::caseId).containsExactly(oxyUpheld, oxyOverturned);
        assertThat(model.items().get(0).title()).isEqualTo("CM15-0000001, item 1");
        assertThat(model.contains(oxyOverturned, 1)).isTrue();

        model.remove(oxyUpheld, 1);
        assertThat(model.items()).extracting(ComparedItem::caseId).containsExactly(oxyOverturned);
        model.clear();
        assertThat(model.items()).isEmpty();
    }

    @Test
    void holdsFourItemsAtMostAndSaysSo() {
        model.add(oxyUpheld, 1);
        model.add(oxyOverturned, 1);
        model.add(oxyUnrelated, 1);
        model.add(hydrocodone, 1);
        assertThat(model.fullProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEmpty();

        model.add(therapy, 1);

        assertThat(model.items()).hasSize(4).extracting(ComparedItem::caseId).doesNotContain(therapy);
        assertThat(model.messageProperty().get()).contains("full").contains("4 items at most");
        model.remove(hydrocodone, 1);
        assertThat(model.fullProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aMissingItemIsAMessageNotAColumn() {
        model.add(oxyUpheld, 7);
        assertThat(model.items()).isEmpty();
        assertThat(model.messageProperty().get()).contains("no item 7").doesNotContain("Exception");
    }

    @Test
    void marksTheDecisionsSourcesAndCategoriesThatDiffer() {
        model.add(oxyUpheld, 1);
        model.add(oxyOverturned, 1);

        ComparedItem upheld = model.items().get(0);
        ComparedItem overturned = model.items().get(1);
        assertThat(upheld.decisionDiffers()).isTrue();
        assertThat(overturned.decisionDiffers()).isTrue();
        assertThat(upheld.categoryDiffers()).isFalse();
        // MTUS is cited by both; ODG only by the second
        assertThat(upheld.citations()).singleElement().satisfies(c -> assertThat(c.sourceDiffers()).isFalse());
        assertThat(overturned.citations()).extracting(c -> c.citation().source() + "=" + c.sourceDiffers())
                .containsExactly("MTUS=false", "ODG=true");

        // with a third upheld item, the overturned one is the odd one out
        model.add(oxyUnrelated, 1);
        assertThat(model.items()).extracting(ComparedItem::decisionDiffers).containsExactly(false, true, false);

        model.add(therapy, 1);
        assertThat(model.items()).extracting(ComparedItem::categoryDiffers).containsExactly(false, false, false, true);
    }

    @Test
    void similarDecisionsRankTheSameDrugFirstAndLeaveOutTheItem() {
        SimilarDecisions.Result result = model.similarTo(oxyUpheld, 1);

        List<String> cases = result.items().stream().map(s -> s.hit().id()).toList();
        assertThat(cases).doesNotContain(oxyUpheld, therapy);
        // same drug first, the one sharing the most distinctive words before the other; then the same category
        assertThat(cases).containsExactly(oxyOverturned, oxyUnrelated, hydrocodone);
        assertThat(result.items()).extracting(SimilarDecisions.Similar::basis).containsExactly(
                SimilarDecisions.Basis.SAME_DRUG, SimilarDecisions.Basis.SAME_DRUG,
                SimilarDecisions.Basis.SAME_CATEGORY);
        assertThat(result.basisLabel()).isEqualTo("oxycodone");
        // the other oxycodone items: one upheld, one overturned (the item itself not counted)
        assertThat(result.upheld()).isEqualTo(1);
        assertThat(result.overturned()).isEqualTo(1);
    }

    @Test
    void similarDecisionsOfATreatmentThatIsNotADrugFollowItsCategory() {
        String moreTherapy = add("CM15-0000006", Fixtures.item("Physical therapy x 6", Decision.OVERTURNED,
                Category.PHYSICAL_THERAPY, "Physical therapy", null, "Objective gains after the first sessions.",
                CitationSource.MTUS));

        model.showSimilar(therapy, 1);

        SimilarDecisions.Result result = model.similarResultProperty().get();
        assertThat(result.items()).extracting(s -> s.hit().id()).containsExactly(moreTherapy);
        assertThat(result.basisLabel()).isEqualTo("Physical therapy");
        assertThat(result.overturned()).isEqualTo(1);
        assertThat(model.similarLoadingProperty().get()).isFalse();
    }

    @Test
    void distinctiveWordsLeaveOutTheWordsEveryLetterHas() {
        assertThat(SimilarDecisions.distinctiveWords("Oxycodone 10mg #90",
                "The patient has chronic pain. Medically necessary? Urine toxicology: urine screen."))
                .startsWith("oxycodone", "urine").contains("toxicology", "screen")
                .doesNotContain("patient", "chronic", "pain", "medically", "necessary", "10mg");
    }

    @Test
    void pagesReadAsRanges() {
        assertThat(ComparedItem.pages(List.of(63, 64, 65, 76))).isEqualTo("pp. 63–65, 76");
        assertThat(ComparedItem.pages(List.of(24))).isEqualTo("p. 24");
    }
}
