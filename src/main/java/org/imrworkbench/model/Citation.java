package org.imrworkbench.model;

import java.util.List;

/**
 * One guideline citation: "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids".
 *
 * @param guideline the named guideline with its year when given, or null
 * @param sections  named sections or topics, as written
 * @param pages     every page cited, ranges expanded
 * @param span      where the citation stands in the normalised text
 */
public record Citation(CitedBy by, CitationSource source, String guideline, List<String> sections,
                       List<Integer> pages, Span span) {
    public Citation {
        sections = List.copyOf(sections);
        pages = List.copyOf(pages);
    }
}
