package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The "Drifts" table under the change points: stretches whose level moved steadily, each an alert
 * like a step (case, first → last run, total change, change per day, Mann–Kendall p).
 */
final class DriftTable {
    private DriftTable() {
    }

    static void draw(PageFlow flow, PDOutlineItem section, List<Drift> drifts) throws IOException {
        flow.subheading(section, "Drifts", 40);
        if (drifts.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No drift was found in the history of these cases.");
            return;
        }
        Table t = new Table(flow, List.of(Column.left("Case", 136), Column.left("Metric", 45),
                Column.left("Start → end", 110), Column.right("Runs", 30), Column.right("Change", 40),
                Column.right("Per day", 50), Column.right("p", 40), Column.left("Direction", 55)));
        List<Row> rows = new ArrayList<>();
        for (Drift d : drifts) {
            Color c = ChangePoint.REGRESSION.equals(d.direction()) ? Charts.BAD : Charts.GOOD;
            rows.add(new Row(List.of(d.benchmark(), d.metric(),
                    Formats.date(d.startTime()) + " → " + Formats.date(d.endTime()), Integer.toString(d.runs()),
                    Formats.percent(d.change()), perDay(d.changePerDay()), Formats.probability(d.pValue()), d.direction()),
                    Arrays.asList(null, null, null, null, c, c, null, c)));
        }
        t.draw(rows);
    }

    /** A drift per day is a small fraction: three significant digits, n/a when the ends are one instant. */
    static String perDay(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.3g%%", fraction * 100) : "n/a";
    }
}
