package org.imrworkbench.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Sex;

import java.time.LocalDate;
import java.util.List;

/**
 * The values a letter was generated from, mirroring the contract's {@code parse --json} object. Strings are the
 * unwrapped prose the parser should return: single spaces, paragraphs joined with a line feed.
 *
 * @param caseNumber null for the 2014–15 rendering, which has no header
 * @param priority   "Standard" or "Expedited" from the header; null without a header
 * @param summary    the clinical case summary
 */
public record LetterTruth(Rendering rendering, String caseNumber, String priority, Dates dates,
                          ReviewerTruth reviewer, PatientTruth patient, String summary, List<ItemTruth> items) {

    public LetterTruth {
        items = List.copyOf(items);
    }

    /** The letter's dates; the 2014–15 rendering gives the injury date only (in its summary). */
    public record Dates(LocalDate assigned, LocalDate decided, LocalDate injury, LocalDate urDenial,
                        LocalDate received) {
    }

    /** @param boardCertified true for the prose "Board Certified in ...", null for the labelled credentials */
    public record ReviewerTruth(List<String> specialties, List<String> subspecialties, Boolean boardCertified,
                                List<String> licensure) {
        public ReviewerTruth {
            specialties = List.copyOf(specialties);
            subspecialties = List.copyOf(subspecialties);
            licensure = List.copyOf(licensure);
        }
    }

    public record PatientTruth(int age, Sex sex) {
    }

    /**
     * One disputed item.
     *
     * @param request the disputed request as written (for a partial authorisation, the disputed portion)
     */
    public record ItemTruth(int number, String request, Decision decision, boolean retrospective,
                            LocalDate serviceDate, PartialTruth partial, TreatmentTruth treatment,
                            String claimsAdministratorGuideline, String reviewerGuideline,
                            List<CitationTruth> citations, String rationale) {
        public ItemTruth {
            citations = List.copyOf(citations);
        }
    }

    /** "X was the original request. Y was authorized ... the original request, Z is: Upheld". */
    public record PartialTruth(String originalRequest, String authorized, String disputed) {
    }

    /**
     * The treatment of an item. {@code name} is the treatment term as written in the request, without side, body
     * part or context ("Norco", "MRI", "physical therapy", "brace" of "Ankle brace"); {@code generic} is null for
     * services; {@code strength} as written ("10/325mg", "5%"), never a package size; {@code quantity} from "#60";
     * {@code sessions} from "x 12", "times 12 sessions", "12 sessions" or "3 times a week for 4 weeks" (12). See
     * {@link GeneratedTreatmentAndCitationRoundTripTest} for the full conventions.
     */
    public record TreatmentTruth(String name, String generic, Category category, String strength, Integer quantity,
                                 Integer sessions) {
    }

    /**
     * One citation. {@code guideline} is the guideline as named after its source, with its year after the title
     * when one is given ("Chronic Pain Medical Treatment 2016", "Pain (Chronic)", "Chronic Pain Treatment
     * Guidelines", "Elbow Disorders 2007" for "Elbow Disorders (Revised 2007)"); {@code sections} the sections or topics as
     * written; {@code pages} every page cited, ranges expanded. A "did not cite any medical evidence" statement is
     * one citation of source {@link CitationSource#NONE} with no guideline.
     */
    public record CitationTruth(CitedBy by, CitationSource source, String guideline, List<String> sections,
                                List<Integer> pages) {
        public CitationTruth {
            sections = List.copyOf(sections);
            pages = List.copyOf(pages);
        }
    }

    /**
     * The contract's JSON for this letter, {@code file} first, plus its {@code rendering}. The long prose fields
     * ({@code summary}, each item's {@code rationale}) are left out to keep a corpus's truth file small; they are
     * in this record for tests.
     */
    public ObjectNode toJson(String file) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("file", file);
        o.put("rendering", rendering.name());
        o.put("caseNumber", caseNumber);
        o.put("priority", priority);
        ObjectNode d = o.putObject("dates");
        date(d, "assigned", dates.assigned());
        date(d, "decided", dates.decided());
        date(d, "injury", dates.injury());
        date(d, "urDenial", dates.urDenial());
        date(d, "received", dates.received());
        ObjectNode r = o.putObject("reviewer");
        reviewer.specialties().forEach(r.putArray("specialties")::add);
        reviewer.subspecialties().forEach(r.putArray("subspecialties")::add);
        if (reviewer.boardCertified() == null) {
            r.putNull("boardCertified");
        } else {
            r.put("boardCertified", reviewer.boardCertified());
        }
        reviewer.licensure().forEach(r.putArray("licensure")::add);
        ObjectNode p = o.putObject("patient");
        p.put("age", patient.age());
        p.put("sex", patient.sex().name());
        ArrayNode array = o.putArray("items");
        for (ItemTruth item : items) {
            ObjectNode i = array.addObject();
            i.put("number", item.number());
            i.put("request", item.request());
            i.put("decision", item.decision().name());
            i.put("retrospective", item.retrospective());
            date(i, "serviceDate", item.serviceDate());
            if (item.partial() == null) {
                i.putNull("partial");
            } else {
                ObjectNode pa = i.putObject("partial");
                pa.put("originalRequest", item.partial().originalRequest());
                pa.put("authorized", item.partial().authorized());
                pa.put("disputed", item.partial().disputed());
            }
            TreatmentTruth t = item.treatment();
            ObjectNode tn = i.putObject("treatment");
            tn.put("name", t.name());
            tn.put("generic", t.generic());
            tn.put("category", t.category().name());
            tn.put("strength", t.strength());
            tn.put("quantity", t.quantity());
            tn.put("sessions", t.sessions());
            i.put("claimsAdministratorGuideline", item.claimsAdministratorGuideline());
            i.put("reviewerGuideline", item.reviewerGuideline());
            ArrayNode citations = i.putArray("citations");
            for (CitationTruth c : item.citations()) {
                ObjectNode cn = citations.addObject();
                cn.put("by", c.by().name());
                cn.put("source", c.source().name());
                cn.put("guideline", c.guideline());
                c.sections().forEach(cn.putArray("sections")::add);
                c.pages().forEach(cn.putArray("pages")::add);
            }
        }
        return o;
    }

    private static void date(ObjectNode o, String name, LocalDate date) {
        o.put(name, date == null ? null : date.toString());
    }
}
