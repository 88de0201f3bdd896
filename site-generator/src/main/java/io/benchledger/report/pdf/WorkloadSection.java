package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The report's "Workloads" section: the open-loop load cases ({@code workload.*}, from
 * {@code benchledger load}) compared, on the three figures that tell whether a service kept up —
 * mean request latency, request p99 and achieved rate. Nothing when the report has no such case.
 */
final class WorkloadSection {
    static final Set<String> METRICS = Set.of("primary", "latency.p99", "rate.achieved");
    static final List<Column> COLUMNS = List.of(Column.left("Workload case", 180), Column.left("Figure", 86),
            Column.right("Baseline", 48), Column.right("Candidate", 48), Column.right("Change", 44),
            Column.left("Verdict", 64)); // 470 pt: the portrait page's text width

    private WorkloadSection() {
    }

    static void draw(PageFlow flow, List<CaseComparison> comparisons) throws IOException {
        List<CaseComparison> cases = comparisons.stream()
                .filter(c -> c.benchmark().startsWith("workload.") && METRICS.contains(c.metric())).toList();
        if (cases.isEmpty()) {
            return;
        }
        flow.newPage();
        flow.heading("Workloads", 60);
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "Services under a target load (benchledger load, open"
                + " loop): request latency is measured from each request's intended start, so queueing counts."
                + " An achieved rate below the case's target rate means the service did not keep up.");
        flow.moveDown(4);
        List<Row> rows = new ArrayList<>();
        for (CaseComparison c : cases) {
            String figure = switch (c.metric()) {
                case "primary" -> "mean latency (ms)";
                case "latency.p99" -> "p99 latency (ms)";
                default -> "achieved (req/s)";
            };
            rows.add(new Row(List.of(ComparisonTable.caseLabel(c), figure, Formats.number(c.baselineMean()),
                    Formats.number(c.candidateMean()), Formats.percent(c.change()), c.verdict().json()),
                    Arrays.asList(null, null, null, null, null, Charts.color(c.verdict()))));
        }
        new Table(flow, COLUMNS).draw(rows);
    }
}
