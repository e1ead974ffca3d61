package org.imrworkbench.parse;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.testutil.SharedCorpus;
import org.imrworkbench.testutil.SharedCorpus.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 65 real letters of ../shared/corpus against their reference labels. */
class CorpusParseTest {

    private static final Map<Label, ParsedFile> PARSED = new LinkedHashMap<>();

    @BeforeAll
    static void parseCorpus() {
        LetterReader reader = new LetterReader();
        for (Label label : SharedCorpus.labels()) {
            PARSED.put(label, reader.read(SharedCorpus.letter(label.file())));
        }
    }

    @Test
    void everyLetterMatchesItsLabels() {
        assertThat(PARSED).hasSize(65);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<Label, ParsedFile> e : PARSED.entrySet()) {
            Label label = e.getKey();
            ParsedFile parsed = e.getValue();
            if (!parsed.ok()) {
                mismatches.add(label.file() + ": " + parsed.error());
                continue;
            }
            Letter letter = parsed.letter();
            check(mismatches, label, "sha256", label.sha256(), parsed.sha256());
            check(mismatches, label, "case number", label.caseNumber(), letter.caseNumber());
            check(mismatches, label, "injury date", label.injuryDate(), String.valueOf(letter.dates().injury()));
            check(mismatches, label, "decision date", label.decisionDate(),
                    String.valueOf(letter.dates().decided()));
            check(mismatches, label, "item count", label.items(), letter.items().size());
            check(mismatches, label, "decisions", label.decisions(),
                    letter.items().stream().map(i -> i.decision().name()).toList());
            check(mismatches, label, "licensure", label.licensure(), letter.reviewer().licensure());
            check(mismatches, label, "specialties", label.specialties(), letter.reviewer().specialties());
        }
        assertThat(mismatches).as("letters that differ from labels.tsv").isEmpty();
    }

    private static void check(List<String> out, Label label, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            out.add(label.file() + ": " + what + " expected " + expected + " but was " + actual);
        }
    }

    @Test
    void corpusLettersParseWithoutWarnings() {
        Map<String, List<String>> warned = new LinkedHashMap<>();
        PARSED.forEach((label, parsed) -> {
            if (parsed.ok() && !parsed.letter().warnings().isEmpty()) {
                warned.put(label.file(), parsed.letter().warnings());
            }
        });
        assertThat(warned).isEmpty();
    }

    @Test
    void atLeastNinetyPercentOfItemsGetACategory() {
        List<Item> items = PARSED.values().stream().filter(ParsedFile::ok)
                .flatMap(p -> p.letter().items().stream()).toList();
        List<String> other = items.stream().filter(i -> i.treatment().category() == Category.OTHER)
                .map(Item::request).toList();
        // Printed so the requests left uncategorised can be reviewed (and the lexicon extended).
        System.out.println("Corpus items: " + items.size() + ", category OTHER: " + other.size());
        other.forEach(r -> System.out.println("  OTHER: " + r));
        assertThat(items).hasSizeGreaterThan(100);
        assertThat(items.size() - other.size()).isGreaterThanOrEqualTo((int) Math.ceil(items.size() * 0.9));
    }

    @Test
    void everyFieldEqualsTheTextUnderItsSpan() {
        PARSED.values().stream().filter(ParsedFile::ok).map(ParsedFile::letter)
                .forEach(SpanInvariants::assertConsistent);
    }

    @Test
    void overturnedItemsCarryTheirRationaleAndCitations() {
        List<Item> overturned = PARSED.values().stream().filter(ParsedFile::ok)
                .flatMap(p -> p.letter().items().stream()).filter(i -> i.decision() == Decision.OVERTURNED).toList();
        assertThat(overturned).hasSize(17);
        assertThat(overturned).allSatisfy(i -> {
            assertThat(i.rationale()).isNotBlank();
            assertThat(i.reviewerGuideline()).isNotBlank();
            assertThat(i.citations()).isNotEmpty();
        });
    }
}
