package org.imrworkbench.library;

/**
 * The outcome of replacing a case's parsed letter.
 *
 * @param oldId    the case's id before
 * @param newId    its id now (differs when the new parse found a different case number)
 * @param moved    highlights whose span changed to follow their quote
 * @param orphaned highlights whose quote is no longer found (kept, flagged orphaned)
 */
public record Reparsed(String oldId, String newId, int moved, int orphaned) {
}
