package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.findings.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a nightly or release run found, read from its {@link Findings}, and whether the CI gate
 * fails: a regression at the gate's level of a gated metric in one of the comparisons (the recent
 * history, the last release; a release's own comparison), a benchmark that crashed in the run, or
 * a broken budget. Change points and drifts (those ending in the recent runs) are reported, not
 * gated: a step needs a few runs after it before it can be seen, so it is news for the dashboard,
 * while the comparison with the recent runs is what catches tonight's regression.
 *
 * @param comparisons the comparisons asked for, in the order the summaries list them
 */
public record Gate(
        String runId,
        List<Findings.Compared> comparisons,
        Optional<BudgetReport> budgets,
        List<ChangePoint> recentChangePoints,
        List<Drift> recentDrifts,
        FailOn failOn,
        boolean gateOnTail) {

    public Gate {
        comparisons = List.copyOf(comparisons);
        recentChangePoints = List.copyOf(recentChangePoints);
        recentDrifts = List.copyOf(recentDrifts);
    }

    /** The gate over a publication's findings. */
    public static Gate of(Findings f, FailOn failOn, boolean gateOnTail) {
        return new Gate(f.candidateRun(), f.comparisons(), f.budgets(), f.recentChangePoints(), f.recentDrifts(),
                failOn, gateOnTail);
    }

    /** A nightly's gate from its two comparisons, failing on tail regressions too. */
    public Gate(String runId, Optional<ComparisonReport> againstRecent, Optional<ComparisonReport> againstRelease,
                Optional<BudgetReport> budgets, List<ChangePoint> recentChangePoints, FailOn failOn) {
        this(runId, List.of(
                new Findings.Compared(Findings.RECENT, "vs recent runs", againstRecent, "nothing to compare with yet"),
                new Findings.Compared(Findings.LAST_RELEASE, "vs last release", againstRelease,
                        "nothing to compare with yet")),
                budgets, recentChangePoints, List.of(), failOn, true);
    }

    public Optional<ComparisonReport> againstRecent() {
        return comparison(Findings.RECENT);
    }

    /** Against the last release, or a release's own comparison. */
    public Optional<ComparisonReport> againstRelease() {
        return comparison(Findings.LAST_RELEASE).or(() -> comparison(Findings.RELEASE));
    }

    private Optional<ComparisonReport> comparison(String name) {
        return comparisons.stream().filter(c -> c.name().equals(name)).findFirst().flatMap(Findings.Compared::report);
    }

    public List<CaseComparison> regressions() {
        List<CaseComparison> out = new ArrayList<>();
        for (Findings.Compared c : comparisons) {
            c.report().ifPresent(r -> r.failing(failOn, gateOnTail).stream()
                    .filter(x -> out.stream().noneMatch(o -> o.caseKey().equals(x.caseKey()) && o.metric().equals(x.metric())))
                    .forEach(out::add));
        }
        return out;
    }

    public List<BudgetCheck> brokenBudgets() {
        return budgets.map(BudgetReport::failures).orElse(List.of());
    }

    public boolean failed() {
        return !regressions().isEmpty() || !brokenBudgets().isEmpty();
    }
}
