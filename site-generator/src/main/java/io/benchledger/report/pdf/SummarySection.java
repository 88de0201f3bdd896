package io.benchledger.report.pdf;

import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.Formats;
import io.benchledger.report.model.Summary;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** The "Summary" section: cases per verdict, notes about the report, the worst regressions and failed budgets. */
final class SummarySection {
    private static final List<Verdict> CORE = List.of(Verdict.REGRESSED, Verdict.IMPROVED, Verdict.UNCHANGED,
            Verdict.INCONCLUSIVE);

    private SummarySection() {
    }

    static void draw(PageFlow flow, Summary s, List<String> notes, List<BudgetResult> budgets) throws IOException {
        flow.newPage();
        PDOutlineItem section = flow.heading("Summary", 80);
        Table counts = new Table(flow, List.of(Column.left("Verdict", 120), Column.right("Cases", 60)));
        List<Row> rows = new ArrayList<>();
        for (Verdict v : shownVerdicts(s)) {
            rows.add(new Row(List.of(v.json(), Integer.toString(s.count(v))), Arrays.asList(Charts.color(v), null)));
        }
        rows.add(Row.of("total", Integer.toString(s.total())));
        counts.draw(rows);

        if (!notes.isEmpty()) {
            flow.subheading(section, "About this report", 20);
            for (String note : notes) {
                flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "• " + note);
            }
        }

        flow.subheading(section, "Worst regressions", 40);
        if (s.worstRegressions().isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "No case regressed.");
        } else {
            Table worst = new Table(flow, List.of(Column.left("Case", 261), Column.right("Change", 50),
                    Column.right("95 % interval", 80), Column.left("Severity", 55), Column.right("q", 40)));
            List<Row> w = new ArrayList<>();
            for (CaseComparison c : s.worstRegressions()) {
                w.add(Row.of(ComparisonTable.caseLabel(c), Formats.percent(c.change()),
                        Formats.interval(c.ciLow(), c.ciHigh()), c.severity().json(), Formats.probability(c.qValue())));
            }
            worst.draw(w);
        }

        flow.subheading(section, "Budgets", 40);
        if (budgets.isEmpty()) {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT,
                    "No budget applies to these cases (budgets come from the suite configuration).");
        } else {
            flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, s.budgetsFailed() + " budget checks failed, "
                    + s.budgetsWarned() + " missed their target, " + s.budgetsPassed() + " passed, "
                    + s.budgetsNotChecked() + " could not be checked." + (s.budgetsFailed() > 0 ? " The failures:" : "")
                    + " Every check is listed in the section Targets.");
            flow.moveDown(4);
            List<BudgetResult> failed = budgets.stream().filter(BudgetResult::failed).toList();
            if (!failed.isEmpty()) {
                BudgetTable.table(flow, failed);
            }
        }
    }

    /**
     * The verdicts a count is shown for, in the order a reader looks for them (what got worse first):
     * the four core verdicts always, any other only when some case has it.
     */
    static List<Verdict> shownVerdicts(Summary s) {
        List<Verdict> order = new ArrayList<>(CORE);
        for (Verdict v : Verdict.values()) {
            if (!order.contains(v) && s.count(v) > 0) {
                order.add(v);
            }
        }
        return order;
    }
}
