package io.benchledger.cli.notify;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.cli.workflow.Gate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a nightly run has to tell a chat channel: the gate's regressions, the improvements, the broken
 * budgets and the change points and the alerting drifts (past their case's threshold) among the recent runs. Taken from the {@link Gate}, so the alert says
 * what the job's summary says.
 */
public record Alert(String project, String runId, String title, boolean gateFailed, List<Change> regressions,
                    List<Change> improvements, List<BudgetCheck> brokenBudgets, List<ChangePoint> changePoints,
                    List<Drift> drifts) {

    /** One case's change, and what it was compared with ({@code recent runs} (the gate's recent:N history) or {@code last release}). */
    public record Change(CaseComparison comparison, String against) {
    }

    public static final String PREVIOUS = "recent runs";
    public static final String RELEASE = "last release";

    public static Alert of(String project, String title, Gate g) {
        List<Change> regressions = new ArrayList<>();
        for (CaseComparison c : g.regressions()) {
            boolean previous = g.againstRecent().map(r -> r.cases().contains(c)).orElse(false);
            regressions.add(new Change(c, previous ? PREVIOUS : RELEASE));
        }
        List<Change> improvements = new ArrayList<>();
        improved(g.againstRecent(), PREVIOUS, improvements);
        improved(g.againstRelease(), RELEASE, improvements);
        return new Alert(project, g.runId(), title, g.failed(), regressions, improvements, g.brokenBudgets(),
                g.recentChangePoints(), g.recentDrifts().stream().filter(Drift::alert).toList());
    }

    /** Improvements of a case already listed (against the recent runs) are not listed twice. */
    private static void improved(Optional<ComparisonReport> report, String against, List<Change> out) {
        report.ifPresent(r -> r.cases().stream().filter(c -> c.verdict() == Verdict.IMPROVED)
                .filter(c -> out.stream().noneMatch(o -> o.comparison().caseKey().equals(c.caseKey())
                        && o.comparison().metric().equals(c.metric())))
                .forEach(c -> out.add(new Change(c, against))));
    }

    /** A quiet night: nothing to post. */
    public boolean isEmpty() {
        return regressions.isEmpty() && improvements.isEmpty() && brokenBudgets.isEmpty() && changePoints.isEmpty()
                && drifts.isEmpty();
    }
}
