package org.imrworkbench.search;

import java.util.Map;

/**
 * Counts of a query's matches by value, largest first (then by value). Decisions, categories, drugs and guideline
 * sources count matched items; specialties, years, tags and the {@code has:} values count matched cases.
 *
 * @param drugs      by generic name (lower case)
 * @param guidelines by citation source (MTUS, ODG, ...), an item counted once per source it cites
 * @param years      by decision year
 * @param tags       cases with the tag on the case or on a matched item
 * @param has        by {@code has:} value: {@code warnings}, the cases whose parse left warnings; {@code notes}, the
 *                   cases with a highlight or note (a value without any such case is left out)
 */
public record Facets(Map<String, Integer> decisions, Map<String, Integer> categories, Map<String, Integer> drugs,
                     Map<String, Integer> specialties, Map<String, Integer> guidelines, Map<String, Integer> years,
                     Map<String, Integer> tags, Map<String, Integer> has) {
}
