package org.imrworkbench.cli;

/** Exit statuses of the contract. */
final class ExitCodes {
    static final int OK = 0;
    /** The command ran, but some input failed (the rest was processed). */
    static final int FAILED = 1;
    /** Bad usage: unknown option, missing argument. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
