package org.imrworkbench.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Treatment;

import java.time.LocalDate;
import java.util.List;

/** The contract's JSON for letters (the objects of {@code parse --json}, the base of {@code show}). */
public final class LetterJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private LetterJson() {
    }

    /** A letter's object in contract order; {@code file} and {@code sha256} come first. */
    public static ObjectNode letter(String file, String sha256, Letter letter) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("file", file);
        o.put("sha256", sha256);
        o.put("caseNumber", letter.caseNumber());
        o.put("priority", letter.priority());
        ObjectNode dates = o.putObject("dates");
        date(dates, "assigned", letter.dates().assigned());
        date(dates, "decided", letter.dates().decided());
        date(dates, "injury", letter.dates().injury());
        date(dates, "urDenial", letter.dates().urDenial());
        date(dates, "received", letter.dates().received());
        ObjectNode reviewer = o.putObject("reviewer");
        strings(reviewer.putArray("specialties"), letter.reviewer().specialties());
        strings(reviewer.putArray("subspecialties"), letter.reviewer().subspecialties());
        if (letter.reviewer().boardCertified() == null) {
            reviewer.putNull("boardCertified");
        } else {
            reviewer.put("boardCertified", letter.reviewer().boardCertified());
        }
        strings(reviewer.putArray("licensure"), letter.reviewer().licensure());
        ObjectNode patient = o.putObject("patient");
        if (letter.patient().age() == null) {
            patient.putNull("age");
        } else {
            patient.put("age", letter.patient().age());
        }
        patient.put("sex", letter.patient().sex() == null ? null : letter.patient().sex().name());
        o.put("summary", letter.summary());
        ArrayNode items = o.putArray("items");
        for (Item item : letter.items()) {
            items.add(item(item));
        }
        strings(o.putArray("warnings"), letter.warnings());
        return o;
    }

    public static ObjectNode item(Item item) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("number", item.number());
        o.put("request", item.request());
        o.put("decision", item.decision().name());
        o.put("retrospective", item.retrospective());
        date(o, "serviceDate", item.serviceDate());
        PartialAuthorization partial = item.partial();
        if (partial == null) {
            o.putNull("partial");
        } else {
            ObjectNode p = o.putObject("partial");
            p.put("originalRequest", partial.originalRequest());
            p.put("authorized", partial.authorized());
            p.put("disputed", partial.disputed());
        }
        Treatment t = item.treatment();
        ObjectNode treatment = o.putObject("treatment");
        treatment.put("name", t.name());
        treatment.put("generic", t.generic());
        treatment.put("category", t.category().name());
        treatment.put("strength", t.strength());
        integer(treatment, "quantity", t.quantity());
        integer(treatment, "sessions", t.sessions());
        o.put("claimsAdministratorGuideline", item.claimsAdministratorGuideline());
        o.put("reviewerGuideline", item.reviewerGuideline());
        ArrayNode citations = o.putArray("citations");
        for (Citation c : item.citations()) {
            ObjectNode co = citations.addObject();
            co.put("by", c.by().name());
            co.put("source", c.source().name());
            co.put("guideline", c.guideline());
            strings(co.putArray("sections"), c.sections());
            ArrayNode pages = co.putArray("pages");
            c.pages().forEach(pages::add);
        }
        o.put("rationale", item.rationale());
        return o;
    }

    /** The object standing for a file that could not be read as a letter. */
    public static ObjectNode error(String file, String sha256, String error) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("file", file);
        o.put("sha256", sha256);
        o.put("error", error);
        return o;
    }

    private static void date(ObjectNode o, String name, LocalDate date) {
        o.put(name, date == null ? null : date.toString());
    }

    private static void integer(ObjectNode o, String name, Integer value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
