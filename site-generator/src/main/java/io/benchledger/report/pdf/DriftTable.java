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
        Table t = new Table(flow, List.of(Column.left("Case", 100), Column.left("Metric", 38),
                Column.left("Start → end", 100), Column.right("Runs", 28), Column.right("Change", 36),
                Column.right("Per day", 46), Column.right("p", 40), Column.left("Direction", 56),
                Column.left("Alert", 62)));
        List<Row> rows = new ArrayList<>();
        for (Drift d : drifts) {
            // colour only for alerts: a drift below its case's threshold is information
            Color c = !d.alert() ? null : ChangePoint.REGRESSION.equals(d.direction()) ? Charts.BAD : Charts.GOOD;
            rows.add(new Row(List.of(d.caseKey(), d.metric(),
                    Formats.date(d.startTime()) + " → " + Formats.date(d.endTime()), Integer.toString(d.runs()),
                    Formats.percent(d.change()), perDay(d.changePerDay()), Formats.probability(d.pValue()), d.direction(),
                    alert(d)),
                    Arrays.asList(null, null, null, null, c, c, null, c, c)));
        }
        t.draw(rows);
        flow.paragraph(flow.fonts.regular, 8, PageFlow.MUTED, "A drift is an alert when its total change passes its "
                + "case's threshold (configured, or learned from its run-to-run noise); below it, information.");
    }

    /** "alert, 5.0%", "info, 5.0%" or "acknowledged": the verdict and the case's threshold. */
    static String alert(Drift d) {
        if (d.acknowledged() && !d.alert()) {
            return "acknowledged";
        }
        String t = Double.isFinite(d.threshold()) ? String.format(Locale.ROOT, "%.1f%%", 100 * d.threshold()) : "n/a";
        return d.alert() ? "alert, " + t : "info, " + t;
    }

    /** A drift per day is a small fraction: three significant digits, n/a when the ends are one instant. */
    static String perDay(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.3g%%", fraction * 100) : "n/a";
    }
}
