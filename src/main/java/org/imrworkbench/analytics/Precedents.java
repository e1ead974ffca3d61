package org.imrworkbench.analytics;

import org.imrworkbench.library.NotFoundException;
import org.imrworkbench.model.Decision;
import org.imrworkbench.search.FactIndex;
import org.imrworkbench.search.SearchService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The precedents of a disputed item: the decided items of other cases most like it, their outcomes, and the phrases
 * that most separate their overturned from their upheld rationales.
 *
 * <p>Ranking: first the items for the same generic drug (for a drug) or the same treatment (for anything else), then
 * other items of the same category, then any other item; within each, by FTS5's bm25 over case summary and rationale
 * for a query of the item's {@link DistinctiveWords} (request, rationale and case summary). An item of the first group
 * that shares none of the words still counts, after those that do.
 *
 * <p>Phrases: words and two-word phrases ({@link Phrases}) of the precedents' rationales weighed by {@link LogOdds}
 * against the library's overall counts ({@link WordBackground}); a phrase counts when at least {@link #MIN_ITEMS}
 * precedents use it, and there are phrases only when the precedents include both outcomes.
 */
public final class Precedents {

    /** How many phrases leaning to each outcome a result lists at most. */
    public static final int PHRASES_PER_SIDE = 10;
    /** How many precedents must use a phrase for it to be listed. */
    public static final int MIN_ITEMS = 2;

    /** Why an item is a precedent, strongest first. */
    public enum Basis {
        /** The same generic drug (or combination). */
        SAME_DRUG,
        /** The same treatment (a non-drug item of the same category and treatment name). */
        SAME_TREATMENT,
        /** The same treatment category, similar text. */
        SAME_CATEGORY,
        /** Similar text only. */
        SIMILAR_TEXT
    }

    /**
     * One precedent.
     *
     * @param score the text similarity: minus FTS5's bm25 (higher is more similar), 0 when no word is shared
     */
    public record Precedent(ItemRef ref, Basis basis, double score) {
    }

    /**
     * A phrase that separates overturned from upheld rationales among the precedents.
     *
     * @param phrase     one word or two
     * @param weight     the z-score of its weighted log-odds: positive leans to overturned, negative to upheld
     * @param overturned how many overturned precedents use it
     * @param upheld     how many upheld precedents use it
     * @param items      the precedents that use it
     */
    public record Phrase(String phrase, double weight, int overturned, int upheld, List<ItemRef> items) {
        public Phrase {
            items = List.copyOf(items);
        }
    }

    /**
     * The precedents of one item.
     *
     * @param item       the item itself
     * @param generic    its generic drug, or null
     * @param category   its treatment category
     * @param precedents the most similar first
     * @param outcome    upheld and overturned among the precedents (key {@code "precedents"})
     * @param phrases    leaning to overturned (highest weight first), then leaning to upheld (lowest last)
     */
    public record Result(ItemRef item, String generic, String category, List<Precedent> precedents,
                         OutcomeRow outcome, List<Phrase> phrases) {
        public Result {
            precedents = List.copyOf(precedents);
            phrases = List.copyOf(phrases);
        }
    }

    /** The item the precedents are for, as stored. */
    private record Subject(long pk, long casePk, ItemRef ref, String category, String generic, String name,
                           String rationale, String summary) {
    }

    /** A candidate precedent before its details are read. */
    private record Candidate(long pk, Basis basis, double score) {
    }

    /** A precedent's reference and rationale, as read. */
    private record Loaded(ItemRef ref, String rationale) {
    }

    private final SearchService search;
    private final WordBackground background;

    Precedents(SearchService search, WordBackground background) {
        this.search = search;
        this.background = background;
    }

    /**
     * The {@code limit} best precedents of item {@code itemNumber} of case {@code caseId}.
     *
     * @throws NotFoundException when there is no such case or item
     */
    Result find(String caseId, int itemNumber, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        Map<String, Integer> backgroundCounts = background.counts();
        return search.withFacts((c, facts) -> {
            Subject s = subject(c, caseId, itemNumber);
            List<Candidate> ranked = rank(c, facts, s, limit);
            List<Precedent> precedents = new ArrayList<>();
            List<String> rationales = new ArrayList<>();
            for (Candidate cand : ranked) {
                Loaded loaded = load(c, cand.pk());
                precedents.add(new Precedent(loaded.ref(), cand.basis(), cand.score()));
                rationales.add(loaded.rationale());
            }
            int upheld = (int) precedents.stream().filter(p -> p.ref().decision() == Decision.UPHELD).count();
            OutcomeRow outcome = new OutcomeRow("precedents", upheld, precedents.size() - upheld);
            return new Result(s.ref(), s.generic(), s.category(), precedents, outcome,
                    phrases(precedents, rationales, backgroundCounts));
        });
    }

