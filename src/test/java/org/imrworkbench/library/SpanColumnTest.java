package org.imrworkbench.library;

import org.imrworkbench.model.Span;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanColumnTest {

    @Test
    void spansAreWrittenAsFieldStartEndAndReadBack() {
        String value = SpanColumn.encode(new String[]{"heading", "request", "decision"},
                new Span[]{new Span(2148, 2195), null, new Span(0, 0)});
        assertThat(value).isEqualTo("heading:2148-2195 decision:0-0");
        assertThat(SpanColumn.decode(value)).isEqualTo(Map.of("heading", new Span(2148, 2195), "decision",
                new Span(0, 0)));
    }

    @Test
    void noSpanIsNoValue() {
        assertThat(SpanColumn.encode(new String[]{"heading"}, new Span[]{null})).isNull();
        assertThat(SpanColumn.decode(null)).isEmpty();
        assertThat(SpanColumn.decode("")).isEmpty();
    }

    @Test
    void aValueOfAnotherFormIsRefusedWithAMessage() {
        for (String bad : new String[]{"heading", "heading:1", "heading:1-", ":1-2", "heading:-1-2", "heading:5-2",
            "heading:a-2", "heading:1-2  request:3-4", "heading:1-2 heading:3-4", "heading:1-99999999999"}) {
            assertThatThrownBy(() -> SpanColumn.decode(bad)).as(bad).isInstanceOf(LibraryException.class)
                    .hasMessageContaining("spans it cannot read").hasMessageContaining(bad);
        }
    }
}
