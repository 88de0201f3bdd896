package io.benchledger.site.render;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.budget.BudgetStatus;
import io.benchledger.site.SiteContext;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code targets.html}: every budget against the latest run — current value, target, critical
 * level, status and the change still needed — with what could not be checked counted apart.
 */
public final class TargetsPage {

    /** The page as targets.html reads it; {@code hasBudgets} false: the site was given none. */
    public record View(boolean hasBudgets, int failed, int warned, int passed, int close, int notChecked,
                       DataTable targets) {
    }

    private TargetsPage() {
    }

    public static void render(SiteContext ctx) throws Exception {
        BudgetReport report = ctx.analyses().budgetReport(ctx.data().db(), ctx.options().project(),
                ctx.latest().run().runId()).orElse(null);
        List<BudgetCheck> checks = report == null ? List.of() : report.checks();
        DataTable t = table(checks);
        View v = report == null ? new View(false, 0, 0, 0, 0, 0, t)
                : new View(true, report.failures().size(), report.warnings().size(), report.passes().size(),
                report.close().size(), report.notChecked().size(), t);
        ctx.page("targets.html", "targets.html", ctx.frame("", "Targets", "targets"), v, List.of(t));
    }

    static DataTable table(List<BudgetCheck> checks) {
        List<List<Cell>> rows = new ArrayList<>();
        for (BudgetCheck c : checks) {
            String status = c.status().json();
            String statusText = c.status().words() + (c.close() ? " (close)" : "");
            rows.add(List.of(Cell.of(statusText).css(c.status() == BudgetStatus.NOT_CHECKED ? "" : status).raw(status),
                    c.benchmark().isEmpty() ? Cell.of(c.caseKey().isEmpty() ? "—" : c.caseKey())
                            : Cell.link(shortKey(c), BenchmarkPage.pageFile(c.benchmark())).raw(c.caseKey()),
                    Cell.of(c.criterion()),
                    value(c.actual(), c.unit()), value(c.target(), c.unit()), value(c.critical(), c.unit()), Cell.of(c.unit()),
                    Double.isNaN(c.needed()) ? Cell.of("—").raw("") : Cell.num(c.needed(), c.neededText()),
                    Cell.of(c.budget()), Cell.of(c.note())));
        }
        return new DataTable("targets", "Budgets against the latest run: failures, then warnings, then not checked",
                List.of(Col.text("Status"), Col.text("Case"), Col.text("Criterion"),
                        Col.num("Current"), Col.num("Target"), Col.num("Critical"), Col.text("Unit"),
                        Col.num("Needed"), Col.text("Budget"), Col.text("Note")), rows, "downloads/targets");
    }

    /** The case key from the class name on ({@code AesGcmBenchmark.encrypt[size=64]@thrpt}): the package is on the page it links to. */
    static String shortKey(BudgetCheck c) {
        String b = c.benchmark();
        int method = b.lastIndexOf('.');
        int cls = method > 0 ? b.lastIndexOf('.', method - 1) : -1;
        return c.caseKey().startsWith(b) && cls >= 0 ? c.caseKey().substring(cls + 1) : c.caseKey();
    }

    /** A budget's value as people read it: bytes per second as kB/s, MB/s or GB/s; the raw number sorts. */
    static Cell value(double v, String unit) {
        if (Double.isNaN(v)) {
            return Cell.of("n/a").raw("");
        }
        return Cell.num(v, "B/s".equals(unit) ? io.benchledger.archive.format.ByteRate.format(v) : Fmt.num(v));
    }
}
