package io.benchledger.report.pdf;

import io.benchledger.report.model.CaseTrend;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The "Trends" section: each compared case's significant trend over its last 30 days, steepest first. */
final class TrendTable {
    private TrendTable() {
    }

    static void draw(PageFlow flow, List<CaseTrend> trends) throws IOException {
        flow.heading("Trends", 40);
        if (trends.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No compared case has a significant trend over its last 30 days.");
            return;
        }
        Table t = new Table(flow, List.of(Column.left("Case", 221), Column.left("Metric", 60),
                Column.right("Runs", 35), Column.right("Slope / day", 60), Column.right("R²", 40),
                Column.right("p", 40), Column.left("Direction", 55)));
        List<Row> rows = new ArrayList<>();
        for (CaseTrend tr : trends) {
            // the case key, not the benchmark: cases differing only in their parameters must read apart
            rows.add(Row.of(tr.caseKey(), tr.metric(), Integer.toString(tr.points()),
                    Formats.percent(tr.slopePerDay()), String.format(Locale.ROOT, "%.2f", tr.rSquared()),
                    Formats.probability(tr.pValue()), tr.direction()));
        }
        t.draw(rows);
    }
}
