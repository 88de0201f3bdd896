package io.benchledger.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes. */
public final class GlobalOptions {
    private static volatile boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "More detail on stderr, and stack traces with errors.")
    void setVerbose(boolean v) {
        verbose = v;
    }

    public static boolean verbose() {
        return verbose;
    }

    /** Each run starts quiet: the flag is process-wide, and a run without --verbose never sets it. */
    static void reset() {
        verbose = false;
    }
}
