package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrworkbench.model.Citation;
import org.imrworkbench.model.CitationSource;
import org.imrworkbench.model.CitedBy;
import org.imrworkbench.model.Span;

/**
 * Reads the guideline citations of one "Claims Administrator guideline:" or "MAXIMUS guideline:"
 * paragraph.
 *
 * <h2>Statements</h2>
 * A paragraph is cut into statements at each "Decision based on" (also "based his/her decision on the",
 * of older letters). A statement runs to the next one, or to "Decision rationale", a boilerplate
 * sentence or a "did not cite" sentence, whichever comes first.
 * <ul>
 *   <li>"did not cite any medical evidence" gives one {@link CitationSource#NONE} citation.</li>
 *   <li>The boilerplate sentences "... based their decision on recommendation(s) outside of the MTUS
 *       Guidelines." and "... did not base their decision on the MTUS." give nothing.</li>
 *   <li>"Decision based on MTUS ..." gives one MTUS citation per guideline: see {@link #parseMtus}.</li>
 *   <li>"Decision based on Non-MTUS Citation ..." gives one citation per cited source: see
 *       {@link #parseNonMtus}.</li>
 * </ul>
 * When a paragraph has none of these, an "MTUS" directly followed by a known MTUS title, or else the
 * first name of a known source (ODG, ACOEM, UpToDate), starts a statement.
 *
 * <h2>Names</h2>
 * MTUS titles, non-MTUS chapter names, source names and section titles containing commas are data,
 * in {@code /lexicon/guideline-*.txt} (see {@link GuidelineLexicon}); page lists follow
 * {@link CitationPages}; section lists {@link CitationSections}. Guidelines and sections are trimmed,
 * single-spaced, without trailing periods and without edition notes such as "(updated 12/12/16)"; a guideline
 * is named with its year when one is given, written after the title: "Low Back Complaints (2004)" is
 * "Low Back Complaints 2004", and a revision year is the year of the edition cited, so
 * "Elbow Disorders (Revised 2007)" is "Elbow Disorders 2007".
 *
 * <h2>Spans</h2>
 * Each citation's span is {@code textStart} plus the range of the text it was read from: for MTUS the
 * guideline title through its sections and pages, for a non-MTUS source its name through its chapter and
 * topics, for NONE the "did not cite" sentence. Spans always lie within the given text. A negative
 * {@code textStart} is taken as 0; a span that would overflow an {@code int} is left null.
 *
 * <h2>Robustness</h2>
 * {@link #parse} never throws. Null or blank text gives an empty list; only the first {@value #MAX_CHARS}
 * characters are read (real paragraphs are far shorter); what cannot be placed is ignored (the caller keeps
 * the whole text). Instances are immutable and thread-safe.
 */
public final class CitationParser {

    /** Characters of a paragraph that are read; the rest is ignored. */
    public static final int MAX_CHARS = 100_000;

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ANGLE_BRACKET = Pattern.compile("[<>]");
    private static final Pattern QUALIFIER_SEPARATOR = Pattern.compile("[\\s,&/]+");

    /** "Decision based on" (2014-17 letters). */
    static final Pattern DECISION_BASED_ON =
            Pattern.compile("(?<!\\p{L})decision\\s++based\\s++on(?!\\p{L})\\s*+:?\\s*+", CI);
    /** Where the matches of {@link #DECISION_BASED_ON} and {@link #RATIONALE} begin. */
    static final Starts DECISION_STARTS = Starts.letters("de");
    /** "The Physician Reviewer based his/her decision on the ..." (older letters). */
    static final Pattern BASED_DECISION_ON = Pattern.compile(
            "(?<!\\p{L})based\\s++(?:his/her|his|her|their|its)\\s++decision\\s++on\\s++(?:the\\s++)?", CI);
    static final Starts BASED_STARTS = Starts.letters("ba");
    private static final Pattern NON_MTUS = Pattern.compile(
            "(?:the\\s++)?non\\s*+-?\\s*+mtus(?!\\p{L})(?:\\s++citations?(?!\\p{L}))?\\s*+:?\\s*+", CI);
    private static final Pattern MTUS = Pattern.compile(
            "(?:the\\s++)?(?:california\\s++|ca\\s++)?mtus(?!\\p{L})\\s*+[:\\-\u2013]?\\s*+", CI);

