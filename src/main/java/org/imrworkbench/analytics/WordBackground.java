package org.imrworkbench.analytics;

import org.imrworkbench.library.Library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The library's overall phrase counts ({@link Phrases}) over decision rationales: the background of the precedents'
 * log-odds. Counted over every rationale of a library of up to {@link #SAMPLE} items, else over an even sample of
 * about that many (every k-th item), which estimates the frequencies well and keeps the first count quick. Counted
 * once and kept until the library's items change.
 */
final class WordBackground {

    /** At most about this many rationales are counted. */
    static final int SAMPLE = 2000;

    private final Library library;
    private String version;
    private Map<String, Integer> counts = Map.of();

    WordBackground(Library library) {
        this.library = library;
    }

    /** The phrase counts (read-only), counted anew when items were added or removed since the last call. */
    synchronized Map<String, Integer> counts() {
        library.readSnapshot(c -> {
            long items;
            long maxPk;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(pk), 0) FROM items");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                items = rs.getLong(1);
                maxPk = rs.getLong(2);
            }
            String now = items + "/" + maxPk;
            if (now.equals(version)) {
                return null;
            }
            long step = Math.max(1, items / SAMPLE);
            Map<String, Integer> counted = new HashMap<>();
            // The items whose pk is a multiple of the step, each read by its key: a scan of the items would read
            // every rationale of the library to keep one in {@code step}.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rationale FROM item_texts WHERE pk = ? AND rationale IS NOT NULL")) {
                for (long pk = step; pk <= maxPk; pk += step) {
                    ps.setLong(1, pk);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            for (String phrase : Phrases.of(rs.getString(1))) {
                                counted.merge(phrase, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            counts = java.util.Collections.unmodifiableMap(counted);
            version = now;
            return null;
        });
        return counts;
    }
}
