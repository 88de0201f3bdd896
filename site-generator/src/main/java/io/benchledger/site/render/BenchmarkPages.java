package io.benchledger.site.render;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.site.SiteContext;
import io.benchledger.site.data.ResourceData;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.profile.ProfileSection;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.model.CaseOrder;
import io.benchledger.site.model.CaseSeries;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.PageFrame;
import io.benchledger.site.pages.SafeNames;
import io.benchledger.site.pages.SiteWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One page per benchmark ({@code b/}), its chart data ({@code charts/}) and full history
 * ({@code series/}). The histories stream from one query; each benchmark's page is rendered on a
 * worker as soon as its last case has arrived, so memory holds a few benchmarks at a time. In an
 * incremental generation only the benchmarks whose inputs changed are queried and rendered.
 */
public final class BenchmarkPages {
    static final String[] TEMPLATES = {"layout.html", "benchmark.html", "profile.html"};
    static final String RUNS_SCRIPT = "charts/runs.js";

    /**
     * The page as benchmark.html reads it; {@code benchmarkHtml} is the name escaped, with break
     * points after its separators only, so a long name wraps on a phone between its parts.
     */
    public record View(String benchmark, String benchmarkHtml, String fullData, DataTable seriesTable, DataTable changeTable,
                       boolean changeAnalysis, int seriesCount, int points, List<String> seriesLabels,
                       DataTable latencyTable, DataTable resourceTable, ProfileSection.Section profile,
                       String profileData, String fullQuery) {
    }

    private final SiteContext ctx;
    private final Map<String, List<CaseInfo>> byBenchmark;
    /** Per benchmark, its cases in their newest run: the latency and resources sections. */
    private final Map<String, List<ResourceData.Row>> resources = new HashMap<>();
    /** The runs as every page looks them up, made once. */
    private final BenchmarkPage.RunTable runTable;

    private BenchmarkPages(SiteContext ctx, Map<String, List<CaseInfo>> byBenchmark) throws Exception {
        this.ctx = ctx;
        this.byBenchmark = byBenchmark;
        this.runTable = BenchmarkPage.RunTable.of(ctx.runs(), ctx.environmentIds());
        // each case as of its own newest run, as the page's samples: a run that did not measure a
        // benchmark leaves its page as it was
        Map<String, String> lastRun = new HashMap<>();
        byBenchmark.values().forEach(cases -> cases.forEach(c -> lastRun.put(c.caseKey(), c.lastRunId())));
        List<String> runIds = lastRun.values().stream().distinct().sorted().toList();
        for (ResourceData.Row r : ResourceData.load(ctx.data().db(), runIds)) {
            if (r.runId().equals(lastRun.get(r.caseKey()))) {
                resources.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** Renders the pages of the benchmarks whose inputs changed; returns how many were rendered. */
    public static int render(SiteContext ctx, Map<String, List<CaseInfo>> byBenchmark) throws Exception {
        return new BenchmarkPages(ctx, byBenchmark).run();
    }

    private int run() throws Exception {
        // every run once, shared by the pages: their series name runs by index
        ctx.writer().write(RUNS_SCRIPT, BenchmarkPage.runsScript(ctx.runs()));
        List<String> stale = staleBenchmarks();
        if (stale.isEmpty()) {
            return 0;
        }
        Set<String> staleSet = new TreeSet<>(stale);
        // benchmark by benchmark, so each page can be rendered as soon as its last case has arrived
        List<CaseInfo> wanted = new ArrayList<>();
        byBenchmark.forEach((b, cases) -> {
            if (staleSet.contains(b)) {
                wanted.addAll(cases);
            }
        });
        // the latest run that measured each case gives the distribution
        Map<String, double[][]> samples = latestSamples(staleSet);
        // pages are independent: render them on the machine's cores while the query streams on; the
        // bounded queue (the caller renders when it is full) keeps a few benchmarks in memory at most
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * 2), new ThreadPoolExecutor.CallerRunsPolicy());
        List<Future<?>> done = new ArrayList<>();
        Map<String, List<CaseSeries>> pending = new LinkedHashMap<>();
        try {
            ctx.data().series(ctx.history(), wanted, s -> {
                String bench = s.info().benchmark();
                List<CaseSeries> list = pending.computeIfAbsent(bench, k -> new ArrayList<>());
                list.add(s);
                if (list.size() == byBenchmark.get(bench).size()) {
                    pending.remove(bench);
                    list.sort(Comparator.comparing(CaseSeries::info, CaseOrder.INSTANCE));
                    done.add(pool.submit(() -> renderOne(bench, list, samples)));
                }
            });
            // benchmarks with a case that has no history left (every result failed)
            pending.forEach((bench, list) -> {
                list.sort(Comparator.comparing(CaseSeries::info, CaseOrder.INSTANCE));
                done.add(pool.submit(() -> renderOne(bench, list, samples)));
            });
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark page workers did not stop within a minute");
            }
        }
        return done.size();
    }

