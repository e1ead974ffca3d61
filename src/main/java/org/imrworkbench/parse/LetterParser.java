package org.imrworkbench.parse;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Decision;
import org.imrworkbench.model.Item;
import org.imrworkbench.model.ItemSpans;
import org.imrworkbench.model.Letter;
import org.imrworkbench.model.LetterDates;
import org.imrworkbench.model.LetterSpans;
import org.imrworkbench.model.PartialAuthorization;
import org.imrworkbench.model.Patient;
import org.imrworkbench.model.Reviewer;
import org.imrworkbench.model.Sex;
import org.imrworkbench.model.Span;
import org.imrworkbench.model.Treatment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a letter's normalised text (see {@link Normaliser}) into a {@link Letter}. Both renderings are read:
 * the 2014–15 letters (no header, prose credentials, "Page(s):" citations) and the 2016–17 letters (header
 * block, labelled credentials, "Section(s):" citations, partial authorisations). Every string field is the
 * text under its span; what cannot be placed becomes a warning, never silently dropped.
 */
public final class LetterParser {

    private static final String DATE = DateText.DATE;

    private static final Pattern HOW_HEADING = Pattern.compile("^HOW THE IMR FINAL DETERMINATION WAS MADE$");
    private static final Pattern SUMMARY_HEADING = Pattern.compile("^CLINICAL CASE SUMMARY$");
    private static final Pattern ISSUES_HEADING = Pattern.compile("^IMR ISSUES, DECISIONS AND RATIONALES$");
    private static final Pattern SUMMARY_INTRO = Pattern.compile(
            "^The expert reviewer developed the following clinical case summary.*?medical records:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEMS_INTRO = Pattern.compile(
            "^The Final Determination was based on decisions for the disputed items/services set forth below:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDENTIALS_INTRO = Pattern.compile(
            "^The Expert Reviewer has the following credentials:?\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern CA_LABEL = Pattern.compile("^Claims Administrator guideline:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REVIEWER_LABEL = Pattern.compile(
            "^(?:MAXIMUS|Expert Reviewer|Reviewer|IMR) guideline:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIONALE_LABEL = Pattern.compile("^Decision rationale:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_WITH_OUTCOME = Pattern.compile(
            "^(.*?)\\s*:\\s*(Upheld|Overturned)\\.?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern CASE_NUMBER = Pattern.compile("\\bCM\\d{2}-\\d{5,8}\\b");
    private static final Pattern HEADER_LABEL = Pattern.compile(
            "Case Number:|Date Assigned:|Date of Injury:|Decision Date:|UR Denial Date:|Priority:"
                    + "|(?:Application\\s+)?Received:", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TOKEN = Pattern.compile(DATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY_VALUE = Pattern.compile("\\s*(Standard|Expedited|Urgent)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LICENSURE_LABEL = Pattern.compile("^State\\(s\\) of Licensure:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPECIALTY_LABEL = Pattern.compile("^Certification\\(s\\)/Specialty:\\s*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PROSE_CREDENTIALS = Pattern.compile(
            "(Board Certified in|specializes in|specialty in) (.+?)(?:,? (?:and )?has a subspecialty in (.+?))?,?"
                    + " and is licensed to practice in ([^.]+?)\\.", Pattern.CASE_INSENSITIVE);
    static final Starts PROSE_CREDENTIALS_STARTS = Starts.letters("bo", "sp");
    static final Pattern PROSE_LICENSURE = Pattern.compile("licensed to practice in ([^.]+?)\\.",
            Pattern.CASE_INSENSITIVE);
    static final Starts PROSE_LICENSURE_STARTS = Starts.letters("li");

    /**
     * The boilerplate of the "HOW THE IMR FINAL DETERMINATION WAS MADE" section, sentence by sentence, as both
     * renderings word it (the 2016–17 letters say "items/Service"), and the words that introduce the 2014–15 prose
     * credentials. A sentence may run over a paragraph break (its words are apart by any white space).
     */
    private static final Pattern HOW_BOILERPLATE = Pattern.compile(String.join("|",
            words("MAXIMUS Federal Services sent the complete case file to an expert reviewer."),
            words("He/she has no affiliation with the employer, employee, providers or the claims administrator."),
            words("He/she has been in active clinical practice for more than five years and is currently working"
                    + " at least 24 hours a week in active practice."),
            words("The expert reviewer was selected based on his/her clinical experience, education, background,"
                    + " and expertise in the same or similar specialties that evaluate and/or treat the medical"
                    + " condition and disputed") + "\\s+items/services?\\.",
            words("He/she is familiar with governing laws and regulations, including the strength of evidence"
                    + " hierarchy that applies to Independent Medical Review determinations."),
            // before the prose credentials, which parseCredentials places
            "The\\s+expert\\s+reviewer(?:\\s+is|\\s+has\\s+a)?(?=\\s+(?:Board Certified in|specializes in"
                    + "|specialty in|licensed to practice in)\\b)"),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private static final Pattern AGE = Pattern.compile(
            "\\b(\\d{1,3})(?:\\s*-\\s*|\\s+)(?:year|yr)s?(?:\\s*-\\s*|\\s+)old\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEX_WORD = Pattern.compile(
            "\\b(male|female|man|woman|gentleman|lady|boy|girl)\\b", Pattern.CASE_INSENSITIVE);
    /** Separators of a list of names (specialties, licences), with or without "and" between the last two. */
    private static final Pattern LIST_SEPARATOR_WITH_AND =
            Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*;\\s*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.\\s]+$");
    private static final Pattern TRAILING_COLON = Pattern.compile("[\\s:]+$");
    private static final Pattern HE = Pattern.compile("\\b(he|his|him)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHE = Pattern.compile("\\b(she|her|hers)\\b", Pattern.CASE_INSENSITIVE);

    /** Ways a case summary states the date of injury; group 1 is the date. */
    static final List<Pattern> INJURY_IN_SUMMARY = List.of(
            Pattern.compile("(" + DATE + ")\\s+(?:date of injury|DOI|industrial injury|injury date)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:date of (?:the )?injury|injury date|DOI)\\s*(?:is|was|of|on|:)?\\s*(?:on\\s+)?("
                    + DATE + ")", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:sustained|suffered|reported|incurred) an? (?:industrial |work[- ]related |"
                    + "occupational )?injury,?\\s*(?:on|dated)?\\s*(" + DATE + ")", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:injured|injury occurred|was hurt)\\s+(?:at work\\s+)?on\\s+(" + DATE + ")",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:occupational claim|claim|injury) (?:from|dated|of|on) (" + DATE + ")",
                    Pattern.CASE_INSENSITIVE));

    /** Where the matches of each of {@link #INJURY_IN_SUMMARY} can begin (the first pairs are the months'). */
    static final List<Starts> INJURY_STARTS = List.of(
            Starts.digitOrLetters("ja", "fe", "ma", "ap", "ju", "au", "se", "oc", "no", "de"),
            Starts.letters("da", "in", "do"),
            Starts.letters("su", "re", "in"),
            Starts.letters("in", "wa"),
            Starts.letters("oc", "cl", "in"));
    /** The order {@link #injuryIn} tries {@link #INJURY_IN_SUMMARY} in: any order finds the same. */
    private static final int[] INJURY_ORDER = {2, 1, 3, 4, 0};

    private static final List<Pattern> SERVICE_DATE = List.of(
            Pattern.compile("\\bDOS\\s*:?\\s*(" + DATE + ")", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bdates? of serv(?:e|ice)s?\\s*:?\\s*(?:of\\s+|on\\s+)?(" + DATE + ")",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bper (" + DATE + ") (?:order|request|report|prescription)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:dispensed|provided|administered|rendered) on (" + DATE + ")",
                    Pattern.CASE_INSENSITIVE));

    private static final Pattern RETROSPECTIVE = Pattern.compile("\\bretro(?:spective(?:ly)?)?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ORIGINAL_REQUEST = Pattern.compile("^(.+?) was the original request\\.\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHORIZED_PASSIVE = Pattern.compile(
            "\\G(.+?) (?:was|were) (?:authorized|certified|approved|modified)(?: by the Claims Administrator)?\\.\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHORIZED_ACTIVE = Pattern.compile(
            "\\GThe Claims Administrator (?:authorized|certified|approved) (.+?),? leaving the original request"
                    + " IMR eligible\\.\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPUTED = Pattern.compile(
            "(?:IMR eligible portion of the original request|The original request)(?:,| is for| is|:)\\s*(.+?)"
                    + "(?:\\s+is)?\\s*$", Pattern.CASE_INSENSITIVE);

    private final TreatmentNormalizer treatments;
    private final CitationParser citations;

    public LetterParser() {
        this(new TreatmentNormalizer(TreatmentLexicon.bundled()), new CitationParser());
    }

    public LetterParser(TreatmentNormalizer treatments, CitationParser citations) {
        this.treatments = treatments;
        this.citations = citations;
    }

    /** One line of the normalised text, with its offset. */
    private record Para(String text, int start) {
        int end() {
            return start + text.length();
        }

        Span span() {
            return new Span(start, end());
        }
    }

    /**
     * Parses normalised text.
     *
     * @throws UnreadableLetterException when the text is not an IMR determination letter at all
     */
    public Letter parse(String text) throws UnreadableLetterException {
        List<Para> paras = paragraphs(text);
        int how = find(paras, HOW_HEADING, 0);
        int summaryHeading = find(paras, SUMMARY_HEADING, 0);
        int issues = find(paras, ISSUES_HEADING, 0);
        boolean hasItemLabels = paras.stream().anyMatch(p -> RATIONALE_LABEL.matcher(p.text).find()
                || REVIEWER_LABEL.matcher(p.text).find());
        if (how < 0 && summaryHeading < 0 && issues < 0 && !hasItemLabels) {
            throw new UnreadableLetterException("not an IMR determination letter (none of its sections — "
                    + "\"HOW THE IMR FINAL DETERMINATION WAS MADE\", \"CLINICAL CASE SUMMARY\", "
                    + "\"IMR ISSUES, DECISIONS AND RATIONALES\" — was found)");
        }
        List<String> warnings = new ArrayList<>();
        Builder b = new Builder(text);

        int bodyStart = firstNonNegative(how, summaryHeading, issues, paras.size());
        parseHeader(paras, bodyStart, b, warnings);

        int credentialsEnd = firstNonNegative(summaryHeading, issues, paras.size());
        List<Span> placed = new ArrayList<>();
        parseCredentials(paras, Math.max(how, 0), credentialsEnd, b, warnings, placed);
        if (how >= 0 && how < credentialsEnd) {
            // without the later headings, the section ends where the disputed items begin
            int howEnd = credentialsEnd < paras.size() ? credentialsEnd : firstItemOrLabel(paras, how + 1);
            warnUnplacedInHowSection(paras, how + 1, howEnd, placed, text, warnings);
        }

        if (summaryHeading < 0) {
            warnings.add("no CLINICAL CASE SUMMARY section found");
        } else {
            int summaryEnd = issues > summaryHeading ? issues : paras.size();
            parseSummary(paras, summaryHeading + 1, summaryEnd, b, warnings);
        }
        if (b.injury == null && b.summary != null) {
            injuryFromSummary(b);
        }

        List<Item> items;
        if (issues < 0) {
            warnings.add("no \"IMR ISSUES, DECISIONS AND RATIONALES\" section found — the letter may be cut short");
            int firstHeading = firstItemHeading(paras, Math.max(summaryHeading, 0));
            items = firstHeading < 0 ? List.of() : parseItems(paras, firstHeading, b, warnings);
        } else {
            items = parseItems(paras, issues + 1, b, warnings);
        }
        if (items.isEmpty()) {
            warnings.add("no disputed items found");
        }
        return b.build(items, warnings);
    }

    private static List<Para> paragraphs(String text) {
        List<Para> paras = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) {
                paras.add(new Para(text.substring(start, end), start));
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return paras;
    }

    private static int find(List<Para> paras, Pattern pattern, int from) {
        for (int i = from; i < paras.size(); i++) {
            if (pattern.matcher(paras.get(i).text).find()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstNonNegative(int... values) {
        for (int v : values) {
            if (v >= 0) {
                return v;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- header

    private void parseHeader(List<Para> paras, int end, Builder b, List<String> warnings) {
        for (int i = 0; i < end; i++) {
            Para p = paras.get(i);
            List<int[]> labels = new ArrayList<>();
            Matcher m = HEADER_LABEL.matcher(p.text);
            while (m.find()) {
                labels.add(new int[]{m.start(), m.end()});
            }
            if (labels.isEmpty()) {
                warnings.add("text before the letter's first section not placed: \"" + abbreviate(p.text) + "\"");
                continue;
            }
            // Values normally follow their labels. Where the PDF put a run of labels before their values
            // ("Date Assigned: Date of Injury: 12/30/2016 11/02/2016"), the dates after the run go to its labels in
            // order; dates left over anywhere go to the date labels left over, in order.
            List<int[]> pending = new ArrayList<>();
            List<int[]> unassignedLabels = new ArrayList<>();
            List<Span> usedDates = new ArrayList<>();
            for (int k = 0; k < labels.size(); k++) {
                int[] label = labels.get(k);
                int valueEnd = k + 1 < labels.size() ? labels.get(k + 1)[0] : p.text.length();
                String name = p.text.substring(label[0], label[1]).toLowerCase(Locale.ROOT);
                String value = p.text.substring(label[1], valueEnd);
                if (name.startsWith("case number")) {
                    Matcher cn = CASE_NUMBER.matcher(value);
                    if (cn.find()) {
                        b.caseNumber = new Span(p.start + label[1] + cn.start(), p.start + label[1] + cn.end());
                    }
                } else if (name.startsWith("priority")) {
                    Matcher pr = PRIORITY_VALUE.matcher(value);
                    if (pr.lookingAt()) {
                        b.priority = new Span(p.start + label[1] + pr.start(1), p.start + label[1] + pr.end(1));
                    }
                } else {
                    pending.add(label);
                    if (value.isBlank()) {
                        continue;
                    }
                    Matcher d = DATE_TOKEN.matcher(value);
                    int at = value.length() - value.stripLeading().length();
                    while (!pending.isEmpty()) {
                        d.region(at, value.length());
                        if (!d.lookingAt() || DateText.parse(d.group()) == null) {
                            break;
                        }
                        Span span = new Span(p.start + label[1] + d.start(), p.start + label[1] + d.end());
                        int[] owner = pending.remove(0);
                        b.setHeaderDate(p.text.substring(owner[0], owner[1]).toLowerCase(Locale.ROOT), span);
                        usedDates.add(span);
                        at = d.end() + (value.substring(d.end()).length() - value.substring(d.end()).stripLeading()
                                .length());
                    }
                    unassignedLabels.addAll(pending);
                    pending.clear();
                }
            }
            unassignedLabels.addAll(pending);
            if (!unassignedLabels.isEmpty()) {
                Matcher d = DATE_TOKEN.matcher(p.text);
                int next = 0;
                while (d.find() && next < unassignedLabels.size()) {
                    Span span = new Span(p.start + d.start(), p.start + d.end());
                    if (usedDates.contains(span) || DateText.parse(d.group()) == null) {
                        continue;
                    }
                    int[] label = unassignedLabels.get(next++);
                    b.setHeaderDate(p.text.substring(label[0], label[1]).toLowerCase(Locale.ROOT), span);
                }
            }
        }
        if (b.caseNumber == null) {
            // A case number elsewhere in the letter's first lines (a running head, a cover line).
            for (int i = 0; i < Math.min(end, paras.size()); i++) {
                Matcher cn = CASE_NUMBER.matcher(paras.get(i).text);
                if (cn.find()) {
                    b.caseNumber = new Span(paras.get(i).start + cn.start(), paras.get(i).start + cn.end());
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- credentials

    /**
     * Reads the reviewer's credentials from paragraphs {@code from .. to}; adds to {@code placed} the text each
     * value was read from (a labelled line whole, the introduction, a sentence of prose credentials).
     */
    private void parseCredentials(List<Para> paras, int from, int to, Builder b, List<String> warnings,
                                  List<Span> placed) {
        Span credentials = null;
        for (int i = from; i < to; i++) {
            Para p = paras.get(i);
            Matcher lic = LICENSURE_LABEL.matcher(p.text);
            Matcher spec = SPECIALTY_LABEL.matcher(p.text);
            Matcher intro;
            if (lic.find()) {
                b.licensure = States.fullNames(splitList(p.text.substring(lic.end()), true));
                credentials = union(credentials, p.span());
                placed.add(p.span());
            } else if (spec.find()) {
                b.specialties = splitList(p.text.substring(spec.end()), false);
                credentials = union(credentials, p.span());
                placed.add(p.span());
            } else if ((intro = CREDENTIALS_INTRO.matcher(p.text)).find()) {
                credentials = union(credentials, p.span());
                placed.add(new Span(p.start, p.start + intro.end()));
            } else {
                Matcher prose = Starts.matcher(PROSE_CREDENTIALS, p.text);
                if (PROSE_CREDENTIALS_STARTS.find(prose, p.text, 0)) {
                    b.boardCertified = prose.group(1).toLowerCase(Locale.ROOT).startsWith("board certified")
                            ? Boolean.TRUE : null;
                    b.specialties = splitList(prose.group(2), false);
                    b.subspecialties = prose.group(3) == null ? List.of() : splitList(prose.group(3), false);
                    b.licensure = States.fullNames(splitList(prose.group(4), true));
                    Span sentence = new Span(p.start + prose.start(), p.start + prose.end());
                    credentials = union(credentials, sentence);
                    placed.add(sentence);
                } else {
                    Matcher onlyLicence = Starts.matcher(PROSE_LICENSURE, p.text);
                    if (PROSE_LICENSURE_STARTS.find(onlyLicence, p.text, 0) && b.licensure.isEmpty()) {
                        b.licensure = States.fullNames(splitList(onlyLicence.group(1), true));
                        Span sentence = new Span(p.start + onlyLicence.start(), p.start + onlyLicence.end());
                        credentials = union(credentials, sentence);
                        placed.add(sentence);
                    }
                }
            }
        }
        b.credentials = credentials;
        if (b.specialties.isEmpty()) {
            warnings.add("the reviewer's specialty was not found");
        }
        if (b.licensure.isEmpty()) {
            warnings.add("the reviewer's state of licensure was not found");
        }
    }

    /**
     * Warns of the text of paragraphs {@code from .. to} (the "HOW THE IMR FINAL DETERMINATION WAS MADE" section
     * after its heading) that is neither its {@link #HOW_BOILERPLATE} nor {@code placed} (the credentials read):
     * each paragraph's leftover once, quoted.
     */
    private static void warnUnplacedInHowSection(List<Para> paras, int from, int to, List<Span> placed, String text,
                                                 List<String> warnings) {
        if (from >= to) {
            return;
        }
        int start = paras.get(from).start;
        int end = paras.get(to - 1).end();
        List<Span> known = new ArrayList<>();
        for (Span s : placed) {
            if (s.start() >= start && s.end() <= end) {
                known.add(s);
            }
        }
        Matcher boilerplate = HOW_BOILERPLATE.matcher(text).region(start, end);
        while (boilerplate.find()) {
            known.add(new Span(boilerplate.start(), boilerplate.end()));
        }
        known.sort(java.util.Comparator.comparingInt(Span::start));
        int at = start;
        for (Span s : known) {
            if (s.start() > at) {
                warnUnplaced(text.substring(at, s.start()), warnings);
            }
            at = Math.max(at, s.end());
        }
        if (at < end) {
            warnUnplaced(text.substring(at, end), warnings);
        }
    }

    private static void warnUnplaced(String leftover, List<String> warnings) {
        for (String paragraph : leftover.split("\n")) {
            if (LETTER_OR_DIGIT.matcher(paragraph).find()) {
                warnings.add("text in the \"HOW THE IMR FINAL DETERMINATION WAS MADE\" section not placed: \""
                        + abbreviate(paragraph.strip()) + "\"");
            }
        }
    }

    /** A sentence's words apart by any white space (a line or paragraph break among them). */
    private static String words(String sentence) {
        StringBuilder regex = new StringBuilder();
        for (String word : sentence.split(" ")) {
            regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(word));
        }
        return regex.toString();
    }

    /** Splits "Texas,Illinois" or "A, B and C"; specialties split on commas only ("Obstetrics and Gynecology"). */
    private static List<String> splitList(String value, boolean splitOnAnd) {
        Pattern separator = splitOnAnd ? LIST_SEPARATOR_WITH_AND : LIST_SEPARATOR;
        List<String> parts = new ArrayList<>();
        for (String part : separator.split(TRAILING_DOTS.matcher(value.strip()).replaceAll(""))) {
            String cleaned = part.strip();
            if (!cleaned.isEmpty()) {
                parts.add(cleaned);
            }
        }
        return parts;
    }

    private static Span union(Span a, Span b) {
        if (a == null) {
            return b;
        }
        return new Span(Math.min(a.start(), b.start()), Math.max(a.end(), b.end()));
    }

    // ---------------------------------------------------------------- summary

    private void parseSummary(List<Para> paras, int from, int to, Builder b, List<String> warnings) {
        int start = -1;
        int end = -1;
        for (int i = from; i < to; i++) {
            Para p = paras.get(i);
            int s = p.start;
            Matcher intro = SUMMARY_INTRO.matcher(p.text);
            if (intro.find()) {
                if (intro.end() == p.text.length()) {
                    continue;
                }
                s = p.start + intro.end();
            }
            if (start < 0) {
                start = s;
            }
            end = p.end();
        }
        if (start < 0) {
            warnings.add("the CLINICAL CASE SUMMARY section is empty");
            return;
        }
        b.summary = new Span(start, end);
        String summary = b.summary.of(b.text);
        Matcher age = AGE.matcher(summary);
        if (age.find()) {
            b.age = new Span(start + age.start(1), start + age.end(1));
            Matcher sex = SEX_WORD.matcher(summary);
            sex.region(age.end(), Math.min(summary.length(), age.end() + 40));
            if (sex.find()) {
                b.sex = new Span(start + sex.start(1), start + sex.end(1));
            }
        }
        if (b.sex == null) {
            Matcher sex = SEX_WORD.matcher(summary);
            if (sex.find()) {
                b.sex = new Span(start + sex.start(1), start + sex.end(1));
            } else {
                int he = count(HE, summary);
                int she = count(SHE, summary);
                if (he + she >= 2 && (he >= 3 * she || she >= 3 * he)) {
                    b.pronounSex = he > she ? Sex.MALE : Sex.FEMALE;
                    warnings.add("patient's sex inferred from pronouns in the case summary");
                }
            }
        }
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private void injuryFromSummary(Builder b) {
        Span inSummary = injuryIn(b.summary.of(b.text));
        b.injury = inSummary == null ? null
                : new Span(b.summary.start() + inSummary.start(), b.summary.start() + inSummary.end());
    }

    /**
     * Where the date of injury stands in a case summary, or null: the earliest match of any of
     * {@link #INJURY_IN_SUMMARY} with a date that reads, of two beginning at the same place the one listed first.
     */
    static Span injuryIn(String summary) {
        // Each expression is looked for only up to where the best match so far begins, and those whose matches
        // usually come early are tried first: the first expression, a date followed by its name, would otherwise be
        // tried at every number and month of the summary.
        int best = Integer.MAX_VALUE;
        int bestPattern = -1;
        Span bestSpan = null;
        for (int p : INJURY_ORDER) {
            Starts starts = INJURY_STARTS.get(p);
            Matcher m = Starts.matcher(INJURY_IN_SUMMARY.get(p), summary);
            int lastStart = p < bestPattern ? best : best - 1;
            for (int from = 0; starts.find(m, summary, from, summary.length(), lastStart); from = Starts.after(m)) {
                if (DateText.parse(m.group(1)) != null) {
                    best = m.start();
                    bestPattern = p;
                    bestSpan = new Span(m.start(1), m.end(1));
                    break;
                }
            }
        }
        return bestSpan;
    }

    // ---------------------------------------------------------------- items

    private static int firstItemHeading(List<Para> paras, int from) {
        for (int i = from; i < paras.size(); i++) {
            if (HEADING_WITH_OUTCOME.matcher(paras.get(i).text).matches() && !isLabel(paras.get(i).text)) {
                return i;
            }
        }
        return -1;
    }

    /** The first disputed item's heading or label from paragraph {@code from}, or the number of paragraphs. */
    private static int firstItemOrLabel(List<Para> paras, int from) {
        for (int i = from; i < paras.size(); i++) {
            String t = paras.get(i).text;
            if (isLabel(t) || HEADING_WITH_OUTCOME.matcher(t).matches()) {
                return i;
            }
        }
        return paras.size();
    }

    private static boolean isLabel(String text) {
        return CA_LABEL.matcher(text).find() || REVIEWER_LABEL.matcher(text).find()
                || RATIONALE_LABEL.matcher(text).find();
    }

    private enum Field { NONE, CLAIMS_ADMINISTRATOR, REVIEWER, RATIONALE }

    /** An item being read. */
    private final class ItemDraft {
        final int number;
        final Span heading;
        final Span request;
        final Decision decision;
        final Span decisionSpan;
        final PartialAuthorization partial;
        final boolean retrospective;
        Span ca;
        Span reviewer;
        Span rationale;

        ItemDraft(int number, Para heading, Span request, Decision decision, Span decisionSpan,
                  PartialAuthorization partial) {
            this.number = number;
            this.heading = heading.span();
            this.request = request;
            this.decision = decision;
            this.decisionSpan = decisionSpan;
            this.partial = partial;
            this.retrospective = RETROSPECTIVE.matcher(heading.text).find();
        }
    }

    private List<Item> parseItems(List<Para> paras, int from, Builder b, List<String> warnings) {
        List<ItemDraft> drafts = new ArrayList<>();
        ItemDraft current = null;
        Field field = Field.NONE;
        for (int i = from; i < paras.size(); i++) {
            Para p = paras.get(i);
            Matcher label;
            if ((label = CA_LABEL.matcher(p.text)).find()) {
                if (current == null) {
                    warnings.add("a \"Claims Administrator guideline\" stands before any disputed item");
                    continue;
                }
                current.ca = new Span(p.start + label.end(), p.end());
                field = Field.CLAIMS_ADMINISTRATOR;
                continue;
            }
            if ((label = REVIEWER_LABEL.matcher(p.text)).find()) {
                if (current == null) {
                    warnings.add("a reviewer's guideline stands before any disputed item");
                    continue;
                }
                current.reviewer = new Span(p.start + label.end(), p.end());
                field = Field.REVIEWER;
                continue;
            }
            if ((label = RATIONALE_LABEL.matcher(p.text)).find()) {
                if (current == null) {
                    warnings.add("a decision rationale stands before any disputed item");
                    continue;
                }
                current.rationale = new Span(p.start + label.end(), p.end());
                field = Field.RATIONALE;
                continue;
            }
            Matcher heading = HEADING_WITH_OUTCOME.matcher(p.text);
            boolean nextIsLabel = i + 1 < paras.size() && (CA_LABEL.matcher(paras.get(i + 1).text).find()
                    || REVIEWER_LABEL.matcher(paras.get(i + 1).text).find());
            if (heading.matches()) {
                current = newItem(drafts.size() + 1, p, heading.end(1), decisionOf(heading.group(2)),
                        new Span(p.start + heading.start(2), p.start + heading.end(2)));
                drafts.add(current);
                field = Field.NONE;
            } else if (nextIsLabel && (current == null || current.rationale != null)) {
                int requestEnd = TRAILING_COLON.matcher(p.text).replaceAll("").length();
                current = newItem(drafts.size() + 1, p, requestEnd, Decision.UNKNOWN, null);
                drafts.add(current);
                field = Field.NONE;
                warnings.add("item " + current.number + ": the letter does not say whether the denial was "
                        + "upheld or overturned (\"" + abbreviate(p.text) + "\")");
            } else if (current == null) {
                if (!ITEMS_INTRO.matcher(p.text).find()) {
                    warnings.add("text before the first disputed item not placed: \"" + abbreviate(p.text) + "\"");
                }
            } else {
                // A further paragraph of the field being read.
                switch (field) {
                    case CLAIMS_ADMINISTRATOR -> current.ca = new Span(current.ca.start(), p.end());
                    case REVIEWER -> current.reviewer = new Span(current.reviewer.start(), p.end());
                    case RATIONALE -> current.rationale = new Span(current.rationale.start(), p.end());
                    case NONE -> warnings.add("item " + current.number + ": text between the request and its "
                            + "guidelines not placed: \"" + abbreviate(p.text) + "\"");
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (ItemDraft d : drafts) {
            items.add(finish(d, b.text, warnings));
        }
        return items;
    }

    private static Decision decisionOf(String word) {
        return word.equalsIgnoreCase("Overturned") ? Decision.OVERTURNED : Decision.UPHELD;
    }

    private ItemDraft newItem(int number, Para p, int requestEndInPara, Decision decision, Span decisionSpan) {
        String headingText = p.text.substring(0, requestEndInPara);
        Span request = new Span(p.start, p.start + requestEndInPara);
        PartialAuthorization partial = null;
        Matcher original = ORIGINAL_REQUEST.matcher(headingText);
        if (original.find()) {
            Span originalSpan = new Span(p.start + original.start(1), p.start + original.end(1));
            Span authorizedSpan = null;
            Matcher passive = AUTHORIZED_PASSIVE.matcher(headingText);
            Matcher active = AUTHORIZED_ACTIVE.matcher(headingText);
            passive.region(original.end(), headingText.length());
            active.region(original.end(), headingText.length());
            int after = original.end();
            if (active.find()) {
                authorizedSpan = new Span(p.start + active.start(1), p.start + active.end(1));
                after = active.end();
            } else if (passive.find()) {
                authorizedSpan = new Span(p.start + passive.start(1), p.start + passive.end(1));
                after = passive.end();
            }
            Span disputedSpan = null;
            Matcher disputed = DISPUTED.matcher(headingText);
            disputed.region(after, headingText.length());
            if (disputed.find()) {
                disputedSpan = new Span(p.start + disputed.start(1), p.start + disputed.end(1));
                request = disputedSpan;
            }
            String text = p.text;
            partial = new PartialAuthorization(
                    originalSpan.shift(-p.start).of(text),
                    authorizedSpan == null ? null : authorizedSpan.shift(-p.start).of(text),
                    disputedSpan == null ? null : disputedSpan.shift(-p.start).of(text),
                    originalSpan, authorizedSpan, disputedSpan);
        }
        return new ItemDraft(number, p, request, decision, decisionSpan, partial);
    }

    private Item finish(ItemDraft d, String text, List<String> warnings) {
        String request = d.request.of(text);
        Span serviceDateSpan = null;
        LocalDate serviceDate = null;
        String heading = d.heading.of(text);
        for (Pattern pattern : SERVICE_DATE) {
            Matcher m = pattern.matcher(request);
            int offset = d.request.start();
            if (!m.find()) {
                // a partial authorisation may state the date only in the original request
                m = pattern.matcher(heading);
                offset = d.heading.start();
                if (!m.find()) {
                    continue;
                }
            }
            LocalDate date = DateText.parse(m.group(1));
            if (date != null) {
                serviceDate = date;
                serviceDateSpan = new Span(offset + m.start(1), offset + m.end(1));
                break;
            }
        }
        Treatment treatment = treatments.normalize(request, d.request.start());
        List<Citation> cited = new ArrayList<>();
        String ca = d.ca == null ? null : d.ca.of(text);
        String reviewer = d.reviewer == null ? null : d.reviewer.of(text);
        if (ca != null) {
            cited.addAll(citations.parse(CitedBy.CLAIMS_ADMINISTRATOR, ca, d.ca.start()));
        }
        if (reviewer != null) {
            cited.addAll(citations.parse(CitedBy.REVIEWER, reviewer, d.reviewer.start()));
        }
        if (d.reviewer == null) {
            warnings.add("item " + d.number + ": no reviewer's guideline (\"MAXIMUS guideline:\") found");
        }
        if (d.rationale == null) {
            warnings.add("item " + d.number + ": no decision rationale found");
        }
        return new Item(d.number, request, d.decision, d.retrospective, serviceDate, d.partial, treatment, ca,
                reviewer, cited, d.rationale == null ? null : d.rationale.of(text),
                new ItemSpans(d.heading, d.request, d.decisionSpan, serviceDateSpan, d.ca, d.reviewer, d.rationale));
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    // ---------------------------------------------------------------- builder

    /** Spans found so far; values are read from the text at the end. */
    private static final class Builder {
        final String text;
        Span caseNumber;
        Span priority;
        Span assigned;
        Span decided;
        Span injury;
        Span urDenial;
        Span received;
        Span credentials;
        Span summary;
        Span age;
        Span sex;
        Sex pronounSex;
        Boolean boardCertified;
        List<String> specialties = List.of();
        List<String> subspecialties = List.of();
        List<String> licensure = List.of();

        Builder(String text) {
            this.text = text;
        }

        void setHeaderDate(String label, Span span) {
            if (label.startsWith("date assigned")) {
                assigned = span;
            } else if (label.startsWith("date of injury")) {
                injury = span;
            } else if (label.startsWith("decision date")) {
                decided = span;
            } else if (label.startsWith("ur denial")) {
                urDenial = span;
            } else if (label.contains("received")) {
                received = span;
            }
        }

        private LocalDate date(Span span) {
            return span == null ? null : DateText.parse(span.of(text));
        }

        Letter build(List<Item> items, List<String> warnings) {
            Sex patientSex = pronounSex;
            if (sex != null) {
                String word = sex.of(text).toLowerCase(Locale.ROOT);
                patientSex = switch (word) {
                    case "female", "woman", "lady", "girl" -> Sex.FEMALE;
                    default -> Sex.MALE;
                };
            }
            Integer patientAge = age == null ? null : Integer.valueOf(age.of(text));
            return new Letter(
                    caseNumber == null ? null : caseNumber.of(text),
                    priority == null ? null : priority.of(text),
                    new LetterDates(date(assigned), date(decided), date(injury), date(urDenial), date(received)),
                    new Reviewer(specialties, subspecialties, boardCertified, licensure),
                    new Patient(patientAge, patientSex),
                    summary == null ? null : summary.of(text),
                    items, warnings, text,
                    new LetterSpans(caseNumber, priority, assigned, decided, injury, urDenial, received, credentials,
                            age, sex, summary));
        }
    }
}
