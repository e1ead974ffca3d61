package org.imrworkbench.synth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Values for the {@code {name}} slots of sentence templates, and random choice. A template naming a slot that
 * has no value is a defect of the generator and fails loudly.
 */
final class Slots {

    private final Map<String, String> values = new HashMap<>();

    Slots put(String name, String value) {
        values.put(name, value);
        return this;
    }

    String fill(String template) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String key = template.substring(open + 1, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("no value for {" + key + "} in \"" + template + "\"");
            }
            sb.append(template, i, open).append(value);
            i = close + 1;
        }
        return sb.toString();
    }

    static <T> T one(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> T one(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String decapitalize(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))
                ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "a", "a and b", "a, b and c". */
    static String series(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