    /** Records each benchmark's fingerprint; returns the benchmarks whose pages must be rendered. */
    private List<String> staleBenchmarks() throws IOException {
        String templateHash = ctx.templates().fingerprint(TEMPLATES);
        SiteWriter writer = ctx.writer();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<CaseInfo>> e : byBenchmark.entrySet()) {
            String fp = fingerprint(e.getKey(), e.getValue(), templateHash);
            ctx.manifest().putBenchmark(e.getKey(), fp);
            String name = SafeNames.of(e.getKey());
            boolean same = ctx.previous().benchmark(e.getKey()).filter(fp::equals).isPresent()
                    && writer.keep(BenchmarkPage.pageFile(e.getKey()))
                    && writer.keep("charts/" + name + ".js")
                    && writer.keep("downloads/b/" + name + "-series.csv")
                    && writer.keep("downloads/b/" + name + "-series.json")
                    && writer.keep("downloads/b/" + name + "-changes.csv")
                    && writer.keep("downloads/b/" + name + "-changes.json")
                    && writer.keep("downloads/b/" + name + "-latency.csv")
                    && writer.keep("downloads/b/" + name + "-latency.json")
                    && writer.keep("downloads/b/" + name + "-resources.csv")
                    && writer.keep("downloads/b/" + name + "-resources.json");
            if (!same) {
                stale.add(e.getKey());
            }
        }
        return stale;
    }

    /** Samples of the latest run of each stale benchmark's cases (usually one run for all). */
    private Map<String, double[][]> latestSamples(Set<String> benchmarks) throws Exception {
        Map<String, List<String>> casesByLastRun = new TreeMap<>();
        for (String b : benchmarks) {
            for (CaseInfo c : byBenchmark.get(b)) {
                casesByLastRun.computeIfAbsent(c.lastRunId(), k -> new ArrayList<>()).add(c.caseKey());
            }
        }
        Map<String, double[][]> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : casesByLastRun.entrySet()) {
            Map<String, double[][]> s = ctx.data().samplesOf(e.getKey());
            for (String k : e.getValue()) {
                if (s.containsKey(k)) {
                    out.put(k, s.get(k));
                }
            }
        }
        return out;
    }

    private String fingerprint(String benchmark, List<CaseInfo> cases, String templateHash) {
        StringBuilder sb = new StringBuilder(SiteGenerator.GENERATOR).append('\n').append(templateHash).append('\n')
                .append(ctx.options().commitUrl()).append('\n').append(ctx.options().title()).append('\n');
        for (CaseInfo c : cases) {
            // the last run's place among all runs: a run inserted earlier in time shifts the x positions
            sb.append(c.caseKey()).append('|').append(c.fingerprint()).append('|').append(c.unit()).append('|')
                    .append(ctx.run(c.lastRunId()).map(RunInfo::index).orElse(null)).append('\n');
            for (ChangePoint cp : ctx.changePoints().of(c.caseKey())) {
                sb.append(cp).append('\n');
            }
            ctx.drifts().getOrDefault(c.caseKey(), List.of()).forEach(d -> sb.append(d).append('\n'));
        }
        resources.getOrDefault(benchmark, List.of()).forEach(r -> sb.append(r).append('\n'));
        for (Budget b : ctx.analyses().budgets()) {
            if (Pattern.compile(b.pattern()).matcher(benchmark).find()) {
                sb.append(b).append('\n');
            }
        }
        sb.append(ctx.changePoints().analysed()).append('\n');
        return SafeNames.hash(sb.toString());
    }

    /** Every result of the benchmark, from the published archive (the data page's setup.sql makes the views). */
    static String fullQuery(String benchmark) {
        return "SELECT x.case_key, r.started_at, r.version, x.score, x.ci_low, x.ci_high, x.unit\n"
                + "FROM results x JOIN runs r USING (run_id)\n"
                + "WHERE x.benchmark = '" + benchmark.replace("'", "''") + "' AND x.metric = 'primary'\n"
                + "ORDER BY x.case_key, r.started_at;";
    }

    private Void renderOne(String benchmark, List<CaseSeries> series, Map<String, double[][]> samples)
            throws IOException {
        BenchmarkPage bp = new BenchmarkPage(benchmark, series, runTable, ctx.changePoints().byCase(),
                ctx.changePoints().analysed(), ctx.analyses().budgets(), samples, ctx::commitHref, ctx.drifts(),
                ctx.analyses()::trend);
        // a benchmark page is as of its own latest run, so a run that did not measure it leaves it unchanged
        int lastRun = series.stream().mapToInt(s -> s.runIndex()[s.size() - 1]).max().orElse(ctx.latest().index());
        PageFrame frame = ctx.frame("../", benchmark, "benchmarks")
                .withAsOf(Fmt.time(ctx.runs().get(lastRun).run().finishedAt()))
                .withCharts("../" + RUNS_SCRIPT + " ../charts/" + bp.name() + ".js");
        DataTable seriesTable = bp.seriesTable();
        DataTable changes = bp.changePointTable();
        List<ResourceData.Row> rows = resources.getOrDefault(benchmark, List.of());
        DataTable latency = ResourcesPage.latencyTable("latency", "Latency per operation, newest run", rows,
                "downloads/b/" + bp.name() + "-latency");
        DataTable used = ResourcesPage.table("resources", "Speed and resources, newest run", rows, "../",
                "downloads/b/" + bp.name() + "-resources");
        ProfileSection.Section profile = ProfileSection.of(series.stream().map(CaseSeries::info).toList(),
                ctx.data().db().archive().layout()::logs);
        if (!profile.isEmpty()) {
            ctx.writer().write("profiles/" + bp.name() + ".js", profile.script());
        }
        View v = new View(benchmark, DataTable.breakable(benchmark), "../data.html", seriesTable, changes,
                ctx.changePoints().analysed(), series.size(), series.stream().mapToInt(CaseSeries::size).sum(),
                series.stream().map(s -> s.info().label()).toList(), latency, used, profile, "../profiles/" + bp.name() + ".js",
                fullQuery(benchmark));
        ctx.writer().write("charts/" + bp.name() + ".js", bp.chartScript());
        ctx.page(BenchmarkPage.pageFile(benchmark), "benchmark.html", frame, v, List.of(seriesTable, changes, latency, used));
        return null;
    }
}
