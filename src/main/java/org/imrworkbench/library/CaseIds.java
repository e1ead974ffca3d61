package org.imrworkbench.library;

/** Case ids: the case number when the letter has one, otherwise {@code L-} and the first 12 hex of the sha256. */
public final class CaseIds {

    private CaseIds() {
    }

    public static String of(String caseNumber, String sha256) {
        if (caseNumber != null && !caseNumber.isBlank()) {
            return caseNumber;
        }
        return "L-" + sha256.substring(0, 12);
    }
}
