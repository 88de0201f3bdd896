package io.benchledger.report;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.CaseTrend;
import io.benchledger.report.model.Recommendation;
import java.util.List;

/**
 * What the analyses found for one report: the comparison of candidate against baseline (with the
 * runs each side resolved to), budgets, change points, drifts, trends and recommendations, and notes on
 * what was not analysed. The report only shows these; it computes none of them.
 */
public record ReportAnalyses(
        ComparisonReport comparison,
        List<BudgetResult> budgets,
        List<ChangePoint> changePoints,
        List<CaseTrend> trends,
        List<Recommendation> recommendations,
        List<String> notes,
        List<Drift> drifts) {

    public ReportAnalyses {
        budgets = List.copyOf(budgets);
        changePoints = List.copyOf(changePoints);
        trends = List.copyOf(trends);
        recommendations = List.copyOf(recommendations);
        notes = List.copyOf(notes);
        drifts = List.copyOf(drifts);
    }
}
