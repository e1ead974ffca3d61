package org.imrworkbench.search;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.Decision;

import java.util.Map;

/**
 * The counts of {@code stats}: cases and items (of the whole library, or matching a query), items by decision and
 * by treatment category. Every decision and category is present, with 0 when none.
 */
public record Stats(int cases, int items, Map<Decision, Integer> decisions, Map<Category, Integer> categories) {
}
