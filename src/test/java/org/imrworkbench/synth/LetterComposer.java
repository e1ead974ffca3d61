package org.imrworkbench.synth;

import org.imrworkbench.model.Category;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Sex;
import org.imrworkbench.synth.LetterDocument.Blank;
import org.imrworkbench.synth.LetterDocument.Block;
import org.imrworkbench.synth.LetterDocument.Heading;
import org.imrworkbench.synth.LetterDocument.Paragraph;
import org.imrworkbench.synth.LetterTruth.CitationTruth;
import org.imrworkbench.synth.LetterTruth.ItemTruth;
import org.imrworkbench.synth.LetterTruth.PartialTruth;
import org.imrworkbench.synth.LetterTruth.TreatmentTruth;
import org.imrworkbench.synth.Topic.Cite;
import org.imrworkbench.synth.TreatmentSpec.Shape;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Composes one letter from a random source: the claim (patient, body region, dates), the reviewer, 1 to 15
 * disputed items with their decisions, citations and rationales, and the case summary; then the document and the
 * truth. Not thread-safe; one composer makes one letter.
 */
final class LetterComposer {

    /** Share of letters in the 2014–15 rendering. */
    static final double SEED_RENDERING_SHARE = 0.3;
    /** Share of items whose denial is overturned. */
    static final double OVERTURNED_SHARE = 0.12;
    private static final double RETROSPECTIVE_SHARE = 0.12;
    /** Chance that a countable request of a 2016–17 letter was partly authorised in utilization review. */
    private static final double PARTIAL_CHANCE = 0.2;

    /** Relative frequency of letters with 1, 2, ... 15 items: most have one to three, with a long tail. */
    private static final double[] ITEM_COUNT_WEIGHTS =
            {34, 24, 15, 8, 5, 4, 2.5, 2, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.9};

