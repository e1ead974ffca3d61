package org.imrworkbench.search;

import org.imrworkbench.model.Decision;

/**
 * One search hit: an item, or a case when the query matched only its summary.
 *
 * @param caseNumber null for a letter without one
 * @param item       the item number, or null for a hit in the case summary only
 * @param request    the item's request, or null for a case hit
 * @param decision   the item's decision, or null for a case hit
 * @param snippet    the best-matching passage with matches between {@link SearchService#MARK_START} and
 *                   {@link SearchService#MARK_END} and {@link SearchService#ELLIPSIS} where text was cut; null for a
 *                   query without full-text terms
 */
public record Hit(String id, String caseNumber, Integer item, String request, Decision decision, String snippet) {
}
