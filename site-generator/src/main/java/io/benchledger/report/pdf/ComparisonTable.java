package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Severity;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The "Comparison" section, on landscape pages: every case and metric by name, with its verdict. */
final class ComparisonTable {
    /** The table's columns (758 points: the text width of a landscape A4 page). */
    static final List<Column> COLUMNS = List.of(Column.left("Case", 290), Column.left("Unit", 40),
            Column.right("Baseline", 52), Column.right("Candidate", 52), Column.right("Change", 42),
            Column.right("95 % interval", 82), Column.right("q", 36),
            Column.right("Threshold", 76), Column.left("Verdict", 88));

    private ComparisonTable() {
    }

    /**
     * @param tailNotes per case key of a sample-mode case, what its tail comparison found (added to the
     *     verdict of its primary metric)
     */
    static void draw(PageFlow flow, List<CaseComparison> comparisons, Map<String, String> tailNotes)
            throws IOException {
        flow.landscape(true);
        flow.newPage();
        flow.heading("Comparison", 60);
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "Every case and metric, by name. Baseline and"
                + " candidate are the centres the comparison used (by default the 10 % trimmed mean of the"
                + " iteration scores), so change = candidate ÷ baseline − 1; q is the"
                + " p-value after Benjamini–Hochberg correction across the " + comparisons.size() + " rows;"
                + " threshold is the noise threshold each case was judged with, configured or learned from its run-to-run"
                + " variation.");
        flow.moveDown(4);
        Table t = new Table(flow, COLUMNS);
        List<Row> rows = new ArrayList<>(comparisons.size());
        for (CaseComparison c : comparisons) {
            rows.add(new Row(List.of(caseLabel(c), c.unit(), ResourcesSection.value(c.baselineCentre(), c.unit()),
                    ResourcesSection.value(c.candidateCentre(), c.unit()), Formats.percent(c.change()),
                    Formats.interval(c.ciLow(), c.ciHigh()), Formats.probability(c.qValue()),
                    Formats.threshold(c.threshold(), c.basis().thresholdSource()),
                    verdictText(c) + ("primary".equals(c.metric()) ? tail(tailNotes, c.caseKey()) : "")),
                    Arrays.asList(null, null, null, null, null, null, null, null, Charts.color(c.verdict()))));
        }
        if (rows.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No case was measured in both runs.");
        } else {
            t.draw(rows);
        }
        flow.landscape(false);
    }

    /** The case's name with its parameters, and the metric unless it is the primary score. */
    static String caseLabel(CaseComparison c) {
        String name = Formats.caseName(c.benchmark(), c.params());
        return "primary".equals(c.metric()) ? name : name + " · " + c.metric();
    }

    private static String verdictText(CaseComparison c) {
        String v = c.verdict().json();
        if (c.severity() != Severity.NONE) {
            v += " (" + c.severity().json() + ")";
        }
        if (c.verdict() == Verdict.INCONCLUSIVE && c.samplesNeeded() > 0) {
            v += ", " + c.samplesNeeded() + " samples needed";
        }
        return v;
    }

    /** "; tail: p99 regressed +35.2 % … (regression: tail)" for a sample-mode case, else empty. */
    private static String tail(Map<String, String> tailNotes, String caseKey) {
        String note = tailNotes.getOrDefault(caseKey, "");
        return note.isEmpty() ? "" : "; " + note;
    }
}
