package io.benchledger.site.model;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.query.ArchiveDatabase;
import java.util.List;
import java.util.Optional;

/**
 * The analyses a site shows beside the raw history: comparisons of two run selections, change
 * points, drifts, trends, budgets and recommendations. The site renders whatever records these
 * give and computes none of them; the command line answers from a publication's findings. Every
 * comparison is tested: there is no site without a comparison engine.
 */
public interface SiteAnalyses {

    /** Compares two selections case by case (with what regressed and the p99 of sample-mode cases). */
    SiteComparison compare(ArchiveDatabase db, String project, RunSelection baseline, RunSelection candidate)
            throws Exception;

    /**
     * The latest run as the findings judged it: {@code latest} itself, or, when the nightly measured
     * what it called changed again, the run and its re-measurement together (so the dashboard's
     * comparisons name and count the runs the gate's verdicts come from).
     */
    default RunSelection judged(RunSelection latest) {
        return latest;
    }

    /**
     * The runs the nightly gate judges {@code candidate} against (its recent history, {@code recent:N}),
     * or empty when there are none or no engine: the dashboard then compares with the previous run.
     */
    default Optional<RunSelection> recentBaseline(ArchiveDatabase db, String project, RunSelection candidate)
            throws Exception {
        return Optional.empty();
    }

    /**
     * The runs of the last release the findings judged {@code candidate} against, or empty when they
     * have none for it: the dashboard then compares with the previous version.
     */
    default Optional<RunSelection> releaseBaseline(ArchiveDatabase db, String project, RunSelection candidate)
            throws Exception {
        return Optional.empty();
    }

    /** The budgets checked on the latest run ({@code runId}), or empty when none were given. */
    default Optional<BudgetReport> budgetReport(ArchiveDatabase db, String project, String runId) throws Exception {
        return Optional.empty();
    }

    /** The recommendations for the latest run ({@code runId}; none without an engine). */
    default List<Recommendation> recommendations(ArchiveDatabase db, String project, String runId) throws Exception {
        return List.of();
    }

    /** A series' trend over the last 30 days since its last step, or empty (too few runs, no engine). */
    default Optional<Trend> trend(String caseKey, String metric) {
        return Optional.empty();
    }

    /** Change points of every case of the project (any order), or empty when no detector is available. */
    default Optional<List<ChangePoint>> changePoints(ArchiveDatabase db, String project) throws Exception {
        return Optional.empty();
    }

    /** Drifts of every case of the project (any order), or empty when no detector is available. */
    default Optional<List<Drift>> drifts(ArchiveDatabase db, String project) throws Exception {
        return Optional.empty();
    }

    /** The budgets to check on the latest run (none when none were given); the budget evaluator checks them. */
    default List<Budget> budgets() {
        return List.of();
    }

    /**
     * Everything besides the runs that a comparison's result depends on (the engine and its
     * options). An incremental generation keeps a comparison page only when this is unchanged.
     */
    default String comparisonKey() {
        return "";
    }
}
