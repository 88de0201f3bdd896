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
}
