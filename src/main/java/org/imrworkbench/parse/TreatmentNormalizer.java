package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.imrworkbench.model.Category;
import org.imrworkbench.model.Span;
import org.imrworkbench.model.Treatment;

/**
 * Turns the text of a disputed-item request ("Norco 10/325mg #60", "Physical therapy 2 times a week for 6
 * weeks") into a {@link Treatment}: the treatment named, its generic and category from the
 * {@link TreatmentLexicon}, and the strength, quantity and number of sessions written with it.
 *
 * <h2>Which match names the treatment</h2>
 * The name is the lexicon term matched, as written in the request. Side, level, body part and context
 * ("Right", "L4-L5", "ankle", "post-op", "additional") are not part of it unless the lexicon term includes them:
 * "Ankle brace" is a "brace", "Left knee arthroscopy with meniscectomy" an "arthroscopy"; the request keeps the
 * rest. The lexicon holds a longer term only where a shorter one would name the wrong thing or a fragment
 * ("CAM walker boot", "total knee arthroplasty").
 * <ol>
 *   <li>Every lexicon term found in the request is a candidate. Where candidates overlap, the longest wins
 *       ("Tylenol with codeine" over "Tylenol"), then the higher priority, then the earlier lexicon row.</li>
 *   <li>Of the remaining candidates the one with the highest priority names the treatment; on equal priority
 *       the earliest in the request ("Acupuncture with capsaicin patch" is acupuncture). The lexicon gives
 *       context words such as "post-op" or "associated surgical service" a low priority, so
 *       "Post-op Percocet" is an opioid.</li>
 *   <li>A medication request is a {@link Category#COMPOUND} when the lexicon's compound keyword appears, or
 *       when it names two or more different drugs and a percentage strength ("Flurbiprofen 10%,
 *       Cyclobenzaprine 3%"). The generic then lists every ingredient and the name runs from the first
 *       ingredient to the last, without a dosage form that the last ingredient's term includes
 *       ("Ketoprofen/Lidocaine cream" is named "Ketoprofen/Lidocaine"). A compound named by a single lexicon term (a compounding kit such as
 *       "Fanatrex", a product such as "Flurflex") is named, and its strength read, like any other drug.</li>
 *   <li>Any other drug whose strength is a percentage ("Diclofenac sodium 3%") is a topical formulation:
 *       {@link Category#TOPICAL_ANALGESIC}, keeping its generic.</li>
 * </ol>
 *
 * <h2>Numbers</h2>
 * <ul>
 *   <li>{@code strength}: for a drug, the first strength written after its name ("10/325mg", "7.5mg", "5%",
 *       "4%-27.5%-0.0325%", "25mg/ml", "50,000 IU"), as written; a combination without unit counts only right
 *       after the name ("Percocet 10/325"); a lone number without unit never does ("Ultram 50" is not read as
 *       a strength, it could be a count). A single weight in grams or volume ("121gm", "250ml") of a topical
 *       or compound, or written after a dosage form sold by weight or volume ("oral suspension, 250ml"), is
 *       the package size, not a strength. A compound's strength is the first written after its last
 *       ingredient ("Flurbiprofen/Lidocaine cream 20%/5% 120gm" gives "20%/5%"), and null when a strength
 *       is written between two ingredients (each has its own). Null for anything that is not a drug.</li>
 *   <li>{@code quantity}: from "#60", "# 30" or "Qty 60"; a '#' inside a treatment term ("Tylenol #3") is
 *       part of the name, not a quantity.</li>
 *   <li>{@code sessions}, for treatments that are not drugs, from the first of these that the request uses:
 *       an explicit count ("12 sessions", "Six physical therapy visits", "Four sessions of ...", several
 *       counts are added up); a weekly frequency times a duration ("2 times a week for 6 weeks" is 12,
 *       "twice weekly for 3 weeks" is 6); "N times M" or "NxM", read as N a week for M weeks ("1 times 8" is
 *       8, "2 times 8" is 16); "x 12" or "times 12". A range ("2-3 times a week", "12-18 sessions") makes
 *       the number unknown: null, never a guess. For the session-based categories (physical therapy,
 *       chiropractic, acupuncture, psychological) a bare "#8" also gives sessions = 8, and quantity stays 8.
 *       Numbers may be written as words up to ninety-nine.</li>
 * </ul>
 *
 * <p>{@link #normalize} never throws: a null or blank request gives {@link Category#OTHER} and nothing else;
 * a request no lexicon term matches gives {@link Category#OTHER} with null name, generic, strength and span,
 * but keeps the quantity and sessions it writes.
 */
