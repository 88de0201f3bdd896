package io.benchledger.archive.analysis.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The line under a comparison table.
 *
 * @param counts           cases per verdict (every verdict present, 0 when none)
 * @param geomeanRatio     geometric mean of candidate ÷ baseline centre over the compared cases of the
 *                         primary metric (as benchstat's geomean row); NaN when none
 * @param geomeanSpeedup   the same with each ratio turned so that above 1 is better (baseline ÷
 *                         candidate for lower-is-better metrics)
 * @param onlyInBaseline   case|metric keys measured on the baseline side only (not compared)
 * @param onlyInCandidate  case|metric keys measured on the candidate side only
 */
public record ComparisonSummary(Map<Verdict, Integer> counts, double geomeanRatio, double geomeanSpeedup,
                                List<String> onlyInBaseline, List<String> onlyInCandidate) {
    public ComparisonSummary {
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            all.put(v, counts.getOrDefault(v, 0));
        }
        counts = java.util.Collections.unmodifiableMap(all);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCandidate = List.copyOf(onlyInCandidate);
    }

    public int count(Verdict v) {
        return counts.get(v);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
