package org.imrworkbench.library;

/** What {@link Library#add} or {@link Library#addAll} did with a letter. */
public sealed interface AddResult {

    /** The case id: the new case's, or the existing case's for a duplicate. */
    String id();

    /** The letter was added as a new case with {@code items} items. */
    record Added(String id, int items) implements AddResult {
    }

    /** The letter was already in the library as case {@code id}; nothing was written. */
    record Duplicate(String id, Reason reason) implements AddResult {
    }

    /**
     * The library refused the letter (of {@link Library#addAll}: a batch goes on past it); nothing of it was written.
     *
     * @param id     the case id the letter would have had
     * @param reason the library's one-line reason
     */
    record Refused(String id, String reason) implements AddResult {
    }

    /** How a duplicate was recognised, in the order the library checks. */
    enum Reason {
        /** The same file bytes (sha256). */
        SAME_FILE,
        /** The same case number. */
        SAME_CASE_NUMBER,
        /** The same letter content in another format (see {@link Fingerprint}). */
        SAME_CONTENT
    }
}
