package io.benchledger.archive.analysis.findings;

import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.model.Run;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the analyses found for one publication (a nightly, a release, a site, a report), computed
 * once by {@link FindingsBuilder} from one snapshot of the archive. The gate, summary.md and
 * summary.json, the site and the PDF only render these, so they give the same answer for the same
 * runs. Kept in memory, never stored (docs/archive.md, "Findings are not stored").
 *
 * @param candidateRun the newest run of the candidate: budgets and recommendations are about it
 * @param comparisons the comparisons asked for, in the order they are reported (the recent history
 *     and the last release for a nightly; one for a release), each with why it is missing when it is
 * @param changes change points (acknowledged ones apart) and drifts of every case of the project, and
 *     the history they were found in
 * @param trends each series' trend over the last 30 days since its last step, by series key
 *     (case key, NUL, metric); series too short for a trend are absent
 * @param budgets the budgets checked on the candidate; empty when none were given
 * @param recommendations the recommendation rules over the candidate's newest run
 * @param recentRuns the project's newest runs: change points and drifts that end in them are news
 * @param runs the runs the comparisons rest on (both sides of each) and the candidate run, by run id:
 *     what a report's title page and appendix show of them
 */
public record Findings(
        String project,
        String candidateRun,
        List<Compared> comparisons,
        ChangePointAnalysis.Outcome changes,
        Map<String, Trend> trends,
        Optional<BudgetReport> budgets,
        List<Recommendation> recommendations,
        Set<String> recentRuns,
        Map<String, Run> runs) {

    /** Comparison names: against the recent history, against the last release, a release's own comparison. */
    public static final String RECENT = "recent";
    public static final String LAST_RELEASE = "last_release";
    public static final String RELEASE = "release";

    public Findings {
        comparisons = List.copyOf(comparisons);
        trends = Map.copyOf(trends);
        recommendations = List.copyOf(recommendations);
        recentRuns = Set.copyOf(recentRuns);
        runs = Map.copyOf(runs);
    }

    /** The runs of these ids, in that order; each must be one the findings rest on. */
    public List<Run> runs(List<String> runIds) {
        return runIds.stream().map(id -> {
            Run r = runs.get(id);
            if (r == null) {
                throw new IllegalArgumentException("run " + id + " is not one the findings rest on");
            }
            return r;
        }).toList();
    }

    /**
     * One comparison of the candidate.
     *
     * @param name {@link #RECENT}, {@link #LAST_RELEASE} or {@link #RELEASE} (summary.json's name)
     * @param label how a summary line starts ("vs recent runs")
     * @param report empty when the baseline has no runs yet
     * @param missing why there is no report, in words ("no earlier run with the same settings")
     */
    public record Compared(String name, String label, Optional<ComparisonReport> report, String missing) {
    }

    /** The comparison of that name, when it was asked for and made. */
    public Optional<ComparisonReport> comparison(String name) {
        return comparisons.stream().filter(c -> c.name().equals(name)).findFirst().flatMap(Compared::report);
    }

    public List<ChangePoint> changePoints() {
        return changes.changePoints();
    }

    public List<Drift> drifts() {
        return changes.drifts();
    }

    /** Change points at one of the recent runs (news for the summary), largest first. */
    public List<ChangePoint> recentChangePoints() {
        return changes.changePoints().stream().filter(c -> recentRuns.contains(c.runId())).toList();
    }

    /**
     * Drifts that end in the recent runs, largest first, alerts and information (below the case's
     * threshold) alike; an acknowledged one only when it moved on by its threshold (then an alert).
     */
    public List<Drift> recentDrifts() {
        return changes.drifts().stream().filter(d -> recentRuns.contains(d.endRunId()))
                .filter(d -> !d.acknowledged() || d.alert()).toList();
    }

    /** A series' trend (see {@link #trends}). */
    public Optional<Trend> trend(String caseKey, String metric) {
        return Optional.ofNullable(trends.get(seriesKey(caseKey, metric)));
    }

    /** The key of a series, as {@code CaseSeries.key()}. */
    public static String seriesKey(String caseKey, String metric) {
        return caseKey + "\u0000" + metric;
    }
}
