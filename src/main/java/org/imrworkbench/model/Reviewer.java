package org.imrworkbench.model;

import java.util.List;

/**
 * The expert reviewer's credentials.
 *
 * @param boardCertified true for "Board Certified in ...", null when the letter does not say
 * @param licensure      full state names
 */
public record Reviewer(List<String> specialties, List<String> subspecialties, Boolean boardCertified,
                       List<String> licensure) {
    public static final Reviewer NONE = new Reviewer(List.of(), List.of(), null, List.of());

    public Reviewer {
        specialties = List.copyOf(specialties);
        subspecialties = List.copyOf(subspecialties);
        licensure = List.copyOf(licensure);
    }
}
