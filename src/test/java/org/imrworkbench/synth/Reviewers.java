package org.imrworkbench.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Board specialties, subspecialties and states of licensure of IMR expert reviewers. */
final class Reviewers {

    private Reviewers() {
    }

    /** Primary board specialties. */
    static final List<String> PRIMARY = List.of(
            "Family Practice", "Internal Medicine", "Preventive Medicine", "Occupational Medicine",
            "Physical Medicine & Rehabilitation", "Orthopedic Surgery", "Anesthesiology", "Neurology",
            "Neurological Surgery", "Psychiatry", "Emergency Medicine", "Rheumatology", "Plastic Surgery",
            "General Surgery", "Obstetrics & Gynecology", "Clinical Psychology");

    /** Further certifications listed after the primary one. */
    static final List<String> SECONDARY = List.of(
            "Occupational Medicine", "Pain Management", "Pain Medicine", "Sports Medicine",
            "Hospice & Palliative Medicine", "Pediatric Rehabilitation Medicine", "Neuromuscular Medicine",
            "Medical Toxicology", "Public Health & General Preventive Medicine", "Spinal Cord Injury Medicine",
            "Brain Injury Medicine", "Addiction Medicine", "Clinical Neurophysiology", "Hand Surgery",
            "Geriatric Medicine", "Sleep Medicine", "Undersea & Hyperbaric Medicine");

    /** Subspecialties of the 2014–15 prose credentials. */
    static final List<String> SUBSPECIALTIES = List.of(
            "Pain Management", "Interventional Spine", "Sports Medicine", "Spine Surgery", "Hand Surgery",
            "Foot & Ankle Surgery", "Electrodiagnostic Medicine", "Pain Medicine");

    private static final List<String> OTHER_STATES = List.of(
            "Texas", "New York", "Arizona", "Florida", "Illinois", "Ohio", "Pennsylvania", "Massachusetts",
            "Washington", "Oregon", "North Carolina", "South Carolina", "Connecticut", "Colorado", "Nevada",
            "Georgia", "Michigan", "New Hampshire", "West Virginia", "Maryland", "Virginia", "New Jersey",
            "Minnesota", "Wisconsin", "Utah", "Tennessee");

    /** One to three certifications: a primary, sometimes with further ones. */
    static List<String> specialties(SplittableRandom r) {
        List<String> list = new ArrayList<>();
        list.add(Slots.one(r, PRIMARY));
        int more = r.nextDouble() < 0.55 ? 0 : r.nextDouble() < 0.75 ? 1 : 2;
        while (list.size() < 1 + more) {
            String s = Slots.one(r, SECONDARY);
            if (!list.contains(s)) {
                list.add(s);
            }
        }
        return list;
    }

    /** One to three states; most reviewers are licensed in California. */
    static List<String> licensure(SplittableRandom r) {
        int n = r.nextDouble() < 0.6 ? 1 : r.nextDouble() < 0.7 ? 2 : 3;
        List<String> states = new ArrayList<>();
        if (r.nextDouble() < 0.6) {
            states.add("California");
        }
        while (states.size() < n) {
            String s = Slots.one(r, OTHER_STATES);
            if (!states.contains(s)) {
                states.add(r.nextBoolean() ? states.size() : 0, s);
            }
        }
        return states;
    }
}