    /** Relative frequency of the categories of disputed items (every category but OTHER). */
    private static final Map<Category, Double> CATEGORY_WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.OPIOID, 14.0), Map.entry(Category.MUSCLE_RELAXANT, 9.0),
            Map.entry(Category.BENZODIAZEPINE, 2.0), Map.entry(Category.NSAID, 6.0),
            Map.entry(Category.ANTIEPILEPTIC, 4.0), Map.entry(Category.ANTIDEPRESSANT, 3.0),
            Map.entry(Category.SEDATIVE_HYPNOTIC, 2.0), Map.entry(Category.PROTON_PUMP_INHIBITOR, 4.0),
            Map.entry(Category.TOPICAL_ANALGESIC, 4.0), Map.entry(Category.COMPOUND, 3.0),
            Map.entry(Category.OTHER_MEDICATION, 3.0), Map.entry(Category.PHYSICAL_THERAPY, 9.0),
            Map.entry(Category.CHIROPRACTIC, 3.0), Map.entry(Category.ACUPUNCTURE, 3.0),
            Map.entry(Category.IMAGING, 8.0), Map.entry(Category.ELECTRODIAGNOSTIC, 3.0),
            Map.entry(Category.LAB, 2.0), Map.entry(Category.INJECTION, 4.0), Map.entry(Category.SURGERY, 3.0),
            Map.entry(Category.DME, 3.0), Map.entry(Category.ELECTRICAL_STIMULATION, 2.0),
            Map.entry(Category.EVALUATION, 4.0), Map.entry(Category.PSYCHOLOGICAL, 2.0),
            Map.entry(Category.HOME_HEALTH, 1.0), Map.entry(Category.PROGRAM, 1.5),
            Map.entry(Category.TRANSPORTATION, 0.5)));

    /** Ingredients of compounded topicals: name and strengths. */
    private static final String[][] COMPOUND_INGREDIENTS = {
            {"Flurbiprofen", "20%", "25%"}, {"Ketoprofen", "10%", "20%"}, {"Cyclobenzaprine", "2%", "10%"},
            {"Baclofen", "2%", "5%"}, {"Gabapentin", "6%", "10%"}, {"Lidocaine", "2%", "5%"},
            {"Amitriptyline", "5%", "10%"}, {"Tramadol", "5%", "10%"}, {"Capsaicin", "0.025%", "0.0375%"},
            {"Menthol", "2%", "4%"}, {"Camphor", "2%"}, {"Diclofenac", "5%", "10%"}, {"Bupivacaine", "2%", "5%"},
            {"Dextromethorphan", "10%"}};

    private static final String CP16 = "Chronic Pain Medical Treatment 2016";
    private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();

    private final SplittableRandom r;
    private final Rendering rendering;
    private final boolean seed;
    /** 2014–15 letters cite "Page(s):" (2014) or "Section(s):" of the 2009 guidelines (2015). */
    private final boolean pageCitations;
    private final Region region;
    private final String side;
    private final int age;
    private final Sex sex;
    private final String patientNoun;
    private final Prose.Intro intro;
    private final LocalDate injury;
    private final LocalDate urDenial;
    private final LocalDate received;
    private final LocalDate assigned;
    private final LocalDate decided;
    private final LocalDate visit;
    private final Slots slots = new Slots();

    LetterComposer(SplittableRandom random) {
        this.r = random;
        rendering = r.nextDouble() < SEED_RENDERING_SHARE ? Rendering.SEED_2014 : Rendering.HEADER_2016;
        seed = rendering == Rendering.SEED_2014;
        pageCitations = seed && r.nextDouble() < 0.7;
        region = Slots.one(r, Region.ALL);
        side = region.sided() ? Slots.one(r, "right", "left") : Slots.one(r, "right", "left", "bilateral");
        age = 22 + r.nextInt(48);
        sex = r.nextDouble() < 0.58 ? Sex.MALE : Sex.FEMALE;
        intro = Slots.one(r, seed ? Prose.INTROS_2014 : Prose.INTROS_2016);
        patientNoun = intro.patientNoun();
        if (seed) {
            decided = LocalDate.of(2014, 1, 2).plusDays(r.nextInt(725));
            assigned = null;
            received = null;
            urDenial = decided.minusDays(30 + r.nextInt(60));
        } else {
            assigned = LocalDate.of(2016, 8, 1).plusDays(r.nextInt(330));
            received = assigned.minusDays(1 + r.nextInt(8));
            urDenial = received.minusDays(5 + r.nextInt(40));
            decided = assigned.plusDays(12 + r.nextInt(29));
        }
        injury = urDenial.minusDays(25 + (long) (r.nextDouble() * r.nextDouble() * 5500));
        visit = urDenial.minusDays(3 + r.nextInt((int) Math.min(60, injury.until(urDenial).getDays() / 2 + 1)));
        boolean male = sex == Sex.MALE;
        slots.put("age", Integer.toString(age))
                .put("sex", male ? Slots.one(r, "male", "male", "man") : Slots.one(r, "female", "female", "woman"))
                .put("pt", patientNoun)
                .put("He", male ? "He" : "She").put("he", male ? "he" : "she").put("his", male ? "his" : "her")
                .put("side", side).put("Side", Slots.capitalize(side))
                .put("part", part())
                .put("occupation", Slots.one(r, Prose.OCCUPATIONS))
                .put("mechanism", Slots.one(r, Prose.MECHANISMS))
                .put("visit", date(visit, Slots.one(r, "MM/dd/yyyy", "M/d/yy", "M-d-yyyy", "MMMM d, yyyy")))
                .put("ur", date(urDenial, Slots.one(r, "MM/dd/yyyy", "M/d/yy", "M-d-yyyy")))
                .put("injury", date(injury, intro.injuryFormat()))
                .put("pain", Integer.toString(4 + r.nextInt(6)))
                .put("complaint", new Slots().put("side", side).fill(Slots.one(r, region.complaints())))
                .put("dx", Slots.series(distinct(region.diagnoses(), 1 + r.nextInt(3)).stream()
                        .map(d -> new Slots().put("side", side).fill(d)).toList()))
                .put("treated", Slots.series(distinct(Prose.TREATMENTS_TO_DATE, 2 + r.nextInt(4))))
                .put("finding", Slots.one(r, region.imagingFindings()))
                .put("imaging", date(injury.plusDays(injury.until(visit).getDays() / 2),
                        Slots.one(r, "MM/dd/yyyy", "M/d/yy")));
        List<String> findings = distinct(region.findings(), 3);
        slots.put("f1", new Slots().put("side", side).fill(findings.get(0)))
                .put("f2", new Slots().put("side", side).fill(findings.get(1)))
                .put("f3", new Slots().put("side", side).fill(findings.get(2)));
    }

    /** One disputed item as composed: its heading, fields and truth. */
    private record Composed(String heading, ItemTruth truth) {
    }

    /** A request and how to restate it with another count (for partial authorisations), when it has one. */
    private record Request(String text, TreatmentTruth treatment, IntFunction<String> textFor,
                           IntFunction<TreatmentTruth> truthFor, int count) {
        Request(String text, TreatmentTruth treatment) {
            this(text, treatment, null, null, 0);
        }
    }

    GeneratedLetter compose(long index, String baseName) {
        List<TreatmentSpec> specs = chooseTreatments();
        List<Composed> items = new ArrayList<>();
        for (TreatmentSpec spec : specs) {
            items.add(item(items.size() + 1, spec));
        }
        List<String> summary = summary(items);
        LetterTruth.ReviewerTruth reviewer;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("HOW THE IMR FINAL DETERMINATION WAS MADE"));
        boolean prose = seed && r.nextBoolean();
        if (prose) {
            List<String> specialty = List.of(Slots.one(r, Reviewers.PRIMARY));
            List<String> subspecialty = r.nextDouble() < 0.4 ? List.of(Slots.one(r, Reviewers.SUBSPECIALTIES))
                    : List.of();
            List<String> states = Reviewers.licensure(r);
            String credentials = "The expert reviewer is Board Certified in " + specialty.get(0)
                    + (subspecialty.isEmpty() ? "" : ", has a subspecialty in " + subspecialty.get(0))
                    + " and is licensed to practice in " + Slots.series(states) + ".";
            blocks.add(new Paragraph(boilerplate(credentials + " ", "services")));
            blocks.add(new Blank());
            reviewer = new LetterTruth.ReviewerTruth(specialty, subspecialty, Boolean.TRUE, states);
        } else {
            List<String> specialties = Reviewers.specialties(r);
            List<String> states = Reviewers.licensure(r);
            blocks.add(new Paragraph(boilerplate("", "Service")));
            blocks.add(new Blank());
            blocks.add(new Paragraph("The Expert Reviewer has the following credentials:"));
            blocks.add(new Paragraph("State(s) of Licensure: " + String.join(r.nextBoolean() ? "," : ", ", states)));
            blocks.add(new Paragraph("Certification(s)/Specialty: " + String.join(", ", specialties)));
            blocks.add(new Blank());
            reviewer = new LetterTruth.ReviewerTruth(specialties, List.of(), null, states);
        }
        blocks.add(new Heading("CLINICAL CASE SUMMARY"));
        blocks.add(new Paragraph("The expert reviewer developed the following clinical case summary based on a "
                + "review of the case file, including all medical records:"));
        blocks.add(new Blank());
        for (String paragraph : summary) {
            blocks.add(new Paragraph(paragraph));
            blocks.add(new Blank());
        }
        blocks.add(new Heading("IMR ISSUES, DECISIONS AND RATIONALES"));
        blocks.add(new Paragraph("The Final Determination was based on decisions for the disputed items/services "
                + "set forth below:"));
        blocks.add(new Blank());
        for (Composed item : items) {
            blocks.add(new Paragraph(item.heading()));
            blocks.add(new Blank());
            if (seed && r.nextDouble() < 0.15) {
                blocks.add(new Blank());
            }
            blocks.add(new Paragraph("Claims Administrator guideline: " + item.truth().claimsAdministratorGuideline()));
            blocks.add(new Blank());
            blocks.add(new Paragraph("MAXIMUS guideline: " + item.truth().reviewerGuideline()));
            blocks.add(new Blank());
            String label = "Decision rationale: ";
            for (String paragraph : item.truth().rationale().split("\n")) {
                blocks.add(new Paragraph(label + paragraph));
                blocks.add(new Blank());
                label = "";
            }
        }
        String caseNumber = seed ? null : baseName;
        String priority = seed ? null : r.nextDouble() < 0.98 ? "Standard" : "Expedited";
        LetterDocument.Header header = seed ? null : new LetterDocument.Header(caseNumber,
                date(assigned, "MM/dd/yyyy"), date(injury, "MM/dd/yyyy"), date(decided, "MM/dd/yyyy"),
                date(urDenial, "MM/dd/yyyy"), priority, date(received, "MM/dd/yyyy"));
        LetterDocument document = new LetterDocument(rendering, header, blocks, seed && r.nextDouble() < 0.6);
        LetterTruth truth = new LetterTruth(rendering, caseNumber, priority,
                new LetterTruth.Dates(assigned, seed ? null : decided, injury, seed ? null : urDenial, received),
                reviewer, new LetterTruth.PatientTruth(age, sex), String.join("\n", summary),
                items.stream().map(Composed::truth).toList());
        return new GeneratedLetter(index, baseName, document, truth);
    }

    /** Whether this letter is in the 2014–15 rendering (it then has no case number). */
    boolean seedRendering() {
        return seed;
    }

    /** The year the case was assigned (2016–17 rendering), for the case number. */
    int assignedYear() {
        return assigned == null ? decided.getYear() : assigned.getYear();
    }

    private static String boilerplate(String credentials, String services) {
        return "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
                + "affiliation with the employer, employee, providers or the claims administrator. " + credentials
                + "He/she has been in active clinical practice for more than five years and is currently working at "
                + "least 24 hours a week in active practice. The expert reviewer was selected based on his/her "
                + "clinical experience, education, background, and expertise in the same or similar specialties "
                + "that evaluate and/or treat the medical condition and disputed items/" + services + ". He/she is "
                + "familiar with governing laws and regulations, including the strength of evidence hierarchy that "
                + "applies to Independent Medical Review determinations.";
    }

    // ------------------------------------------------------------------ treatments

    private List<TreatmentSpec> chooseTreatments() {
        int count = 1 + weighted(ITEM_COUNT_WEIGHTS);
        List<TreatmentSpec> pool = new ArrayList<>(TreatmentSpec.CATALOGUE);
        pool.addAll(TreatmentSpec.forRegion(region));
        Map<Category, List<TreatmentSpec>> byCategory = pool.stream()
                .collect(Collectors.groupingBy(TreatmentSpec::category, () -> new EnumMap<>(Category.class),
                        Collectors.toList()));
        Category[] categories = CATEGORY_WEIGHTS.keySet().toArray(new Category[0]);
        double[] weights = new double[categories.length];
        for (int i = 0; i < categories.length; i++) {
            weights[i] = CATEGORY_WEIGHTS.get(categories[i]);
        }
        List<TreatmentSpec> chosen = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int attempts = 0;
        while (chosen.size() < count && attempts++ < 200) {
            TreatmentSpec spec = Slots.one(r, byCategory.get(categories[weighted(weights)]));
            if (names.add(spec.name() + spec.phrase())) {
                chosen.add(spec);
            }
        }
        return chosen;
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> List<T> distinct(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        List<T> out = new ArrayList<>();
        while (out.size() < n && !copy.isEmpty()) {
            out.add(copy.remove(r.nextInt(copy.size())));
        }
        return out;
    }

    private String part() {
        return new Slots().put("side", side.equals("bilateral") ? "right" : side).fill(region.part());
    }

    // ------------------------------------------------------------------ items

    private Composed item(int number, TreatmentSpec spec) {
        Request request = request(spec);
        Decision decision = r.nextDouble() < OVERTURNED_SHARE ? Decision.OVERTURNED : Decision.UPHELD;
        String requestText = request.text();
        TreatmentTruth treatment = request.treatment();
        PartialTruth partial = null;
        String headingText = null;
        boolean retrospective = false;
        LocalDate serviceDate = null;
        if (!seed && request.textFor() != null && request.count() >= 2 && r.nextDouble() < PARTIAL_CHANCE) {
            int whole = request.count();
            int authorized = Math.max(1, whole / (2 + r.nextInt(2)));
            String original = request.textFor().apply(whole);
            String granted = request.textFor().apply(authorized);
            if (r.nextDouble() < 0.65) {
                String disputed = request.textFor().apply(whole - authorized);
                headingText = original + " was the original request. " + granted + " was authorized by the Claims "
                        + "Administrator. The remaining IMR eligible portion of the original request, " + disputed
                        + " is";
                partial = new PartialTruth(original, granted, disputed);
                requestText = disputed;
                treatment = request.truthFor().apply(whole - authorized);
            } else {
                String grantedAgain = restate(spec, granted);
                String originalAgain = restate(spec, original);
                headingText = original + " was the original request. The Claims Administrator authorized "
                        + grantedAgain + ", leaving the original request IMR eligible. The original request, "
                        + originalAgain + " is";
                partial = new PartialTruth(original, grantedAgain, originalAgain);
                requestText = originalAgain;
            }
        } else if (r.nextDouble() < RETROSPECTIVE_SHARE) {
            retrospective = true;
            LocalDate dos = visit.minusDays(r.nextInt(20));
            int form = r.nextInt(4);
            String named = spec.generic() == null ? Slots.decapitalize(requestText) : requestText;
            if (form == 3) {
                requestText = seed ? "Retrospective request for " + named : "Retrospective " + requestText;
            } else {
                serviceDate = dos;
                requestText = switch (seed ? form : form + 3) {
                    case 0 -> "Retrospective " + requestText + " DOS: " + date(dos, "M/d/yy");
                    case 1 -> "Retrospective for date of serve " + date(dos, "M/d/yy") + " " + requestText;
                    case 2 -> "Retrospective request for " + named + ", date of service " + date(dos, "MM/dd/yyyy");
                    case 3 -> "Retrospective " + requestText + " DOS: " + date(dos, Slots.one(r, "M/d/yy", "MM/dd/yy"));
                    case 4 -> "Retrospective " + requestText + " (DOS " + date(dos, "M/d/yy") + ")";
                    default -> "Retrospective " + requestText + ", per " + date(dos, "MM/dd/yyyy") + " order";
                };
            }
        }
        if (headingText == null) {
            headingText = requestText;
        }
        String outcome = decision == Decision.OVERTURNED ? "Overturned" : "Upheld";
        String heading = headingText + (r.nextDouble() < (seed ? 0.7 : 0.25) ? ":  " : ": ") + outcome;

        Topic topic = Topic.get(spec.topic());
        slots.put("name", treatment.name())
                .put("request", spec.generic() == null ? Slots.decapitalize(requestText) : requestText)
                .put("since", date(injury.plusDays(injury.until(visit).getDays() / 3),
                        Slots.one(r, "MM/dd/yyyy", "M/d/yy")))
                .put("dos", serviceDate == null ? "the date of service" : date(serviceDate, "M/d/yy"));
        List<CitationTruth> citations = new ArrayList<>();
        String ca = guideline(CitedBy.CLAIMS_ADMINISTRATOR, topic, spec, citations);
        String reviewer = guideline(CitedBy.REVIEWER, topic, spec, citations);
        String rationale = rationale(topic, decision, retrospective && serviceDate != null);
        return new Composed(heading, new ItemTruth(number, requestText, decision, retrospective, serviceDate,
                partial, termed(treatment, spec), ca, reviewer, citations, rationale));
    }

    /**
     * The truth's treatment named by the spec's term (the treatment term as written, without body part, side or
     * context; see {@link TreatmentSpec#term()}) where that differs from the name the prose uses.
     */
    private static TreatmentTruth termed(TreatmentTruth t, TreatmentSpec spec) {
        if (spec.term().equalsIgnoreCase(spec.name())) {
            return t;
        }
        return new TreatmentTruth(spec.term(), t.generic(), t.category(), t.strength(), t.quantity(), t.sessions());
    }

    /** How the second sentence of an "authorized ..., leaving the original request IMR eligible" restates. */
    private String restate(TreatmentSpec spec, String request) {
        return spec.generic() == null && r.nextBoolean() ? Slots.decapitalize(request) : request;
    }

    private Request request(TreatmentSpec spec) {
        return switch (spec.shape()) {
            case DRUG -> drug(spec);
            case COMPOUND -> compound();
            case SESSIONS -> sessions(spec);
            case IMAGING -> imaging(spec);
            case ELECTRODIAGNOSTIC -> electrodiagnostic(spec);
            case PROCEDURE -> procedure(spec);
            case DEVICE -> device(spec);
            case SERVICE -> service(spec);
        };
    }

    private Request drug(TreatmentSpec spec) {
        String strength = spec.strengths().isEmpty() || r.nextDouble() < 0.04 ? null : Slots.one(r, spec.strengths());
        StringBuilder head = new StringBuilder(spec.name());
        if (strength != null) {
            head.append(' ').append(strength);
        }
        if (!spec.form().isEmpty()) {
            head.append(' ').append(spec.form());
        } else if (strength != null && r.nextDouble() < 0.1) {
            head.append(" tab");
        }
        if (!spec.size().isEmpty()) {
            head.append(spec.form().equals("oral suspension") ? ", " : " ").append(spec.size());
        }
        if (spec.quantities().length == 0) {
            return new Request(head.toString(), drugTruth(spec, strength, null));
        }
        if (r.nextDouble() < 0.15) {
            head.append(spec.form().equals("patch") ? ", apply one patch daily"
                    : Slots.one(r, ", one by mouth twice a day", " every 4-6 hours as needed",
                    ", one tablet at bedtime", " twice daily"));
        }
        String tail = r.nextDouble() < 0.08 ? Slots.one(r, " with one refill", " with 2 refills") : "";
        int quantity = spec.quantities()[r.nextInt(spec.quantities().length)];
        if (r.nextDouble() < 0.06) {
            return new Request(head + tail, drugTruth(spec, strength, null));
        }
        String prefix = head.toString();
        return new Request(prefix + " #" + quantity + tail, drugTruth(spec, strength, quantity),
                n -> prefix + " #" + n + tail, n -> drugTruth(spec, strength, n), quantity);
    }

    private static TreatmentTruth drugTruth(TreatmentSpec spec, String strength, Integer quantity) {
        String withForm = spec.name() + " " + spec.form();
        String name = strength == null && TreatmentSpec.PRODUCT_FORMS.contains(withForm) ? withForm : spec.name();
        return new TreatmentTruth(name, spec.generic(), spec.category(), strength, quantity, null);
    }

    private Request compound() {
        List<String[]> ingredients = distinct(List.of(COMPOUND_INGREDIENTS), 2 + r.nextInt(2));
        String name = ingredients.stream().map(i -> i[0]).collect(Collectors.joining("/"));
        String strength = ingredients.stream().map(i -> i[1 + r.nextInt(i.length - 1)])
                .collect(Collectors.joining("/"));
        boolean one = r.nextBoolean();
        String text = (r.nextDouble() < 0.3 ? "Compounded " : "") + name + " cream " + strength + " "
                + Slots.one(r, "120gm", "180gm", "240gm") + (one ? " #1" : "");
        return new Request(text, new TreatmentTruth(name, name.toLowerCase(Locale.ROOT), Category.COMPOUND, strength,
                one ? 1 : null, null));
    }

    private Request sessions(TreatmentSpec spec) {
        int[] counts = switch (spec.category()) {
            case PSYCHOLOGICAL -> new int[]{4, 6, 8, 10};
            case ACUPUNCTURE, CHIROPRACTIC -> new int[]{6, 8, 12};
            default -> new int[]{6, 8, 10, 12, 18, 24};
        };
        int n = counts[r.nextInt(counts.length)];
        String name = spec.name();
        String lower = Slots.decapitalize(name);
        String part = part();
        int form = r.nextInt(7);
        if (form >= 5) {
            int perWeek = 1 + r.nextInt(3);
            int weeks = 2 + r.nextInt(5);
            String text = form == 5
                    ? name + " " + perWeek + " times a week for " + weeks + " weeks for the " + part
                    : name + ", " + perWeek + " times a week for " + weeks + " weeks, " + part;
            // the normaliser's documented rule: a weekly frequency times a duration is that many sessions
            return new Request(text, serviceTruth(name, spec.category(), null, perWeek * weeks));
        }
        String truthName = form == 4 ? lower : name;
        IntFunction<String> textFor = switch (form) {
            case 0 -> k -> name + " x " + k;
            case 1 -> k -> name + " times " + k + " sessions";
            case 2 -> k -> name + " " + k + " sessions for the " + part;
            case 3 -> k -> name + " for the " + part + " x " + k;
            default -> k -> "Additional " + lower + " x " + k;
        };
        return new Request(textFor.apply(n), serviceTruth(truthName, spec.category(), null, n), textFor,
                k -> serviceTruth(truthName, spec.category(), null, k), n);
    }

    private static TreatmentTruth serviceTruth(String name, Category category, Integer quantity, Integer sessions) {
        return new TreatmentTruth(name, null, category, null, quantity, sessions);
    }

    private Request imaging(TreatmentSpec spec) {
        String name = spec.name();
        String part = part();
        boolean contrast = name.equals("MRI") || name.equals("CT scan");
        int form = r.nextInt(4);
        if (form == 0) {
            String written = name.equals("X-rays") ? "x-rays" : name;
            return new Request(Slots.capitalize(part) + " " + written, serviceTruth(written, spec.category(), null,
                    null));
        }
        String text = (form == 3 ? "Repeat " + name : name) + " of the " + part
                + (contrast && form != 1 ? " without contrast" : "");
        return new Request(text, serviceTruth(name, spec.category(), null, null));
    }

    private Request electrodiagnostic(TreatmentSpec spec) {
        String limbs = region.limbs();
        String text = spec.name() + (side.equals("bilateral") || r.nextBoolean()
                ? " of the bilateral " + limbs + " extremities"
                : " of the " + side + " " + limbs + " extremity");
        return new Request(text, serviceTruth(spec.name(), spec.category(), null, null));
    }

    private Request procedure(TreatmentSpec spec) {
        String sided = side.equals("bilateral") ? "right" : side;
        String text = new Slots().put("side", sided).put("Side", Slots.capitalize(sided)).fill(spec.phrase());
        Integer sessions = null;
        if (spec.name().equals("Trigger point injections") || spec.name().equals("Synvisc injections")) {
            if (r.nextBoolean()) {
                sessions = spec.name().startsWith("Synvisc") ? 3 : 2 + r.nextInt(3);
                text += " x " + sessions;
            }
        } else if (spec.category() == Category.INJECTION && text.matches(".*(epidural|facet|branch).*")
                && r.nextDouble() < 0.25) {
            text += " under fluoroscopic guidance";
        }
        return new Request(text, serviceTruth(spec.name(), spec.category(), null, sessions));
    }

    private Request device(TreatmentSpec spec) {
        String name = spec.name();
        boolean plural = name.endsWith("s");
        int form = r.nextInt(5);
        if (plural || form == 0) {
            int q = plural ? 2 : 1;
            return new Request(name + " #" + q, serviceTruth(name, spec.category(), q, null));
        }
        if (form == 1) {
            String lower = Slots.decapitalize(name);
            return new Request("Purchase of a " + lower, serviceTruth(lower, spec.category(), null, null));
        }
        if (form == 2) {
            int months = 2 + r.nextInt(3);
            IntFunction<String> textFor = m -> name + " for a " + m + " month rental";
            return new Request(textFor.apply(months), serviceTruth(name, spec.category(), null, null), textFor,
                    m -> serviceTruth(name, spec.category(), null, null), months);
        }
        if (form == 3 && spec.category() == Category.ELECTRICAL_STIMULATION) {
            return new Request(name + " 30-day trial", serviceTruth(name, spec.category(), null, null));
        }
        return new Request(name, serviceTruth(name, spec.category(), null, null));
    }

    private Request service(TreatmentSpec spec) {
        String name = spec.name();
        Category category = spec.category();
        boolean plain = r.nextBoolean();
        if (!plain && (name.equals("Follow-up visits") || name.equals("Work hardening program")
                || name.equals("Transportation to and from medical appointments"))) {
            int n = name.startsWith("Follow") ? 4 + 2 * r.nextInt(2) : 10 + 2 * r.nextInt(2);
            return new Request(name + " x " + n, serviceTruth(name, category, null, n));
        }
        String text = switch (name) {
            case "Functional restoration program" -> plain ? name : name + " for " + (2 + r.nextInt(5)) + " weeks";
            case "Weight loss program" -> plain ? name : name + " for 3 months";
            case "Gym membership" -> name + Slots.one(r, " for 6 months", " for one year");
            case "Home health care", "Home health aide" -> plain ? name : name + " 4 hours a day, 5 days a week for "
                    + (2 + r.nextInt(5)) + " weeks";
            case "Orthopedic consultation", "Pain management consultation", "Neurology consultation" ->
                    plain ? name : name + " for the " + part();
            default -> name;
        };
        return new Request(text, serviceTruth(name, category, null, null));
    }

    // ------------------------------------------------------------------ citations

    private enum Basis { NONE, MTUS, ODG, MTUS_AND_ODG, ACOEM }

    /** Composes the claims administrator's or the reviewer's guideline statement, adding its citations. */
    private String guideline(CitedBy by, Topic topic, TreatmentSpec spec, List<CitationTruth> citations) {
        boolean administrator = by == CitedBy.CLAIMS_ADMINISTRATOR;
        List<Cite> mtus = usable(seed && pageCitations ? topic.mtusPages() : topic.mtus(), spec);
        List<Cite> odg = usable(topic.odg(), spec);
        List<Cite> acoem = usable(topic.acoem(), spec);
        double x = r.nextDouble();
        Basis basis = administrator
                ? (x < 0.25 ? Basis.NONE : x < 0.70 ? Basis.MTUS : x < 0.90 ? Basis.ODG : x < 0.97
                ? Basis.MTUS_AND_ODG : Basis.ACOEM)
                : (x < 0.05 ? Basis.NONE : x < 0.60 ? Basis.MTUS : x < 0.80 ? Basis.ODG : x < 0.95
                ? Basis.MTUS_AND_ODG : Basis.ACOEM);
        if (basis == Basis.ACOEM && acoem.isEmpty()) {
            basis = Basis.MTUS;
        }
        if ((basis == Basis.MTUS || basis == Basis.MTUS_AND_ODG) && mtus.isEmpty()) {
            basis = Basis.ODG;
        }
        if ((basis == Basis.ODG || basis == Basis.MTUS_AND_ODG) && odg.isEmpty()) {
            basis = mtus.isEmpty() ? Basis.NONE : Basis.MTUS;
        }
        String who = administrator ? "The Claims Administrator" : "The Expert Reviewer";
        String outside = seed ? who + " did not base their decision on the MTUS. "
                : who + " based their decision on recommendation(s) outside of the MTUS Guidelines. ";
        return switch (basis) {
            case NONE -> {
                citations.add(new CitationTruth(by, CitationSource.NONE, null, List.of(), List.of()));
                yield who + " did not cite any medical evidence for its decision.";
            }
            case MTUS -> "Decision based on " + mtus(by, mtus, administrator, citations) + ".";
            case ODG -> outside + "Decision based on Non-MTUS Citation " + odg(by, Slots.one(r, odg), citations)
                    + ".";
            case MTUS_AND_ODG -> "Decision based on " + mtus(by, mtus, administrator, citations)
                    + ". Decision based on Non-MTUS Citation " + odg(by, Slots.one(r, odg), citations) + ".";
            case ACOEM -> outside + "Decision based on Non-MTUS Citation " + acoem(by, Slots.one(r, acoem), citations)
                    + ".";
        };
    }

    /** The citations that can be written for this claim: region chapters and named sections resolved. */
    private List<Cite> usable(List<Cite> cites, TreatmentSpec spec) {
        List<Cite> out = new ArrayList<>();
        for (Cite c : cites) {
            boolean chapter = c.guideline().equals("{chapter}");
            if (chapter && region.mtusChapter() == null
                    || c.sections().contains("{section}") && spec.section() == null
                    || seed && !pageCitations && c.guideline().endsWith("2016") && !c.guideline().equals(CP16)) {
                continue;
            }
            if (spec.topic().equals("INJECTION") && !chapter && !c.guideline().equals("{odg}")
                    && !c.sections().contains(spec.section())) {
                continue; // cite the guideline section of this kind of injection
            }
            String guideline = switch (c.guideline()) {
                case "{chapter}" -> pageCitations ? withoutYear(region.mtusChapter()) : region.mtusChapter();
                case "{odg}" -> region.odgChapter();
                default -> seed && c.guideline().equals(CP16) ? "Chronic Pain Medical Treatment 2009" : c.guideline();
            };
            List<String> sections = c.sections().stream().map(s -> s.equals("{section}") ? spec.section() : s)
                    .distinct().toList();
            int[][] pages = new int[c.pages().length][];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = c.pages()[i][0] == Topic.REGION_PAGES ? region.oldPages()[c.pages()[i][1]] : c.pages()[i];
            }
            out.add(new Cite(guideline, sections, pages));
        }
        return out;
    }

    /**
     * A guideline as the truth names it: with its year after the title, so "Elbow Disorders (Revised 2007)" (as
     * written) is "Elbow Disorders 2007", as "Low Back Complaints (2004)" would be "Low Back Complaints 2004".
     */
    static String named(String guideline) {
        return guideline.replaceAll(" \\((?:Revised )?((?:19|20)\\d{2})\\)$", " $1");
    }

    private static String withoutYear(String chapter) {
        return chapter.replaceAll(" (\\(Revised )?\\d{4}\\)?$", "");
    }

    private String mtus(CitedBy by, List<Cite> cites, boolean administrator, List<CitationTruth> citations) {
        Cite first = Slots.one(r, cites);
        if (seed && pageCitations) {
            return "MTUS " + pagesCitation(by, first, citations);
        }
        boolean sections = !administrator || r.nextDouble() < 0.4;
        String text = "MTUS " + sectionsCitation(by, first, sections, citations);
        if (!administrator && !seed && r.nextDouble() < 0.15) {
            List<Cite> others = cites.stream().filter(c -> !c.guideline().equals(first.guideline())).toList();
            if (!others.isEmpty()) {
                text += ", and " + sectionsCitation(by, Slots.one(r, others), true, citations);
            }
        }
        return text;
    }

    private static String sectionsCitation(CitedBy by, Cite cite, boolean withSections, List<CitationTruth> out) {
        List<String> sections = withSections ? cite.sections() : List.of();
        out.add(new CitationTruth(by, CitationSource.MTUS, named(cite.guideline()), sections, List.of()));
        return cite.guideline() + (sections.isEmpty() ? "" : ", Section(s): " + String.join(", ", sections));
    }

    /** The 2014 form: "Chronic Pain Treatment Guidelines Muscle Relaxants Page(s): 63-66". */
    private String pagesCitation(CitedBy by, Cite cite, List<CitationTruth> out) {
        StringBuilder sb = new StringBuilder(cite.guideline());
        if (!cite.sections().isEmpty()) {
            sb.append(' ').append(String.join(", ", cite.sections()));
        }
        List<Integer> pages = new ArrayList<>();
        if (cite.pages().length > 0) {
            int[] only = cite.pages()[0];
            boolean single = cite.pages().length == 1 && only[0] == only[1];
            double x = r.nextDouble();
            if (single && x < 0.2 && cite.guideline().startsWith("Chronic Pain")) {
                sb.append(" Page(s): ").append(only[0]).append(" of 127");
                pages.add(only[0]);
            } else {
                String ranges = ranges(cite.pages(), pages);
                if (single && x < 0.4) {
                    sb.append(", pg ").append(ranges);
                } else if (!single && cite.pages().length == 1 && x < 0.3) {
                    sb.append(", pages ").append(ranges);
                } else {
                    sb.append(" Page(s): ").append(ranges);
                }
            }
        }
        out.add(new CitationTruth(by, CitationSource.MTUS, named(cite.guideline()), cite.sections(), pages));
        return sb.toString();
    }

    private static String ranges(int[][] ranges, List<Integer> expanded) {
        List<String> parts = new ArrayList<>();
        for (int[] range : ranges) {
            parts.add(range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "-" + range[1]);
            for (int p = range[0]; p <= range[1]; p++) {
                expanded.add(p);
            }
        }
        return String.join(", ", parts);
    }

    private String odg(CitedBy by, Cite cite, List<CitationTruth> out) {
        if (seed && r.nextDouble() < 0.1) {
            out.add(new CitationTruth(by, CitationSource.ODG, null, List.of(), List.of()));
            return "Official Disability Guidelines (ODG)";
        }
        out.add(new CitationTruth(by, CitationSource.ODG, cite.guideline(), cite.sections(), List.of()));
        return "Official Disability Guidelines (ODG)" + (r.nextBoolean() ? ", " : " ") + cite.guideline() + ", "
                + String.join(", ", cite.sections());
    }

    private String acoem(CitedBy by, Cite cite, List<CitationTruth> out) {
        List<Integer> pages = new ArrayList<>();
        String text = "American College of Occupational and Environmental Medicine (ACOEM) " + cite.guideline()
                + (cite.sections().isEmpty() ? "" : ", " + String.join(", ", cite.sections()));
        if (cite.pages().length > 0) {
            String ranges = ranges(cite.pages(), pages);
            text += pages.size() == 1 ? ", page " + ranges : ", pages " + ranges;
        }
        out.add(new CitationTruth(by, CitationSource.ACOEM, named(cite.guideline()), cite.sections(), pages));
        return text;
    }

    // ------------------------------------------------------------------ prose

    private String rationale(Topic topic, Decision decision, boolean datedRetrospective) {
        List<String> sentences = new ArrayList<>();
        if (r.nextDouble() < 0.35) {
            sentences.add(Slots.one(r, Prose.RATIONALE_CONTEXT));
        }
        sentences.add(Slots.one(r, topic.recommend()));
        if (decision == Decision.OVERTURNED) {
            sentences.addAll(distinct(topic.support(), 1 + r.nextInt(Math.min(2, topic.support().size()))));
            sentences.add(Slots.one(r, Prose.OVERTURNED));
        } else {
            List<String> reasons = distinct(topic.against(), 1 + r.nextInt(Math.min(3, topic.against().size())));
            if (r.nextDouble() < 0.2) {
                reasons.add(Slots.one(r, Prose.GENERIC_AGAINST));
            }
            sentences.addAll(reasons);
            sentences.add(datedRetrospective && r.nextBoolean() ? Slots.one(r, Prose.UPHELD_RETROSPECTIVE)
                    : Slots.one(r, Prose.UPHELD));
            if (topic.key().equals("OPIOID") && r.nextDouble() < 0.4) {
                sentences.add(Prose.OPIOID_TAPER);
            }
        }
        List<String> filled = sentences.stream().map(slots::fill).toList();
        if (filled.size() >= 4 && r.nextDouble() < 0.15) {
            int cut = 2 + r.nextInt(filled.size() - 3);
            return String.join(" ", filled.subList(0, cut)) + "\n" + String.join(" ", filled.subList(cut,
                    filled.size()));
        }
        return String.join(" ", filled);
    }

    private List<String> summary(List<Composed> items) {
        List<String> sentences = new ArrayList<>();
        sentences.add(slots.fill(intro.template()));
        if (r.nextDouble() < 0.6) {
            sentences.add(slots.fill(Slots.one(r, Prose.MECHANISM_SENTENCES)));
        }
        sentences.add(slots.fill(Slots.one(r, Prose.DIAGNOSIS_SENTENCES)));
        sentences.add(slots.fill(Slots.one(r, Prose.TREATED_SENTENCES)));
        sentences.add(slots.fill(Slots.one(r, Prose.VISIT_SENTENCES)));
        sentences.add(slots.fill(Slots.one(r, Prose.EXAM_SENTENCES)));
        if (r.nextBoolean()) {
            sentences.add(slots.fill(Slots.one(r, Prose.IMAGING_SENTENCES)));
        }
        List<String> drugs = items.stream().map(Composed::truth).filter(i -> i.treatment().generic() != null)
                .map(i -> i.treatment().name()).distinct().toList();
        if (!drugs.isEmpty() && r.nextDouble() < 0.7) {
            slots.put("meds", Slots.series(drugs));
            sentences.add(slots.fill(Slots.one(r, Prose.MEDICATION_SENTENCES)));
        }
        List<String> requested = items.stream().limit(4).map(i -> i.truth().treatment().generic() == null
                ? Slots.decapitalize(i.truth().request()) : i.truth().request()).toList();
        slots.put("items", Slots.series(requested) + (items.size() > 4 ? ", among other items" : ""));
        sentences.add(slots.fill(Slots.one(r, Prose.PLAN_SENTENCES)));
        sentences.add(slots.fill(Slots.one(r, seed ? Prose.UR_SENTENCES_2014 : Prose.UR_SENTENCES_2016)));
        for (Composed item : items) {
            PartialTruth p = item.truth().partial();
            if (p != null && r.nextBoolean()) {
                sentences.add("The utilization review modified the request: " + Slots.decapitalize(p.authorized())
                        + " was certified, and the rest of the original request, "
                        + Slots.decapitalize(p.originalRequest()) + ", was not.");
            }
        }
        if (sentences.size() >= 6 && r.nextDouble() < 0.3) {
            int cut = 3 + r.nextInt(sentences.size() - 4);
            return List.of(String.join(" ", sentences.subList(0, cut)),
                    String.join(" ", sentences.subList(cut, sentences.size())));
        }
        return List.of(String.join(" ", sentences));
    }

    static String date(LocalDate date, String pattern) {
        return date.format(FORMATS.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p, Locale.US)));
    }
}
