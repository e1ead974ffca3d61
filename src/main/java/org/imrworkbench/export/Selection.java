package org.imrworkbench.export;

import java.util.List;

/** Which cases an export takes. */
public sealed interface Selection {

    /** These cases, by id, in this order. */
    record Cases(List<String> ids) implements Selection {
        public Cases {
            ids = List.copyOf(ids);
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("a case selection needs at least one case id");
            }
        }
    }

    /** Every case carrying the tag itself or on one of its items (tag names ignore case). */
    record Tagged(String tag) implements Selection {
    }

    /** The cases of a search's hits (the query language of {@code search}), best hit first. */
    record Query(String query) implements Selection {
    }

    /** The whole library. */
    record All() implements Selection {
    }

    /** A short description for the binder's cover: "cases tagged “x”", "search: …". */
    default String describe() {
        if (this instanceof Cases c) {
            return c.ids().size() == 1 ? "case " + c.ids().get(0) : c.ids().size() + " chosen cases";
        }
        if (this instanceof Tagged t) {
            return "cases tagged \u201c" + t.tag() + "\u201d";
        }
        if (this instanceof Query q) {
            return "search: " + q.query();
        }
        return "the whole library";
    }
}
