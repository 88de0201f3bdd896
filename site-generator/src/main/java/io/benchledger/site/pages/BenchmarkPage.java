package io.benchledger.site.pages;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.TargetLines;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.changepoint.Drift;
import io.benchledger.archive.analysis.trend.Trend;
import io.benchledger.site.chart.BoxStats;
import io.benchledger.site.chart.Columns;
import io.benchledger.site.chart.DriftSegments;
import io.benchledger.site.chart.Json;
import io.benchledger.site.chart.Lttb;
import io.benchledger.site.model.CaseSeries;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One benchmark's page: its cases' histories (downsampled to a bounded size), change points,
 * trend, budget lines, environment changes and the latest run's sample distribution; the chart
 * data goes into a script file, the full history into a JSON file.
 */
public final class BenchmarkPage {
    /** Chart data per page is kept under this many bytes (downsampling when needed). */
    public static final int DATA_LIMIT = 300_000;
    /** Significant digits of a score and of an interval's half-width in the chart data. */
    static final int SCORE_DIGITS = 6;
    static final int ERROR_DIGITS = 4;
    private static final double DAY_MS = 86_400_000.0;

    private final String benchmark;
    private final String name;
    private final List<CaseSeries> series;
    private final List<RunInfo> runs;
    private final Map<String, List<ChangePoint>> changePoints;
    private final boolean changeAnalysis;
    private final List<Budget> budgets;
    private final Map<String, double[][]> latestSamples;
    private final Links links;
    private final int[] environment;
    private final Map<String, List<Drift>> drifts;
    private final Trends trends;
    private final RunTable runTable;

    /** Each series' trend, as the findings give it (the page fits none itself). */
    public interface Trends {
        Optional<Trend> of(String caseKey, String metric);
    }

    /** How links to commits are made. */
    public interface Links {
        String commit(RunInfo run, String root);
    }

    /**
     * The project's runs as the benchmark pages look them up, made once for all of them: by id, and
     * their start times by index.
     */
    public static final class RunTable {
        private final List<RunInfo> runs;
        private final int[] environment;
        private final Map<String, RunInfo> byId = new java.util.HashMap<>();
        private final Map<String, Integer> positionById = new java.util.HashMap<>();
        private final long[] startMillis;

        private RunTable(List<RunInfo> runs, int[] environment) {
            this.runs = runs;
            this.environment = environment;
            startMillis = new long[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                RunInfo r = runs.get(i);
                byId.put(r.run().runId(), r);
                positionById.put(r.run().runId(), i);
                startMillis[i] = r.run().startedAt().toEpochMilli();
            }
        }

        /** @param environment environment ids per run index ({@link #environmentIds}) */
        public static RunTable of(List<RunInfo> runs, int[] environment) {
            return new RunTable(runs, environment);
        }

        /** The run's position among the runs, or -1 (also when two runs share the id: then runs are compared by id). */
        int position(String runId) {
            Integer p = byId.size() == runs.size() ? positionById.get(runId) : null;
            return p == null ? -1 : p;
        }
    }

    public BenchmarkPage(String benchmark, List<CaseSeries> series, List<RunInfo> runs,
                         Map<String, List<ChangePoint>> changePoints, boolean changeAnalysis, List<Budget> budgets,
                         Map<String, double[][]> latestSamples, Links links, int[] environment,
                         Map<String, List<Drift>> drifts, Trends trends) {
        this(benchmark, series, RunTable.of(runs, environment), changePoints, changeAnalysis, budgets, latestSamples,
                links, drifts, trends);
    }

    public BenchmarkPage(String benchmark, List<CaseSeries> series, RunTable runTable,
                         Map<String, List<ChangePoint>> changePoints, boolean changeAnalysis, List<Budget> budgets,
                         Map<String, double[][]> latestSamples, Links links,
                         Map<String, List<Drift>> drifts, Trends trends) {
        this.benchmark = benchmark;
        this.name = SafeNames.of(benchmark);
        this.series = series;
        this.runTable = runTable;
        this.runs = runTable.runs;
        this.changePoints = changePoints;
        this.changeAnalysis = changeAnalysis;
        this.budgets = budgets;
        this.latestSamples = latestSamples;
        this.links = links;
        this.environment = runTable.environment;
        this.drifts = drifts;
        this.trends = trends;
    }

