package org.imrworkbench.parse;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.Span;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that every extracted field of a letter is the text under its span in the normalised text. */
final class SpanInvariants {

    private SpanInvariants() {
    }

    static void assertConsistent(Letter letter) {
        String text = letter.text();
        field(text, letter.spans().caseNumber(), letter.caseNumber());
        field(text, letter.spans().priority(), letter.priority());
        field(text, letter.spans().summary(), letter.summary());
        if (letter.spans().age() != null) {
            assertThat(letter.spans().age().of(text)).isEqualTo(String.valueOf(letter.patient().age()));
        }
        for (Item item : letter.items()) {
            field(text, item.spans().request(), item.request());
            field(text, item.spans().rationale(), item.rationale());
            field(text, item.spans().claimsAdministratorGuideline(), item.claimsAdministratorGuideline());
            field(text, item.spans().reviewerGuideline(), item.reviewerGuideline());
            assertThat(item.spans().heading()).isNotNull();
            assertThat(item.spans().heading().contains(item.spans().request())).isTrue();
            if (item.spans().decision() != null) {
                assertThat(item.spans().decision().of(text)).isEqualToIgnoringCase(item.decision().name());
            }
            if (item.partial() != null) {
                field(text, item.partial().originalRequestSpan(), item.partial().originalRequest());
                field(text, item.partial().authorizedSpan(), item.partial().authorized());
                field(text, item.partial().disputedSpan(), item.partial().disputed());
            }
            if (item.treatment().span() != null) {
                assertThat(item.treatment().span().of(text)).isEqualTo(item.treatment().name());
                assertThat(item.spans().request().contains(item.treatment().span())).isTrue();
            }
            for (Citation c : item.citations()) {
                assertThat(c.span()).isNotNull();
                Span guideline = c.by() == org.imrworkbench.model.CitedBy.REVIEWER
                        ? item.spans().reviewerGuideline() : item.spans().claimsAdministratorGuideline();
                assertThat(guideline.contains(c.span())).as("citation span inside its guideline text").isTrue();
            }
        }
    }

    private static void field(String text, Span span, String value) {
        if (value == null) {
            assertThat(span).isNull();
        } else {
            assertThat(span).as("span of \"%s\"", value).isNotNull();
            assertThat(span.of(text)).isEqualTo(value);
        }
    }
}
