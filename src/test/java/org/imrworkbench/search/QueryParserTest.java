package org.imrworkbench.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTest {

    @Test
    void buildsTheMatchExpressionFromQuotedTerms() {
        SearchQuery q = QueryParser.parse("lumbar \"physical therapy\" inject* OR block -surgery decision:upheld");
        assertThat(q.matchExpression()).isEqualTo(
                "((\"lumbar\") AND (\"physical therapy\") AND (\"inject\"* OR \"block\")) NOT (\"surgery\")");
        assertThat(q.filters()).containsEntry(FilterKey.DECISION, List.of("UPHELD"));
    }

    @Test
    void filtersTakeQuotedValuesAndAnyCase() {
        SearchQuery q = QueryParser.parse("Specialty:\"Physical Medicine\" CATEGORY:muscle-relaxant -tag:done");
        assertThat(q.filters()).containsEntry(FilterKey.SPECIALTY, List.of("Physical Medicine"))
                .containsEntry(FilterKey.CATEGORY, List.of("MUSCLE_RELAXANT"));
        assertThat(q.excludedFilters()).containsEntry(FilterKey.TAG, List.of("done"));
        assertThat(q.hasText()).isFalse();
    }

    @Test
    void aGenericIsOneValueQuotedOrNotWithItsSlashesAndSpacesAroundThemIgnored() {
        assertThat(QueryParser.parse("generic:Hydrocodone/Acetaminophen").filters())
                .containsEntry(FilterKey.GENERIC, List.of("hydrocodone/acetaminophen"));
        assertThat(QueryParser.parse("generic:\"lidocaine / methyl salicylate/menthol\" knee").filters())
                .containsEntry(FilterKey.GENERIC, List.of("lidocaine/methyl salicylate/menthol"));
        assertThat(QueryParser.parse("generic:").filters()).isEmpty();
    }

    @Test
    void aPlusRequiresAFilterAsWellInsteadOfAddingAnAlternative() {
        SearchQuery q = QueryParser.parse("guideline:mtus +guideline:ODG +specialty:\"pain medicine\" knee");
        assertThat(q.filters()).containsOnly(java.util.Map.entry(FilterKey.GUIDELINE, List.of("MTUS")));
        assertThat(q.required()).containsExactly(new SearchQuery.Filter(FilterKey.GUIDELINE, "ODG"),
                new SearchQuery.Filter(FilterKey.SPECIALTY, "pain medicine"));
        assertThat(q.matchExpression()).isEqualTo("(\"knee\")");
        // a + before anything but a usable filter is read as it always was
        assertThat(QueryParser.parse("+knee").matchExpression()).isEqualTo("(\"+knee\")");
        assertThat(QueryParser.parse("+decision:maybe").matchExpression()).isEqualTo("(\"+decision:maybe\")");
        assertThat(QueryParser.parse("+decision:maybe").required()).isEmpty();
        SearchQuery spaced = QueryParser.parse("+ category:opioid");
        assertThat(spaced.required()).isEmpty();
        assertThat(spaced.filters()).containsEntry(FilterKey.CATEGORY, List.of("OPIOID"));
        assertThat(spaced.hasText()).isFalse();
        assertThat(QueryParser.parse("-+category:opioid").excluded()).containsExactly(
                new Term("+category:opioid", false, false));
    }

    @Test
    void hasSelectsCasesWithWarningsOrNotesAndAnyOtherValueIsWords() {
        SearchQuery q = QueryParser.parse("knee has:warnings -HAS:Notes");
        assertThat(q.filters()).containsOnly(java.util.Map.entry(FilterKey.HAS, List.of("warnings")));
        assertThat(q.excludedFilters()).containsOnly(java.util.Map.entry(FilterKey.HAS, List.of("notes")));
        assertThat(q.matchExpression()).isEqualTo("(\"knee\")");
        assertThat(QueryParser.parse("has:warning").filters()).containsEntry(FilterKey.HAS, List.of("warnings"));
        assertThat(QueryParser.parse("has:\"notes\"").filters()).containsEntry(FilterKey.HAS, List.of("notes"));
        assertThat(QueryParser.parse("-has:warnings").excludedFilters())
                .containsEntry(FilterKey.HAS, List.of("warnings"));
        assertThat(QueryParser.parse("has:notes +has:warnings").required())
                .containsExactly(new SearchQuery.Filter(FilterKey.HAS, "warnings"));
        // an unknown value is searched as words, as any other malformed filter
        SearchQuery unknown = QueryParser.parse("has:foo");
        assertThat(unknown.filters()).isEmpty();
        assertThat(unknown.matchExpression()).isEqualTo("(\"has\") AND (\"foo\")");
        assertThat(QueryParser.parse("-has:foo").excluded()).containsExactly(new Term("has", false, false),
                new Term("foo", false, false));
        assertThat(QueryParser.parse("has:").matchExpression()).isEqualTo("(\"has\")");
        assertThat(QueryParser.parse("+has:foo").required()).isEmpty();
    }

    @Test
    void malformedPiecesBecomeWordsOrNothing() {
        assertThat(QueryParser.parse("\"unbalanced AND (").matchExpression()).isEqualTo("(\"unbalanced\")");
        assertThat(QueryParser.parse("NEAR(").matchExpression()).isEqualTo("(\"NEAR(\")");
        assertThat(QueryParser.parse("*").matchExpression()).isNull();
        assertThat(QueryParser.parse("-").matchExpression()).isNull();
        assertThat(QueryParser.parse("category:").matchExpression()).isEqualTo("(\"category\")");
        assertThat(QueryParser.parse("decision:maybe").matchExpression()).isEqualTo("(\"decision\") AND (\"maybe\")");
        assertThat(QueryParser.parse("O'Brien").matchExpression()).isEqualTo("(\"O'Brien\")");
        assertThat(QueryParser.parse("say \"\"hi\"").matchExpression()).isEqualTo("(\"say\") AND (\"hi\")");
        assertThat(QueryParser.parse("x\u0000y").matchExpression()).isEqualTo("(\"x\") AND (\"y\")");
    }

    @Property
    void everyTermReachesFts5Quoted(@ForAll String query) {
        SearchQuery q = QueryParser.parse(query);
        for (List<Term> group : q.groups()) {
            for (Term t : group) {
                assertThat(t.fts()).startsWith("\"").matches("(?s)\".*\"\\*?");
                assertThat(Term.searchable(t.text())).isTrue();
            }
        }
    }
}
