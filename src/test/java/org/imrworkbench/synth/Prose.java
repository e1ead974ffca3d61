package org.imrworkbench.synth;

import java.util.List;

/**
 * Sentence templates of case summaries and rationales, written for the generator (none is taken from a real
 * letter). Slots: {@code {age} {sex} {pt} {He} {he} {his}}, dates {@code {injury} {visit} {ur} {since}
 * {imaging}}, and clinical details {@code {part} {complaint} {dx} {treated} {f1} {f2} {f3} {pain} {finding}
 * {mechanism} {occupation} {meds} {items} {name} {request} {dos}}.
 */
final class Prose {

    private Prose() {
    }

    /** An opening sentence that states the date of injury in one of the forms the 2014–15 letters use. */
    record Intro(String template, String injuryFormat, String patientNoun) {
    }

    /** Openings of the 2014–15 letters; the injury date forms are those the contract lists. */
    static final List<Intro> INTROS_2014 = List.of(
            new Intro("This is a {age}-year-old {sex} with a {injury} date of injury.", "M/d/yy", "patient"),
            new Intro("The injured worker is a {age} year old {sex} who sustained an industrial injury, {injury}.",
                    "MMMM d, yyyy", "injured worker"),
            new Intro("The patient is a {age} years old {sex} with an injury date on {injury}.", "MM/dd/yyyy",
                    "patient"),
            new Intro("The records describe a {age} year old {sex} with {complaint}. The date of injury is {injury}.",
                    "M/d/yy", "patient"),
            new Intro("This {age}-year-old {sex} {occupation} has a {injury} date of injury.", "M/d/yy", "claimant"),
            new Intro("The claimant is a {age} year old {sex} whose date of injury is {injury}.", "M/d/yyyy",
                    "claimant"));

    /** Openings of the 2016–17 letters, whose header also gives the date of injury. */
    static final List<Intro> INTROS_2016 = List.of(
            new Intro("This case involves a {age}-year-old {sex} with a history of an occupational claim from "
                    + "{injury}.", "MM/dd/yyyy", "patient"),
            new Intro("The injured worker is a {age} year old {sex} who sustained an industrial injury on {injury}.",
                    "M-d-yy", "injured worker"),
            new Intro("The claimant is a {age}-year-old {sex} {occupation} who was injured at work on {injury}.",
                    "MM/dd/yyyy", "claimant"),
            new Intro("The injured worker is a {age} year old {sex} who reported an industrial injury on {injury}.",
                    "M-d-yyyy", "injured worker"),
            new Intro("This {age}-year-old {sex} {occupation} sustained an industrial injury on {injury}.",
                    "MM/dd/yyyy", "employee"));

    static final List<String> OCCUPATIONS = List.of(
            "warehouse worker", "delivery driver", "registered nurse", "correctional officer", "custodian",
            "office assistant", "truck driver", "line cook", "carpenter", "teacher", "retail clerk", "farm laborer",
            "police officer", "home health aide", "electrician", "bus driver", "machine operator", "cashier");

    static final List<String> MECHANISMS = List.of(
            "lifting a box of files", "unloading a delivery truck", "stepping down from a ladder",
            "slipping on a wet floor", "repositioning a patient in bed", "pulling a loaded pallet jack",
            "catching a falling crate", "carrying a case of water up a flight of stairs",
            "restraining an inmate", "pushing a heavy cart over a curb", "climbing out of the cab of a truck",
            "reaching overhead to stock a shelf", "twisting to lift a child from a car seat",
            "tripping over an electrical cord");

    static final List<String> MECHANISM_SENTENCES = List.of(
            "The injury occurred while {mechanism}.",
            "{He} was hurt while {mechanism}.",
            "The mechanism of injury was reported as {mechanism}.",
            "{He} reports that the pain began while {mechanism}.");

    static final List<String> TREATMENTS_TO_DATE = List.of(
            "physical therapy", "chiropractic care", "acupuncture", "medications", "activity modification",
            "a home exercise program", "injections", "a TENS unit", "work restrictions", "bracing",
            "psychological counseling", "ice and heat", "diagnostic imaging");