    /** Environment ids per run index (equal ids: same machine and JVM), computed once for all pages. */
    public static int[] environmentIds(List<RunInfo> runs) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[runs.size()];
        for (RunInfo r : runs) {
            out[r.index()] = ids.computeIfAbsent(r.environmentKey(), k -> ids.size());
        }
        return out;
    }

    public static String pageFile(String benchmark) {
        return "b/" + SafeNames.of(benchmark) + ".html";
    }

    public String name() {
        return name;
    }

    /** The chart data script ({@code charts/<name>.js}), at most {@link #DATA_LIMIT} bytes of data. */
    public String chartScript() {
        int cap = 2000;
        String json = chartJson(cap);
        for (int attempt = 0; attempt < 8 && json.length() > DATA_LIMIT; attempt++) {
            cap = Math.max(20, (int) (cap * 0.9 * DATA_LIMIT / json.length()));
            json = chartJson(cap);
        }
        return "window.BL_DATA = " + json + ";\n";
    }

    private String chartJson(int cap) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<int[]> chosenBySeries = new ArrayList<>();
        for (CaseSeries s : series) {
            double[] x = new double[s.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = runTable.startMillis[s.runIndex()[i]];
            }
            boolean[] keep = new boolean[s.size()];
            Lttb.keepExtremes(s.score(), keep);
            for (int p : changePositions(s)) {
                keep[p] = true;
            }
            int[] chosen = Lttb.select(x, s.score(), cap, keep);
            chosenBySeries.add(chosen);
        }
        for (int si = 0; si < series.size(); si++) {
            CaseSeries s = series.get(si);
            int[] chosen = chosenBySeries.get(si);
            int[] r = new int[chosen.length];
            double[] y = new double[chosen.length];
            double[] e = new double[chosen.length];
            double[] el = new double[chosen.length];
            boolean symmetric = true;
            for (int k = 0; k < chosen.length; k++) {
                int i = chosen[k];
                r[k] = s.runIndex()[i];
                y[k] = s.score()[i];
                e[k] = s.high()[i] - y[k];
                el[k] = y[k] - s.low()[i];
                // the interval drawn from 0 where it would reach below (see SiteData) needs no column of its own
                boolean clamped = s.low()[i] == 0 && y[k] >= 0 && y[k] - e[k] < 0;
                symmetric &= clamped || Double.compare(e[k], el[k]) == 0
                        || Math.abs(e[k] - el[k]) <= 1e-9 * Math.max(Math.abs(y[k]), Math.abs(e[k]));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.info().label());
            m.put("key", s.info().caseKey());
            m.put("unit", s.info().unit());
            m.put("higherIsBetter", s.info().higherIsBetter());
            m.put("total", s.size());
            // the runs as indexes into charts/runs.js (differences), the score and the interval's half-widths
            m.put("r", Columns.deltas(r));
            m.put("y", Columns.rounded(y, SCORE_DIGITS));
            m.put("e", Columns.rounded(e, ERROR_DIGITS));
            if (!symmetric) {
                m.put("el", Columns.rounded(el, ERROR_DIGITS));
            }
            m.put("changePoints", changePointData(s));
            m.put("trend", trendData(s));
            m.put("drifts", DriftSegments.chartData(drifts.getOrDefault(s.info().caseKey(), List.of()), runTable.byId::get));
            m.put("budgets", budgetLines(s));
            double[][] samples = latestSamples.get(s.info().caseKey());
            if (samples != null) {
                long[] w = new long[samples[1].length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (long) samples[1][i];
                }
                BoxStats box = BoxStats.of(samples[0], w);
                if (box.count() > 0) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("box", new double[] {box.min(), box.q1(), box.median(), box.q3(), box.max()});
                    d.put("count", box.count());
                    d.put("values", Columns.rounded(firstValues(samples[0], 400), SCORE_DIGITS));
                    m.put("distribution", d);
                }
            }
            out.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "benchmark");
        doc.put("benchmark", benchmark);
        // insertion-ordered maps throughout: Map.of's iteration order changes from one JVM to the next
        doc.put("env", environmentChanges());
        doc.put("series", out);
        return Json.of(doc);
    }

    private static double[] firstValues(double[] values, int max) {
        int n = Math.min(values.length, max);
        double[] out = new double[n];
        System.arraycopy(values, 0, out, 0, n);
        return out;
    }

    /** Positions of the case's change points in its series (by run id, else by the given index). */
    private List<Integer> changePositions(CaseSeries s) {
        List<Integer> out = new ArrayList<>();
        for (ChangePoint cp : changePoints.getOrDefault(s.info().caseKey(), List.of())) {
            int p = positionOf(s, cp);
            if (p >= 0) {
                out.add(p);
            }
        }
        return out;
    }

    private int positionOf(CaseSeries s, ChangePoint cp) {
        int run = runTable.position(cp.runId());
        for (int i = 0; i < s.size(); i++) {
            if (run >= 0 ? s.runIndex()[i] == run : runs.get(s.runIndex()[i]).run().runId().equals(cp.runId())) {
                return i;
            }
        }
        return cp.index() >= 0 && cp.index() < s.size() ? cp.index() : -1;
    }

    private List<Object> changePointData(CaseSeries s) {
        List<Object> out = new ArrayList<>();
        for (ChangePoint cp : changePoints.getOrDefault(s.info().caseKey(), List.of())) {
            int p = positionOf(s, cp);
            if (p < 0) {
                continue;
            }
            RunInfo r = runs.get(s.runIndex()[p]);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t", r.run().startedAt().toEpochMilli());
            m.put("ri", r.index());
            m.put("y", s.score()[p]);
            m.put("change", cp.change());
            m.put("direction", cp.direction());
            m.put("label", Fmt.pct(cp.change()) + " at " + (cp.version().isEmpty() ? r.run().version() : cp.version())
                    + (r.run().commit().isEmpty() ? "" : " (" + r.shortCommit() + ")"));
            m.put("href", links.commit(r, "../"));
            out.add(m);
        }
        return out;
    }

    /** The trend line over its window: from and to (epoch ms) with the fitted values there. */
    private Map<String, Object> trendData(CaseSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        trend(s).ifPresent(tr -> {
            m.put("t0", tr.from().toEpochMilli());
            m.put("t1", tr.to().toEpochMilli());
            m.put("y0", tr.at(tr.from()));
            m.put("y1", tr.at(tr.to()));
            m.put("slopePerDay", tr.relativeSlopePerDay());
            m.put("r2", tr.rSquared());
        });
        return m;
    }

    /** The case's trend as the history command gives it: the last 30 days within the current level. */
    private Optional<Trend> trend(CaseSeries s) {
        return trends.of(s.info().caseKey(), "primary"); // the site's series are of the primary metric
    }

    private static Map<String, Object> budgetLine(String label, double y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("y", y);
        return m;
    }

    /** Target and critical levels of the budgets on this series, in its unit (see TargetLines). */
    private List<Object> budgetLines(CaseSeries s) {
        List<Object> out = new ArrayList<>();
        for (TargetLines.Line l : TargetLines.of(budgets, s.info().caseKey(), s.info().mode(), s.info().unit(),
                s.info().higherIsBetter())) {
            Map<String, Object> m = budgetLine(l.label(), l.value());
            m.put("level", l.level());
            out.add(m);
        }
        return out;
    }

    /** Consecutive runs of this benchmark's history whose environment differs. */
    private List<Object> environmentChanges() {
        java.util.BitSet all = new java.util.BitSet(runs.size());
        for (CaseSeries s : series) {
            for (int r : s.runIndex()) {
                all.set(r);
            }
        }
        List<Object> out = new ArrayList<>();
        RunInfo prev = null;
        for (int idx = all.nextSetBit(0); idx >= 0; idx = all.nextSetBit(idx + 1)) {
            RunInfo r = runs.get(idx);
            if (prev != null && environment[prev.index()] != environment[idx]) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("t", r.run().startedAt().toEpochMilli());
                m.put("ri", r.index());
                m.put("label", r.environmentChangeFrom(prev));
                out.add(m);
            }
            prev = r;
        }
        return out;
    }

    /**
     * {@code charts/runs.js}: every run of the project once (start time as differences in ms,
     * version, short commit), shared by all benchmark pages, whose series name runs by index.
     */
    public static String runsScript(List<RunInfo> runs) {
        List<String> versions = new ArrayList<>();
        Map<String, Integer> versionIndex = new java.util.HashMap<>();
        long[] t = new long[runs.size()];
        int[] v = new int[runs.size()];
        List<String> commits = new ArrayList<>(runs.size());
        for (RunInfo r : runs) {
            t[r.index()] = r.run().startedAt().toEpochMilli();
            v[r.index()] = versionIndex.computeIfAbsent(r.run().version(), key -> {
                versions.add(key);
                return versions.size() - 1;
            });
            commits.add(r.shortCommit());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("t", Columns.deltas(t));
        doc.put("v", v);
        doc.put("versions", versions);
        doc.put("c", commits);
        return "window.BL_RUNS = " + Json.of(doc) + ";\n";
    }

    /** The table of series: the chart's text equivalent. */
    public DataTable seriesTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (CaseSeries s : series) {
            int last = s.size() - 1;
            Optional<Trend> tr = trend(s);
            double slope = tr.map(Trend::relativeSlopePerDay).orElse(Double.NaN);
            double r2 = tr.map(Trend::rSquared).orElse(Double.NaN);
            double[][] samples = latestSamples.get(s.info().caseKey());
            BoxStats box = null;
            if (samples != null) {
                long[] w = new long[samples[1].length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (long) samples[1][i];
                }
                box = BoxStats.of(samples[0], w);
            }
            RunInfo lastRun = runs.get(s.runIndex()[last]);
            rows.add(List.of(
                    Cell.of(s.info().label()),
                    Cell.num(s.score()[last], Fmt.num(s.score()[last])),
                    Cell.num(s.low()[last], Fmt.num(s.low()[last])),
                    Cell.num(s.high()[last], Fmt.num(s.high()[last])),
                    Cell.of(s.info().unit()),
                    Cell.num(s.size(), Integer.toString(s.size())),
                    Cell.num(slope, Fmt.pct(slope)),
                    Cell.num(r2, Double.isFinite(r2) ? String.format(java.util.Locale.ROOT, "%.2f", r2) : "n/a"),
                    box == null ? Cell.num(Double.NaN, "\u2013") : Cell.num(box.median(), Fmt.num(box.median())),
                    box == null ? Cell.num(Double.NaN, "\u2013") : Cell.num(box.q1(), Fmt.num(box.q1())),
                    box == null ? Cell.num(Double.NaN, "\u2013") : Cell.num(box.q3(), Fmt.num(box.q3())),
                    Cell.link(Fmt.time(lastRun.run().startedAt()), "../runs.html#" + SafeNames.anchor(lastRun.run().runId()))
                            .raw(lastRun.run().startedAt().toString())));
        }
        return new DataTable("b-" + name + "-series", "Series of " + benchmark + " (latest run; trend per day over the last 30 days since the last step, as the history command)",
                List.of(Col.text("Series"), Col.num("Latest score"), Col.num("Interval low"), Col.num("Interval high"),
                        Col.text("Unit"), Col.num("Runs"), Col.num("Trend per day"), Col.num("Trend R\u00b2"),
                        Col.num("Latest median"), Col.num("Latest Q1"), Col.num("Latest Q3"), Col.text("Latest run")),
                rows, "downloads/b/" + name + "-series");
    }

    public DataTable changePointTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (CaseSeries s : series) {
            for (ChangePoint cp : changePoints.getOrDefault(s.info().caseKey(), List.of())) {
                int p = positionOf(s, cp);
                RunInfo r = p >= 0 ? runs.get(s.runIndex()[p]) : null;
                String commit = cp.commit().isEmpty() && r != null ? r.run().commit() : cp.commit();
                String href = r == null ? "" : links.commit(r, "../");
                rows.add(List.of(
                        Cell.of(Fmt.time(cp.time())).raw(cp.time().toString()),
                        Cell.of(s.info().label()),
                        Cell.of(cp.version()),
                        commit.isEmpty() ? Cell.of("") : Cell.link(commit.length() > 10 ? commit.substring(0, 10) : commit, href)
                                .raw(commit),
                        Cell.num(cp.before(), Fmt.num(cp.before())),
                        Cell.num(cp.after(), Fmt.num(cp.after())),
                        Cell.num(cp.change(), Fmt.pct(cp.change())).css(cp.direction()),
                        Cell.num(cp.pValue(), Fmt.p(cp.pValue())),
                        Cell.of(cp.direction()).css(cp.direction())));
            }
        }
        return new DataTable("b-" + name + "-changes", "Change points of " + benchmark,
                List.of(Col.text("Time"), Col.text("Series"), Col.text("Version"), Col.text("Commit"),
                        Col.num("Before"), Col.num("After"), Col.num("Change"), Col.num("p-value"),
                        Col.text("Direction")),
                rows, "downloads/b/" + name + "-changes");
    }

    public boolean changeAnalysis() {
        return changeAnalysis;
    }

    public String benchmark() {
        return benchmark;
    }

    public List<CaseSeries> series() {
        return series;
    }
}
