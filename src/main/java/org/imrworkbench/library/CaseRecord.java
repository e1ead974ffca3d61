package org.imrworkbench.library;

import org.imrworkbench.model.Letter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case loaded in full: the parsed letter, its source file's identity, tags and annotations.
 *
 * @param itemTags tags by item number (items without tags are absent)
 */
public record CaseRecord(String id, String fileName, String sha256, String format, Instant importedAt,
                         String parserVersion, Letter letter, List<String> tags, Map<Integer, List<String>> itemTags,
                         List<Annotation> annotations) {
    public CaseRecord {
        tags = List.copyOf(tags);
        itemTags = Map.copyOf(itemTags);
        annotations = List.copyOf(annotations);
    }

    /** The tags of item {@code number}, by name. */
    public List<String> itemTags(int number) {
        return itemTags.getOrDefault(number, List.of());
    }
}
