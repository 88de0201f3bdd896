package io.benchledger.report;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.history.CaseSeries;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.CaseTrend;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.Recommendation;
import io.benchledger.archive.model.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a report shows of a publication's {@link Findings}: one of its comparisons (with the runs
 * each side resolved to, as the findings read them), and the budgets, change points, drifts, trends and recommendations of
 * the cases it compares, and notes on what was not analysed. Taken from the findings, never
 * computed here, so the PDF gives the verdicts the summaries and the site give.
 */
public record ReportAnalyses(
        ComparisonReport comparison,
        List<BudgetResult> budgets,
        List<ChangePoint> changePoints,
        List<CaseTrend> trends,
        List<Recommendation> recommendations,
        List<String> notes,
        List<Drift> drifts,
        List<Run> baselineRuns,
        List<Run> candidateRuns) {

    public ReportAnalyses {
        budgets = List.copyOf(budgets);
        changePoints = List.copyOf(changePoints);
        trends = List.copyOf(trends);
        recommendations = List.copyOf(recommendations);
        notes = List.copyOf(notes);
        drifts = List.copyOf(drifts);
        baselineRuns = List.copyOf(baselineRuns);
        candidateRuns = List.copyOf(candidateRuns);
    }

    /** The report of {@code comparison}, one of the findings' comparisons. */
    public static ReportAnalyses of(Findings findings, ComparisonReport comparison) {
        Set<String> compared = new HashSet<>();
        for (CaseComparison c : comparison.cases()) {
            compared.add(Findings.seriesKey(c.caseKey(), c.metric()));
        }
        // the change points of the cases this report compares (acknowledged ones are left out, as in 'changes')
        List<ChangePoint> points = findings.changePoints().stream()
                .filter(cp -> compared.contains(Findings.seriesKey(cp.caseKey(), cp.metric()))).toList();
        List<Drift> drifts = findings.drifts().stream()
                .filter(d -> compared.contains(Findings.seriesKey(d.caseKey(), d.metric()))).toList();
        List<BudgetResult> budgetResults = new ArrayList<>();
        findings.budgets().ifPresent(r -> {
            for (BudgetCheck c : r.checks()) {
                budgetResults.add(new BudgetResult(c.caseKey(), c.caseKey().isEmpty() ? c.budget() : c.caseKey(),
                        c.criterion().replace('_', ' '), c.limit(), c.actual(), c.unit(), c.target(), c.critical(),
                        c.status().words(), c.neededText(), c.note()));
            }
        });
        List<String> notes = new ArrayList<>();
        if (findings.budgets().isEmpty()) {
            notes.add("No budget file was given, so no budget was checked.");
        }
        if (!findings.changes().acknowledged().isEmpty()) {
            notes.add(findings.changes().acknowledged().size() + " acknowledged change point(s) are not shown.");
        }
        List<Recommendation> recommendations = findings.recommendations().stream()
                .map(r -> new Recommendation(r.rule(), r.caseKey(), r.message(), r.evidenceText(Formats::number)))
                .toList();
        return new ReportAnalyses(comparison, budgetResults, points, trends(findings, compared), recommendations,
                notes, drifts, findings.runs(comparison.baseline().runIds()),
                findings.runs(comparison.candidate().runIds()));
    }

    /** The compared cases' significant trends (improving or degrading), the steepest first. */
    private static List<CaseTrend> trends(Findings findings, Set<String> compared) {
        List<CaseTrend> out = new ArrayList<>();
        for (CaseSeries s : findings.changes().history().series()) {
            Trend tr = findings.trends().get(s.key());
            if (compared.contains(s.key()) && tr != null && !Trend.STABLE.equals(tr.direction())) {
                out.add(new CaseTrend(s.caseKey(), s.benchmark(), s.metric(), tr.points(), tr.relativeSlopePerDay(),
                        tr.rSquared(), tr.pValue(), tr.direction()));
            }
        }
        out.sort(Comparator.comparingDouble((CaseTrend t) -> -Math.abs(t.slopePerDay()))
                .thenComparing(CaseTrend::caseKey).thenComparing(CaseTrend::metric));
        return out;
    }
}
