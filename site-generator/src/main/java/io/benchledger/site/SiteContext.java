package io.benchledger.site;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.changepoint.ChangePoint;
import io.benchledger.site.data.SiteData;
import io.benchledger.site.model.RunInfo;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.pages.BenchmarkPage;
import io.benchledger.site.pages.DataTable;
import io.benchledger.site.pages.Fmt;
import io.benchledger.site.pages.PageFrame;
import io.benchledger.site.pages.SafeNames;
import io.benchledger.site.pages.SiteWriter;
import io.benchledger.site.pages.Templates;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What every page renderer of one generation reads: the options, the project's runs, the change
 * points, the templates and the writer. Built once, before any page is rendered, and not changed
 * afterwards (renderers run on several threads).
 */
public final class SiteContext {
    private final SiteOptions options;
    private final SiteData data;
    private final SiteAnalyses analyses;
    private final Templates templates;
    private final SiteWriter writer;
    private final List<RunInfo> runs;
    private final List<RunInfo> history;
    private final RunInfo latest;
    private final Map<String, RunInfo> runById = new HashMap<>();
    private final int[] environmentIds;
    private final ChangePoints changePoints;
    private final SiteManifest previous;
    private final SiteManifest manifest = new SiteManifest();
    private final Map<String, List<io.benchledger.archive.analysis.changepoint.Drift>> drifts = new HashMap<>();

    /**
     * The change points of the project's cases: whether a detector ran at all, every change point
     * newest first, and each case's oldest first.
     */
    public record ChangePoints(boolean analysed, List<ChangePoint> newestFirst, Map<String, List<ChangePoint>> byCase) {
        static ChangePoints of(Optional<List<ChangePoint>> found) {
            List<ChangePoint> all = new ArrayList<>(found.orElse(List.of()));
            all.sort(Comparator.comparing(ChangePoint::time).reversed().thenComparing(ChangePoint::caseKey));
            Map<String, List<ChangePoint>> byCase = new HashMap<>();
            for (ChangePoint cp : all) {
                byCase.computeIfAbsent(cp.caseKey(), k -> new ArrayList<>()).add(cp);
            }
            byCase.values().forEach(l -> l.sort(Comparator.comparing(ChangePoint::time)));
            return new ChangePoints(found.isPresent(), List.copyOf(all), byCase);
        }

        public List<ChangePoint> of(String caseKey) {
            return byCase.getOrDefault(caseKey, List.of());
        }
    }

    private SiteContext(SiteData data, SiteAnalyses analyses, SiteOptions options) throws Exception {
        this.options = options;
        this.data = data;
        this.analyses = analyses;
        this.templates = new Templates(options.templates());
        this.runs = data.runs();
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
        runs.forEach(r -> runById.put(r.run().runId(), r));
        this.history = runs.stream().filter(RunInfo::inHistory).toList();
        this.environmentIds = BenchmarkPage.environmentIds(runs);
        this.latest = history.isEmpty() ? runs.get(runs.size() - 1) : history.get(history.size() - 1);
        this.writer = new SiteWriter(options.out());
        this.previous = options.incremental()
                ? SiteManifest.read(options.out(), SiteGenerator.GENERATOR, options.project()) : new SiteManifest();
        this.changePoints = ChangePoints.of(analyses.changePoints(data.db(), options.project()));
        analyses.drifts(data.db(), options.project()).orElse(List.of())
                .forEach(d -> drifts.computeIfAbsent(d.caseKey(), k -> new ArrayList<>()).add(d));
    }

    static SiteContext load(SiteData data, SiteAnalyses analyses, SiteOptions options) throws Exception {
        return new SiteContext(data, analyses, options);
    }

    public SiteOptions options() {
        return options;
    }

    public SiteData data() {
        return data;
    }

    public SiteAnalyses analyses() {
        return analyses;
    }

    public Templates templates() {
        return templates;
    }

    public SiteWriter writer() {
        return writer;
    }

    /** Every run of the project, oldest first (A/B runs included). */
    public List<RunInfo> runs() {
        return runs;
    }

    /** The project's history: its runs without the A/B runs, oldest first. */
    public List<RunInfo> history() {
        return history;
    }

    /** The newest run of the history (the newest run when there are only A/B runs). */
    public RunInfo latest() {
        return latest;
    }

    public Optional<RunInfo> run(String runId) {
        return Optional.ofNullable(runById.get(runId));
    }

    /** Environment ids per run index (equal ids: same machine and JVM). */
    public int[] environmentIds() {
        return environmentIds;
    }

    public ChangePoints changePoints() {
        return changePoints;
    }

    /** Each case's drifts (none when no detector ran). */
    public Map<String, List<io.benchledger.archive.analysis.changepoint.Drift>> drifts() {
        return drifts;
    }

    /** What the last generation into the same folder recorded (empty unless incremental). */
    public SiteManifest previous() {
        return previous;
    }

    /** What this generation records. */
    public SiteManifest manifest() {
        return manifest;
    }

    /** The layout frame of a page, as of the latest run. */
    public PageFrame frame(String root, String title, String nav) {
        return new PageFrame(root, title, options.title(), options.project(), nav, Fmt.time(latest.run().finishedAt()), "");
    }

    /** Writes a page and its tables' downloads. */
    public void page(String rel, String template, PageFrame frame, Record page, List<DataTable> tables)
            throws IOException {
        writer.write(rel, templates.render(template, frame, page));
        for (DataTable t : tables) {
            writer.write(t.downloads() + ".csv", t.csv());
            writer.write(t.downloads() + ".json", t.json());
        }
    }

    /** A link to a run's commit: the configured commit address, else the run on the runs page. */
    public String commitHref(RunInfo r, String root) {
        if (!options.commitUrl().isEmpty() && !r.run().commit().isEmpty()) {
            return options.commitUrl().replace("{commit}", URLEncoder.encode(r.run().commit(), StandardCharsets.UTF_8));
        }
        return root + "runs.html#" + SafeNames.anchor(r.run().runId());
    }
}
