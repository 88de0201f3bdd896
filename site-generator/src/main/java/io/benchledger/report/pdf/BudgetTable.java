package io.benchledger.report.pdf;

import io.benchledger.report.model.BudgetResult;
import io.benchledger.report.model.Formats;
import io.benchledger.report.pdf.Table.Column;
import io.benchledger.report.pdf.Table.Row;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The "Targets" section: every budget check, failures first; its table also lists the failures in the summary. */
final class BudgetTable {
    private static final List<String> STATUS_ORDER = List.of("fail", "warn", "not checked", "pass");

    private BudgetTable() {
    }

    /** The section; nothing when no budget applies. */
    static void draw(PageFlow flow, List<BudgetResult> budgets) throws IOException {
        if (budgets.isEmpty()) {
            return;
        }
        flow.heading("Targets", 60);
        flow.paragraph(flow.fonts.regular, 9, PageFlow.TEXT, "Every budget checked against the candidate: the current"
                + " value, the target (beyond it: warn) and the critical level (beyond it: fail), and the change still"
                + " needed. Not checked (no matching case, no baseline) is counted apart, never as a pass.");
        flow.moveDown(4);
        table(flow, budgets.stream()
                .sorted(Comparator.comparing((BudgetResult b) -> STATUS_ORDER.indexOf(b.status()))
                        .thenComparing(BudgetResult::benchmark).thenComparing(BudgetResult::caseKey)
                        .thenComparing(BudgetResult::criterion))
                .toList());
    }

    static void table(PageFlow flow, List<BudgetResult> budgets) throws IOException {
        Table t = new Table(flow, List.of(Column.left("Case", 171), Column.left("Criterion", 70),
                Column.right("Current", 50), Column.right("Target", 50), Column.right("Critical", 50),
                Column.left("Unit", 35), Column.left("Status", 40), Column.left("Needed", 45)));
        List<Row> rows = new ArrayList<>();
        for (BudgetResult b : budgets) {
            Color c = b.failed() ? Charts.BAD : b.passed() ? Charts.GOOD : null;
            rows.add(new Row(List.of(b.benchmark(), b.criterion(), Formats.number(b.actual()), Formats.number(b.target()),
                    Formats.number(b.critical()), b.unit(), b.status(),
                    b.needed().replace(" to reach the target", "").replace(" to reach the limit", "")),
                    Arrays.asList(null, null, null, null, null, null, c, null)));
        }
        t.draw(rows);
    }
}
