package io.benchledger.site.render;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.site.SiteContext;
import io.benchledger.site.chart.Json;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code index.html}: the latest run, what changed since the previous run and the last release,
 * the PDF reports, budgets, recommendations, recent change points and the suite's duration.
 */
public final class Dashboard {
    static final int ROWS = 50;

    /** The page as index.html reads it. */
    public record View(io.benchledger.archive.model.Run latest, String latestTime, String latestAnchor, String latestMessage,
                       String latestDuration, String latestCommitHref, int benchmarkCount, int caseCount, int runCount,
                       boolean changeAnalysis, List<Section> comparisons, List<Report> reports, DataTable budgets,
                       boolean hasBudgets, DataTable recommendations, DataTable changes, DataTable durations) {
    }

    /**
     * One comparison on the dashboard: its changed cases' table ({@code shown} rows, {@code capped}
     * when more changed), what counts as changed, the link to its page and its verdict counts.
     */
    public record Section(ComparisonView cmp, DataTable table, int shown, boolean capped, String what, String href,
                          ComparisonTables.VerdictCounts counts) {
    }

    /** A PDF report published beside the site. */
    public record Report(String name, String href, String bytes) {
    }

    private Dashboard() {
    }

    public static void render(SiteContext ctx, Comparisons comparisons, int benchmarkCount, int caseCount)
            throws Exception {
        RunInfo latest = ctx.latest();
        List<DataTable> tables = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (ComparisonView cv : comparisons.dashboard()) {
            List<ComparisonView.Row> changed = changedRows(cv);
            String what = "regressed, improved or failed";
            DataTable t = ComparisonTables.table(cv, changed, cv.title() + ": the cases " + what,
                    "dashboard-" + (cv == comparisons.sincePrevious() ? "previous" : "release"), "");
            tables.add(t);
            sections.add(new Section(cv, t, changed.size(), changed.size() == ROWS, what,
                    "compare/" + cv.name() + ".html", ComparisonTables.VerdictCounts.of(cv)));
        }
        DataTable budgets = budgetTable(ctx);
        DataTable advice = recommendationTable(ctx);
        DataTable recent = recentChangePoints(ctx, 20);
        DataTable durations = durations(ctx);
        tables.addAll(List.of(budgets, advice, recent, durations));
        ctx.writer().write("charts/dashboard.js", durationChart(ctx.history()));
        View v = new View(latest.run(), Fmt.time(latest.run().startedAt()), SafeNames.anchor(latest.run().runId()), latest.message(),
                Fmt.seconds(latest.durationSeconds()), latest.run().commit().isEmpty() ? "" : ctx.commitHref(latest, ""),
                benchmarkCount, caseCount, ctx.runs().size(), ctx.changePoints().analysed(), sections, reports(ctx),
                budgets, !ctx.analyses().budgets().isEmpty(), advice, recent, durations);
        ctx.page("index.html", "index.html", ctx.frame("", ctx.options().title(), "dashboard")
                .withCharts("charts/dashboard.js"), v, tables);
    }

    /**
     * What the dashboard lists of a comparison: the cases that regressed, improved or failed,
     * largest change first, at most
     * {@value #ROWS}; the whole table, unchanged and inconclusive cases included, is on the
     * comparison's own page.
     */
    static List<ComparisonView.Row> changedRows(ComparisonView cv) {
        Set<String> changed = Set.of("regressed", "improved", "failed");
        // a tail-only regression (p99 up, centre unchanged) is a change too: the gate fails on it
        return cv.rows().stream()
                .filter(r -> changed.contains(r.verdict()) || "tail".equals(r.regressionType()))
                .sorted(Comparator.comparingDouble((ComparisonView.Row r) -> -Math.abs(r.change()))
                        .thenComparing(ComparisonView.Row::caseKey).thenComparing(ComparisonView.Row::metric))
                .limit(ROWS).toList();
    }

