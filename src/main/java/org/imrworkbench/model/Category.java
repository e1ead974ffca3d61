package org.imrworkbench.model;

/** Treatment categories of the contract, in the order the contract lists them. */
public enum Category {
    OPIOID, MUSCLE_RELAXANT, BENZODIAZEPINE, NSAID, ANTIEPILEPTIC, ANTIDEPRESSANT, SEDATIVE_HYPNOTIC,
    PROTON_PUMP_INHIBITOR, TOPICAL_ANALGESIC, COMPOUND, OTHER_MEDICATION, PHYSICAL_THERAPY, CHIROPRACTIC,
    ACUPUNCTURE, IMAGING, ELECTRODIAGNOSTIC, LAB, INJECTION, SURGERY, DME, ELECTRICAL_STIMULATION, EVALUATION,
    PSYCHOLOGICAL, HOME_HEALTH, PROGRAM, TRANSPORTATION, OTHER;

    /** True for the categories that name a drug (generic name expected). */
    public boolean isMedication() {
        return ordinal() <= OTHER_MEDICATION.ordinal();
    }

    /** The name people read: "Physical therapy", "DME", "NSAID". */
    public String label() {
        return switch (this) {
            case DME, NSAID -> name();
            default -> {
                String words = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
