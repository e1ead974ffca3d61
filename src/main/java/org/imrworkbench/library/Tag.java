package org.imrworkbench.library;

/**
 * A tag. Names are unique ignoring case.
 *
 * @param color a colour name or {@code #rrggbb}, or null for the default
 */
public record Tag(long id, String name, String color) {
}
