package io.benchledger.site;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetEvaluator;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.recommend.Recommendation;
import io.benchledger.archive.analysis.recommend.RunMeasurements;
import io.benchledger.archive.analysis.recommend.Thresholds;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.DataFile;
import io.benchledger.site.chart.Json;
import io.benchledger.site.data.SiteData;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.model.CaseSeries;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.model.RunSelection;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.DataTable.Cell;
import io.benchledger.site.pages.DataTable.Col;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.SafeNames;
import io.benchledger.site.pages.SiteWriter;
import io.benchledger.site.pages.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Generates the static site of one project of an archive: dashboard, one page per benchmark,
 * versions, comparisons, A/B experiments, runs, data page, Atom feed, downloads. Every link is
 * relative and every asset is in the folder, so the site works from {@code file://}, any web
 * server and a GitHub Pages sub-path. The same archive gives byte-identical files.
 */
public final class SiteGenerator {
    /** Changes whenever the generator's output for the same input changes (incremental generation). */
    public static final String GENERATOR = "benchledger-site/1";
    public static final String MANIFEST = SiteManifest.FILE;
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final List<String> MANAGED = List.of("b", "charts", "series", "compare", "v", "ab", "downloads",
            "data", "assets");
    private static final String[] TEMPLATE_FILES = {"layout.html", "benchmark.html"};
    private static final String[] COMPARISON_TEMPLATES = {"layout.html", "comparison.html"};
    private static final int DASHBOARD_ROWS = 50;

    private final SiteData data;
    private final SiteAnalyses analyses;
    private final SiteOptions options;
    private final Templates templates;
    private SiteWriter writer;
    private List<RunInfo> runs;
    private List<RunInfo> history;
    private RunInfo latest;
    private Map<String, List<ChangePoint>> changePointsByCase = Map.of();
    private List<ChangePoint> allChangePoints = List.of();
    private boolean changeAnalysis;
    private final List<ComparisonView> comparisons = new ArrayList<>();
    private int[] environmentIds;
    private final Map<String, RunInfo> runById = new HashMap<>();
    /** What the last generation into the same folder recorded (empty unless incremental), and this one's. */
    private SiteManifest previous = new SiteManifest();
    private final SiteManifest manifest = new SiteManifest();

    /** What a generation did. */
    public record Outcome(int benchmarks, int benchmarkPagesRendered, int comparisonsKept, int filesWritten,
                          int filesUnchanged, int filesRemoved) {
    }

    private SiteGenerator(ArchiveDatabase db, SiteAnalyses analyses, SiteOptions options) {
        this.data = new SiteData(db, options.project());
        this.analyses = analyses;
        this.options = options;
        this.templates = new Templates(options.templates());
    }

    public static Outcome generate(ArchiveDatabase db, SiteAnalyses analyses, SiteOptions options) throws Exception {
        return new SiteGenerator(db, analyses, options).run();
    }

    private Outcome run() throws Exception {
        runs = data.runs();
        if (runs.isEmpty()) {
            throw new BadInputException("project '" + options.project() + "' has no runs in the archive "
                    + data.db().archive().root());
        }
        for (Budget b : analyses.budgets()) {
            try {
                Pattern.compile(b.pattern());
            } catch (PatternSyntaxException e) {
                throw new BadInputException("budget pattern '" + b.pattern() + "': not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
        runs.forEach(r -> runById.put(r.runId(), r));
        history = runs.stream().filter(r -> !r.isAb()).toList();
        environmentIds = BenchmarkPage.environmentIds(runs);
        latest = history.isEmpty() ? runs.get(runs.size() - 1) : history.get(history.size() - 1);
        writer = new SiteWriter(options.out());
        previous = options.incremental() ? SiteManifest.read(options.out(), GENERATOR, options.project())
                : new SiteManifest();

        Optional<List<ChangePoint>> cps = analyses.changePoints(data.db(), options.project());
        changeAnalysis = cps.isPresent();
        allChangePoints = new ArrayList<>(cps.orElse(List.of()));
        allChangePoints.sort(Comparator.comparing(ChangePoint::time).reversed().thenComparing(ChangePoint::caseKey));
        Map<String, List<ChangePoint>> byCase = new HashMap<>();
        for (ChangePoint cp : allChangePoints) {
            byCase.computeIfAbsent(cp.caseKey(), k -> new ArrayList<>()).add(cp);
        }
        byCase.values().forEach(l -> l.sort(Comparator.comparing(ChangePoint::time)));
        changePointsByCase = byCase;

        writeAssets();
        List<CaseInfo> cases = data.cases();
        Map<String, List<CaseInfo>> byBenchmark = new LinkedHashMap<>();
        for (CaseInfo c : cases) {
            byBenchmark.computeIfAbsent(c.benchmark(), k -> new ArrayList<>()).add(c);
        }
        int rendered = benchmarkPages(cases, byBenchmark);
        benchmarksIndex(byBenchmark);
        buildComparisons();
        for (ComparisonView cv : comparisons) {
            if (!cv.kept()) {
                comparisonPage(cv, "compare/" + cv.name() + ".html", "compare");
            }
        }
        versionPages();
        experimentPages();
        runsPage();
        dataPage();
        dashboard(byBenchmark);
        feed();
        writer.write(MANIFEST, manifest.json(GENERATOR, options.project()));
        writer.write(".nojekyll", "");
        int removed = writer.removeStale(MANAGED);
        int kept = (int) comparisons.stream().filter(ComparisonView::kept).count();
        return new Outcome(byBenchmark.size(), rendered, kept, writer.written(), writer.unchanged(), removed);
    }

    // ------------------------------------------------------------------ common

    private Map<String, Object> vars(String root, String title, String nav) {
        Map<String, Object> v = new HashMap<>();
        v.put("root", root);
        v.put("pageTitle", title);
        v.put("siteTitle", options.title());
        v.put("project", options.project());
        v.put("nav", nav);
        v.put("asOf", Fmt.time(latest.finishedAt()));
        v.put("charts", "");
        return v;
    }

    private void page(String rel, String template, Map<String, Object> vars, List<DataTable> tables) throws IOException {
        writer.write(rel, templates.render(template, vars));
        for (DataTable t : tables) {
            writer.write(t.downloads() + ".csv", t.csv());
            writer.write(t.downloads() + ".json", t.json());
        }
    }

    private String commitHref(RunInfo r, String root) {
        if (!options.commitUrl().isEmpty() && !r.commit().isEmpty()) {
            return options.commitUrl().replace("{commit}", URLEncoder.encode(r.commit(), StandardCharsets.UTF_8));
        }
        return root + "runs.html#" + SafeNames.anchor(r.runId());
    }

    private void writeAssets() throws IOException {
        writer.write("assets/style.css", templates.resource("assets/style.css"));
        writer.write("assets/site.js", templates.resource("assets/site.js"));
        try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IOException("the ECharts webjar is not on the class path (" + ECHARTS + ")");
            }
            writer.copy(in, "assets/echarts.min.js");
        }
    }

    // ------------------------------------------------------------------ benchmark pages

    private int benchmarkPages(List<CaseInfo> cases, Map<String, List<CaseInfo>> byBenchmark) throws Exception {
        String templateHash = templates.fingerprint(TEMPLATE_FILES);
        Map<String, Integer> runIndex = new HashMap<>();
        for (RunInfo r : runs) {
            runIndex.put(r.runId(), r.index());
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<CaseInfo>> e : byBenchmark.entrySet()) {
            String fp = benchmarkFingerprint(e.getKey(), e.getValue(), templateHash, runIndex);
            manifest.putBenchmark(e.getKey(), fp);
            String name = SafeNames.of(e.getKey());
            boolean same = previous.benchmark(e.getKey()).filter(fp::equals).isPresent()
                    && writer.keep(BenchmarkPage.pageFile(e.getKey()))
                    && writer.keep("charts/" + name + ".js")
                    && writer.keep("series/" + name + ".json")
                    && writer.keep("downloads/b/" + name + "-series.csv")
                    && writer.keep("downloads/b/" + name + "-series.json")
                    && writer.keep("downloads/b/" + name + "-changes.csv")
                    && writer.keep("downloads/b/" + name + "-changes.json");
            if (!same) {
                stale.add(e.getKey());
            }
        }
        Map<String, CaseInfo> caseMap = new HashMap<>();
        for (CaseInfo c : cases) {
            caseMap.put(c.caseKey(), c);
        }
        // the latest run that measured each case gives the distribution
        Set<String> staleSet = new TreeSet<>(stale);
        List<String> wanted = new ArrayList<>();
        for (CaseInfo c : cases) {
            if (staleSet.contains(c.benchmark())) {
                wanted.add(c.caseKey());
            }
        }
        Map<String, double[][]> samples = new HashMap<>();
        Map<String, List<CaseSeries>> pending = new LinkedHashMap<>();
        // pages are independent: render them on the machine's cores while the query streams on;
        // at most a few pages wait in memory at any time
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        AtomicInteger rendered = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Consumer<List<Object>> submit = job -> {
            @SuppressWarnings("unchecked")
            List<CaseSeries> list = (List<CaseSeries>) job.get(1);
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    if (failure.get() == null) {
                        renderBenchmark((String) job.get(0), list, samples);
                        rendered.incrementAndGet();
                    }
                } catch (Exception ex) {
                    failure.compareAndSet(null, ex);
                } finally {
                    inFlight.release();
                }
            });
        };
        Consumer<CaseSeries> sink = s -> {
            String bench = s.info().benchmark();
            List<CaseSeries> list = pending.computeIfAbsent(bench, k -> new ArrayList<>());
            list.add(s);
            if (list.size() == byBenchmark.get(bench).size()) {
                pending.remove(bench);
                submit.accept(List.of(bench, list));
            }
        };
        try {
            if (!stale.isEmpty()) {
                loadLatestSamples(cases, staleSet, samples);
                data.series(caseMap, stale.size() == byBenchmark.size() ? null : wanted, sink);
            }
            for (Map.Entry<String, List<CaseSeries>> e : pending.entrySet()) {
                submit.accept(List.of(e.getKey(), e.getValue()));
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return rendered.get();
    }

    /** Samples of the latest run of each stale benchmark's cases (usually one run for all). */
    private void loadLatestSamples(List<CaseInfo> cases, Set<String> benchmarks, Map<String, double[][]> out)
            throws Exception {
        Map<String, List<String>> casesByLastRun = new TreeMap<>();
        for (CaseInfo c : cases) {
            if (benchmarks.contains(c.benchmark())) {
                String lastRun = c.fingerprint().split(":", 3)[1];
                casesByLastRun.computeIfAbsent(lastRun, k -> new ArrayList<>()).add(c.caseKey());
            }
        }
        for (Map.Entry<String, List<String>> e : casesByLastRun.entrySet()) {
            Map<String, double[][]> s = data.samplesOf(e.getKey());
            for (String k : e.getValue()) {
                if (s.containsKey(k)) {
                    out.put(k, s.get(k));
                }
            }
        }
    }

    private String benchmarkFingerprint(String benchmark, List<CaseInfo> cases, String templateHash,
                                        Map<String, Integer> runIndex) {
        StringBuilder sb = new StringBuilder(GENERATOR).append('\n').append(templateHash).append('\n')
                .append(options.commitUrl()).append('\n').append(options.title()).append('\n');
        for (CaseInfo c : cases) {
            // the last run's place among all runs: a run inserted earlier in time shifts the x positions
            String lastRun = c.fingerprint().split(":", 3)[1];
            sb.append(c.caseKey()).append('|').append(c.fingerprint()).append('|').append(c.unit()).append('|')
                    .append(runIndex.get(lastRun)).append('\n');
            for (ChangePoint cp : changePointsByCase.getOrDefault(c.caseKey(), List.of())) {
                sb.append(cp).append('\n');
            }
        }
        for (Budget b : analyses.budgets()) {
            if (Pattern.compile(b.pattern()).matcher(benchmark).find()) {
                sb.append(b).append('\n');
            }
        }
        sb.append(changeAnalysis).append('\n');
        return SafeNames.hash(sb.toString());
    }

    private void renderBenchmark(String benchmark, List<CaseSeries> series, Map<String, double[][]> samples)
            throws IOException {
        BenchmarkPage bp = new BenchmarkPage(benchmark, series, runs, changePointsByCase, changeAnalysis,
                analyses.budgets(), samples, this::commitHref, environmentIds);
        Map<String, Object> v = vars("../", benchmark, "benchmarks");
        // a benchmark page is as of its own latest run, so a run that did not measure it leaves it unchanged
        int lastRun = series.stream().mapToInt(s -> s.runIndex()[s.size() - 1]).max().orElse(latest.index());
        v.put("asOf", Fmt.time(runs.get(lastRun).finishedAt()));
        v.put("benchmark", benchmark);
        v.put("charts", "../charts/" + bp.name() + ".js");
        v.put("fullData", "../series/" + bp.name() + ".json");
        DataTable seriesTable = bp.seriesTable();
        DataTable changes = bp.changePointTable();
        v.put("seriesTable", seriesTable);
        v.put("changeTable", changes);
        v.put("changeAnalysis", changeAnalysis);
        v.put("seriesCount", series.size());
        v.put("points", series.stream().mapToInt(CaseSeries::size).sum());
        List<String> labels = series.stream().map(s -> s.info().label()).toList();
        v.put("seriesLabels", labels);
        writer.write("charts/" + bp.name() + ".js", bp.chartScript());
        writer.write("series/" + bp.name() + ".json", bp.fullJson());
        page(BenchmarkPage.pageFile(benchmark), "benchmark.html", v, List.of(seriesTable, changes));
    }

    private void benchmarksIndex(Map<String, List<CaseInfo>> byBenchmark) throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<CaseInfo>> e : byBenchmark.entrySet()) {
            long points = e.getValue().stream().mapToLong(CaseInfo::points).sum();
            long cps = e.getValue().stream().mapToLong(c -> changePointsByCase.getOrDefault(c.caseKey(), List.of()).size()).sum();
            TreeSet<String> units = new TreeSet<>();
            e.getValue().forEach(c -> units.add(c.unit()));
            rows.add(List.of(Cell.link(e.getKey(), BenchmarkPage.pageFile(e.getKey())).raw(e.getKey()),
                    Cell.num(e.getValue().size(), Integer.toString(e.getValue().size())),
                    Cell.of(String.join(", ", units)),
                    Cell.num(points, Long.toString(points)),
                    Cell.num(cps, changeAnalysis ? Long.toString(cps) : "\u2013")));
        }
        DataTable t = new DataTable("benchmarks", "Benchmarks",
                List.of(Col.text("Benchmark"), Col.num("Series"), Col.text("Unit"), Col.num("Results"),
                        Col.num("Change points")), rows, "downloads/benchmarks");
        Map<String, Object> v = vars("", "Benchmarks", "benchmarks");
        v.put("table", t);
        page("benchmarks.html", "benchmarks.html", v, List.of(t));
    }

    // ------------------------------------------------------------------ comparisons

    private List<String> versionsInOrder() {
        List<String> out = new ArrayList<>();
        for (RunInfo r : history) {
            if (!out.contains(r.version())) {
                out.add(r.version());
            }
        }
        return out;
    }

    /** Versions with a release run; when no run is marked as a release, every version counts. */
    private List<String> releases() {
        List<String> versions = versionsInOrder();
        List<String> rel = versions.stream()
                .filter(v -> history.stream().anyMatch(r -> r.version().equals(v) && "release".equals(r.trigger())))
                .toList();
        return rel.isEmpty() ? versions : rel;
    }

    /**
     * A release as a comparison side: its runs with trigger {@code release}, or every run of the
     * version when none is marked (as {@code compare}'s {@code last-release} side).
     */
    private RunSelection releaseSelection(String version) {
        List<String> marked = history.stream().filter(r -> r.version().equals(version) && "release".equals(r.trigger()))
                .map(RunInfo::runId).toList();
        return marked.isEmpty() ? versionSelection(version)
                : new RunSelection(version.isEmpty() ? "(no version)" : version, marked);
    }

    private RunSelection versionSelection(String version) {
        return new RunSelection(version.isEmpty() ? "(no version)" : version,
                history.stream().filter(r -> r.version().equals(version)).map(RunInfo::runId).toList());
    }

    private RunSelection runSelection(RunInfo r) {
        return new RunSelection("run " + Fmt.time(r.startedAt()) + (r.version().isEmpty() ? "" : " (" + r.version() + ")"),
                List.of(r.runId()));
    }

    private ComparisonView compare(String title, RunSelection baseline, RunSelection candidate) throws Exception {
        return compare(title, baseline, candidate, false);
    }

    /**
     * A comparison, computed, or kept from the last generation when {@code reusable} (its rows are
     * not needed beyond its own page), the generation is incremental, and the runs, engine,
     * templates and options it was made from are the same.
     */
    private ComparisonView compare(String title, RunSelection baseline, RunSelection candidate, boolean reusable)
            throws Exception {
        String name = SafeNames.of(candidate.label() + " vs " + baseline.label(),
                title + "|" + baseline.runIds() + "|" + candidate.runIds());
        String fingerprint = SafeNames.hash(String.join("\n", GENERATOR, templates.fingerprint(COMPARISON_TEMPLATES),
                options.title(), options.project(), analyses.comparisonKey(), title, baseline.label(),
                baseline.runIds().toString(), candidate.label(), candidate.runIds().toString()));
        ComparisonView cv;
        Optional<SiteManifest.Comparison> before = previous.comparison(name)
                .filter(c -> reusable && c.fingerprint().equals(fingerprint));
        if (before.isPresent() && comparisonFiles(name).stream().allMatch(writer::keep)) {
            cv = ComparisonView.kept(name, title, baseline, candidate, before.get().tested(), before.get().cases());
        } else {
            Optional<List<CaseComparison>> tested = analyses.compare(data.db(), options.project(), baseline, candidate);
            cv = tested.isPresent() ? ComparisonView.tested(name, title, baseline, candidate, tested.get())
                    : ComparisonView.measured(name, title, baseline, candidate, data.means(baseline, candidate));
        }
        manifest.putComparison(name, new SiteManifest.Comparison(fingerprint, cv.tested(), cv.caseCount()));
        return cv;
    }

    /** The files of a comparison's page, as {@link #comparisonPage} writes them. */
    private static List<String> comparisonFiles(String name) {
        return List.of("compare/" + name + ".html", "charts/compare-" + name + ".js", "downloads/compare-" + name + ".csv",
                "downloads/compare-" + name + ".json");
    }

    private ComparisonView sincePrevious;
    private ComparisonView sinceRelease;
    private ComparisonView releaseVsPrevious;

    private void buildComparisons() throws Exception {
        if (history.size() >= 2) {
            RunInfo prev = history.get(history.size() - 2);
            sincePrevious = compare("Latest run against the previous run", runSelection(prev), runSelection(latest));
            comparisons.add(sincePrevious);
        }
        List<String> rel = new ArrayList<>(releases());
        rel.remove(latest.version());
        if (!rel.isEmpty() && !history.isEmpty()) {
            String last = rel.get(rel.size() - 1);
            sinceRelease = compare("Latest run against the last release (" + last + ")", releaseSelection(last),
                    runSelection(latest));
            comparisons.add(sinceRelease);
        }
        List<String> all = releases();
        if (all.size() >= 2) {
            String a = all.get(all.size() - 2);
            String b = all.get(all.size() - 1);
            releaseVsPrevious = compare("Release " + b + " against " + a, releaseSelection(a), releaseSelection(b), true);
            comparisons.add(releaseVsPrevious);
        }
        for (String pair : options.compare()) {
            int dots = pair.indexOf("..");
            if (dots <= 0 || dots + 2 >= pair.length()) {
                throw new BadInputException("--compare " + pair + ": expected BASELINE..CANDIDATE (versions or run ids)");
            }
            RunSelection a = selectionNamed(pair.substring(0, dots), pair);
            RunSelection b = selectionNamed(pair.substring(dots + 2), pair);
            comparisons.add(compare(b.label() + " against " + a.label(), a, b, true));
        }
    }

    private RunSelection selectionNamed(String name, String pair) {
        if (history.stream().anyMatch(r -> r.version().equals(name))) {
            return versionSelection(name);
        }
        for (RunInfo r : runs) {
            if (r.runId().equals(name)) {
                return new RunSelection("run " + r.runId(), List.of(r.runId()));
            }
        }
        throw new BadInputException("--compare " + pair + ": '" + name + "' is neither a version nor a run id of project '"
                + options.project() + "'");
    }

    private DataTable comparisonTable(ComparisonView cv, String id, String root) {
        return comparisonTable(cv, cv.rows(), cv.title(), id, root);
    }

    private DataTable comparisonTable(ComparisonView cv, List<ComparisonView.Row> shown, String caption, String id,
                                      String root) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ComparisonView.Row r : shown) {
            String css = r.verdict();
            rows.add(List.of(
                    Cell.link(r.benchmark(), root + BenchmarkPage.pageFile(r.benchmark())).raw(r.benchmark()),
                    Cell.of(paramsText(r.params())),
                    Cell.of(r.unit()),
                    Cell.num(r.baselineMean(), Fmt.num(r.baselineMean())),
                    Cell.num(r.candidateMean(), Fmt.num(r.candidateMean())),
                    Cell.num(r.change(), Fmt.pct(r.change())).css(css),
                    Cell.num(r.ciLow(), Fmt.pct(r.ciLow())),
                    Cell.num(r.ciHigh(), Fmt.pct(r.ciHigh())),
                    Cell.num(r.pValue(), Fmt.p(r.pValue())),
                    Cell.num(r.qValue(), Fmt.p(r.qValue())),
                    Cell.of(cv.tested() ? r.verdict() : "not tested").css(css),
                    Cell.of(r.severity()),
                    Cell.num(r.baselineSamples(), Long.toString(r.baselineSamples())),
                    Cell.num(r.candidateSamples(), Long.toString(r.candidateSamples()))));
        }
        return new DataTable(id, caption,
                List.of(Col.text("Benchmark"), Col.text("Parameters"), Col.text("Unit"), Col.num("Baseline mean"),
                        Col.num("Candidate mean"), Col.num("Change"), Col.num("CI low"), Col.num("CI high"),
                        Col.num("p-value"), Col.num("q-value"), Col.text("Verdict"), Col.text("Severity"),
                        Col.num("Baseline samples"), Col.num("Candidate samples")),
                rows, "downloads/" + id);
    }

    private static String paramsText(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append('=').append(v));
        return sb.toString();
    }

    private String comparisonChart(ComparisonView cv) {
        List<Object> items = new ArrayList<>();
        for (ComparisonView.Row r : cv.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.benchmark() + (r.params().isEmpty() ? "" : " [" + paramsText(r.params()) + "]"));
            m.put("change", r.change());
            m.put("lo", r.ciLow());
            m.put("hi", r.ciHigh());
            m.put("verdict", r.verdict());
            items.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "comparison");
        doc.put("tested", cv.tested());
        doc.put("items", items);
        return "window.BL_DATA = " + Json.of(doc) + ";\n";
    }

    private void comparisonPage(ComparisonView cv, String rel, String kind) throws IOException {
        String root = "../";
        String name = rel.substring(rel.indexOf('/') + 1, rel.length() - 5);
        DataTable t = comparisonTable(cv, kind + "-" + name, root);
        Map<String, Object> v = vars(root, cv.title(), "versions");
        v.put("cmp", cv);
        v.put("table", t);
        v.put("baselineRuns", cv.baseline().runIds().size());
        v.put("candidateRuns", cv.candidate().runIds().size());
        v.put("counts", verdictCounts(cv));
        // as of its own newest run, so that an unchanged comparison's page stays byte-identical
        v.put("asOf", Fmt.time(java.util.stream.Stream.concat(cv.baseline().runIds().stream(), cv.candidate().runIds().stream())
                .map(runById::get).filter(java.util.Objects::nonNull).map(RunInfo::finishedAt)
                .max(Comparator.naturalOrder()).orElse(latest.finishedAt())));
        v.put("charts", root + "charts/" + kind + "-" + name + ".js");
        writer.write("charts/" + kind + "-" + name + ".js", comparisonChart(cv));
        page(rel, "comparison.html", v, List.of(t));
    }

    private static Map<String, Long> verdictCounts(ComparisonView cv) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (cv.tested()) {
            for (String s : List.of("regressed", "improved", "unchanged", "inconclusive")) {
                m.put(s, cv.count(s));
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ versions

    private void versionPages() throws Exception {
        List<String> versions = versionsInOrder();
        List<String> rel = releases();
        List<List<Cell>> rows = new ArrayList<>();
        for (String ver : versions) {
            List<RunInfo> vr = history.stream().filter(r -> r.version().equals(ver)).toList();
            String file = "v/" + SafeNames.of("version " + ver) + ".html";
            rows.add(List.of(Cell.link(ver.isEmpty() ? "(no version)" : ver, file).raw(ver),
                    Cell.of(rel.contains(ver) ? "yes" : "no"),
                    Cell.num(vr.size(), Integer.toString(vr.size())),
                    Cell.of(Fmt.time(vr.get(0).startedAt())).raw(vr.get(0).startedAt().toString()),
                    Cell.of(Fmt.time(vr.get(vr.size() - 1).startedAt())).raw(vr.get(vr.size() - 1).startedAt().toString())));
            versionPage(ver, vr, file);
        }
        DataTable t = new DataTable("versions", "Versions, oldest first",
                List.of(Col.text("Version"), Col.text("Release"), Col.num("Runs"), Col.text("First run"), Col.text("Last run")),
                rows, "downloads/versions");
        List<List<Cell>> crow = new ArrayList<>();
        for (ComparisonView cv : comparisons) {
            crow.add(List.of(Cell.link(cv.title(), "compare/" + cv.name() + ".html"),
                    Cell.of(cv.baseline().label()), Cell.of(cv.candidate().label()),
                    Cell.num(cv.caseCount(), Integer.toString(cv.caseCount())),
                    Cell.of(cv.tested() ? "tested" : "means only")));
        }
        DataTable ct = new DataTable("comparisons", "Comparisons",
                List.of(Col.text("Comparison"), Col.text("Baseline"), Col.text("Candidate"), Col.num("Cases"),
                        Col.text("Statistics")), crow, "downloads/comparisons");
        Map<String, Object> v = vars("", "Versions", "versions");
        v.put("table", t);
        v.put("comparisons", ct);
        page("versions.html", "versions.html", v, List.of(t, ct));
    }

    private void versionPage(String version, List<RunInfo> vr, String file) throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        for (RunInfo r : vr) {
            rows.add(runRow(r, "../"));
        }
        DataTable t = new DataTable("v-" + SafeNames.of("version " + version) + "-runs",
                "Runs of version " + (version.isEmpty() ? "(no version)" : version), runColumns(), rows,
                "downloads/v/" + SafeNames.of("version " + version) + "-runs");
        Map<String, Object> v = vars("../", "Version " + version, "versions");
        v.put("version", version.isEmpty() ? "(no version)" : version);
        v.put("table", t);
        List<Map<String, String>> links = new ArrayList<>();
        for (ComparisonView cv : comparisons) {
            if (cv.baseline().label().equals(version) || cv.candidate().label().equals(version)
                    || cv.candidate().runIds().stream().anyMatch(id -> vr.stream().anyMatch(r -> r.runId().equals(id)))) {
                links.add(Map.of("title", cv.title(), "href", "../compare/" + cv.name() + ".html"));
            }
        }
        v.put("comparisonLinks", links);
        page(file, "version.html", v, List.of(t));
    }

    // ------------------------------------------------------------------ A/B experiments

    private void experimentPages() throws Exception {
        Map<String, List<RunInfo>> experiments = new TreeMap<>();
        for (RunInfo r : runs) {
            if (r.isAb()) {
                String key = r.labels().getOrDefault("experiment", "");
                if (key.isEmpty()) {
                    key = (r.suite().isEmpty() ? "suite" : r.suite()) + " @ " + (r.version().isEmpty() ? "?" : r.version());
                }
                experiments.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunInfo>> e : experiments.entrySet()) {
            TreeMap<String, List<String>> variants = new TreeMap<>();
            for (RunInfo r : e.getValue()) {
                variants.computeIfAbsent(r.variant().isEmpty() ? "(none)" : r.variant(), k -> new ArrayList<>()).add(r.runId());
            }
            String file = "ab/" + SafeNames.of("experiment " + e.getKey()) + ".html";
            List<String> names = new ArrayList<>(variants.keySet());
            String base = names.contains("A") ? "A" : names.contains("baseline") ? "baseline" : names.get(0);
            List<ComparisonView> views = new ArrayList<>();
            for (String n : names) {
                if (!n.equals(base)) {
                    views.add(compare("Variant " + n + " against " + base + " (" + e.getKey() + ")",
                            new RunSelection(base, variants.get(base)), new RunSelection(n, variants.get(n))));
                }
            }
            experimentPage(e.getKey(), e.getValue(), variants, views, file);
            rows.add(List.of(Cell.link(e.getKey(), file).raw(e.getKey()), Cell.of(String.join(", ", names)),
                    Cell.num(e.getValue().size(), Integer.toString(e.getValue().size())),
                    Cell.of(Fmt.time(e.getValue().get(0).startedAt())).raw(e.getValue().get(0).startedAt().toString())));
        }
        DataTable t = new DataTable("experiments", "A/B experiments (runs with trigger ab, grouped by their experiment label)",
                List.of(Col.text("Experiment"), Col.text("Variants"), Col.num("Runs"), Col.text("Started")),
                rows, "downloads/experiments");
        Map<String, Object> v = vars("", "A/B experiments", "ab");
        v.put("table", t);
        page("ab.html", "experiments.html", v, List.of(t));
    }

    private void experimentPage(String key, List<RunInfo> expRuns, Map<String, List<String>> variants,
                                List<ComparisonView> views, String file) throws IOException {
        String id = SafeNames.of("experiment " + key);
        List<List<Cell>> rows = new ArrayList<>();
        for (RunInfo r : expRuns) {
            rows.add(runRow(r, "../"));
        }
        DataTable runsTable = new DataTable("ab-" + id + "-runs", "Runs of experiment " + key, runColumns(), rows,
                "downloads/ab/" + id + "-runs");
        List<DataTable> tables = new ArrayList<>();
        tables.add(runsTable);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            ComparisonView cv = views.get(i);
            DataTable t = comparisonTable(cv, "ab-" + id + "-" + i, "../");
            tables.add(t);
            Map<String, Object> s = new HashMap<>();
            s.put("cmp", cv);
            s.put("table", t);
            s.put("counts", verdictCounts(cv));
            sections.add(s);
        }
        Map<String, Object> v = vars("../", "Experiment " + key, "ab");
        v.put("experiment", key);
        v.put("variants", variants.keySet());
        v.put("runsTable", runsTable);
        v.put("sections", sections);
        page(file, "experiment.html", v, tables);
    }

    // ------------------------------------------------------------------ runs

    private static List<Col> runColumns() {
        return List.of(Col.text("Started"), Col.text("Run"), Col.text("Version"), Col.text("Trigger"),
                Col.text("Variant"), Col.text("Commit"), Col.text("Branch"), Col.text("Environment"),
                Col.text("Host"), Col.text("OS / arch"), Col.text("CPU"), Col.num("CPUs"), Col.text("JVM"),
                Col.text("JVM args"), Col.text("Harness"), Col.num("Duration (s)"), Col.text("Message"));
    }

    private List<Cell> runRow(RunInfo r, String root) {
        return List.of(
                Cell.link(Fmt.time(r.startedAt()), root + "runs.html#" + SafeNames.anchor(r.runId())).raw(r.startedAt().toString()),
                Cell.of(r.runId()), Cell.of(r.version()), Cell.of(r.trigger()), Cell.of(r.variant()),
                r.commit().isEmpty() ? Cell.of("") : Cell.link(r.shortCommit(), commitHref(r, root)).raw(r.commit()),
                Cell.of(r.branch()), Cell.of(r.environment()), Cell.of(r.host()),
                Cell.of((r.os() + " " + r.arch()).strip()), Cell.of(r.cpuModel()),
                Cell.num(r.cpuCount(), r.cpuCount() > 0 ? Integer.toString(r.cpuCount()) : "\u2013"),
                Cell.of((r.jvmVendor() + " " + r.jvmVersion()).strip()), Cell.of(r.jvmArgs()),
                Cell.of((r.harness() + " " + r.harnessVersion()).strip()),
                Cell.num(r.durationSeconds(), Fmt.seconds(r.durationSeconds())),
                Cell.of(r.labels().getOrDefault("message", r.labels().getOrDefault("commit_message", ""))));
    }

    private void runsPage() throws IOException {
        List<List<Cell>> cells = new ArrayList<>();
        List<String> envChange = new ArrayList<>();
        RunInfo prev = null;
        for (RunInfo r : runs) {
            envChange.add(prev != null && !r.isAb() && prev.index() >= 0 && environmentIds[prev.index()] != environmentIds[r.index()]
                    ? r.environmentChangeFrom(prev) : "");
            if (!r.isAb()) {
                prev = r;
            }
        }
        List<String> anchors = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunInfo r = runs.get(i);
            cells.add(runRow(r, ""));
            anchors.add(SafeNames.anchor(r.runId()));
            changes.add(envChange.get(i));
        }
        DataTable t = new DataTable("runs", "Runs, newest first", runColumns(), cells, "downloads/runs");
        Map<String, Object> view = t.view();
        @SuppressWarnings("unchecked")
        List<List<Map<String, Object>>> viewRows = (List<List<Map<String, Object>>>) view.get("rows");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < viewRows.size(); i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("anchor", anchors.get(i));
            m.put("cells", viewRows.get(i));
            m.put("envChange", changes.get(i));
            rows.add(m);
        }
        Map<String, Object> v = vars("", "Runs", "runs");
        v.put("view", view);
        v.put("rows", rows);
        page("runs.html", "runs.html", v, List.of(t));
    }

    // ------------------------------------------------------------------ data page

    private void dataPage() throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        String base = options.baseUrl().isEmpty() ? "https://ORG.github.io/REPO/" : options.baseUrl();
        writer.copyImmutable(data.db().archive().layout().manifest(), "data/archive.json");
        for (String table : List.of("runs", "results", "samples")) {
            List<String> list = new ArrayList<>();
            for (DataFile f : data.db().snapshot().files(table)) {
                if (!f.project().equals(options.project())) {
                    continue;
                }
                String rel = "data/" + table + "/" + seg("project=" + f.project()) + "/" + seg("version=" + f.version())
                        + "/" + seg(f.path().getFileName().toString());
                writer.copyImmutable(f.path(), "data/" + table + "/project=" + f.project() + "/version=" + f.version()
                        + "/" + f.path().getFileName());
                list.add(base + rel);
                rows.add(List.of(Cell.of(table), Cell.of(f.version()),
                        Cell.link(f.path().getFileName().toString(), rel),
                        Cell.num(f.bytes(), Fmt.bytes(f.bytes())).raw(Long.toString(f.bytes()))));
            }
            urls.put(table, list);
        }
        StringBuilder setup = new StringBuilder();
        setup.append("-- DuckDB: views over the published archive of project ").append(options.project())
                .append(" (web servers cannot list folders, so the files are named one by one;\n")
                .append("-- the DuckDB CLI loads its httpfs extension by itself for http(s) addresses)\n");
        for (Map.Entry<String, List<String>> e : urls.entrySet()) {
            setup.append("CREATE OR REPLACE VIEW ").append(e.getKey()).append(" AS SELECT * FROM read_parquet([");
            for (int i = 0; i < e.getValue().size(); i++) {
                setup.append(i > 0 ? ",\n    " : "\n    ").append(sqlString(e.getValue().get(i)));
            }
            setup.append("\n], hive_partitioning = true, union_by_name = true);\n");
        }
        writer.write("data/setup.sql", setup.toString());
        String latestResults = urls.get("results").isEmpty() ? base + "data/results/..." : lastMatching(urls.get("results"), latest);
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(Map.of("title", "Open the whole archive (creates views runs, results, samples)",
                "sql", "-- in a shell: download setup.sql and start the DuckDB CLI with it\n"
                        + "curl -sO " + base + "data/setup.sql && duckdb -init setup.sql\n"
                        + "-- or, inside DuckDB, after downloading it:\n.read setup.sql"));
        queries.add(Map.of("title", "The latest run's results, straight from the published file",
                "sql", "SELECT benchmark, params, mode, score, score_error, unit\nFROM read_parquet(" + sqlString(latestResults)
                        + ")\nWHERE metric = 'primary'\nORDER BY benchmark;"));
        queries.add(Map.of("title", "Mean score per benchmark and version (after setup.sql)",
                "sql", "SELECT benchmark, version, avg(score) AS mean_score, count(*) AS results\nFROM results\n"
                        + "WHERE metric = 'primary'\nGROUP BY ALL\nORDER BY benchmark, version;"));
        queries.add(Map.of("title", "Raw samples of one benchmark, with the run's version and commit (after setup.sql)",
                "sql", "SELECT r.version, r.commit, s.fork, s.iteration, s.value, s.weight\nFROM samples s\n"
                        + "JOIN runs r USING (run_id)\nJOIN results x ON x.run_id = s.run_id AND x.case_key = s.case_key AND x.metric = s.metric\n"
                        + "WHERE x.benchmark = 'your.Benchmark.name' AND s.metric = 'primary'\nORDER BY r.started_at, s.fork, s.iteration;"));
        DataTable t = new DataTable("archive-files", "Archive files of project " + options.project(),
                List.of(Col.text("Table"), Col.text("Version"), Col.text("File"), Col.num("Size")), rows,
                "downloads/archive-files");
        Map<String, Object> v = vars("", "Data", "data");
        v.put("table", t);
        v.put("queries", queries);
        v.put("baseUrl", options.baseUrl());
        v.put("base", base);
        page("data.html", "data.html", v, List.of(t));
    }

    private static String lastMatching(List<String> urls, RunInfo latest) {
        for (String u : urls) {
            if (u.endsWith("/" + latest.runId() + ".parquet")) {
                return u;
            }
        }
        return urls.get(urls.size() - 1);
    }

    /** One URL path segment: reserved characters percent-encoded, '=' kept for Hive partitions. */
    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3D", "=");
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    // ------------------------------------------------------------------ dashboard and feed

    private void dashboard(Map<String, List<CaseInfo>> byBenchmark) throws Exception {
        Map<String, Object> v = vars("", options.title(), "dashboard");
        List<DataTable> tables = new ArrayList<>();
        v.put("latest", latest);
        v.put("latestTime", Fmt.time(latest.startedAt()));
        v.put("latestAnchor", SafeNames.anchor(latest.runId()));
        v.put("latestMessage", latest.labels().getOrDefault("message", latest.labels().getOrDefault("commit_message", "")));
        v.put("latestDuration", Fmt.seconds(latest.durationSeconds()));
        v.put("latestCommitHref", latest.commit().isEmpty() ? "" : commitHref(latest, ""));
        v.put("benchmarkCount", byBenchmark.size());
        v.put("caseCount", byBenchmark.values().stream().mapToInt(List::size).sum());
        v.put("runCount", runs.size());
        v.put("changeAnalysis", changeAnalysis);
        List<Map<String, Object>> cmp = new ArrayList<>();
        for (ComparisonView cv : new ComparisonView[] {sincePrevious, sinceRelease}) {
            if (cv == null) {
                continue;
            }
            List<ComparisonView.Row> changed = dashboardRows(cv);
            String what = cv.tested() ? "regressed, improved or failed" : "whose mean moved by more than 2 %";
            DataTable t = comparisonTable(cv, changed, cv.title() + ": the cases " + what,
                    "dashboard-" + (cv == sincePrevious ? "previous" : "release"), "");
            tables.add(t);
            Map<String, Object> m = new HashMap<>();
            m.put("cmp", cv);
            m.put("table", t);
            m.put("shown", changed.size());
            m.put("capped", changed.size() == DASHBOARD_ROWS);
            m.put("what", what);
            m.put("href", "compare/" + cv.name() + ".html");
            m.put("counts", verdictCounts(cv));
            cmp.add(m);
        }
        v.put("comparisons", cmp);
        v.put("reports", reports());
        DataTable budgets = budgetTable();
        tables.add(budgets);
        v.put("budgets", budgets);
        v.put("hasBudgets", !analyses.budgets().isEmpty());
        DataTable advice = recommendationTable();
        tables.add(advice);
        v.put("recommendations", advice);
        DataTable recent = recentChangePoints(20);
        tables.add(recent);
        v.put("changes", recent);
        // suite duration over the history
        List<List<Cell>> drows = new ArrayList<>();
        long[] t = new long[history.size()];
        double[] d = new double[history.size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            RunInfo r = history.get(i);
            t[i] = r.startedAt().toEpochMilli();
            d[i] = r.durationSeconds();
            labels.add(r.version());
        }
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - 30); i--) {
            RunInfo r = history.get(i);
            drows.add(List.of(Cell.link(Fmt.time(r.startedAt()), "runs.html#" + SafeNames.anchor(r.runId())).raw(r.startedAt().toString()),
                    Cell.of(r.version()), Cell.of(r.suite()), Cell.num(r.durationSeconds(), Fmt.seconds(r.durationSeconds()))));
        }
        DataTable durations = new DataTable("suite-durations", "Suite duration of the last runs",
                List.of(Col.text("Started"), Col.text("Version"), Col.text("Suite"), Col.num("Duration (s)")),
                drows, "downloads/suite-durations");
        tables.add(durations);
        v.put("durations", durations);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "durations");
        chart.put("t", t);
        chart.put("seconds", d);
        chart.put("version", labels);
        writer.write("charts/dashboard.js", "window.BL_DATA = " + Json.of(chart) + ";\n");
        v.put("charts", "charts/dashboard.js");
        page("index.html", "index.html", v, tables);
    }

    /**
     * What the dashboard lists of a comparison: the cases that regressed, improved or failed
     * (without tests: a change of the means beyond 2 %), largest change first, at most
     * {@value #DASHBOARD_ROWS}; the whole table, unchanged and inconclusive cases included, is on
     * the comparison's own page.
     */
    private static List<ComparisonView.Row> dashboardRows(ComparisonView cv) {
        Set<String> changed = Set.of("regressed", "improved", "failed");
        return cv.rows().stream()
                .filter(r -> cv.tested() ? changed.contains(r.verdict()) : Math.abs(r.change()) > 0.02)
                .sorted(Comparator.comparingDouble((ComparisonView.Row r) -> -Math.abs(r.change()))
                        .thenComparing(ComparisonView.Row::caseKey))
                .limit(DASHBOARD_ROWS).toList();
    }

    /** PDF reports published beside the site (the nightly and release workflows put them in reports/). */
    private List<Map<String, String>> reports() throws IOException {
        Path dir = options.out().resolve("reports");
        List<Map<String, String>> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList()) {
                    String name = p.getFileName().toString();
                    out.add(Map.of("name", name, "href", "reports/" + seg(name), "bytes", Fmt.bytes(Files.size(p))));
                }
            }
        }
        return out;
    }

    private DataTable recentChangePoints(int max) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ChangePoint cp : allChangePoints.subList(0, Math.min(max, allChangePoints.size()))) {
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
    private DataTable budgetTable() throws Exception {
        List<List<Cell>> rows = new ArrayList<>();
        if (!analyses.budgets().isEmpty()) {
            BudgetReport report = BudgetEvaluator.evaluate(data.db(), new Side(Side.Kind.RUN, latest.runId()),
                    analyses.budgets(), ComparisonOptions.defaults(options.project()));
            for (BudgetCheck c : report.checks()) {
                String status = c.status().json();
                rows.add(List.of(c.benchmark().isEmpty() ? Cell.of("")
                                : Cell.link(c.benchmark(), BenchmarkPage.pageFile(c.benchmark())).raw(c.benchmark()),
                        Cell.of(c.caseKey()), Cell.of(c.criterion()),
                        Cell.num(c.limit(), Fmt.num(c.limit())), Cell.num(c.actual(), Fmt.num(c.actual())),
                        Cell.of(c.unit()), Cell.of(status).css(status), Cell.of(c.note())));
            }
        }
        return new DataTable("budgets", "Budgets against the latest run",
                List.of(Col.text("Benchmark"), Col.text("Case"), Col.text("Criterion"), Col.num("Limit"),
                        Col.num("Measured"), Col.text("Unit"), Col.text("Result"), Col.text("Note")), rows,
                "downloads/budgets");
    }

    /**
     * The recommendation rules over the latest run; the growth rules (allocation, regression budgets)
     * against the newest run of the last release, or of the previous run when there is no release.
     */
    private DataTable recommendationTable() throws Exception {
        String baseline = null;
        if (sinceRelease != null) {
            List<String> ids = sinceRelease.baseline().runIds();
            baseline = ids.get(ids.size() - 1);
        } else if (sincePrevious != null) {
            baseline = sincePrevious.baseline().runIds().get(0);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Recommendation r : RunMeasurements.recommendations(data.db(), latest.runId(), baseline, analyses.budgets(),
                Thresholds.defaults())) {
            rows.add(List.of(Cell.of(r.rule()), Cell.of(r.caseKey()), Cell.of(r.message()),
                    Cell.of(r.evidenceText(Fmt::num))));
        }
        return new DataTable("recommendations", "Recommendations for the latest run",
                List.of(Col.text("Rule"), Col.text("Case"), Col.text("Recommendation"), Col.text("Evidence")), rows,
                "downloads/recommendations");
    }

    private void feed() throws IOException {
        List<Map<String, String>> entries = new ArrayList<>();
        String base = options.baseUrl();
        for (ChangePoint cp : allChangePoints.subList(0, Math.min(100, allChangePoints.size()))) {
            Map<String, String> e = new HashMap<>();
            e.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("changepoint\u0000" + cp.caseKey() + "\u0000" + cp.runId())
                    .getBytes(StandardCharsets.UTF_8)));
            e.put("title", (ChangePoint.REGRESSION.equals(cp.direction()) ? "Regression " : "Improvement ")
                    + Fmt.pct(cp.change()) + ": " + cp.caseKey());
            e.put("updated", cp.time().toString());
            e.put("href", base + BenchmarkPage.pageFile(cp.benchmark()));
            e.put("summary", cp.caseKey() + " changed from " + Fmt.num(cp.before()) + " to " + Fmt.num(cp.after())
                    + " (" + Fmt.pct(cp.change()) + ", p = " + Fmt.p(cp.pValue()) + ") at version " + cp.version()
                    + (cp.commit().isEmpty() ? "" : ", commit " + cp.commit()));
            entries.add(e);
        }
        for (ComparisonView cv : new ComparisonView[] {sincePrevious, sinceRelease}) {
            if (cv == null || !cv.tested()) {
                continue;
            }
            for (ComparisonView.Row r : cv.rows()) {
                if (!"regressed".equals(r.verdict())) {
                    continue;
                }
                Map<String, String> e = new HashMap<>();
                e.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("regression\u0000" + r.caseKey() + "\u0000"
                        + cv.baseline().runIds() + cv.candidate().runIds()).getBytes(StandardCharsets.UTF_8)));
                e.put("title", "Regression " + Fmt.pct(r.change()) + ": " + r.caseKey() + " (" + cv.title() + ")");
                e.put("updated", latest.finishedAt().toString());
                e.put("href", base + "compare/" + cv.name() + ".html");
                e.put("summary", r.caseKey() + ": " + Fmt.num(r.baselineMean()) + " \u2192 " + Fmt.num(r.candidateMean())
                        + " " + r.unit() + " (" + Fmt.pct(r.change()) + ", interval " + Fmt.interval(r.ciLow(), r.ciHigh())
                        + ", q = " + Fmt.p(r.qValue()) + ", " + r.severity() + ")");
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparing((Map<String, String> e) -> e.get("updated")).reversed()
                .thenComparing(e -> e.get("id")));
        Map<String, Object> v = new HashMap<>();
        v.put("title", options.title() + ": changes");
        v.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("feed\u0000" + options.project() + "\u0000" + base)
                .getBytes(StandardCharsets.UTF_8)));
        v.put("updated", latest.finishedAt().toString());
        v.put("self", base + "feed.xml");
        v.put("home", base.isEmpty() ? "index.html" : base);
        v.put("entries", entries);
        writer.write("feed.xml", templates.render("feed.xml", v));
    }

}
