package io.benchledger.archive.analysis.compare;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The nightly's second look (docs/statistics.md, "Confirmation by re-measurement"). A run is one
 * JVM state per fork: one fork that the JIT compiled differently, or a neighbour that woke up for a
 * minute, moves a whole single-fork run, and no statistic on that run alone can tell it from a
 * slower commit. So before the gate trusts a change it measures the flagged benchmarks again, at
 * once, with the same settings, and judges the run and its re-measurement together
 * ({@code run:RUN+AGAIN}): their forks are pooled, so a change seen only once widens the
 * candidate's own uncertainty instead of failing the gate, and a change seen twice stands.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /**
     * The benchmarks (full names, without parameters) to measure again: those with a gated metric
     * called regressed or improved, or a regressed tail, against the recent history.
     */
    public static SortedSet<String> benchmarksToRemeasure(ComparisonReport recent) {
        SortedSet<String> out = new TreeSet<>();
        for (CaseComparison c : recent.cases()) {
            boolean changed = c.basis().gated() && (c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.IMPROVED);
            boolean tail = recent.tails(c).stream().anyMatch(t -> t.verdict() == Verdict.REGRESSED);
            if (changed || tail) {
                out.add(c.benchmark());
            }
        }
        return out;
    }

    /** JMH include patterns that select exactly these benchmarks (whole names, every parameter). */
    public static List<String> includePatterns(SortedSet<String> benchmarks) {
        return benchmarks.stream().map(b -> "^" + Pattern.quote(b) + "$").toList();
    }

    /** The candidate of the gate: the run alone, or the run and its re-measurement. */
    public static Side candidate(String runId, List<String> remeasurements) {
        if (remeasurements.isEmpty()) {
            return new Side(Side.Kind.RUN, runId);
        }
        List<String> ids = new java.util.ArrayList<>(List.of(runId));
        ids.addAll(remeasurements);
        return Side.runs(ids);
    }
}
