package org.imrworkbench.synth;

import org.imrworkbench.model.Category;

import java.util.ArrayList;
import java.util.List;

/**
 * A treatment the generator can request: a drug with its generic name, strengths and usual quantities, or a
 * service. Region-specific services (surgery, injections, braces) are made from the claim's {@link Region}.
 *
 * @param name       the treatment as a request names it ("Norco", "MRI", "Physical therapy")
 * @param generic    lower-case generic name, combinations joined with '/'; null for services
 * @param shape      how a request for it is worded
 * @param topic      the {@link Topic} key its citations and rationale come from
 * @param section    the guideline section naming this treatment in particular, or null
 * @param form       dosage form or device detail written after the strength ("patch", "ER", "gel"), or ""
 * @param strengths  strengths as written; empty when the request gives none
 * @param quantities usual dispensed quantities ("#60")
 * @param size       package size of a topical or suspension ("120gm", "250ml"), or ""
 * @param phrase     for a procedure, the whole request naming it, with {@code {side}}/{@code {Side}} slots; else ""
 * @param term       the treatment's name in the truth: the treatment term as the request writes it, without side,
 *                   level, body part or context unless the term itself includes them ("Ankle brace" is a "brace",
 *                   "Right knee arthroscopy with ..." an "arthroscopy", "Terocin patch" a "Terocin patch"; see
 *                   {@link GeneratedTreatmentAndCitationRoundTripTest}); usually {@code name}
 *
 * The one {@link Shape#COMPOUND} entry has no name: each request composes its own mix of ingredients.
 */