    static final List<String> DIAGNOSIS_SENTENCES = List.of(
            "The diagnoses include {dx}.",
            "Diagnoses have included {dx}.",
            "The working diagnoses are recorded as {dx}.",
            "{He} has been diagnosed with {dx}.",
            "Diagnostic impressions were {dx}.");

    static final List<String> TREATED_SENTENCES = List.of(
            "Treatment to date has included {treated}.",
            "Prior treatment consisted of {treated}.",
            "{He} has been treated with {treated}.",
            "Care so far has included {treated}.");

    static final List<String> VISIT_SENTENCES = List.of(
            "According to a progress report dated {visit}, the {pt} reported {complaint}, rated {pain}/10.",
            "On {visit}, the {pt} was seen for ongoing {complaint}.",
            "At the {visit} visit, {he} described {complaint} rated {pain} out of 10.",
            "A primary treating physician's report of {visit} notes {complaint}, with pain at {pain}/10.",
            "The {visit} progress note documents {complaint}.");

    static final List<String> EXAM_SENTENCES = List.of(
            "Physical examination revealed {f1} and {f2}.",
            "Objective findings included {f1}, {f2} and {f3}.",
            "On examination there was {f1}.",
            "Examination was notable for {f1} and {f2}.",
            "The examination documented {f1}, {f2}, and {f3}.");

    static final List<String> IMAGING_SENTENCES = List.of(
            "An MRI of the {part} dated {imaging} showed {finding}.",
            "Prior imaging of the {part} was reported to show {finding}.",
            "Imaging of the {part} performed on {imaging} revealed {finding}.");

    static final List<String> MEDICATION_SENTENCES = List.of(
            "Current medications include {meds}.",
            "{He} has been taking {meds}.",
            "The medication list includes {meds}.");

    static final List<String> PLAN_SENTENCES = List.of(
            "The treatment plan included {items}.",
            "The provider requested authorization for {items}.",
            "A request for authorization was submitted for {items}.",
            "The treating physician recommended {items}.");

    static final List<String> UR_SENTENCES_2014 = List.of(
            "A UR decision dated {ur} denied the request for {items}.",
            "The utilization review of {ur} non-certified the requests.",
            "Utilization review denied the requested treatment on {ur}.");

    static final List<String> UR_SENTENCES_2016 = List.of(
            "On {ur}, utilization review non-certified the request for {items}.",
            "A utilization review dated {ur} found the requested treatment not medically necessary.",
            "The requests were denied in utilization review on {ur}.",
            "The prior review, dated {ur}, did not certify the requested treatment.");

    /** A rationale's opening with the case at hand, before the guideline statement. */
    static final List<String> RATIONALE_CONTEXT = List.of(
            "The most recent report, dated {visit}, describes {complaint}.",
            "According to the {visit} report, this {pt} presents with {complaint}.",
            "This {pt} has been treated for {dx} since the injury.");

    static final List<String> UPHELD = List.of(
            "Therefore, the request for {request} is not medically necessary.",
            "As such, the request is not medically necessary.",
            "Consequently, the {request} is not medically necessary and appropriate.",
            "Medical necessity for the requested {name} has not been established.",
            "Given the lack of supporting documentation, the request is not medically necessary.");

    static final List<String> UPHELD_RETROSPECTIVE = List.of(
            "The use of {name} on {dos} was not medically necessary.",
            "The retrospective request for {name} is not medically necessary.");

    static final List<String> OVERTURNED = List.of(
            "Therefore, the request for {request} is medically necessary.",
            "As such, the request is medically necessary.",
            "The {request} is medically necessary and appropriate.",
            "Given these findings, the requested {name} is medically necessary.");

    static final List<String> GENERIC_AGAINST = List.of(
            "The submitted records do not include a recent examination explaining why this treatment is needed now.",
            "No measurable functional goals are stated in the request.",
            "The treating notes repeat the same subjective complaints from visit to visit without objective change.");

    static final String OPIOID_TAPER = "Opioids should not be stopped abruptly; any discontinuation should follow a "
            + "taper suited to this {pt}.";
}
