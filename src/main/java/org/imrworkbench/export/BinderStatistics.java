package org.imrworkbench.export;

import org.imrworkbench.analytics.OutcomeRow;
import org.imrworkbench.library.CaseRecord;
import org.imrworkbench.model.Citation;
import org.imrworkbench.model.Item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The outcome statistics of a binder's own cases, for its optional statistics section: upheld and overturned items
 * and the overturn rate with its 95% Wilson interval ({@link OutcomeRow}), overall and by treatment category, drug,
 * guideline source, reviewer specialty and decision year. Counts decided items only (upheld or overturned), as the
 * workstation's analytics do; an item counts once per key (a drug, a source...) it has.
 */
final class BinderStatistics {

    /** The largest groups of a table are listed; the rest are counted in {@link Table#omitted}. */
    static final int MAX_ROWS = 12;

    /**
     * One table.
     *
     * @param omitted how many smaller groups were left out
     */
    record Table(String title, String keyHeading, List<OutcomeRow> rows, int omitted) {
        Table {
            rows = List.copyOf(rows);
        }
    }

    private BinderStatistics() {
    }

    /** The decided items of all the cases together (key {@code "all"}). */
    static OutcomeRow overall(List<CaseRecord> cases) {
        int[] counts = new int[2];
        for (CaseRecord record : cases) {
            for (Item item : record.letter().items()) {
                int side = side(item);
                if (side >= 0) {
                    counts[side]++;
                }
            }
        }
        return new OutcomeRow("all", counts[0], counts[1]);
    }

    /** The tables, in the order they are printed; a table without any decided item is left out. */
    static List<Table> tables(List<CaseRecord> cases) {
        List<Table> tables = new ArrayList<>();
        add(tables, "By treatment category", "Category", false, cases,
                (r, i) -> List.of(BinderExporter.category(i.treatment().category().name())));
        add(tables, "By drug", "Generic drug", false, cases,
                (r, i) -> i.treatment().generic() == null || i.treatment().generic().isBlank() ? List.of()
                        : List.of(i.treatment().generic().toLowerCase(java.util.Locale.ROOT)));
        add(tables, "By guideline source cited", "Source", false, cases, (r, i) -> {
            Set<String> sources = new LinkedHashSet<>();
            for (Citation c : i.citations()) {
                sources.add(switch (c.source()) {
                    case NONE -> "No medical evidence cited";
                    case OTHER -> "Other sources";
                    case UPTODATE -> "UpToDate";
                    default -> c.source().name();          // MTUS, ODG, ACOEM are written so
                });
            }
            return List.copyOf(sources);
        });
        add(tables, "By reviewer specialty", "Specialty", false, cases,
                (r, i) -> List.copyOf(new LinkedHashSet<>(r.letter().reviewer().specialties())));
        add(tables, "By decision year", "Year", true, cases, (r, i) -> r.letter().dates().decided() == null
                ? List.of() : List.of(Integer.toString(r.letter().dates().decided().getYear())));
        return tables;
    }

    private static void add(List<Table> tables, String title, String heading, boolean chronological,
                            List<CaseRecord> cases, BiFunction<CaseRecord, Item, List<String>> keys) {
        Map<String, int[]> counts = new HashMap<>();
        for (CaseRecord record : cases) {
            for (Item item : record.letter().items()) {
                int side = side(item);
                for (String key : side < 0 ? List.<String>of() : keys.apply(record, item)) {
                    counts.computeIfAbsent(key, k -> new int[2])[side]++;
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        List<OutcomeRow> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new OutcomeRow(k, v[0], v[1])));
        rows.sort(Comparator.comparingInt(OutcomeRow::total).reversed().thenComparing(OutcomeRow::key));
        List<OutcomeRow> shown = new ArrayList<>(rows.subList(0, Math.min(MAX_ROWS, rows.size())));
        if (chronological) {
            shown.sort(Comparator.comparing(OutcomeRow::key));
        }
        tables.add(new Table(title, heading, shown, rows.size() - shown.size()));
    }

    /** 0 for an upheld item, 1 for an overturned one, -1 for an undecided one. */
    private static int side(Item item) {
        return switch (item.decision()) {
            case UPHELD -> 0;
            case OVERTURNED -> 1;
            default -> -1;
        };
    }
}