public final class TreatmentNormalizer {

    /** Categories whose "#N" counts visits. */
    private static final Set<Category> SESSION_CATEGORIES =
            EnumSet.of(Category.PHYSICAL_THERAPY, Category.CHIROPRACTIC, Category.ACUPUNCTURE, Category.PSYCHOLOGICAL);

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("once", 1), Map.entry("twice", 2), Map.entry("thrice", 3));

    private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine";
    private static final String TEENS = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    /** A count: up to three digits, or a number word up to ninety-nine ("twenty-four"). */
    private static final String NUM = "(?:\\d{1,3}(?![\\d.])|(?:(?:" + TENS + ")(?:[\\s-](?:" + UNITS + "))?|"
            + TEENS + "|" + UNITS + ")(?!\\p{L}))";
    /** The optional upper end of a range: "2-3", "1 to 2", "six to eight". */
    private static final String RANGE_TAIL = "(?:\\s*(?:-|to|or)\\s*(" + NUM + "))?";
    /** A count does not continue a word, a decimal, a range or a date. */
    private static final String START = "(?<![\\p{L}\\p{N}.,/-])";
    private static final String TIME_UNIT = "(?:weeks?|wks?|weekly|months?|days?|daily|years?|hours?|hrs?|minutes?|mins?)";
    private static final String PER_WEEK = "\\s*(?:(?:a|per|each|every|in\\s+a)\\s+|/\\s*)?(?:week|wk)(?:ly)?(?!\\p{L})";

    /** "12 sessions", "Six physical therapy visits", "Four sessions", "PT/OT 18 sessions" (not "per week"). */
    static final Pattern SESSION_COUNT = Pattern.compile(START + "(" + NUM + ")" + RANGE_TAIL
            + "\\s+(?:(?!(?:times?|x|per|a|for|" + TIME_UNIT + ")(?!\\p{L}))\\p{L}[\\p{L}/'-]*\\s+){0,4}?"
            + "(?:sessions?|visits?|treatments)(?!\\p{L})(?!" + PER_WEEK + ")", Pattern.CASE_INSENSITIVE);

    /** "2 times a week for 6 weeks", "twice weekly for 3 weeks", "2x/week x 6 weeks", "3 times a week over two weeks". */
    static final Pattern WEEKLY = Pattern.compile(START + "(?:(" + NUM + ")" + RANGE_TAIL
            + "\\s*(?:x|times?|sessions?|visits?)|(once|twice|thrice))" + PER_WEEK
            + "\\s*,?\\s*(?:(?:for|over|times|x|during)\\s*)?(?:a\\s+total\\s+of\\s+)?(" + NUM + ")" + RANGE_TAIL
            + "\\s*(?:weeks?|wks?)(?!\\p{L})", Pattern.CASE_INSENSITIVE);

    /** "1 times 8", "2x6", "2 x 6 weeks": N a week for M weeks. */
    static final Pattern TIMES_PRODUCT = Pattern.compile(START + "(" + NUM + ")" + RANGE_TAIL
            + "\\s*(?:x|times)\\s*(" + NUM + ")" + RANGE_TAIL
            + "(?!\\s*(?:(?:days?|daily|months?|years?|hours?|hrs?|minutes?|mins?|a|per)(?!\\p{L})|[/%]))",
            Pattern.CASE_INSENSITIVE);

    /** "x 12", "times 12" (not "x 14 days"). */
    static final Pattern TIMES_COUNT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:x|times)\\s*(" + NUM + ")"
            + RANGE_TAIL + "(?!\\s*(?:(?:" + TIME_UNIT + "|a|per)(?!\\p{L})|[/%]))", Pattern.CASE_INSENSITIVE);

    /** "#60", "# 30", "Qty: 60", "quantity 60". */
    private static final Pattern QUANTITY =
            Pattern.compile("(?:#|(?<!\\p{L})(?:qty|quantity)\\.?:?)\\s*(\\d{1,5})(?![\\d.])", Pattern.CASE_INSENSITIVE);

    private static final String DECIMAL = "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final String UNIT = "(?:mg/ml|mg/g|mg/hr?|mcg/hr?|mcg/ml|mcg|mg|µg|ug|grams?|gm|g|ml|%|iu|units?|meq)";
    /** "10/325mg", "320.5/30/16mg", "7.5 mg", "5%", "4%-27.5%-0.0325%", "25mg/ml". */
    private static final Pattern STRENGTH = Pattern.compile("(?<![\\p{L}\\p{N}.,])(?:" + DECIMAL + "\\s?" + UNIT
            + "?\\s?[/-]\\s?)*" + DECIMAL + "\\s?" + UNIT + "(?!\\p{L})", Pattern.CASE_INSENSITIVE);
    /** A single weight in grams or volume ("120gm", "250 ml"): the size of a tube or bottle, not a dose. */
    private static final Pattern PACKAGE_AMOUNT = Pattern.compile(DECIMAL + "\\s?(?:grams?|gm|g|ml)",
            Pattern.CASE_INSENSITIVE);
    /** Dosage forms dispensed by weight or volume; an amount in grams or ml after one is the package size. */
    private static final Pattern DOSAGE_FORM = Pattern.compile("(?<!\\p{L})(?:creams?|gels?|ointments?|lotions?"
            + "|solutions?|suspensions?|liquids?|syrups?|sprays?|foams?|emulsions?|elixirs?|patch(?:es)?)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE);
    /** A dosage form ending a compound's last ingredient term ("lidocaine cream"): not part of the compound's name. */
    private static final Pattern TRAILING_FORM = Pattern.compile("\\s+(?:creams?|gels?|ointments?|lotions?"
            + "|solutions?|patch(?:es)?|topicals?)$", Pattern.CASE_INSENSITIVE);
    /** A combination strength without unit ("Percocet 10/325"), accepted only right after the drug's name. */
    private static final Pattern BARE_COMBINATION = Pattern.compile("\\s*(" + DECIMAL + "(?:\\s?/\\s?" + DECIMAL
            + ")+)(?![\\p{L}\\p{N}.%/])");

    /**
     * Where a count ({@link #NUM}) can begin: a digit, or the first two letters of a number word, "once", "twice" or
     * "thrice". {@link #SESSION_COUNT}, {@link #WEEKLY} and {@link #TIMES_PRODUCT} begin with one ({@code StartsTest}).
     */
    static final Starts COUNT_STARTS = Starts.digitOrLetters("on", "tw", "th", "fo", "fi", "si", "se", "ei", "ni",
            "el", "te");
    /** Where {@link #TIMES_COUNT} can begin: "x" or "times". */
    static final Starts TIMES_STARTS = Starts.letters("x", "ti");

    /**
     * One way of writing a number of sessions, where its matches can begin, and the sessions a match stands for (null
     * for a range).
     */
    private record SessionRule(Pattern pattern, Starts starts, Function<Matcher, Integer> value) {
    }

    /** In order of precedence; groups 2, 4 and 5 hold the upper end of a range. */
    private static final List<SessionRule> SESSION_RULES = List.of(
            new SessionRule(SESSION_COUNT, COUNT_STARTS, m -> m.group(2) != null ? null : number(m.group(1))),
            new SessionRule(WEEKLY, COUNT_STARTS, m -> m.group(2) != null || m.group(5) != null ? null
                    : number(m.group(1) != null ? m.group(1) : m.group(3)) * number(m.group(4))),
            new SessionRule(TIMES_PRODUCT, COUNT_STARTS, m -> m.group(2) != null || m.group(4) != null ? null
                    : number(m.group(1)) * number(m.group(3))),
            new SessionRule(TIMES_COUNT, TIMES_STARTS, m -> m.group(2) != null ? null : number(m.group(1))));

    private static final Treatment NOTHING = new Treatment(null, null, Category.OTHER, null, null, null, null);

    private final TreatmentLexicon lexicon;

    /** A normaliser over the bundled lexicon. */
    public TreatmentNormalizer() {
        this(TreatmentLexicon.bundled());
    }

    public TreatmentNormalizer(TreatmentLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** One lexicon term found in the request; {@code order} is the row's index in the lexicon. */
    private record Match(int start, int end, TreatmentLexicon.Entry entry, int order) {
        int length() {
            return end - start;
        }

        Category category() {
            return entry.category();
        }

        boolean overlaps(Match other) {
            return start < other.end && other.start < end;
        }
    }

    /**
     * Normalises one request.
     *
     * @param request      the request as written in the letter (may be null)
     * @param requestStart where the request starts in the letter's normalised text; the span of the returned
     *                     name is shifted by it (a negative value gives a null span)
     */
    public Treatment normalize(String request, int requestStart) {
        if (request == null || request.isBlank()) {
            return NOTHING;
        }
        List<Match> matches = findMatches(request);
        Integer quantity = quantity(request, matches);
        if (matches.isEmpty()) {
            return new Treatment(null, null, Category.OTHER, null, quantity, sessions(request), null);
        }
        Match best = matches.stream()
                .max(Comparator.comparingInt((Match m) -> m.entry().priority())
                        .thenComparing(Match::start, Comparator.reverseOrder())
                        .thenComparingInt(Match::length)
                        .thenComparing(Match::order, Comparator.reverseOrder()))
                .orElseThrow();
        if (best.category().isMedication()) {
            return medication(request, requestStart, matches, best, quantity);
        }
        Integer sessions = sessions(request);
        if (sessions == null && SESSION_CATEGORIES.contains(best.category())) {
            sessions = quantity;
        }
        return new Treatment(request.substring(best.start(), best.end()), null, best.category(), null, quantity,
                sessions, span(requestStart, best.start(), best.end()));
    }

    /** Every lexicon match, overlaps resolved (longest, then priority, then lexicon order), by position. */
    private List<Match> findMatches(String request) {
        List<Match> all = new ArrayList<>();
        List<TreatmentLexicon.Entry> entries = lexicon.entries();
        Matcher[] matchers = new Matcher[entries.size()];
        for (int start : wordStarts(request)) {
            for (int i : lexicon.candidatesAt(request, start)) {
                Matcher m = matchers[i];
                if (m == null) {
                    m = entries.get(i).pattern().matcher(request).useTransparentBounds(true)
                            .useAnchoringBounds(false);
                    matchers[i] = m;
                }
                if (m.region(start, request.length()).lookingAt() && m.end() > m.start()) {
                    all.add(new Match(m.start(), m.end(), entries.get(i), i));
                }
            }
        }
        all.sort(Comparator.comparingInt(Match::length).reversed()
                .thenComparing(m -> m.entry().priority(), Comparator.reverseOrder())
                .thenComparingInt(Match::order)
                .thenComparingInt(Match::start));
        List<Match> kept = new ArrayList<>();
        for (Match candidate : all) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept;
    }

    /**
     * The positions where a lexicon term can start: a term never follows a letter or digit, so only the
     * first character of each word (and each position outside words) is tried. Trying each term there with
     * {@code lookingAt} finds every match, overlapping ones included, several times faster than scanning; only the
     * rows whose terms' beginnings are there are tried ({@link TreatmentLexicon#candidatesAt}).
     */
    private static int[] wordStarts(String request) {
        return IntStream.range(0, request.length())
                .filter(i -> i == 0 || !Character.isLetterOrDigit(request.charAt(i - 1)))
                .toArray();
    }

    private Treatment medication(String request, int requestStart, List<Match> matches, Match best,
                                 Integer quantity) {
        List<Match> drugs = matches.stream().filter(m -> m.category().isMedication()).toList();
        List<Match> ingredients = drugs.stream().filter(m -> m.entry().generic() != null).toList();
        boolean keyword = drugs.stream()
                .anyMatch(m -> m.category() == Category.COMPOUND && m.entry().generic() == null);
        long distinctGenerics = ingredients.stream().map(m -> m.entry().generic()).distinct().count();
        if (keyword || (distinctGenerics >= 2 && hasPercentStrength(request))) {
            Set<String> generics = new LinkedHashSet<>();
            ingredients.forEach(m -> generics.addAll(List.of(m.entry().generic().split("/"))));
            int start = ingredients.isEmpty() ? best.start() : ingredients.get(0).start();
            int end = ingredients.isEmpty() ? best.end() : ingredients.get(ingredients.size() - 1).end();
            Matcher form = TRAILING_FORM.matcher(request).region(start, end);
            if (!ingredients.isEmpty() && form.find()) {
                end = form.start(); // "Ketoprofen/Lidocaine cream": the last ingredient's term includes its form
            }
            return new Treatment(request.substring(start, end), generics.isEmpty() ? null : String.join("/", generics),
                    Category.COMPOUND, compoundStrength(request, ingredients), quantity, null,
                    span(requestStart, start, end));
        }
        int limit = drugs.stream().mapToInt(Match::start).filter(s -> s > best.start()).min()
                .orElse(request.length());
        Category category = best.category();
        boolean topical = category == Category.TOPICAL_ANALGESIC || category == Category.COMPOUND;
        String strength = strengthBetween(request, best.end(), limit, topical);
        if (strength != null && strength.contains("%") && category != Category.TOPICAL_ANALGESIC
                && category != Category.COMPOUND) {
            category = Category.TOPICAL_ANALGESIC;
        }
        return new Treatment(request.substring(best.start(), best.end()), best.entry().generic(), category, strength,
                quantity, null, span(requestStart, best.start(), best.end()));
    }

    private static boolean hasPercentStrength(String request) {
        Matcher m = STRENGTH.matcher(request);
        while (m.find()) {
            if (m.group().contains("%")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strength of a drug named just before {@code from}: a strength with its unit right after the name,
     * else a unitless combination right after the name ("10/325"), else the first strength with a unit
     * before {@code to}; null when there is none. Package sizes are skipped (see {@link #isPackageSize}).
     *
     * @param topical whether the drug is a topical or a compound, whose amounts in grams or ml are package sizes
     */
    private static String strengthBetween(String request, int from, int to, boolean topical) {
        Matcher withUnit = STRENGTH.matcher(request).region(from, to).useTransparentBounds(true);
        boolean found;
        while ((found = withUnit.find()) && isPackageSize(request, from, withUnit, topical)) {
            // the size of the tube or bottle: look further
        }
        if (found && request.substring(from, withUnit.start()).isBlank()) {
            return withUnit.group();
        }
        Matcher bare = BARE_COMBINATION.matcher(request).region(from, to).useTransparentBounds(true);
        if (bare.lookingAt()) {
            return bare.group(1);
        }
        return found ? withUnit.group() : null;
    }

    /**
     * Whether a strength match is a package size rather than a strength: a single weight in grams or volume
     * ("121gm", "250ml") of a topical or compound, or written after a dosage form sold by weight or volume
     * ("oral suspension, 250ml", "ointment 121gm"). "Keflex 1g" keeps its strength.
     */
    private static boolean isPackageSize(String request, int nameEnd, Matcher strength, boolean topical) {
        if (!PACKAGE_AMOUNT.matcher(strength.group()).matches()) {
            return false;
        }
        return topical || DOSAGE_FORM.matcher(request).region(nameEnd, strength.start()).find();
    }

    /**
     * A compound's strength: the first strength written after its last ingredient ("Flurbiprofen/Lidocaine
     * cream 20%/5% 120gm" gives "20%/5%"), package sizes skipped; null when a strength is written between
     * two ingredients (each has its own, "Flurbiprofen 20%, Lidocaine 5%": there is no single one) or there is
     * no ingredient.
     */
    private static String compoundStrength(String request, List<Match> ingredients) {
        if (ingredients.isEmpty()) {
            return null;
        }
        for (int i = 0; i + 1 < ingredients.size(); i++) {
            if (STRENGTH.matcher(request).region(ingredients.get(i).end(), ingredients.get(i + 1).start())
                    .useTransparentBounds(true).find()) {
                return null;
            }
        }
        Match last = ingredients.get(ingredients.size() - 1);
        Matcher m = STRENGTH.matcher(request).region(last.end(), request.length()).useTransparentBounds(true);
        while (m.find()) {
            if (!isPackageSize(request, last.end(), m, true)) {
                return m.group();
            }
        }
        return null;
    }

    /** The first "#N" outside every matched term, or null. */
    private static Integer quantity(String request, List<Match> matches) {
        Matcher m = QUANTITY.matcher(request);
        while (m.find()) {
            int at = m.start();
            if (matches.stream().noneMatch(match -> match.start() <= at && at < match.end())) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    /** The number of sessions by the first rule the request uses (see the class comment), or null. */
    private static Integer sessions(String request) {
        for (SessionRule rule : SESSION_RULES) {
            // tried only where a match can begin: Java tries an expression beginning with a look-behind everywhere
            Matcher m = Starts.matcher(rule.pattern(), request);
            boolean found = false;
            long total = 0;
            for (int from = 0; rule.starts().find(m, request, from); from = Starts.after(m)) {
                found = true;
                Integer value = rule.value().apply(m);
                if (value == null) {
                    return null;
                }
                total += value;
            }
            if (found) {
                return total <= Integer.MAX_VALUE ? Integer.valueOf((int) total) : null;
            }
        }
        return null;
    }

    /** The value of a count matched by {@link #NUM} or "once"/"twice"/"thrice". */
    private static int number(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (Character.isDigit(t.charAt(0))) {
            return Integer.parseInt(t);
        }
        int value = 0;
        for (String part : t.split("[\\s-]+")) {
            value += NUMBER_WORDS.get(part);
        }
        return value;
    }

    /** The span of {@code [start, end)} of the request in the letter, or null when it cannot be placed. */
    private static Span span(int requestStart, int start, int end) {
        if (requestStart < 0 || (long) requestStart + end > Integer.MAX_VALUE) {
            return null;
        }
        return new Span(requestStart + start, requestStart + end);
    }
}
