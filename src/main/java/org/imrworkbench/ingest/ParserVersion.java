package org.imrworkbench.ingest;

import org.imrworkbench.parse.LetterReader;

/** The version of the parser stored with each parsed letter, so a later build knows what to re-parse. */
public final class ParserVersion {

    private ParserVersion() {
    }

    /** "imr-workbench VERSION" from the jar's manifest, or "imr-workbench development" in a development build. */
    public static String current() {
        String v = LetterReader.class.getPackage().getImplementationVersion();
        return "imr-workbench " + (v == null ? "development" : v);
    }
}
