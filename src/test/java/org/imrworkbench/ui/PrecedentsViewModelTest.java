package org.imrworkbench.ui;

import org.imrworkbench.analytics.Analytics;
import org.imrworkbench.analytics.Precedents;
import org.imrworkbench.library.Library;
import org.imrworkbench.model.Item;
import org.imrworkbench.testing.Fixtures;
import org.imrworkbench.ui.analytics.PrecedentsViewModel;
import org.imrworkbench.ui.common.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The precedents panel's view model on the samples, without the toolkit. */
class PrecedentsViewModelTest {

    @Test
    void precedentsOfAMuscleRelaxantListTheSameDrugFirstAndAPhraseNarrowsThem(@TempDir Path dir) {
        try (Library library = Fixtures.seedLibrary(dir.resolve("lib.db"))) {
            String id = null;
            int number = 0;
            String request = null;
            for (String caseId : library.caseIds()) {
                for (Item item : library.loadCase(caseId).orElseThrow().letter().items()) {
                    if ("Flexeril".equals(item.treatment().name())) {
                        id = caseId;
                        number = item.number();
                        request = item.request();
                    }
                }
            }
            PrecedentsViewModel vm = new PrecedentsViewModel(new Analytics(library), Background.direct());
            vm.load(id, number);
            Precedents.Result result = vm.resultProperty().get();
            assertThat(result.generic()).isEqualTo("cyclobenzaprine");
            assertThat(vm.shown()).isNotEmpty();
            assertThat(vm.shown().get(0).basis()).isEqualTo(Precedents.Basis.SAME_DRUG);
            assertThat(vm.shown().get(0).ref().request()).containsIgnoringCase("cyclobenzaprine");
            assertThat(vm.summaryProperty().get()).startsWith(vm.shown().size() + " precedents (same drug first): ");
            // the Items tab is hidden behind the precedents: they say which item they are for
            assertThat(vm.subjectProperty().get()).isEqualTo("Precedents of item " + number + ": " + request);
            for (Precedents.Phrase phrase : result.phrases()) {
                vm.phraseProperty().set(phrase);
                assertThat(vm.shown()).extracting(Precedents.Precedent::ref).containsExactlyInAnyOrderElementsOf(
                        phrase.items().stream().filter(ref -> result.precedents().stream()
                                .anyMatch(p -> p.ref().equals(ref))).toList());
            }
            vm.phraseProperty().set(null);
            assertThat(vm.shown()).hasSize(result.precedents().size());
            vm.load(null, null);
            assertThat(vm.shown()).isEmpty();
            assertThat(vm.subjectProperty().get()).isEmpty();
        }
    }
}
