package org.imrworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.library.Annotation;
import org.imrworkbench.library.CaseRecord;

/**
 * The contract's {@code show} object of a library case: the {@code parse} object of its letter plus {@code id},
 * {@code tags}, each item's {@code tags}, and {@code annotations}. Also the element of a JSON export.
 */
public final class CaseJson {

    private CaseJson() {
    }

    public static ObjectNode show(CaseRecord record) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        o.put("id", record.id());
        ObjectNode letter = LetterJson.letter(record.fileName(), record.sha256(), record.letter());
        o.setAll(letter);
        ArrayNode tags = o.putArray("tags");
        record.tags().forEach(tags::add);
        for (JsonNode item : (ArrayNode) o.get("items")) {
            ArrayNode itemTags = ((ObjectNode) item).putArray("tags");
            record.itemTags(item.get("number").asInt()).forEach(itemTags::add);
        }
        ArrayNode annotations = o.putArray("annotations");
        for (Annotation a : record.annotations()) {
            annotations.add(annotation(a));
        }
        return o;
    }

    /** An annotation as {@code show} lists it; {@code orphaned} and {@code updated} extend the contract. */
    public static ObjectNode annotation(Annotation a) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        o.put("id", a.id());
        if (a.item() == null) {
            o.putNull("item");
        } else {
            o.put("item", a.item());
        }
        o.put("field", a.field() == null ? null : a.field().name());
        if (a.start() == null) {
            o.putNull("start");
            o.putNull("end");
        } else {
            o.put("start", a.start());
            o.put("end", a.end());
        }
        o.put("quote", a.quote());
        o.put("note", a.note());
        o.put("color", a.color());
        o.put("author", a.author());
        o.put("created", a.created().toString());
        o.put("updated", a.updated().toString());
        o.put("orphaned", a.orphaned());
        return o;
    }
}
