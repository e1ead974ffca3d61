package org.imrworkbench.synth;

/** The two ways IMR final determination letters were published. */
public enum Rendering {
    /**
     * The 2014–15 letters as the seeds hold them: no header block, prose or labelled credentials,
     * "Page(s):" citations; as text, every line is followed by a blank line.
     */
    SEED_2014,
    /**
     * The 2016–17 letters: a header block (case number, dates, priority), labelled credentials, "Section(s):"
     * citations, numbered MTUS sections and partial authorisations.
     */
    HEADER_2016
}