record TreatmentSpec(String name, String generic, Category category, Shape shape, String topic, String section,
                     String form, List<String> strengths, int[] quantities, String size, String phrase,
                     String term) {

    TreatmentSpec(String name, String generic, Category category, Shape shape, String topic, String section,
                  String form, List<String> strengths, int[] quantities, String size, String phrase) {
        this(name, generic, category, shape, topic, section, form, strengths, quantities, size, phrase, name);
    }

    /** This treatment named {@code term} in the truth (see {@link #term()}). */
    TreatmentSpec withTerm(String term) {
        return new TreatmentSpec(name, generic, category, shape, topic, section, form, strengths, quantities, size,
                phrase, term);
    }

    /** "phrase|name|...|term": the term when the entry gives one after its {@code fields} fields, else the name. */
    private static String termOf(String[] parts, int fields) {
        return parts.length > fields ? parts[fields] : parts[1];
    }

    enum Shape {
        /** "Norco 10/325mg #60". */
        DRUG,
        /** "Flurbiprofen/Cyclobenzaprine/Menthol cream 20%/10%/4% 180gm". */
        COMPOUND,
        /** "Physical therapy x 12", "Acupuncture 2 times a week for 3 weeks for the neck". */
        SESSIONS,
        /** "MRI of the lumbar spine without contrast". */
        IMAGING,
        /** "EMG/NCV of the bilateral lower extremities". */
        ELECTRODIAGNOSTIC,
        /** A procedure named with its body part: injections and surgery. */
        PROCEDURE,
        /** "TENS unit", "Lumbar brace", "Wrist braces #2". */
        DEVICE,
        /** Consultations, labs, programs, home health, transport: a phrase, sometimes with a count. */
        SERVICE
    }

    private static TreatmentSpec drug(String name, String generic, Category category, String section, String form,
                                      String strengths, int... quantities) {
        return new TreatmentSpec(name, generic, category, Shape.DRUG, category.name(), section, form,
                strengths.isEmpty() ? List.of() : List.of(strengths.split(",")), quantities, "", "");
    }

    private static TreatmentSpec topical(String name, String generic, Category category, String section, String form,
                                         String strengths, String size, int... quantities) {
        return new TreatmentSpec(name, generic, category, Shape.DRUG, category.name(), section, form,
                strengths.isEmpty() ? List.of() : List.of(strengths.split(",")), quantities, size, "");
    }

    private static TreatmentSpec service(String name, Category category, Shape shape, String section) {
        return new TreatmentSpec(name, null, category, shape, category.name(), section, "", List.of(), new int[0],
                "", name);
    }

    private static final String OPIOID_SECTION = "Opioids for chronic pain";

    /**
     * Drugs whose form, written right after the name, is part of the treatment term (the lexicon names the product
     * with its form): "Lidocaine patch #60" is named "Lidocaine patch", "Lidocaine 5% patch" "Lidocaine".
     */
    static final java.util.Set<String> PRODUCT_FORMS = java.util.Set.of("Lidoderm patch", "Lidocaine patch",
            "Flector patch", "Terocin patch", "Fentanyl patch", "Capsaicin cream", "Orphenadrine ER");

    /** Drugs and services that do not depend on the body region. */
    static final List<TreatmentSpec> CATALOGUE = List.of(
            drug("Norco", "hydrocodone/acetaminophen", Category.OPIOID, "Hydrocodone/Acetaminophen", "",
                    "10/325mg,7.5/325mg,5/325mg", 30, 60, 90, 120, 180),
            drug("Hydrocodone/APAP", "hydrocodone/acetaminophen", Category.OPIOID, "Hydrocodone/Acetaminophen", "",
                    "10/325mg,5/325mg", 60, 90, 120),
            drug("Percocet", "oxycodone/acetaminophen", Category.OPIOID, "Oxycodone/Acetaminophen", "",
                    "5/325mg,10/325mg", 30, 60, 90, 120),
            drug("Oxycodone", "oxycodone", Category.OPIOID, OPIOID_SECTION, "", "5mg,10mg,15mg", 60, 90, 120),
            drug("OxyContin", "oxycodone", Category.OPIOID, "OxyContin", "", "10mg,20mg,40mg", 60),
            drug("Tramadol", "tramadol", Category.OPIOID, "Tramadol (Ultram)", "", "50mg", 60, 90, 120),
            drug("Tramadol ER", "tramadol", Category.OPIOID, "Tramadol (Ultram)", "", "100mg,150mg,200mg", 30, 60),
            drug("Ultram", "tramadol", Category.OPIOID, "Tramadol (Ultram)", "", "50mg", 60, 90),
            drug("Ultracet", "tramadol/acetaminophen", Category.OPIOID, "Tramadol (Ultram)", "", "37.5/325mg", 60, 90),
            drug("Nucynta", "tapentadol", Category.OPIOID, "Tapentadol (Nucynta)", "", "50mg,75mg,100mg", 60, 90),
            drug("Tylenol 3", "acetaminophen/codeine", Category.OPIOID, "Codeine", "", "", 60, 90),
            drug("Tylenol 4", "acetaminophen/codeine", Category.OPIOID, "Codeine", "", "", 60, 90),
            drug("MS Contin", "morphine", Category.OPIOID, "Morphine sulfate", "", "15mg,30mg,60mg", 60, 90),
            drug("Methadone", "methadone", Category.OPIOID, "Methadone", "", "5mg,10mg", 90, 120),
            drug("Butrans", "buprenorphine", Category.OPIOID, "Buprenorphine", "patch", "5mcg/hr,10mcg/hr,20mcg/hr",
                    4, 8),
            drug("Fentanyl", "fentanyl", Category.OPIOID, "Duragesic (fentanyl transdermal system)", "patch",
                    "25mcg/hr,50mcg/hr", 10, 15),
            drug("Dilaudid", "hydromorphone", Category.OPIOID, "Hydromorphone", "", "2mg,4mg", 60, 90),
            drug("Flexeril", "cyclobenzaprine", Category.MUSCLE_RELAXANT, "Cyclobenzaprine (Flexeril)", "",
                    "10mg,7.5mg,5mg", 30, 60, 90),
            drug("Cyclobenzaprine", "cyclobenzaprine", Category.MUSCLE_RELAXANT, "Cyclobenzaprine (Flexeril)", "",
                    "7.5mg,10mg,5mg", 30, 60, 90),
            drug("Fexmid", "cyclobenzaprine", Category.MUSCLE_RELAXANT, "Cyclobenzaprine (Flexeril)", "", "7.5mg",
                    60, 90),
            drug("Soma", "carisoprodol", Category.MUSCLE_RELAXANT, "Carisoprodol (Soma)", "", "350mg", 30, 60, 90),
            drug("Carisoprodol", "carisoprodol", Category.MUSCLE_RELAXANT, "Carisoprodol (Soma)", "", "350mg", 60),
            drug("Robaxin", "methocarbamol", Category.MUSCLE_RELAXANT, null, "", "500mg,750mg", 60, 90, 120),
            drug("Methocarbamol", "methocarbamol", Category.MUSCLE_RELAXANT, null, "", "500mg,750mg", 60, 90),
            drug("Zanaflex", "tizanidine", Category.MUSCLE_RELAXANT, "Tizanidine (Zanaflex)", "", "2mg,4mg", 60, 90),
            drug("Tizanidine", "tizanidine", Category.MUSCLE_RELAXANT, "Tizanidine (Zanaflex)", "", "4mg", 60, 90),
            drug("Baclofen", "baclofen", Category.MUSCLE_RELAXANT, "Baclofen", "", "10mg,20mg", 60, 90),
            drug("Skelaxin", "metaxalone", Category.MUSCLE_RELAXANT, "Metaxalone (Skelaxin)", "", "800mg", 60, 90),
            drug("Norflex", "orphenadrine", Category.MUSCLE_RELAXANT, "Orphenadrine (Norflex)", "ER", "100mg", 60),
            drug("Orphenadrine", "orphenadrine", Category.MUSCLE_RELAXANT, "Orphenadrine (Norflex)", "ER",
                    "100mg", 30, 60),
            drug("Valium", "diazepam", Category.BENZODIAZEPINE, null, "", "5mg,10mg", 30, 60),
            drug("Diazepam", "diazepam", Category.BENZODIAZEPINE, null, "", "5mg", 30, 60),
            drug("Xanax", "alprazolam", Category.BENZODIAZEPINE, null, "", "0.5mg,1mg", 30, 60, 90),
            drug("Alprazolam", "alprazolam", Category.BENZODIAZEPINE, null, "", "0.25mg,0.5mg", 30, 60),
            drug("Klonopin", "clonazepam", Category.BENZODIAZEPINE, null, "", "0.5mg,1mg", 30, 60),
            drug("Ativan", "lorazepam", Category.BENZODIAZEPINE, null, "", "0.5mg,1mg,2mg", 30, 60),
            drug("Restoril", "temazepam", Category.BENZODIAZEPINE, null, "", "15mg,30mg", 30),
            drug("Motrin", "ibuprofen", Category.NSAID, null, "", "600mg,800mg", 40, 60, 90),
            drug("Ibuprofen", "ibuprofen", Category.NSAID, null, "", "800mg,600mg", 60, 90),
            drug("Naproxen", "naproxen", Category.NSAID, null, "", "500mg,550mg", 60, 90),
            drug("Anaprox DS", "naproxen", Category.NSAID, null, "", "550mg", 60, 90),
            drug("Celebrex", "celecoxib", Category.NSAID, "Celebrex (celecoxib)", "", "100mg,200mg", 30, 60, 90),
            drug("Celecoxib", "celecoxib", Category.NSAID, "Celebrex (celecoxib)", "", "200mg", 30, 60),
            drug("Mobic", "meloxicam", Category.NSAID, "Meloxicam (Mobic)", "", "7.5mg,15mg", 30),
            drug("Meloxicam", "meloxicam", Category.NSAID, "Meloxicam (Mobic)", "", "7.5mg,15mg", 30, 60),
            drug("Relafen", "nabumetone", Category.NSAID, null, "", "500mg,750mg", 60),
            drug("Nabumetone", "nabumetone", Category.NSAID, null, "", "750mg", 60),
            drug("Etodolac", "etodolac", Category.NSAID, null, "", "400mg,500mg", 60),
            drug("Diclofenac sodium", "diclofenac", Category.NSAID, null, "ER", "75mg,100mg", 60),
            drug("Nalfon", "fenoprofen", Category.NSAID, null, "", "400mg", 60, 90),
            drug("Neurontin", "gabapentin", Category.ANTIEPILEPTIC, "Gabapentin (Neurontin)", "",
                    "300mg,600mg,800mg", 90, 120),
            drug("Gabapentin", "gabapentin", Category.ANTIEPILEPTIC, "Gabapentin (Neurontin)", "",
                    "300mg,600mg", 60, 90, 120),
            drug("Gralise", "gabapentin", Category.ANTIEPILEPTIC, "Gabapentin (Neurontin)", "", "600mg", 90),
            drug("Lyrica", "pregabalin", Category.ANTIEPILEPTIC, "Pregabalin (Lyrica)", "", "50mg,75mg,150mg", 60),
            drug("Pregabalin", "pregabalin", Category.ANTIEPILEPTIC, "Pregabalin (Lyrica)", "", "75mg", 60),
            drug("Topamax", "topiramate", Category.ANTIEPILEPTIC, "Topiramate (Topamax)", "", "25mg,50mg", 60),
            drug("Tegretol", "carbamazepine", Category.ANTIEPILEPTIC, "Carbamazepine (Tegretol)", "", "200mg", 60),
            drug("Cymbalta", "duloxetine", Category.ANTIDEPRESSANT, "Duloxetine (Cymbalta)", "", "30mg,60mg", 30, 60),
            drug("Duloxetine", "duloxetine", Category.ANTIDEPRESSANT, "Duloxetine (Cymbalta)", "", "60mg", 30),
            drug("Elavil", "amitriptyline", Category.ANTIDEPRESSANT, "Amitriptyline", "", "10mg,25mg,50mg", 30, 60),
            drug("Amitriptyline", "amitriptyline", Category.ANTIDEPRESSANT, "Amitriptyline", "", "10mg,25mg", 30),
            drug("Nortriptyline", "nortriptyline", Category.ANTIDEPRESSANT, null, "", "10mg,25mg", 30, 60),
            drug("Effexor XR", "venlafaxine", Category.ANTIDEPRESSANT, "Venlafaxine (Effexor)", "", "75mg,150mg", 30),
            drug("Wellbutrin XL", "bupropion", Category.ANTIDEPRESSANT, "Bupropion (Wellbutrin)", "",
                    "150mg,300mg", 30),
            drug("Zoloft", "sertraline", Category.ANTIDEPRESSANT, "SSRIs (selective serotonin reuptake inhibitors)",
                    "", "50mg,100mg", 30),
            drug("Prozac", "fluoxetine", Category.ANTIDEPRESSANT, "SSRIs (selective serotonin reuptake inhibitors)",
                    "", "20mg", 30),
            drug("Trazodone", "trazodone", Category.ANTIDEPRESSANT, "Trazodone (Desyrel)", "", "50mg,100mg", 30, 60),
            drug("Ambien", "zolpidem", Category.SEDATIVE_HYPNOTIC, "Zolpidem (Ambien)", "", "5mg,10mg", 30),
            drug("Ambien CR", "zolpidem", Category.SEDATIVE_HYPNOTIC, "Zolpidem (Ambien)", "", "6.25mg,12.5mg", 30),
            drug("Zolpidem", "zolpidem", Category.SEDATIVE_HYPNOTIC, "Zolpidem (Ambien)", "", "10mg", 30),
            drug("Lunesta", "eszopiclone", Category.SEDATIVE_HYPNOTIC, "Eszopiclone (Lunesta)", "", "1mg,2mg,3mg",
                    30),
            drug("Sonata", "zaleplon", Category.SEDATIVE_HYPNOTIC, "Zaleplon (Sonata)", "", "5mg,10mg", 30),
            drug("Belsomra", "suvorexant", Category.SEDATIVE_HYPNOTIC, "Suvorexant (Belsomra)", "", "10mg,15mg", 30),
            drug("Prilosec", "omeprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "20mg,40mg", 30, 60),
            drug("Omeprazole", "omeprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "20mg", 30, 60, 90),
            drug("Protonix", "pantoprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "20mg,40mg", 30, 60),
            drug("Pantoprazole", "pantoprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "20mg,40mg", 60),
            drug("Nexium", "esomeprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "20mg,40mg", 30),
            drug("Prevacid", "lansoprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "15mg,30mg", 30),
            drug("Dexilant", "dexlansoprazole", Category.PROTON_PUMP_INHIBITOR, null, "", "30mg,60mg", 30),
            topical("Lidoderm", "lidocaine", Category.TOPICAL_ANALGESIC, "Lidoderm (lidocaine patch)", "patch", "5%",
                    "", 30, 60, 90),
            topical("Lidocaine", "lidocaine", Category.TOPICAL_ANALGESIC, "Lidoderm (lidocaine patch)", "patch",
                    "5%", "", 1, 30, 60),
            topical("Voltaren gel", "diclofenac", Category.TOPICAL_ANALGESIC, "Topical analgesics", "", "1%", "100gm",
                    1, 2, 3),
            topical("Flector", "diclofenac", Category.TOPICAL_ANALGESIC, "Topical analgesics", "patch", "1.3%", "",
                    30, 60),
            topical("Pennsaid", "diclofenac", Category.TOPICAL_ANALGESIC, "Topical analgesics", "solution", "2%",
                    "112gm", 1),
            topical("Capsaicin", "capsaicin", Category.TOPICAL_ANALGESIC, "Capsaicin, topical", "cream",
                    "0.025%,0.075%", "60gm", 1),
            topical("Terocin", "lidocaine/menthol", Category.TOPICAL_ANALGESIC, "Topical analgesics", "patch", "", "",
                    10, 30),
            topical("Lidopro", "lidocaine/methyl salicylate/capsaicin/menthol", Category.TOPICAL_ANALGESIC,
                    "Topical analgesics", "ointment", "", "121gm", 1),
            topical("Menthoderm", "methyl salicylate/menthol", Category.TOPICAL_ANALGESIC, "Salicylate topicals",
                    "gel", "15%/10%", "120gm", 1),
            topical("Tabradol", "cyclobenzaprine", Category.COMPOUND, "Compound drugs", "oral suspension",
                    "1mg/ml", "250ml"),
            topical("Deprizine", "ranitidine", Category.COMPOUND, "Compound drugs", "oral suspension", "15mg/ml",
                    "250ml"),
            topical("Fanatrex", "gabapentin", Category.COMPOUND, "Compound drugs", "oral suspension", "25mg/ml",
                    "420ml"),
            topical("Synapryn", "tramadol/glucosamine", Category.COMPOUND, "Compound drugs", "oral suspension", "10mg/ml",
                    "500ml"),
            topical("Dicopanol", "diphenhydramine", Category.COMPOUND, "Compound drugs", "oral suspension", "5mg/ml",
                    "150ml"),
            new TreatmentSpec("", "", Category.COMPOUND, Shape.COMPOUND, "COMPOUND", "Compound drugs", "cream",
                    List.of(), new int[]{1}, "", ""),
            drug("Zofran", "ondansetron", Category.OTHER_MEDICATION, "Antiemetics (for opioid nausea)", "",
                    "4mg,8mg", 10, 20, 30),
            drug("Ondansetron", "ondansetron", Category.OTHER_MEDICATION, "Antiemetics (for opioid nausea)", "ODT",
                    "4mg,8mg", 10, 30),
            drug("Colace", "docusate", Category.OTHER_MEDICATION, "Opioid-induced constipation treatment", "",
                    "100mg", 60, 100),
            drug("Movantik", "naloxegol", Category.OTHER_MEDICATION, "Opioid-induced constipation treatment", "",
                    "12.5mg,25mg", 30),
            drug("Ranitidine", "ranitidine", Category.OTHER_MEDICATION, "NSAIDs, GI symptoms & cardiovascular risk",
                    "", "150mg", 60),
            drug("Pepcid", "famotidine", Category.OTHER_MEDICATION, "NSAIDs, GI symptoms & cardiovascular risk", "",
                    "20mg,40mg", 60),
            drug("Famotidine", "famotidine", Category.OTHER_MEDICATION, "NSAIDs, GI symptoms & cardiovascular risk",
                    "", "20mg", 60),
            drug("Medrol Dosepak", "methylprednisolone", Category.OTHER_MEDICATION, "Oral corticosteroids", "",
                    "4mg", 21),
            drug("Prednisone", "prednisone", Category.OTHER_MEDICATION, "Oral corticosteroids", "", "10mg,20mg", 10,
                    20),
            drug("Imitrex", "sumatriptan", Category.OTHER_MEDICATION, "Triptans", "", "50mg,100mg", 9),
            drug("Fioricet", "butalbital/acetaminophen/caffeine", Category.OTHER_MEDICATION,
                    "Barbiturate-containing analgesic agents (BCAs)", "", "50/325/40mg", 30, 60),
            drug("Hydroxyzine", "hydroxyzine", Category.OTHER_MEDICATION, "Anxiety medications in chronic pain", "",
                    "25mg,50mg", 60),
            drug("Meclizine", "meclizine", Category.OTHER_MEDICATION, "Antivert (meclizine)", "", "12.5mg,25mg", 30),
            drug("Provigil", "modafinil", Category.OTHER_MEDICATION, "Modafinil (Provigil)", "", "100mg,200mg", 30),
            service("Physical therapy", Category.PHYSICAL_THERAPY, Shape.SESSIONS, null),
            service("Occupational therapy", Category.PHYSICAL_THERAPY, Shape.SESSIONS, null),
            service("Aquatic therapy", Category.PHYSICAL_THERAPY, Shape.SESSIONS, "Aquatic therapy"),
            service("Post-operative physical therapy", Category.PHYSICAL_THERAPY, Shape.SESSIONS, "Postsurgical "
                    + "treatment").withTerm("physical therapy"),
            service("Massage therapy", Category.PHYSICAL_THERAPY, Shape.SESSIONS, "Massage therapy"),
            service("Chiropractic treatment", Category.CHIROPRACTIC, Shape.SESSIONS, null),
            service("Chiropractic manipulation", Category.CHIROPRACTIC, Shape.SESSIONS, null),
            service("Chiropractic therapy", Category.CHIROPRACTIC, Shape.SESSIONS, null),
            service("Acupuncture", Category.ACUPUNCTURE, Shape.SESSIONS, null),
            service("Electroacupuncture", Category.ACUPUNCTURE, Shape.SESSIONS, null),
            service("Cognitive behavioral therapy", Category.PSYCHOLOGICAL, Shape.SESSIONS, null),
            service("Psychotherapy", Category.PSYCHOLOGICAL, Shape.SESSIONS, null),
            service("Biofeedback", Category.PSYCHOLOGICAL, Shape.SESSIONS, null),
            service("Psychological evaluation", Category.PSYCHOLOGICAL, Shape.SERVICE, null),
            service("MRI", Category.IMAGING, Shape.IMAGING, "MRIs (magnetic resonance imaging)"),
            service("CT scan", Category.IMAGING, Shape.IMAGING, "Computed tomography (CT)"),
            service("X-rays", Category.IMAGING, Shape.IMAGING, "Radiography (x-rays)"),
            service("Bone scan", Category.IMAGING, Shape.IMAGING, "Bone scan"),
            service("Ultrasound", Category.IMAGING, Shape.IMAGING, "Ultrasound, diagnostic"),
            service("EMG/NCV", Category.ELECTRODIAGNOSTIC, Shape.ELECTRODIAGNOSTIC, null),
            service("EMG/NCS", Category.ELECTRODIAGNOSTIC, Shape.ELECTRODIAGNOSTIC, null),
            service("NCV/EMG", Category.ELECTRODIAGNOSTIC, Shape.ELECTRODIAGNOSTIC, null),
            service("EMG", Category.ELECTRODIAGNOSTIC, Shape.ELECTRODIAGNOSTIC, null),
            service("Urine drug screen", Category.LAB, Shape.SERVICE, null),
            service("Urine toxicology screen", Category.LAB, Shape.SERVICE, null),
            service("Complete blood count", Category.LAB, Shape.SERVICE, null),
            service("Comprehensive metabolic panel", Category.LAB, Shape.SERVICE, null),
            service("Trigger point injections", Category.INJECTION, Shape.PROCEDURE, "Trigger point injections"),
            service("TENS unit", Category.ELECTRICAL_STIMULATION, Shape.DEVICE,
                    "TENS, chronic pain (transcutaneous electrical nerve stimulation)"),
            service("Interferential unit", Category.ELECTRICAL_STIMULATION, Shape.DEVICE,
                    "Interferential Current Stimulation (ICS)"),
            service("H-wave unit", Category.ELECTRICAL_STIMULATION, Shape.DEVICE, "H-wave stimulation (HWT)"),
            service("NMES unit", Category.ELECTRICAL_STIMULATION, Shape.DEVICE,
                    "Neuromuscular electrical stimulation (NMES devices)"),
            service("Cold therapy unit", Category.DME, Shape.DEVICE, "Continuous-flow cryotherapy"),
            service("Home exercise kit", Category.DME, Shape.DEVICE, "Exercise"),
            service("Orthopedic consultation", Category.EVALUATION, Shape.SERVICE, null),
            service("Pain management consultation", Category.EVALUATION, Shape.SERVICE, null),
            service("Neurology consultation", Category.EVALUATION, Shape.SERVICE, null),
            service("Spine surgery consultation", Category.EVALUATION, Shape.SERVICE, null),
            service("Functional capacity evaluation", Category.EVALUATION, Shape.SERVICE, null),
            service("Follow-up visits", Category.EVALUATION, Shape.SERVICE, null),
            service("Home health care", Category.HOME_HEALTH, Shape.SERVICE, null),
            service("Home health aide", Category.HOME_HEALTH, Shape.SERVICE, null),
            service("Functional restoration program", Category.PROGRAM, Shape.SERVICE,
                    "Functional restoration programs (FRPs)"),
            service("Weight loss program", Category.PROGRAM, Shape.SERVICE, "Weight loss programs"),
            service("Work hardening program", Category.PROGRAM, Shape.SERVICE, "Work conditioning, work hardening"),
            service("Gym membership", Category.PROGRAM, Shape.SERVICE, "Gym memberships"),
            service("Transportation to and from medical appointments", Category.TRANSPORTATION, Shape.SERVICE,
                    null).withTerm("Transportation"),
            service("Non-emergency medical transportation", Category.TRANSPORTATION, Shape.SERVICE, null));

    /** The region's procedures and devices, with {@code {side}} left for the request to fill. */
    static List<TreatmentSpec> forRegion(Region region) {
        List<TreatmentSpec> specs = new ArrayList<>();
        for (String s : region.surgeries()) {
            String[] parts = s.split("\\|");
            specs.add(new TreatmentSpec(parts[1], null, Category.SURGERY, Shape.PROCEDURE, "SURGERY",
                    Slots.capitalize(parts[1]), "", List.of(), new int[0], "", parts[0], termOf(parts, 2)));
        }
        for (String s : region.injections()) {
            String[] parts = s.split("\\|");
            specs.add(new TreatmentSpec(parts[1], null, Category.INJECTION, Shape.PROCEDURE, "INJECTION",
                    injectionSection(parts[2]), "", List.of(), new int[0], "", parts[0], termOf(parts, 3)));
        }
        for (String d : region.devices()) {
            String[] parts = d.split("\\|");
            String device = parts[0];
            specs.add(new TreatmentSpec(device, null, Category.DME, Shape.DEVICE, "DME", device, "", List.of(),
                    new int[0], "", device, parts.length > 1 ? parts[1] : device));
        }
        return specs;
    }

    private static String injectionSection(String kind) {
        return switch (kind) {
            case "ESI" -> "Epidural steroid injections (ESIs)";
            case "FACET" -> "Facet joint intra-articular injections (therapeutic blocks)";
            case "VISCO" -> "Hyaluronic acid injections";
            case "PRP" -> "Platelet-rich plasma (PRP)";
            default -> "Steroid injections";
        };
    }
}
