package io.benchledger.archive.analysis.compare;

import java.util.List;

/** The runs a {@link Side} stands for, with the versions they belong to (both in archive order). */
public record ResolvedSide(Side side, List<String> runIds, List<String> versions) {
    public ResolvedSide {
        runIds = List.copyOf(runIds);
        versions = List.copyOf(versions);
    }

    /** A short label for tables and titles: the spec, and what it resolved to when that differs. */
    public String label() {
        String resolved = versions.size() == 1 ? versions.get(0) : String.join("+", versions);
        String runs = runIds.size() == 1 ? "1 run" : runIds.size() + " runs";
        return side.spec().equals(resolved) ? resolved + " (" + runs + ")"
                : side.spec() + " = " + (resolved.isEmpty() ? "(no version)" : resolved) + " (" + runs + ")";
    }
}
