package org.imrworkbench.model;

/**
 * The normalised treatment of a disputed item.
 *
 * @param name     the treatment as named in the request ("Norco", "MRI"), or null
 * @param generic  lower-case generic name, combinations joined with '/'; null when not a drug
 * @param category the treatment category ({@link Category#OTHER} when nothing matched)
 * @param strength "10/325mg", "5%", or null
 * @param quantity from "#60", or null
 * @param sessions from "x 12", "times 12 sessions", "12 sessions", or null
 * @param span     where {@code name} stands in the normalised text, or null
 */
public record Treatment(String name, String generic, Category category, String strength, Integer quantity,
                        Integer sessions, Span span) {
}
