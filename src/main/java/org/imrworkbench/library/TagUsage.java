package org.imrworkbench.library;

/** A tag and how many cases and items carry it. */
public record TagUsage(Tag tag, int cases, int items) {
}
