package org.imrworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.analytics.Breakdown;
import org.imrworkbench.analytics.ItemRef;
import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.export.LetterJson;

import java.io.PrintWriter;
import java.util.Locale;

/** The JSON and text forms of outcome analytics: {@code stats --by} and {@code precedents}. */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /**
     * {@code {"by", "query", "all", "rows": [{"key", "upheld", "overturned", "rate", "low", "high"}]}}, or one line per
     * row as text.
     */
    static void printBreakdown(PrintWriter out, Breakdown b, boolean json) throws JsonProcessingException {
        if (json) {
            ObjectNode o = LetterJson.MAPPER.createObjectNode();
            o.put("by", b.by().word());
            o.put("query", b.query());
            o.set("all", row(b.all()));
            ArrayNode rows = o.putArray("rows");
            b.rows().forEach(r -> rows.add(row(r)));
            out.println(LetterJson.MAPPER.writeValueAsString(o));
        } else {
            out.println(b.by().title() + (b.query().isEmpty() ? "" : " (" + b.query() + ")")
                    + ": upheld, overturned, overturn rate [95% interval]");
            for (OutcomeRow r : b.rows()) {
                out.println("  " + r.key() + "  " + text(r));
            }
            out.println("  all  " + text(b.all()));
        }
        out.flush();
    }

    /** {@code {"key", "upheld", "overturned", "rate", "low", "high"}}; rate and interval null with no decided item. */
    static ObjectNode row(OutcomeRow r) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        o.put("key", r.key());
        o.put("upheld", r.upheld());
        o.put("overturned", r.overturned());
        if (r.total() == 0) {
            o.putNull("rate");
            o.putNull("low");
            o.putNull("high");
        } else {
            o.put("rate", round(r.rate()));
            o.put("low", round(r.low()));
            o.put("high", round(r.high()));
        }
        return o;
    }

    /** {@code {"id", "caseNumber", "item", "request", "decision"}}. */
    static ObjectNode item(ItemRef ref) {
        ObjectNode o = LetterJson.MAPPER.createObjectNode();
        o.put("id", ref.id());
        o.put("caseNumber", ref.caseNumber());
        o.put("item", ref.item());
        o.put("request", ref.request());
        o.put("decision", ref.decision().name());
        return o;
    }

    /** "12 upheld, 5 overturned, 29% [13%–53%]", with "(n<10)" after a rate over few items. */
    static String text(OutcomeRow r) {
        if (r.total() == 0) {
            return "no decided item";
        }
        return String.format(Locale.ROOT, "%d upheld, %d overturned, %.0f%% [%.0f%%–%.0f%%]%s", r.upheld(),
                r.overturned(), 100 * r.rate(), 100 * r.low(), 100 * r.high(),
                r.small() ? " (n<" + OutcomeRow.SMALL + ")" : "");
    }

    /** Four decimals: enough for a rate, short to read. */
    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
