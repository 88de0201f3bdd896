package io.benchledger.report;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.budget.BudgetStatus;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.ChangePointAnalysis;
import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.recommend.Thresholds;
import io.benchledger.report.model.Recommendation;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.history.History;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.archive.analysis.trend.TrendAnalysis;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.CaseTrend;
import io.benchledger.report.model.Formats;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the analyses a report shows, with the engines of the archive module: the comparison
 * ({@link Comparison}), change points ({@link ChangePointAnalysis}, without writing its cache: a
 * report leaves the archive as it was), trends ({@link TrendAnalysis}) and budgets
 * ({@link BudgetEvaluator}, on the candidate).
 */
public final class ReportAnalysis {
    private ReportAnalysis() {
    }

    /** Where the time of one analysis went, for {@code --verbose}. */
    public interface Timing {
        void took(String step, long nanos);
    }

    public static ReportAnalyses run(Archive archive, ArchiveDatabase db, Side baseline, Side candidate,
                                     ComparisonOptions options, Optional<List<Budget>> budgets)
            throws SQLException, IOException {
        return run(archive, db, baseline, candidate, options, budgets, (step, nanos) -> { });
    }

    public static ReportAnalyses run(Archive archive, ArchiveDatabase db, Side baseline, Side candidate,
                                     ComparisonOptions options, Optional<List<Budget>> budgets, Timing timing)
            throws SQLException, IOException {
        long t0 = System.nanoTime();
        ComparisonReport comparison = Comparison.run(db, baseline, candidate, options);
        timing.took("comparison", System.nanoTime() - t0);
        Set<String> compared = new HashSet<>();
        for (CaseComparison c : comparison.cases()) {
            compared.add(c.caseKey() + "\u0000" + c.metric());
        }
        t0 = System.nanoTime();
        // without the cache: a report leaves the archive as it was
        ChangePointAnalysis.Outcome outcome = ChangePointAnalysis.run(archive, options.project(), DetectorSettings.DEFAULTS,
                false);
        History history = outcome.history();
        timing.took("change points", System.nanoTime() - t0);
        // the change points of the cases this report compares (acknowledged ones are left out, as in 'changes')
        List<ChangePoint> points = outcome.changePoints().stream()
                .filter(cp -> compared.contains(cp.caseKey() + "\u0000" + cp.metric()))
                .toList();
        List<Drift> drifts = outcome.drifts().stream()
                .filter(d -> compared.contains(d.caseKey() + "\u0000" + d.metric()))
                .toList();
        t0 = System.nanoTime();
        List<CaseTrend> trends = trends(history, compared, outcome.detections());
        timing.took("trends", System.nanoTime() - t0);
        List<BudgetResult> budgetResults = new ArrayList<>();
        if (budgets.isPresent()) {
            t0 = System.nanoTime();
            BudgetReport r = BudgetEvaluator.evaluate(db, candidate, budgets.get(), options);
            for (BudgetCheck c : r.checks()) {
                budgetResults.add(new BudgetResult(c.caseKey(), c.caseKey().isEmpty() ? c.budget() : c.caseKey(),
                        c.criterion().replace('_', ' '), c.limit(), c.actual(), c.unit(), c.target(), c.critical(),
                        c.status().words(), c.neededText(), c.note()));
            }
            timing.took("budgets", System.nanoTime() - t0);
        }
        List<String> notes = new ArrayList<>();
        if (budgets.isEmpty()) {
            notes.add("No budget file was given, so no budget was checked.");
        }
        if (!outcome.acknowledged().isEmpty()) {
            notes.add(outcome.acknowledged().size() + " acknowledged change point(s) are not shown.");
        }
        return new ReportAnalyses(comparison, budgetResults, points, trends,
                recommendations(db, comparison, budgets.orElse(List.of())), notes, drifts);
    }

    /** The recommendation rules over the candidate's newest run, against the baseline's newest for growth. */
    static List<Recommendation> recommendations(ArchiveDatabase db, ComparisonReport comparison, List<Budget> budgets)
            throws SQLException {
        if (comparison.candidate().runIds().isEmpty()) {
            return List.of();
        }
        String run = comparison.candidate().runIds().get(0);
        String base = comparison.baseline().runIds().isEmpty() ? null : comparison.baseline().runIds().get(0);
        Thresholds t = Thresholds.defaults();
        List<Recommendation> out = new ArrayList<>();
        for (io.benchledger.archive.analysis.recommend.Recommendation r
                : RunMeasurements.recommendations(db, run, base, budgets, t)) {
            out.add(new Recommendation(r.rule(), r.caseKey(), r.message(), r.evidenceText(Formats::number)));
        }
        return out;
    }

    /**
     * Significant trends (improving or degrading) over the last 30 days of each compared case, within
     * the segment since its last step (never across a step), the steepest first.
     */
    static List<CaseTrend> trends(History history, Set<String> compared,
                                  java.util.Map<String, io.benchledger.archive.analysis.changepoint.SeriesDetector.Detection> detections) {
        List<CaseTrend> out = new ArrayList<>();
        for (CaseSeries s : history.series()) {
            if (!compared.contains(s.key())) {
                continue;
            }
            Instant[] times = new Instant[s.size()];
            for (int i = 0; i < s.size(); i++) {
                times[i] = history.runs().get(s.runIndexes()[i]).time();
            }
            var d = detections.get(s.key());
            int segment = d == null ? 0 : TrendAnalysis.lastSegmentStart(
                    io.benchledger.archive.analysis.changepoint.EDivisive.indexes(d.changePoints()));
            Optional<Trend> t = TrendAnalysis.sinceLastStep(times, s.values(), s.higherIsBetter(), segment);
            if (t.isPresent() && !Trend.STABLE.equals(t.get().direction())) {
                Trend tr = t.get();
                out.add(new CaseTrend(s.caseKey(), s.benchmark(), s.metric(), tr.points(), tr.relativeSlopePerDay(),
                        tr.rSquared(), tr.pValue(), tr.direction()));
            }
        }
        out.sort(Comparator.comparingDouble((CaseTrend t) -> -Math.abs(t.slopePerDay()))
                .thenComparing(CaseTrend::caseKey).thenComparing(CaseTrend::metric));
        return out;
    }
}