    private static Subject subject(Connection c, String caseId, int itemNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.pk, i.pk, c.case_number, i.request, i.decision,"
                + " i.category, lower(i.treatment_generic), i.treatment_name,"
                // the texts by key: a view on the right of a LEFT JOIN is read whole (SQLite materialises it)
                + " (SELECT rationale FROM item_texts WHERE pk = i.pk), (SELECT summary FROM case_texts WHERE pk = c.pk)"
                + " FROM cases c LEFT JOIN items i ON i.case_pk = c.pk AND i.number = ? WHERE c.id = ?")) {
            ps.setInt(1, itemNumber);
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(caseId + ": no such case in the library");
                }
                if (rs.getObject(2) == null) {
                    throw new NotFoundException(caseId + ": the case has no item " + itemNumber);
                }
                ItemRef ref = new ItemRef(caseId, rs.getString(3), itemNumber, rs.getString(4),
                        Decision.valueOf(rs.getString(5)));
                String generic = rs.getString(7);
                return new Subject(rs.getLong(2), rs.getLong(1), ref, rs.getString(6),
                        generic == null || generic.isBlank() ? null : generic, rs.getString(8), rs.getString(9),
                        rs.getString(10));
            }
        }
    }

    /**
     * The best {@code limit} decided items of other cases, strongest basis first, then most similar. The bases are
     * decided from the library's facts in memory; then each basis in turn, only as far as the limit needs, has its
     * items scored by bm25 for the item's distinctive words, with the scoring confined to that basis's items (at
     * 100,000 letters the words match most of the library, and scoring all of them took a second).
     */
    private static List<Candidate> rank(Connection c, FactIndex f, Subject s, int limit) throws SQLException {
        int subject = f.rowOf(s.pk());
        int subjectCase = subject < 0 ? -1 : f.caseOfRow(subject);
        Basis[] bases = Basis.values();
        BitSet[] tiers = new BitSet[bases.length];
        for (int b = 0; b < bases.length; b++) {
            tiers[b] = new BitSet(f.rows());
        }
        for (int r = 0; r < f.rows() && f.isItem(r); r++) {
            Decision d = f.decision(r);
            if ((d == Decision.UPHELD || d == Decision.OVERTURNED) && f.caseOfRow(r) != subjectCase) {
                tiers[basis(s, f.category(r).name(), f.generic(r), f.treatmentName(r)).ordinal()].set(r);
            }
        }
        List<String> words = DistinctiveWords.of(s.ref().request(), s.rationale(), s.summary());
        String match = words.isEmpty() ? null : words.stream().map(w -> "\"" + w + "\"")
                .collect(Collectors.joining(" OR ", "{summary rationale} : (", ")"));
        List<Candidate> ranked = new ArrayList<>();
        for (Basis basis : bases) {
            if (ranked.size() >= limit) {
                break;
            }
            BitSet tier = tiers[basis.ordinal()];
            if (tier.isEmpty()) {
                continue;
            }
            Map<Integer, Double> scores = match == null ? Map.of() : scores(c, f, match, tier,
                    basis == Basis.SIMILAR_TEXT);
            List<Candidate> candidates = new ArrayList<>();
            boolean everyItem = basis == Basis.SAME_DRUG || basis == Basis.SAME_TREATMENT;
            if (everyItem) {            // these count even when they share none of the words
                for (int r = tier.nextSetBit(0); r >= 0; r = tier.nextSetBit(r + 1)) {
                    candidates.add(new Candidate(f.rowid(r), basis, scores.getOrDefault(r, 0.0)));
                }
            } else {
                scores.forEach((r, score) -> candidates.add(new Candidate(f.rowid(r), basis, score)));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                    .thenComparingLong(Candidate::pk));
            ranked.addAll(candidates.subList(0, Math.min(candidates.size(), limit - ranked.size())));
        }
        return ranked;
    }

    /**
     * Minus bm25 for {@code match} of the rows of {@code tier} that match it. The scoring is confined to the tier
     * through a temporary table of its rowids, unless {@code wide} says the tier is most of the library, when the
     * rows are filtered as they come.
     */
    private static Map<Integer, Double> scores(Connection c, FactIndex f, String match, BitSet tier, boolean wide)
            throws SQLException {
        Map<Integer, Double> scores = new HashMap<>();
        String sql;
        if (wide) {
            sql = "SELECT rowid, -bm25(search_index) FROM search_index WHERE search_index MATCH ?";
        } else {
            f.intoTempTable(c, "precedent_rows", tier);
            // "+rowid": test the rows FTS5 matched against the table, rather than look each of them up in the index.
            sql = "SELECT rowid, -bm25(search_index) FROM search_index WHERE search_index MATCH ?"
                    + " AND +rowid IN (SELECT rowid FROM temp.precedent_rows)";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = f.rowOf(rs.getLong(1));
                    if (r >= 0 && tier.get(r)) {
                        scores.put(r, rs.getDouble(2));
                    }
                }
            }
        }
        return scores;
    }

    private static Basis basis(Subject s, String category, String generic, String name) {
        if (s.generic() != null && s.generic().equals(generic)) {
            return Basis.SAME_DRUG;
        }
        if (s.generic() == null && s.name() != null && s.category().equals(category) && generic == null
                && s.name().equalsIgnoreCase(name)) {
            return Basis.SAME_TREATMENT;
        }
        return s.category().equals(category) ? Basis.SAME_CATEGORY : Basis.SIMILAR_TEXT;
    }

    private static Loaded load(Connection c, long pk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.case_number, i.number, i.request,"
                + " i.decision, t.rationale FROM items i JOIN cases c ON c.pk = i.case_pk"
                + " JOIN item_texts t ON t.pk = i.pk WHERE i.pk = ?")) {
            ps.setLong(1, pk);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Loaded(new ItemRef(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Decision.valueOf(rs.getString(5))), rs.getString(6));
            }
        }
    }

    /** The phrases most separating the overturned precedents' rationales from the upheld ones'. */
    static List<Phrase> phrases(List<Precedent> precedents, List<String> rationales,
                                Map<String, Integer> background) {
        Map<String, Integer> overturned = new HashMap<>();
        Map<String, Integer> upheld = new HashMap<>();
        Map<String, Set<Integer>> users = new HashMap<>();
        for (int k = 0; k < precedents.size(); k++) {
            boolean over = precedents.get(k).ref().decision() == Decision.OVERTURNED;
            List<String> phrases = Phrases.of(rationales.get(k));
            for (String p : phrases) {
                (over ? overturned : upheld).merge(p, 1, Integer::sum);
            }
            for (String p : new LinkedHashSet<>(phrases)) {
                users.computeIfAbsent(p, x -> new LinkedHashSet<>()).add(k);
            }
        }
        if (overturned.isEmpty() || upheld.isEmpty()) {
            return List.of();
        }
        Map<String, LogOdds.Weight> weights = LogOdds.weigh(overturned, upheld, background, LogOdds.PRIOR_STRENGTH);
        List<LogOdds.Weight> shared = weights.values().stream()
                .filter(w -> users.get(w.phrase()).size() >= MIN_ITEMS)
                .sorted(Comparator.comparingDouble(LogOdds.Weight::z).reversed()
                        .thenComparing(LogOdds.Weight::phrase))
                .toList();
        Set<String> chosen = new LinkedHashSet<>();
        shared.stream().filter(w -> w.z() > 0).limit(PHRASES_PER_SIDE).forEach(w -> chosen.add(w.phrase()));
        List<String> upheldSide = new ArrayList<>();
        for (int k = shared.size() - 1; k >= 0 && upheldSide.size() < PHRASES_PER_SIDE; k--) {
            if (shared.get(k).z() < 0) {
                upheldSide.add(0, shared.get(k).phrase());
            }
        }
        chosen.addAll(upheldSide);
        Map<String, Phrase> out = new LinkedHashMap<>();
        for (String p : chosen) {
            List<ItemRef> items = users.get(p).stream().map(k -> precedents.get(k).ref()).toList();
            int over = (int) items.stream().filter(r -> r.decision() == Decision.OVERTURNED).count();
            out.put(p, new Phrase(p, weights.get(p).z(), over, items.size() - over, items));
        }
        return new ArrayList<>(out.values());
    }
}
