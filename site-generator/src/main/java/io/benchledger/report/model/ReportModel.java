package io.benchledger.report.model;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.site.data.ResourceData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, already computed: the renderer only lays it out, so the PDF does not
 * depend on how the numbers were found (comparison engine, change-point detector, rules).
 *
 * @param comparisons one row per case × metric, in the order the table shows them (by name)
 * @param histories the series behind the history charts (worst cases that have change points)
 * @param environments every run the report rests on, for the appendix
 * @param notes what the reader should know about what was (not) analysed, one sentence each
 * @param resources the Resources section: per case of the candidate's runs, speed, latency and cost
 * @param tailNotes per case key of a sample-mode case, its tail comparison and what regressed
 * @param drifts the compared cases' drifts, by end time
 */
public record ReportModel(
        TitlePage title,
        Summary summary,
        List<CaseComparison> comparisons,
        List<BudgetResult> budgets,
        List<ChangePoint> changePoints,
        List<CaseHistory> histories,
        List<CaseTrend> trends,
        List<Recommendation> recommendations,
        List<RunEnvironment> environments,
        List<String> notes,
        List<ResourceData.Row> resources,
        Map<String, String> tailNotes,
        List<Drift> drifts) {

    /** How many regressions the summary lists. */
    public static final int WORST = 10;

    /** The table's order: benchmark name, then the case key (parameters), then the metric. */
    public static final Comparator<CaseComparison> TABLE_ORDER = Comparator
            .comparing(CaseComparison::benchmark)
            .thenComparing(CaseComparison::caseKey)
            .thenComparing(CaseComparison::metric);

    public ReportModel {
        comparisons = List.copyOf(comparisons);
        budgets = List.copyOf(budgets);
        changePoints = List.copyOf(changePoints);
        histories = List.copyOf(histories);
        trends = List.copyOf(trends);
        recommendations = List.copyOf(recommendations);
        environments = List.copyOf(environments);
        notes = List.copyOf(notes);
        resources = List.copyOf(resources);
        tailNotes = Map.copyOf(tailNotes);
        drifts = List.copyOf(drifts);
    }

    /**
     * A copy with the Resources section's rows and, per case key, what its tail comparison found
     * ("p99 regressed +35.2 % [+20.1 %, +50.3 %] (regression: tail)").
     */
    public ReportModel withResources(List<ResourceData.Row> rows, Map<String, String> tails) {
        return new ReportModel(title, summary, comparisons, budgets, changePoints, histories, trends, recommendations,
                environments, notes, rows, tails, drifts);
    }

    /** A copy with the drifts of the compared cases, ordered by end time, then case and metric. */
    public ReportModel withDrifts(List<Drift> found) {
        List<Drift> sorted = found.stream().sorted(Comparator.comparing(Drift::endTime).thenComparing(Drift::caseKey)
                .thenComparing(Drift::metric)).toList();
        return new ReportModel(title, summary, comparisons, budgets, changePoints, histories, trends, recommendations,
                environments, notes, resources, tailNotes, sorted);
    }

    /** A model whose summary is computed from the comparisons and budgets, rows in table order. */
    public static ReportModel of(TitlePage title, List<CaseComparison> comparisons, List<BudgetResult> budgets,
                                 List<ChangePoint> changePoints, List<CaseHistory> histories, List<CaseTrend> trends,
                                 List<Recommendation> recommendations, List<RunEnvironment> environments,
                                 List<String> notes) {
        List<CaseComparison> rows = comparisons.stream().sorted(TABLE_ORDER).toList();
        List<ChangePoint> points = changePoints.stream()
                .sorted(Comparator.comparing(ChangePoint::time).thenComparing(ChangePoint::caseKey)
                        .thenComparing(ChangePoint::metric))
                .toList();
        return new ReportModel(title, Summary.of(rows, budgets, WORST), rows, budgets, points, histories, trends,
                recommendations, environments, notes, List.of(), Map.of(), List.of());
    }
}
