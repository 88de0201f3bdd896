package io.benchledger.cli.workflow;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The analyses a nightly or release run makes of one run, gathered into a {@link Gate}. */
public final class Analysis {
    /** Change points in this many newest runs of the project count as recent. */
    static final int RECENT_RUNS = 10;

    private Analysis() {
    }

    public static Gate of(Archive archive, String project, String runId, Side releaseBaseline, List<Budget> budgets,
                          ComparisonOptions options, FailOn failOn) throws IOException, SQLException {
        return of(archive, project, runId, releaseBaseline, budgets, options, failOn, true);
    }

    /** @param gateOnTail the suite's {@code gateOnTail}: whether a p99 regression of a sample-mode case fails the gate */
    public static Gate of(Archive archive, String project, String runId, Side releaseBaseline, List<Budget> budgets,
                          ComparisonOptions options, FailOn failOn, boolean gateOnTail) throws IOException, SQLException {
        return of(archive, project, runId, Side.recent(Side.DEFAULT_RECENT), releaseBaseline, budgets, options, failOn,
                gateOnTail);
    }

    /** As above, with the recent history of {@code recentSide} ({@code recent:N}) as the nightly baseline. */
    public static Gate of(Archive archive, String project, String runId, Side recentSide, Side releaseBaseline,
                          List<Budget> budgets, ComparisonOptions options, FailOn failOn, boolean gateOnTail)
            throws IOException, SQLException {
        return of(archive, project, runId, new Side(Side.Kind.RUN, runId), recentSide, releaseBaseline, budgets, options,
                failOn, gateOnTail);
    }

    /** As above, judging {@code candidate}: the run, or the run and its re-measurement ({@code run:RUN+AGAIN}). */
    public static Gate of(Archive archive, String project, String runId, Side candidate, Side recentSide,
                          Side releaseBaseline, List<Budget> budgets, ComparisonOptions options, FailOn failOn,
                          boolean gateOnTail) throws IOException, SQLException {
        Optional<ComparisonReport> previous;
        Optional<ComparisonReport> release;
        Optional<BudgetReport> budgetReport;
        Set<String> recentRuns = new HashSet<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Side run = candidate;
            previous = compare(db, recentSide, run, options);
            boolean anyRelease = !db.query("release_versions", project).rows().isEmpty();
            release = anyRelease || releaseBaseline.kind() != Side.Kind.LAST_RELEASE
                    ? compare(db, releaseBaseline, run, options) : Optional.empty();
            budgetReport = budgets.isEmpty() ? Optional.empty()
                    : Optional.of(BudgetEvaluator.evaluate(db, run, budgets, options));
            db.query("recent_runs", project, RECENT_RUNS).rows().forEach(r -> recentRuns.add((String) r.get(0)));
        }
        ChangePointAnalysis.Outcome changes = ChangePointAnalysis.run(archive, project, DetectorSettings.DEFAULTS, true);
        List<ChangePoint> recent = changes.changePoints().stream().filter(c -> recentRuns.contains(c.runId())).toList();
        // a drift is news when it ends in the recent runs, like a change point
        List<Drift> recentDrifts = changes.drifts().stream().filter(d -> recentRuns.contains(d.endRunId())).toList();
        return new Gate(runId, previous, release, budgetReport, recent, recentDrifts, failOn, gateOnTail);
    }

    /** The newest run of the project. */
    public static String latestRun(Archive archive, String project) throws IOException, SQLException {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            var rows = db.query("recent_runs", project, 1).rows();
            if (rows.isEmpty()) {
                throw new BadInputException(archive.root() + ": project '" + project + "' has no runs");
            }
            return (String) rows.get(0).get(0);
        }
    }

    /** A comparison, or nothing when a side has no runs yet (the first night, no release so far). */
    private static Optional<ComparisonReport> compare(ArchiveDatabase db, Side baseline, Side candidate,
                                                      ComparisonOptions options) throws SQLException {
        try {
            return Optional.of(Comparison.run(db, baseline, candidate, options));
        } catch (BadInputException noSuchSide) {
            return Optional.empty();
        }
    }
}
