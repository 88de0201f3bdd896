package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a nightly or release run found, and whether the CI gate fails: a regression at the gate's
 * level of a gated metric against the recent history ({@code recent:N}) or the last release, a
 * benchmark that crashed in the run, or a broken budget. Change points and drifts (those ending in
 * the recent runs) are reported, not gated: a step needs a few runs after it before it can be seen,
 * so it is news for the dashboard, while the comparison with the recent runs is what catches
 * tonight's regression.
 */
public record Gate(
        String runId,
        Optional<ComparisonReport> againstRecent,
        Optional<ComparisonReport> againstRelease,
        Optional<BudgetReport> budgets,
        List<ChangePoint> recentChangePoints,
        List<Drift> recentDrifts,
        FailOn failOn,
        boolean gateOnTail) {

    public Gate {
        recentChangePoints = List.copyOf(recentChangePoints);
        recentDrifts = List.copyOf(recentDrifts);
    }

    /** A gate that also fails on tail (p99) regressions of sample-mode cases, the default. */
    public Gate(String runId, Optional<ComparisonReport> againstRecent, Optional<ComparisonReport> againstRelease,
                Optional<BudgetReport> budgets, List<ChangePoint> recentChangePoints, FailOn failOn) {
        this(runId, againstRecent, againstRelease, budgets, recentChangePoints, List.of(), failOn, true);
    }

    public List<CaseComparison> regressions() {
        List<CaseComparison> out = new ArrayList<>();
        againstRecent.ifPresent(r -> out.addAll(r.failing(failOn, gateOnTail)));
        againstRelease.ifPresent(r -> r.failing(failOn, gateOnTail).stream()
                .filter(c -> out.stream().noneMatch(o -> o.caseKey().equals(c.caseKey()) && o.metric().equals(c.metric())))
                .forEach(out::add));
        return out;
    }

    public List<BudgetCheck> brokenBudgets() {
        return budgets.map(BudgetReport::failures).orElse(List.of());
    }

    public boolean failed() {
        return !regressions().isEmpty() || !brokenBudgets().isEmpty();
    }
}
