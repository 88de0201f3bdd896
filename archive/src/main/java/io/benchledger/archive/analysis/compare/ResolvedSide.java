package io.benchledger.archive.analysis.compare;

import java.util.List;

/**
 * The runs a {@link Side} stands for, with the versions they belong to (both in archive order).
 *
 * @param holds for a {@code recent} side, what it holds in words (runs, branch, suite, JMH settings,
 *              first and last run); empty otherwise
 */
public record ResolvedSide(Side side, List<String> runIds, List<String> versions, String holds) {
    public ResolvedSide {
        runIds = List.copyOf(runIds);
        versions = List.copyOf(versions);
        holds = holds == null ? "" : holds;
    }

    public ResolvedSide(Side side, List<String> runIds, List<String> versions) {
        this(side, runIds, versions, "");
    }

    /** A short label for tables and titles: the spec, and what it resolved to when that differs. */
    public String label() {
        if (!holds.isEmpty()) {
            return side.spec() + " = " + holds;
        }
        String resolved = versions.size() == 1 ? versions.get(0) : String.join("+", versions);
        String runs = runIds.size() == 1 ? "1 run" : runIds.size() + " runs";
        return side.spec().equals(resolved) ? resolved + " (" + runs + ")"
                : side.spec() + " = " + (resolved.isEmpty() ? "(no version)" : resolved) + " (" + runs + ")";
    }
}
