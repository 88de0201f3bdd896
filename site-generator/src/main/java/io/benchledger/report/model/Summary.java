package io.benchledger.report.model;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Verdict;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first page after the title: how many cases got each verdict, the worst regressions, and the budgets.
 *
 * @param counts cases per verdict (every verdict present, zero when none)
 * @param worstRegressions regressed cases, worst first (largest change in the bad direction)
 */
public record Summary(
        Map<Verdict, Integer> counts,
        List<CaseComparison> worstRegressions,
        int budgetsPassed,
        int budgetsFailed,
        int budgetsWarned,
        int budgetsNotChecked) {

    public Summary {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        worstRegressions = List.copyOf(worstRegressions);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Verdict v) {
        return counts.getOrDefault(v, 0);
    }

    public static Summary of(List<CaseComparison> cases, List<BudgetResult> budgets, int worst) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (CaseComparison c : cases) {
            counts.merge(c.verdict(), 1, Integer::sum);
        }
        List<CaseComparison> regressions = cases.stream()
                .filter(c -> c.verdict() == Verdict.REGRESSED)
                .sorted(Comparator.comparingDouble(Summary::badness).reversed()
                        .thenComparing(CaseComparison::caseKey).thenComparing(CaseComparison::metric))
                .limit(worst)
                .toList();
        int passed = (int) budgets.stream().filter(BudgetResult::passed).count();
        int failed = (int) budgets.stream().filter(BudgetResult::failed).count();
        int notChecked = (int) budgets.stream().filter(BudgetResult::notChecked).count();
        return new Summary(counts, regressions, passed, failed, budgets.size() - passed - failed - notChecked, notChecked);
    }

    /** The change in the direction that hurts: a throughput drop and a latency rise are both positive. */
    public static double badness(CaseComparison c) {
        return c.higherIsBetter() ? -c.change() : c.change();
    }
}
