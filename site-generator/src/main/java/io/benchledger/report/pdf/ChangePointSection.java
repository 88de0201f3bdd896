package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.report.model.CaseHistory;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** The "Change points" section: the table of change points, the drifts, and the history charts. */
final class ChangePointSection {
    /** How many history charts at most (the worst regressions that have change points first). */
    static final int HISTORY_CHARTS = 6;

    private ChangePointSection() {
    }

    static void draw(PageFlow flow, Charts charts, List<ChangePoint> points, List<Drift> drifts,
                     List<CaseHistory> histories) throws IOException {
        flow.newPage();
        PDOutlineItem section = flow.heading("Change points", 40);
        if (points.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No change point was found in the history of these cases.");
        } else {
            // the case key, parameters and mode included: two cases of one benchmark are two rows
            // apart; p as wide as "<0.001"
            Table t = new Table(flow, List.of(Column.left("Case", 136), Column.left("Metric", 42),
                    Column.left("Version", 42), Column.left("Run time", 76), Column.right("Before", 40),
                    Column.right("After", 40), Column.right("Change", 38), Column.right("p", 40),
                    Column.left("Direction", 55)));
            List<Row> rows = new ArrayList<>();
            for (ChangePoint cp : points) {
                Color c = ChangePoint.REGRESSION.equals(cp.direction()) ? Charts.BAD : Charts.GOOD;
                rows.add(new Row(List.of(cp.caseKey(), cp.metric(), cp.version(), Formats.dateTime(cp.time()),
                        Formats.number(cp.before()), Formats.number(cp.after()), Formats.percent(cp.change()),
                        Formats.probability(cp.pValue()), cp.direction()),
                        Arrays.asList(null, null, null, null, null, null, c, null, c)));
            }
            t.draw(rows);
        }
        DriftTable.draw(flow, section, drifts);
        int shown = 0;
        for (CaseHistory h : histories) {
            if (shown == HISTORY_CHARTS) {
                break;
            }
            float height = 190;
            flow.subheading(section, "History: " + h.benchmark() + (h.metric().equals("primary") ? "" : " · " + h.metric()),
                    height);
            PDFormXObject form = charts.history(h, flow.width(), height);
            flow.form(form, PageFlow.LEFT, flow.y(), height);
            flow.moveDown(height + 6);
            shown++;
        }
    }
}
