package io.benchledger.cli;

/** The exit codes every command keeps (see the design's command-line contract). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
