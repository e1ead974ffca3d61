package org.imrworkbench.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as letters write them: "8/4/15", "11/14/2016", "8-4-2015", "September 20, 2011", "Sept. 20, 2011".
 * Two-digit years are 20xx.
 */
public final class DateText {

    private static final String MONTH_NAMES = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    /** A date in any of the accepted forms, for embedding in larger patterns (no capturing groups). */
    public static final String DATE = "(?:(?<![\\d/.-])\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})(?![\\d/])"
            + "|" + MONTH_NAMES + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}(?!\\d))";

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2})");
    private static final Pattern TEXTUAL = Pattern.compile(
            "(" + MONTH_NAMES + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private DateText() {
    }

    /** The date {@code text} writes, or null when it is not a valid date. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher m = NUMERIC.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += 2000;
                }
                return LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = TEXTUAL.matcher(t);
            if (m.matches()) {
                int month = MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
                return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
        return null;
    }
}
