package io.benchledger.report;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.Recommendation;
import io.benchledger.report.model.Trend;
import java.util.List;

/**
 * What the analyses found for one report: the comparison of candidate against baseline, budgets,
 * change points, trends and recommendations. The report only shows these; it computes none of them.
 */
public record ReportAnalyses(
        List<CaseComparison> comparisons,
        List<BudgetResult> budgets,
        List<ChangePoint> changePoints,
        List<Trend> trends,
        List<Recommendation> recommendations) {

    public ReportAnalyses {
        comparisons = List.copyOf(comparisons);
        budgets = List.copyOf(budgets);
        changePoints = List.copyOf(changePoints);
        trends = List.copyOf(trends);
        recommendations = List.copyOf(recommendations);
    }

    public static ReportAnalyses of(List<CaseComparison> comparisons) {
        return new ReportAnalyses(comparisons, List.of(), List.of(), List.of(), List.of());
    }
}
