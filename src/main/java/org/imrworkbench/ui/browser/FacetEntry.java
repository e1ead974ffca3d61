package org.imrworkbench.ui.browser;

/**
 * One value of a facet with its count, e.g. {@code decision:overturned (17)}.
 *
 * @param key    the query filter key ({@code decision}, {@code category}, {@code generic}, ...)
 * @param value  the value as stored
 * @param label  the value as shown
 * @param active whether the current query filters on it
 */
public record FacetEntry(String key, String value, String label, int count, boolean active) {
}