    static final Pattern RATIONALE = Pattern.compile("(?<!\\p{L})decision\\s++rationale(?!\\p{L})", CI);
    /** Sentences that say where the decision came from without citing anything. */
    static final Pattern BOILERPLATE = Pattern.compile(
            "(?<!\\p{L})(?:the\\s++)?(?:claims\\s++administrator|expert\\s++reviewer|physician\\s++reviewer"
                    + "|utilization\\s++reviewer|reviewer)\\s++(?:based\\s++(?:their|his|her|his/her|its)\\s++decision"
                    + "\\s++on\\s++recommendations?(?:\\s*+\\(s\\))?\\s++outside\\s++(?:of\\s++)?the\\s++mtus"
                    + "(?:\\s++guidelines?)?|did\\s++not\\s++base\\s++(?:their|his|her|his/her|its)\\s++decision"
                    + "\\s++on\\s++the\\s++mtus(?:\\s++guidelines?)?)(?!\\p{L})\\s*+\\.?", CI);
    static final Starts BOILERPLATE_STARTS = Starts.letters("th", "cl", "ex", "ph", "ut", "re");
    static final Pattern NO_EVIDENCE = Pattern.compile(
            "(?<!\\p{L})did\\s++not\\s++cite\\s++any\\s++(?:medical\\s++)?evidence(?:\\s++for\\s++"
                    + "(?:its|his|her|his/her|their|the)\\s++decision)?(?!\\p{L})\\s*+\\.?", CI);
    static final Starts NO_EVIDENCE_STARTS = Starts.letters("di");

    /** A join of two MTUS guidelines: ", and Chronic Pain Medical Treatment 2016". */
    private static final Pattern AND_JOIN = Pattern.compile("(?:\\s*+,\\s*+|\\s++)and\\s++", CI);
    /** An MTUS title not in the list, recognised by its year: "Hip Complaints 2004". */
    private static final Pattern GENERIC_TITLE = Pattern.compile(
            "\\p{Lu}[^,.;:()\\d]{0,80}?\\s\\(?(?:19|20)\\d{2}\\)?(?!\\p{N})(?=\\s*+(?:[,.;]|$))");
    /** The year after a known title: "2004", "(2004)", "(Revised 2007)" (the revision is the edition cited). */
    private static final Pattern YEAR_AFTER_TITLE = Pattern.compile(
            "\\s*+,?\\s*+\\(?\\s*+(?:revised\\s++)?((?:19|20)\\d{2})\\s*+\\)?(?![\\p{N}/])", CI);
    private static final Pattern YEAR =
            Pattern.compile("(?<![\\p{N}/])\\(?((?:19|20)\\d{2})\\)?(?![\\p{N}/])");
    private static final Pattern GUIDELINES_WORD = Pattern.compile("(?<!\\p{L})guidelines?(?!\\p{L})", CI);
    private static final Pattern SECTION_LABEL =
            Pattern.compile("(?<!\\p{L})sections?\\s*+(?:\\(s\\))?\\s*+:", CI);
    private static final Pattern PART_OF_MTUS =
            Pattern.compile("(?:,\\s*+)?(?<!\\p{L})which\\s++(?:is|are)\\s++part\\s++of\\s++(?:the\\s++)?mtus.*", CI);
    /** Words after a chapter name that belong to it: "Knee Chapter", "Knee and Leg Section". */
    private static final Pattern CHAPTER_WORD =
            Pattern.compile("(?:chapters?|sections?|guidelines?)(?!\\p{L})", CI);
    /** A name that is a guideline by its last word: "Physical Therapy Guidelines", "Elbow chapter". */
    private static final Pattern GUIDELINE_BY_WORD =
            Pattern.compile(".*(?<!\\p{L})(?:guidelines?|chapters?)", CI | Pattern.DOTALL);
    private static final Pattern LEADING_YEAR =
            Pattern.compile("\\(?(?:19|20)\\d{2}\\)?(?![\\p{N}/])\\s*+[,;:]");
    /** Words of a parenthesised qualifier that is part of a chapter name: "(Acute &amp; Chronic)". */
    private static final Set<String> QUALIFIER_WORDS =
            Set.of("acute", "chronic", "subacute", "sub-acute", "and", "thoracic", "lumbar", "cervical");
    private static final Pattern EDITION_WORDS =
            Pattern.compile("\\s*+(?:last\\s++)?(?:updated|revised|online\\s++version|version)(?!\\p{L}).*", CI
                    | Pattern.DOTALL);

    private final GuidelineLexicon lexicon;

    /** A parser with the bundled lexicon. */
    public CitationParser() {
        this(GuidelineLexicon.shared());
    }

