package org.imrworkbench.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** US state names: licensure is reported with full state names, whatever the letter abbreviates. */
public final class States {

    private static final Map<String, String> BY_CODE = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
            "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida",
            "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
            "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
            "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
            "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
            "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
            "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
            "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
            "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
            "PR", "Puerto Rico"
        };
        for (int i = 0; i < pairs.length; i += 2) {
            BY_CODE.put(pairs[i], pairs[i + 1]);
        }
    }

    private States() {
    }

    /** Full names for the given values: codes expanded, names given their usual capitals, others as written. */
    static List<String> fullNames(List<String> values) {
        List<String> names = new ArrayList<>();
        for (String value : values) {
            String v = value.strip().replaceAll("\\.$", "");
            String byCode = BY_CODE.get(v.toUpperCase(Locale.ROOT).replace(".", ""));
            if (byCode != null && v.replace(".", "").length() == 2) {
                names.add(byCode);
                continue;
            }
            String named = BY_CODE.values().stream().filter(n -> n.equalsIgnoreCase(v)).findFirst().orElse(v);
            names.add(named);
        }
        return names;
    }

    /** The full name for a state code or name ("TX", "texas" → "Texas"); anything else as given. */
    public static String fullName(String value) {
        return fullNames(List.of(value)).get(0);
    }
}
