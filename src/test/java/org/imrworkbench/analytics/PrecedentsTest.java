package org.imrworkbench.analytics;

import org.imrworkbench.library.Library;
import org.imrworkbench.library.NotFoundException;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.Decision;
import org.imrworkbench.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Precedents: same drug first, then text similarity; outcomes; the phrases that separate the outcomes. */
class PrecedentsTest {

    private static final String OVERTURNED_WHY = "Documented functional improvement with objective pain relief and a"
            + " signed opioid agreement supports continued oxycodone.";
    private static final String UPHELD_WHY = "Aberrant drug behavior and an inconsistent urine screen mean"
            + " oxycodone should be weaned.";

    @TempDir
    Path dir;
    Library library;
    Analytics analytics;
    String seed;

    @BeforeEach
    void setUp() {
        library = Library.open(dir.resolve("library.db"));
        seed = add("CM15-2000001", oxycodone(Decision.UPHELD, "Oxycodone for chronic lumbar radiculopathy after"
                + " laminectomy; functional improvement is not documented and the urine screen was inconsistent."),
                Fixtures.item("Lumbar MRI", Decision.UPHELD, Category.IMAGING, "MRI", null,
                        "Oxycodone lumbar radiculopathy laminectomy urine screen inconsistent.", CitationSource.ACOEM));
        for (int k = 2; k <= 4; k++) {
            add("CM15-200000" + k, oxycodone(Decision.OVERTURNED, OVERTURNED_WHY));
        }
        for (int k = 5; k <= 7; k++) {
            add("CM15-200000" + k, oxycodone(Decision.UPHELD, UPHELD_WHY));
        }
        // words closest to the seed's, but another drug: ranks after every oxycodone item
        add("CM15-2000008", Fixtures.item("Norco 10/325mg #120", Decision.OVERTURNED, Category.OPIOID, "Norco",
                "hydrocodone/acetaminophen", "Chronic lumbar radiculopathy after laminectomy; functional improvement"
                        + " is not documented and the urine screen was inconsistent.", CitationSource.MTUS));
        add("CM15-2000009", Fixtures.item("Physical therapy x 12", Decision.UPHELD, Category.PHYSICAL_THERAPY,
                "Physical therapy", null, "Lumbar radiculopathy after laminectomy; urine screen inconsistent.",
                CitationSource.MTUS));
        analytics = new Analytics(library);
    }

    @AfterEach
    void tearDown() {
        library.close();
    }

    private static Fixtures.ItemSpec oxycodone(Decision decision, String rationale) {
        return Fixtures.item("Oxycodone 10mg #90", decision, Category.OPIOID, "Oxycodone", "oxycodone", rationale,
                CitationSource.MTUS);
    }

    private String add(String caseNumber, Fixtures.ItemSpec... items) {
        return Fixtures.add(library, Fixtures.letter(caseNumber, LocalDate.of(2015, 3, 1), LocalDate.of(2012, 5, 7),
                List.of("Internal Medicine"), List.of("California"), "A worker with chronic low back pain.", items));
    }

    @Test
    void itemsOfTheSameDrugRankFirstThenTheSameCategoryThenOtherText() {
        Precedents.Result r = analytics.precedents(seed, 1, 20);

        assertThat(r.item().id()).isEqualTo(seed);
        assertThat(r.generic()).isEqualTo("oxycodone");
        assertThat(r.precedents()).hasSize(8);
        assertThat(r.precedents().subList(0, 6)).allSatisfy(p -> {
            assertThat(p.basis()).isEqualTo(Precedents.Basis.SAME_DRUG);
            assertThat(p.ref().request()).startsWith("Oxycodone");
        });
        assertThat(r.precedents().get(6).ref().id()).isEqualTo("CM15-2000008");
        assertThat(r.precedents().get(6).basis()).isEqualTo(Precedents.Basis.SAME_CATEGORY);
        assertThat(r.precedents().get(7).basis()).isEqualTo(Precedents.Basis.SIMILAR_TEXT);
        // never the item's own case (its MRI item shares the words)
        assertThat(r.precedents()).noneMatch(p -> p.ref().id().equals(seed));
        assertThat(r.outcome().upheld()).isEqualTo(4);
        assertThat(r.outcome().overturned()).isEqualTo(4);
        assertThat(analytics.precedents(seed, 1, 3).precedents()).extracting(Precedents.Precedent::basis)
                .containsOnly(Precedents.Basis.SAME_DRUG);
    }

    @Test
    void withinTheSameDrugTheMoreSimilarTextRanksFirst() {
        Precedents.Result r = analytics.precedents(seed, 1, 6);
        // the seed's rationale shares "urine screen inconsistent" with the upheld ones
        assertThat(r.precedents().get(0).ref().decision()).isEqualTo(Decision.UPHELD);
        assertThat(r.precedents()).extracting(Precedents.Precedent::score).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
    }

    @Test
    void phrasesOnlyOverturnedRationalesUseWeighPositiveAndUpheldOnesNegative() {
        Precedents.Result r = analytics.precedents(seed, 1, 6);
        Precedents.Phrase agreement = r.phrases().stream().filter(p -> p.phrase().equals("opioid agreement"))
                .findFirst().orElseThrow();
        assertThat(agreement.weight()).isPositive();
        assertThat(agreement.overturned()).isEqualTo(3);
        assertThat(agreement.upheld()).isZero();
        assertThat(agreement.items()).extracting(ItemRef::id)
                .containsExactlyInAnyOrder("CM15-2000002", "CM15-2000003", "CM15-2000004");
        Precedents.Phrase aberrant = r.phrases().stream().filter(p -> p.phrase().equals("aberrant"))
                .findFirst().orElseThrow();
        assertThat(aberrant.weight()).isNegative();
        assertThat(aberrant.items()).allMatch(i -> i.decision() == Decision.UPHELD);
        assertThat(r.phrases()).extracting(Precedents.Phrase::weight)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void precedentsOfOneOutcomeHaveNoSeparatingPhrases() {
        Precedents.Result r = analytics.precedents("CM15-2000002", 1, 2);
        assertThat(r.precedents()).hasSize(2);
        assertThat(r.precedents()).allMatch(p -> p.ref().decision() == Decision.OVERTURNED);
        assertThat(r.phrases()).isEmpty();
    }

    @Test
    void aNonDrugItemFindsTheSameTreatmentFirst() {
        Precedents.Result r = analytics.precedents("CM15-2000009", 1, 3);
        assertThat(r.generic()).isNull();
        assertThat(r.precedents()).isNotEmpty();
        assertThat(r.precedents().get(0).basis()).isNotEqualTo(Precedents.Basis.SAME_TREATMENT);
        add("CM15-2000010", Fixtures.item("Physical therapy x 6", Decision.OVERTURNED, Category.PHYSICAL_THERAPY,
                "Physical therapy", null, "A short course.", CitationSource.MTUS));
        assertThat(analytics.precedents("CM15-2000009", 1, 3).precedents().get(0).basis())
                .isEqualTo(Precedents.Basis.SAME_TREATMENT);
    }

    @Test
    void anUnknownCaseOrItemIsNotFound() {
        assertThatThrownBy(() -> analytics.precedents("CM00-0000000", 1, 5))
                .isInstanceOf(NotFoundException.class).hasMessage("CM00-0000000: no such case in the library");
        assertThatThrownBy(() -> analytics.precedents(seed, 9, 5))
                .isInstanceOf(NotFoundException.class).hasMessage(seed + ": the case has no item 9");
    }
}