    CitationParser(GuidelineLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** One statement: where its marker starts and its body's range. */
    private record Statement(boolean mtus, int markerStart, int bodyStart, int bodyEnd) {
    }

    /** A source name found in a non-MTUS statement. */
    private record Anchor(int start, int end, CitationSource source) {
    }

    /** What a chapter-style reference was read as. */
    private record Named(String guideline, List<String> sections) {
    }

    /**
     * The citations of one guideline paragraph, in text order.
     *
     * @param by            who cites (the paragraph's label)
     * @param guidelineText the text after the label, unwrapped to one line
     * @param textStart     the offset of {@code guidelineText} in the letter's normalised text
     * @return the citations; empty when none could be read. Never null, never throws.
     */
    public List<Citation> parse(CitedBy by, String guidelineText, int textStart) {
        List<Citation> out = new ArrayList<>();
        if (guidelineText == null || guidelineText.isBlank()) {
            return List.of();
        }
        try {
            String text = guidelineText.length() > MAX_CHARS ? guidelineText.substring(0, MAX_CHARS) : guidelineText;
            int base = Math.max(0, textStart);
            TreeSet<Integer> stops = new TreeSet<>();
            addStarts(RATIONALE, DECISION_STARTS, text, stops);
            addStarts(BOILERPLATE, BOILERPLATE_STARTS, text, stops);

            int noneCount = 0;
            Matcher none = Starts.matcher(NO_EVIDENCE, text);
            for (int from = 0; NO_EVIDENCE_STARTS.find(none, text, from); from = Starts.after(none)) {
                int start = sentenceStart(text, none.start());
                stops.add(start);
                add(out, by, CitationSource.NONE, null, List.of(), List.of(), base, start,
                        GuidelineText.trimEnd(text, start, none.end()) + (endsWithPeriod(text, none.end()) ? 1 : 0));
                noneCount++;
            }

            List<Statement> statements = findStatements(text, stops);
            if (statements.isEmpty() && noneCount == 0) {
                statements = fallbackStatements(text, stops);
            }
            for (Statement st : statements) {
                try {
                    if (st.mtus()) {
                        parseMtus(text, st, by, base, out);
                    } else {
                        parseNonMtus(text, st, by, base, out);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    // a statement that cannot be read is skipped; the caller keeps the text
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // keep whatever was read before
        }
        out.sort(Comparator.comparingInt(c -> c.span() == null ? Integer.MAX_VALUE : c.span().start()));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- statements

    private List<Statement> findStatements(String text, TreeSet<Integer> stops) {
        List<int[]> markers = new ArrayList<>(); // {markerStart, bodyStart, mtus ? 1 : 0}
        Matcher m = Starts.matcher(DECISION_BASED_ON, text);
        for (int from = 0; DECISION_STARTS.find(m, text, from); from = Starts.after(m)) {
            int kind = classify(text, m.end(), true);
            if (kind >= 0) {
                markers.add(new int[] {m.start(), bodyStart(text, m.end(), kind), kind});
            }
        }
        m = Starts.matcher(BASED_DECISION_ON, text);
        for (int from = 0; BASED_STARTS.find(m, text, from); from = Starts.after(m)) {
            int kind = classify(text, m.end(), false);
            if (kind >= 0) {
                markers.add(new int[] {m.start(), bodyStart(text, m.end(), kind), kind});
            }
        }
        markers.sort(Comparator.comparingInt(a -> a[0]));
        for (int[] marker : markers) {
            stops.add(marker[0]);
        }
        List<Statement> statements = new ArrayList<>();
        for (int[] marker : markers) {
            Integer stop = stops.ceiling(marker[1]);
            int end = stop == null ? text.length() : stop;
            if (marker[1] <= end) {
                statements.add(new Statement(marker[2] == 1, marker[0], marker[1], end));
            }
        }
        return statements;
    }

    /**
     * What follows a marker: 1 for MTUS, 0 for non-MTUS, -1 for nothing citable (after "based their
     * decision on", only MTUS, Non-MTUS or a known source name counts).
     */
    private int classify(String text, int pos, boolean decisionBasedOn) {
        if (lookingAt(NON_MTUS, text, pos) >= 0) {
            return 0;
        }
        if (lookingAt(MTUS, text, pos) >= 0) {
            return 1;
        }
        if (lexicon.sourceAt(text, pos, text.length()) != null) {
            return 0;
        }
        // "Decision based on" something else: a non-MTUS reference, unless nothing follows
        return decisionBasedOn && GuidelineText.trimEnd(text, pos, text.length()) > pos ? 0 : -1;
    }

    private static int bodyStart(String text, int pos, int kind) {
        int end = lookingAt(kind == 1 ? MTUS : NON_MTUS, text, pos);
        return end >= 0 ? end : pos;
    }

    /** Statements of a paragraph without "Decision based on": "MTUS &lt;title&gt;", else a source name. */
    private List<Statement> fallbackStatements(String text, TreeSet<Integer> stops) {
        List<Statement> statements = new ArrayList<>();
        Matcher m = MTUS.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            if (lexicon.titleAt(text, m.end(), text.length()) >= 0) {
                found.add(new int[] {m.start(), m.end()});
                stops.add(m.start());
            }
        }
        if (found.isEmpty()) {
            Matcher s = lexicon.sourceFinder(text);
            if (s != null && lexicon.findSource(s, text, 0, text.length())) {
                found.add(new int[] {s.start(), s.start()});
                stops.add(s.start());
            }
            for (int[] f : found) {
                Integer stop = stops.higher(f[1]);
                statements.add(new Statement(false, f[0], f[1], stop == null ? text.length() : stop));
            }
            return statements;
        }
        for (int[] f : found) {
            Integer stop = stops.higher(f[0]);
            statements.add(new Statement(true, f[0], f[1], stop == null ? text.length() : stop));
        }
        return statements;
    }

    // ---------------------------------------------------------------- MTUS

    /**
     * "Decision based on MTUS &lt;guideline&gt; [year][, Section(s): a, b][, and &lt;guideline&gt; ...]".
     * Guidelines are joined by ", and" (or "and") followed by a known MTUS title or a capitalised
     * title with a year. Each guideline gives one citation: see {@link #parseMtusSegment}.
     */
    private void parseMtus(String text, Statement st, CitedBy by, int base, List<Citation> out) {
        int bs = GuidelineText.skipSpaces(text, st.bodyStart(), st.bodyEnd());
        int be = GuidelineText.trimEnd(text, bs, st.bodyEnd());
        if (bs >= be) {
            add(out, by, CitationSource.MTUS, null, List.of(), List.of(), base, st.markerStart(),
                    GuidelineText.trimEnd(text, st.markerStart(), st.bodyEnd()));
            return;
        }
        int segStart = bs;
        while (segStart < be) {
            int titleEnd = lexicon.titleAt(text, segStart, be);
            int searchFrom = titleEnd > segStart ? titleEnd : segStart;
            int segEnd = be;
            int next = be;
            Matcher join = AND_JOIN.matcher(text);
            join.region(searchFrom, be);
            join.useTransparentBounds(true);
            while (join.find()) {
                if (startsMtusGuideline(text, join.end(), be)) {
                    segEnd = join.start();
                    next = join.end();
                    break;
                }
            }
            parseMtusSegment(text, segStart, GuidelineText.trimEnd(text, segStart, segEnd), by, base, out);
            segStart = next;
        }
    }

    /** True when an MTUS guideline with its year starts at {@code pos}. */
    private boolean startsMtusGuideline(String text, int pos, int limit) {
        int titleEnd = lexicon.titleAt(text, pos, limit);
        if (titleEnd > pos) {
            Matcher year = YEAR_AFTER_TITLE.matcher(text);
            year.region(titleEnd, limit);
            year.useTransparentBounds(true);
            return year.lookingAt();
        }
        Matcher generic = GENERIC_TITLE.matcher(text);
        generic.region(pos, limit);
        generic.useTransparentBounds(false);
        generic.useAnchoringBounds(true);
        return generic.lookingAt();
    }

    /**
     * One MTUS guideline: its title (a known title, else the text up to a year, a "Guidelines" word,
     * "Section(s):" or a page marker), the year after it, its sections (after "Section(s):", else the
     * words between the title and the pages, as in "Chronic Pain Treatment Guidelines Muscle Relaxants
     * Page(s): 63-66") and its pages.
     */
    private void parseMtusSegment(String text, int ss, int se, CitedBy by, int base, List<Citation> out) {
        if (ss >= se) {
            return;
        }
        List<CitationPages.PageRef> pageRefs = CitationPages.find(text, ss, se);
        int firstPage = pageRefs.isEmpty() ? se : pageRefs.get(0).start();
        String guideline;
        int pos;
        int titleEnd = lexicon.titleAt(text, ss, se);
        if (titleEnd > ss) {
            guideline = text.substring(ss, titleEnd);
            pos = titleEnd;
            Matcher year = YEAR_AFTER_TITLE.matcher(text);
            year.region(titleEnd, se);
            year.useTransparentBounds(true);
            if (year.lookingAt()) {
                guideline = guideline + " " + year.group(1);
                pos = year.end();
            }
        } else {
            int label = find(SECTION_LABEL, text, ss, se);
            int limit = Math.min(label >= 0 ? label : se, firstPage);
            Matcher year = YEAR.matcher(text);
            year.region(ss, limit);
            year.useTransparentBounds(true);
            Matcher word = GUIDELINES_WORD.matcher(text);
            word.region(ss, limit);
            word.useTransparentBounds(true);
            if (year.find()) {
                guideline = text.substring(ss, year.start()) + " " + year.group(1);
                pos = year.end();
            } else if (word.find()) {
                guideline = text.substring(ss, word.end());
                pos = word.end();
            } else {
                guideline = text.substring(ss, limit);
                pos = limit;
            }
        }
        int sectionsFrom = pos;
        Matcher label = SECTION_LABEL.matcher(text);
        label.region(pos, se);
        label.useTransparentBounds(true);
        if (label.find()) {
            sectionsFrom = label.end();
        }
        int sectionsTo = se;
        for (CitationPages.PageRef ref : pageRefs) {
            if (ref.start() >= sectionsFrom) {
                sectionsTo = ref.start();
                break;
            }
        }
        String sectionText = sectionsFrom < sectionsTo ? text.substring(sectionsFrom, sectionsTo) : "";
        sectionText = firstSentence(PART_OF_MTUS.matcher(sectionText).replaceFirst(""));
        add(out, by, CitationSource.MTUS, GuidelineText.clean(guideline),
                CitationSections.split(sectionText, lexicon), CitationPages.pages(pageRefs), base, ss, se);
    }

    /**
     * A section list up to the end of its sentence: the first ". " followed by a capital, when the
     * period ends a word of three letters or more ("3. Opioids ..." and "vs. nonmalignant" go on).
     */
    static String firstSentence(String list) {
        for (int i = list.indexOf('.'); i >= 0 && i + 1 < list.length(); i = list.indexOf('.', i + 1)) {
            int next = GuidelineText.skipSpaces(list, i + 1, list.length());
            if (next == i + 1 || next >= list.length() || !Character.isUpperCase(list.charAt(next))) {
                continue;
            }
            int w = i;
            while (w > 0 && Character.isLetter(list.charAt(w - 1))) {
                w--;
            }
            String word = list.substring(w, i).toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && !word.equals("etc") && !word.equals("inc")) {
                return list.substring(0, i);
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- non-MTUS

    /**
     * "Decision based on Non-MTUS Citation ...": the body is cut at each known source name
     * ("Official Disability Guidelines (ODG)", "ODG", "ACOEM", "UpToDate", "Other Medical Treatment
     * Guidelines"; a name in parentheses, as "(ODG)" after another name, does not cut). Each piece is
     * one citation of that source; text before the first name belongs to the first piece (so
     * "Neck and Upper Back, Physical Therapy, ODG Preface" is ODG) unless that is "Other Medical
     * Treatment Guidelines". A body naming no known source is one {@link CitationSource#OTHER} citation.
     * See {@link #parseReference} for what a piece gives.
     */
    private void parseNonMtus(String text, Statement st, CitedBy by, int base, List<Citation> out) {
        int bs = GuidelineText.skipSpaces(text, st.bodyStart(), st.bodyEnd());
        int be = GuidelineText.trimEnd(text, bs, st.bodyEnd());
        if (bs >= be) {
            add(out, by, CitationSource.OTHER, null, List.of(), List.of(), base, st.markerStart(),
                    GuidelineText.trimEnd(text, st.markerStart(), st.bodyEnd()));
            return;
        }
        List<Anchor> anchors = new ArrayList<>();
        Matcher f = lexicon.sourceFinder(text);
        if (f != null) {
            for (int from = bs; lexicon.findSource(f, text, from, be); from = Starts.after(f)) {
                if (f.end() == f.start()) {
                    continue;
                }
                int before = f.start() - 1;
                while (before >= bs && Character.isWhitespace(text.charAt(before))) {
                    before--;
                }
                if (before >= bs && text.charAt(before) == '(') {
                    continue;
                }
                GuidelineLexicon.SourceName name = lexicon.sourceAt(text, f.start(), be);
                anchors.add(new Anchor(f.start(), f.end(), name == null ? CitationSource.OTHER : name.source()));
            }
        }
        if (anchors.isEmpty()) {
            parseReference(text, null, bs, be, bs, by, base, out);
            return;
        }
        Anchor first = anchors.get(0);
        boolean leading = GuidelineText.clean(text.substring(bs, first.start())) != null;
        if (leading && first.source() == CitationSource.OTHER) {
            parseReference(text, null, bs, first.start(), bs, by, base, out);
            leading = false;
        }
        for (int i = 0; i < anchors.size(); i++) {
            Anchor a = anchors.get(i);
            int refEnd = i + 1 < anchors.size() ? anchors.get(i + 1).start() : be;
            if (i == 0 && leading) {
                parseReference(text, a.source(), bs, refEnd, bs, by, base, out);
            } else {
                parseReference(text, a.source(), a.start(), refEnd, a.end(), by, base, out);
            }
        }
    }

    /**
     * One non-MTUS reference in [refStart, refEnd), read from {@code from} (after its source name).
     * Pages are read as for MTUS. Then:
     * <ul>
     *   <li>after "Other Medical Treatment Guidelines", and for a reference naming no known source that
     *       does not start with a known chapter, the whole text is the guideline (it is a title or an
     *       address: "www.mdguidelines.com", "University of Michigan Health System. ...");</li>
     *   <li>otherwise the text is read as chapter and topics ({@link #readNamed}); for ODG and ACOEM a
     *       ";" followed by a known chapter starts another citation of the same source.</li>
     * </ul>
     */
    private void parseReference(String text, CitationSource anchorSource, int refStart, int refEnd, int from,
                                CitedBy by, int base, List<Citation> out) {
        CitationSource source = anchorSource == null ? CitationSource.OTHER : anchorSource;
        int end = GuidelineText.trimEnd(text, from, refEnd);
        int spanEnd = GuidelineText.trimEnd(text, refStart, refEnd);
        List<CitationPages.PageRef> pageRefs = CitationPages.find(text, from, end);
        List<Integer> pages = CitationPages.pages(pageRefs);
        int contentEnd = pageRefs.isEmpty() ? end : GuidelineText.trimEnd(text, from, pageRefs.get(0).start());
        int start = GuidelineText.trimStart(text, from, contentEnd);
        Matcher year = LEADING_YEAR.matcher(text);
        year.region(start, contentEnd);
        year.useTransparentBounds(true);
        if (year.lookingAt()) {
            start = GuidelineText.trimStart(text, year.end(), contentEnd);
        }
        boolean otherAnchor = anchorSource == CitationSource.OTHER;
        boolean noAnchor = anchorSource == null;
        if (start >= contentEnd) {
            add(out, by, source, null, List.of(), pages, base, refStart, Math.max(refStart, spanEnd));
            return;
        }
        if (otherAnchor || (noAnchor && lexicon.chapterAt(text, start, contentEnd) < 0)) {
            add(out, by, source, GuidelineText.clean(text.substring(start, contentEnd)), List.of(), pages, base,
                    refStart, spanEnd);
            return;
        }
        boolean chapters = source != CitationSource.UPTODATE;
        List<int[]> parts = chapters ? splitAtChapters(text, start, contentEnd) : List.of(new int[] {start, contentEnd});
        for (int i = 0; i < parts.size(); i++) {
            int[] part = parts.get(i);
            Named named = readNamed(text, part[0], part[1], chapters);
            int partSpanStart = i == 0 ? refStart : part[0];
            int partSpanEnd = i == parts.size() - 1 ? spanEnd : GuidelineText.trimEnd(text, part[0], part[1]);
            add(out, by, source, named.guideline(), named.sections(), i == parts.size() - 1 ? pages : List.of(),
                    base, partSpanStart, partSpanEnd);
        }
    }

    /** Cuts [from, to) at each top-level ";" that is followed by a complete known chapter name. */
    private List<int[]> splitAtChapters(String text, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int partStart = from;
        int i = from;
        while (i < to) {
            int semi = GuidelineText.indexOfTopLevel(text, ";", i, to);
            if (semi < 0) {
                break;
            }
            int next = GuidelineText.skipSpaces(text, semi + 1, to);
            int chapterEnd = lexicon.chapterAt(text, next, to);
            if (chapterEnd > next && completeChapter(text, chapterEnd, to)) {
                parts.add(new int[] {partStart, GuidelineText.trimEnd(text, partStart, semi)});
                partStart = next;
            }
            i = semi + 1;
        }
        parts.add(new int[] {partStart, to});
        return parts;
    }

    /** True when the chapter name ending at {@code end} is not the start of a longer phrase. */
    private boolean completeChapter(String text, int end, int to) {
        int p = GuidelineText.skipSpaces(text, extendChapter(text, end, to)[0], to);
        return p >= to || ",;:/(-\u2013\u2014".indexOf(text.charAt(p)) >= 0;
    }

    /**
     * A chapter-and-topics reference: "Knee &amp; Leg, Durable medical equipment (DME)",
     * "Pain (Chronic), Lidoderm (Lidocaine patch)", "Low Back chapter/ x-ray",
     * "Knee and Leg (Durable medical equipment (DME))", "&lt;Pain(Chronic)&gt;, &lt;Carisoprodol(Soma)&gt;".
     * <ul>
     *   <li>With angle brackets, the first bracketed name is the guideline, the others sections.</li>
     *   <li>When the text starts with a known chapter: with a top-level ":", the text before it is the
     *       guideline, the list after it the sections. Else the chapter, with a qualifier in
     *       parentheses ("(Acute &amp; Chronic)") and a "Chapter"/"Section" word, is the guideline;
     *       then a parenthesised topic, or a list after ",", ";", ":", "/" or a dash, or (after the word
     *       "Chapter") the words that follow, are the sections. Other words after the chapter name
     *       ("Low Back and neck Chapter") extend the guideline to the next separator.</li>
     *   <li>Otherwise, of the comma/semicolon pieces, the first that is a chapter name (with its
     *       qualifier and "chapter" word only) is the guideline; failing that a first piece ending in
     *       "Guidelines" or "Chapter"; failing that the guideline is null. The other pieces are
     *       sections.</li>
     * </ul>
     */
    private Named readNamed(String text, int from, int to, boolean chapters) {
        String body = text.substring(from, to);
        if (body.indexOf('<') >= 0) {
            List<String> names = new ArrayList<>();
            for (String piece : ANGLE_BRACKET.split(body)) {
                String cleaned = GuidelineText.clean(piece);
                if (cleaned != null) {
                    names.add(cleaned);
                }
            }
            if (!names.isEmpty()) {
                return new Named(names.get(0), List.copyOf(new LinkedHashSet<>(names.subList(1, names.size()))));
            }
        }
        int chapterEnd = chapters ? lexicon.chapterAt(text, from, to) : -1;
        if (chapterEnd > from) {
            int colon = GuidelineText.indexOfTopLevel(text, ":", from, to);
            if (colon > from) {
                return new Named(GuidelineText.clean(text.substring(from, colon)),
                        CitationSections.split(text.substring(colon + 1, to), lexicon));
            }
            int[] ext = extendChapter(text, chapterEnd, to);
            int gEnd = ext[0];
            boolean chapterWord = ext[1] == 1;
            int p = GuidelineText.skipSpaces(text, gEnd, to);
            if (p >= to) {
                return new Named(GuidelineText.clean(text.substring(from, gEnd)), List.of());
            }
            char ch = text.charAt(p);
            List<String> sections = new ArrayList<>();
            if (ch == '(') {
                int close = GuidelineText.closingBracket(text, p, to);
                if (close < 0) {
                    sections.addAll(CitationSections.split(text.substring(p + 1, to), lexicon));
                } else {
                    String inner = GuidelineText.clean(text.substring(p + 1, close - 1));
                    if (inner != null) {
                        sections.add(inner);
                    }
                    sections.addAll(CitationSections.split(text.substring(close, to), lexicon));
                }
            } else if (",;:/-\u2013\u2014".indexOf(ch) >= 0) {
                sections.addAll(CitationSections.split(text.substring(p + 1, to), lexicon));
            } else if (chapterWord) {
                sections.addAll(CitationSections.split(text.substring(p, to), lexicon));
            } else {
                int sep = GuidelineText.indexOfTopLevel(text, ",;:/", p, to);
                gEnd = sep < 0 ? to : sep;
                if (sep >= 0) {
                    sections.addAll(CitationSections.split(text.substring(sep + 1, to), lexicon));
                }
            }
            return new Named(GuidelineText.clean(text.substring(from, gEnd)),
                    List.copyOf(new LinkedHashSet<>(sections)));
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : GuidelineText.topLevelSplit(body, ",;")) {
            String cleaned = GuidelineText.clean(piece);
            if (cleaned != null) {
                pieces.add(cleaned);
            }
        }
        if (pieces.isEmpty()) {
            return new Named(null, List.of());
        }
        int guidelineIndex = -1;
        if (chapters) {
            for (int i = 0; i < pieces.size() && guidelineIndex < 0; i++) {
                String piece = pieces.get(i);
                int end = lexicon.chapterAt(piece, 0, piece.length());
                if (end > 0 && GuidelineText.skipSpaces(piece, extendChapter(piece, end, piece.length())[0],
                        piece.length()) >= piece.length()) {
                    guidelineIndex = i;
                }
            }
        }
        if (guidelineIndex < 0 && GUIDELINE_BY_WORD.matcher(pieces.get(0)).matches()) {
            guidelineIndex = 0;
        }
        String guideline = guidelineIndex < 0 ? null : pieces.get(guidelineIndex);
        List<String> rest = new ArrayList<>(pieces);
        if (guidelineIndex >= 0) {
            rest.remove(guidelineIndex);
        }
        return new Named(guideline, CitationSections.split(String.join(", ", rest), lexicon));
    }

    /**
     * Extends a chapter name ending at {@code end} over parenthesised qualifiers ("(Acute &amp; Chronic)"),
     * edition notes ("(updated 11/23/16)") and the words "Chapter", "Section", "Guidelines".
     *
     * @return {end, 1 if a "Chapter"/"Section" word was read else 0}
     */
    private static int[] extendChapter(CharSequence text, int end, int to) {
        int e = end;
        int chapterWord = 0;
        while (e < to) {
            int p = GuidelineText.skipSpaces(text, e, to);
            if (p >= to) {
                break;
            }
            if (text.charAt(p) == '(') {
                int close = GuidelineText.closingBracket(text, p, to);
                if (close < 0) {
                    break;
                }
                String inner = text.subSequence(p + 1, close - 1).toString();
                if (isQualifier(inner) || EDITION_WORDS.matcher(inner).matches()) {
                    e = close;
                    continue;
                }
                break;
            }
            int w = lookingAt(CHAPTER_WORD, text, p, to);
            if (w > p) {
                String word = text.subSequence(p, w).toString().toLowerCase(Locale.ROOT);
                if (!word.startsWith("guideline")) {
                    chapterWord = 1;
                }
                e = w;
                continue;
            }
            break;
        }
        return new int[] {e, chapterWord};
    }

    /** True for "Acute &amp; Chronic", "Chronic", "Thoracic and Lumbar, Acute and Chronic". */
    private static boolean isQualifier(String inner) {
        String[] words = QUALIFIER_SEPARATOR.split(inner.toLowerCase(Locale.ROOT));
        boolean any = false;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!QUALIFIER_WORDS.contains(w)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    // ---------------------------------------------------------------- helpers

    /** Adds a citation spanning [from, to) of the text, shifted by {@code base}. */
    private static void add(List<Citation> out, CitedBy by, CitationSource source, String guideline,
                            List<String> sections, List<Integer> pages, int base, int from, int to) {
        int end = Math.max(from, to);
        long start = (long) base + from;
        long stop = (long) base + end;
        Span span = start >= 0 && stop <= Integer.MAX_VALUE ? new Span((int) start, (int) stop) : null;
        out.add(new Citation(by, source, guideline, sections, pages, span));
    }

    private static void addStarts(Pattern p, Starts starts, String text, Set<Integer> stops) {
        Matcher m = Starts.matcher(p, text);
        for (int from = 0; starts.find(m, text, from); from = Starts.after(m)) {
            stops.add(m.start());
        }
    }

    /** The start of the sentence holding {@code pos}: after the last ". " within 120 characters. */
    private static int sentenceStart(String text, int pos) {
        int limit = Math.max(0, pos - 120);
        int i = pos - 1;
        while (i > limit) {
            if ((text.charAt(i - 1) == '.' || text.charAt(i - 1) == ':') && Character.isWhitespace(text.charAt(i))) {
                return GuidelineText.skipSpaces(text, i, pos);
            }
            i--;
        }
        return i <= 0 ? GuidelineText.skipSpaces(text, 0, pos) : pos;
    }

    private static boolean endsWithPeriod(String text, int end) {
        return end > 0 && end <= text.length() && text.charAt(end - 1) == '.';
    }

    /** End of a match of {@code p} starting exactly at {@code pos}, or -1. */
    private static int lookingAt(Pattern p, CharSequence text, int pos) {
        return lookingAt(p, text, pos, text.length());
    }

    private static int lookingAt(Pattern p, CharSequence text, int pos, int limit) {
        if (pos < 0 || pos > limit || limit > text.length()) {
            return -1;
        }
        Matcher m = p.matcher(text);
        m.region(pos, limit);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() : -1;
    }

    /** Start of the first match of {@code p} in [from, to), or -1. */
    private static int find(Pattern p, CharSequence text, int from, int to) {
        Matcher m = p.matcher(text);
        m.region(from, to);
        m.useTransparentBounds(true);
        return m.find() ? m.start() : -1;
    }
}