    /** PDF reports published beside the site (the nightly and release workflows put them in reports/). */
    private static List<Report> reports(SiteContext ctx) throws IOException {
        Path dir = ctx.options().out().resolve("reports");
        List<Report> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList()) {
                    String name = p.getFileName().toString();
                    out.add(new Report(name, "reports/" + DataPage.seg(name), Fmt.bytes(Files.size(p))));
                }
            }
        }
        return out;
    }

    private static DataTable recentChangePoints(SiteContext ctx, int max) {
        List<ChangePoint> all = ctx.changePoints().newestFirst();
        List<List<Cell>> rows = new ArrayList<>();
        for (ChangePoint cp : all.subList(0, Math.min(max, all.size()))) {
            rows.add(List.of(Cell.of(Fmt.time(cp.time())).raw(cp.time().toString()),
                    Cell.link(cp.benchmark(), BenchmarkPage.pageFile(cp.benchmark())).raw(cp.benchmark()),
                    Cell.of(cp.caseKey()), Cell.of(cp.version()), Cell.of(cp.commit()),
                    Cell.num(cp.change(), Fmt.pct(cp.change())).css(cp.direction()),
                    Cell.of(cp.direction()).css(cp.direction())));
        }
        return new DataTable("recent-change-points", "Recent change points, newest first",
                List.of(Col.text("Time"), Col.text("Benchmark"), Col.text("Case"), Col.text("Version"),
                        Col.text("Commit"), Col.num("Change"), Col.text("Direction")), rows,
                "downloads/recent-change-points");
    }

    /** Budgets checked against the latest run by the budget evaluator (max regression: against its baseline). */
    private static DataTable budgetTable(SiteContext ctx) throws Exception {
        List<List<Cell>> rows = new ArrayList<>();
        var report = ctx.analyses().budgetReport(ctx.data().db(), ctx.options().project(), ctx.latest().run().runId());
        if (report.isPresent()) {
            for (BudgetCheck c : report.get().checks()) {
                String status = c.status().json();
                // a budget that applied to no single case (not checked, pass rate) names its budget instead
                rows.add(List.of(c.benchmark().isEmpty() ? Cell.of(c.budget())
                                : Cell.link(c.benchmark(), BenchmarkPage.pageFile(c.benchmark())).raw(c.benchmark()),
                        Cell.of(caseSuffix(c.caseKey(), c.benchmark())).raw(c.caseKey()), Cell.of(c.criterion()),
                        TargetsPage.value(c.limit(), c.unit()), TargetsPage.value(c.actual(), c.unit()),
                        Cell.of(c.unit()), Cell.of(c.status().words()).css(status).raw(status), Cell.of(c.note())));
            }
        }
        return new DataTable("budgets", "Budgets against the latest run",
                List.of(Col.text("Benchmark"), Col.text("Case"), Col.text("Criterion"), Col.num("Limit"),
                        Col.num("Measured"), Col.text("Unit"), Col.text("Result"), Col.text("Note")), rows,
                "downloads/budgets");
    }

    /** A case key without its benchmark's name (the Benchmark column has it): {@code [size=64]@thrpt}. */
    static String caseSuffix(String caseKey, String benchmark) {
        return !benchmark.isEmpty() && caseKey.startsWith(benchmark) && caseKey.length() > benchmark.length()
                ? caseKey.substring(benchmark.length()) : caseKey;
    }

    /** The recommendations for the latest run, as the findings give them. */
    private static DataTable recommendationTable(SiteContext ctx) throws Exception {
        List<List<Cell>> rows = new ArrayList<>();
        for (Recommendation r : ctx.analyses().recommendations(ctx.data().db(), ctx.options().project(),
                ctx.latest().run().runId())) {
            rows.add(List.of(Cell.of(r.rule()), Cell.of(r.caseKey()), Cell.of(r.message()),
                    Cell.of(r.evidenceText(Fmt::num))));
        }
        return new DataTable("recommendations", "Recommendations for the latest run",
                List.of(Col.text("Rule"), Col.text("Case"), Col.text("Recommendation"), Col.text("Evidence")), rows,
                "downloads/recommendations");
    }

    /** The last 30 runs' suite durations, newest first. */
    private static DataTable durations(SiteContext ctx) {
        List<RunInfo> history = ctx.history();
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - 30); i--) {
            RunInfo r = history.get(i);
            rows.add(List.of(Cell.link(Fmt.time(r.run().startedAt()), "runs.html#" + SafeNames.anchor(r.run().runId())).raw(r.run().startedAt().toString()),
                    Cell.of(r.run().version()), Cell.of(r.run().suite()), Cell.num(r.durationSeconds(), Fmt.seconds(r.durationSeconds()))));
        }
        return new DataTable("suite-durations", "Suite duration of the last runs",
                List.of(Col.text("Started"), Col.text("Version"), Col.text("Suite"), Col.num("Duration (s)")),
                rows, "downloads/suite-durations");
    }

    /** The suite-duration chart's data: every run of the history. */
    private static String durationChart(List<RunInfo> history) {
        long[] t = new long[history.size()];
        double[] d = new double[history.size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            RunInfo r = history.get(i);
            t[i] = r.run().startedAt().toEpochMilli();
            d[i] = r.durationSeconds();
            labels.add(r.run().version());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "durations");
        chart.put("t", t);
        chart.put("seconds", d);
        chart.put("version", labels);
        return "window.BL_DATA = " + Json.of(chart) + ";\n";
    }
}
