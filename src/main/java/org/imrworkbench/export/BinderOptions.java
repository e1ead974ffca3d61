package org.imrworkbench.export;

import java.time.LocalDate;

/**
 * How a binder looks. Text fields may be null (left off the cover); control characters are replaced by spaces.
 *
 * @param title        the cover's title (default "IMR Determinations")
 * @param matter       the matter or case caption, or null
 * @param preparedFor  whom the binder is for, or null
 * @param preparedBy   who prepared it, or null
 * @param date         the cover's date (default today)
 * @param order        the order of the cases
 * @param batesPrefix  the Bates prefix; null for no Bates numbers ({@code ""} numbers without a prefix)
 * @param batesStart   the first Bates number (0 or more)
 * @param batesDigits  digits of a Bates number, zero-padded (1 to 12)
 * @param exhibits     label each case "Exhibit A", "Exhibit B", ...
 * @param originals    append each letter's original PDF pages after its case (text originals are noted instead)
 * @param statistics   begin with a statistics section: the binder's outcomes by category, drug, guideline source,
 *                     reviewer specialty and year, with overturn rates and their confidence intervals
 */
public record BinderOptions(String title, String matter, String preparedFor, String preparedBy, LocalDate date,
                            CaseOrder order, String batesPrefix, int batesStart, int batesDigits, boolean exhibits,
                            boolean originals, boolean statistics) {

    public static final String DEFAULT_TITLE = "IMR Determinations";
    public static final int DEFAULT_BATES_DIGITS = 6;
    private static final int MAX_TEXT = 300;

    public BinderOptions {
        title = clean(title);
        if (title == null) {
            title = DEFAULT_TITLE;
        }
        matter = clean(matter);
        preparedFor = clean(preparedFor);
        preparedBy = clean(preparedBy);
        if (date == null) {
            date = LocalDate.now();
        }
        if (order == null) {
            order = CaseOrder.AS_LISTED;
        }
        if (batesPrefix != null) {
            batesPrefix = batesPrefix.replaceAll("\\p{Cntrl}", "").strip();
        }
        if (batesStart < 0) {
            throw new IllegalArgumentException("the first Bates number must not be negative");
        }
        if (batesDigits < 1 || batesDigits > 12) {
            throw new IllegalArgumentException("Bates numbers must have 1 to 12 digits");
        }
    }

    /**
     * The defaults: default title, today, as listed, no Bates numbers, no exhibit labels, no originals, no
     * statistics.
     */
    public static BinderOptions defaults() {
        return new BinderOptions(null, null, null, null, null, CaseOrder.AS_LISTED, null, 1, DEFAULT_BATES_DIGITS,
                false, false, false);
    }

    /** True when pages carry Bates numbers. */
    public boolean bates() {
        return batesPrefix != null;
    }

    /** The Bates number of the page at {@code index} (0-based) of the binder. */
    public String batesNumber(int index) {
        String number = Long.toString(batesStart + (long) index);
        return batesPrefix + "0".repeat(Math.max(0, batesDigits - number.length())) + number;
    }

    /** Control characters (a pasted tab or line break) become spaces; blank becomes null; overlong is cut. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }
}
