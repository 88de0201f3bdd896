package io.benchledger.site;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.site.data.SiteData;
import io.benchledger.site.model.CaseInfo;
import io.benchledger.site.model.CaseOrder;
import io.benchledger.site.model.SiteAnalyses;
import io.benchledger.site.pages.SiteWriter;
import io.benchledger.site.render.AtomFeed;
import io.benchledger.site.render.BenchmarkIndex;
import io.benchledger.site.render.BenchmarkPages;
import io.benchledger.site.render.ComparisonPage;
import io.benchledger.site.render.Comparisons;
import io.benchledger.site.render.Dashboard;
import io.benchledger.site.render.DataPage;
import io.benchledger.site.render.ExperimentPages;
import io.benchledger.site.render.ResourcesPage;
import io.benchledger.site.render.RunsPage;
import io.benchledger.site.render.TargetsPage;
import io.benchledger.site.render.VersionPages;
import io.benchledger.site.render.WorkloadsPage;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.archive.store.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Generates the static site of one project of an archive: dashboard, one page per benchmark,
 * versions, comparisons, A/B experiments, runs, data page, Atom feed, downloads. Every link is
 * relative and every asset is in the folder, so the site works from {@code file://}, any web
 * server and a GitHub Pages sub-path. The same archive gives byte-identical files.
 *
 * <p>Each page family is rendered by its own class in {@code site.render} from the shared
 * {@link SiteContext}, into a typed page record; this class only orders them.
 */
public final class SiteGenerator {
    /** Changes whenever the generator's output for the same input changes (incremental generation). */
    public static final String GENERATOR = "benchledger-site/8";
    public static final String MANIFEST = SiteManifest.FILE;
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    /** Folders this generator owns: files in them that a generation did not write are removed. */
    private static final List<String> MANAGED = List.of("b", "charts", "series", "compare", "v", "ab", "downloads",
            "data", "assets");

    /** What a generation did. */
    public record Outcome(int benchmarks, int benchmarkPagesRendered, int comparisonsKept, int versionPagesRendered,
                          int filesWritten, int filesUnchanged, int filesRemoved) {
    }

    private SiteGenerator() {
    }

    /** Generates the site (as {@link #generateFrom}, with the inputs of the archive as it is now). */
    public static Outcome generate(ArchiveDatabase db, SiteAnalyses analyses, SiteOptions options) throws Exception {
        return generateFrom(new SiteData(db, options.project()), analyses, options,
                SiteFingerprint.inputs(db.archive(), db.snapshot(), options, wholeExtra(analyses.comparisonKey(), "")));
    }

    /**
     * Generates the site recording {@code inputs} ({@link #inputs}, taken before the database was opened
     * and the analyses read the archive: anything committed in between makes the next incremental
     * generation run again rather than skip).
     */
    public static Outcome generateFrom(SiteData data, SiteAnalyses analyses, SiteOptions options, String inputs)
            throws Exception {
        ArchiveDatabase db = data.db();
        SiteContext ctx = SiteContext.load(data, analyses, options);
        SiteWriter writer = ctx.writer();
        Path manifestFile = writer.root().resolve(MANIFEST);
        if (!inputs.equals(SiteManifest.read(writer.root(), GENERATOR, options.project()).inputs())) {
            // the folder is about to hold pages of other inputs: a generation that stops half-way must not
            // leave a manifest saying it is up to date (what incremental needed of it is already read)
            Files.deleteIfExists(manifestFile);
        }
        writeAssets(ctx);
        Map<String, List<CaseInfo>> byBenchmark = new LinkedHashMap<>();
        for (CaseInfo c : ctx.data().cases()) {
            byBenchmark.computeIfAbsent(c.benchmark(), k -> new ArrayList<>()).add(c);
        }
        byBenchmark.values().forEach(l -> l.sort(CaseOrder.INSTANCE));
        int rendered;
        Comparisons comparisons;
        int[] versionPages = new int[1];
        // the second connection closes after the workers have stopped: none of them is querying it then
        try (ArchiveDatabase second = db.second(); PageWorkers workers = new PageWorkers()) {
            // the pages that read nothing more from the archive go to the workers
            workers.submit(() -> BenchmarkIndex.render(ctx, byBenchmark));
            workers.submit(() -> RunsPage.render(ctx));
            // the comparisons (their samples' queries and bootstraps) are made beside the benchmark pages,
            // on a connection of their own; their pages go to the workers as soon as they are made
            Future<Comparisons> made = workers.beside(() -> {
                Comparisons c = Comparisons.build(ctx, second);
                for (ComparisonView cv : c.listed()) {
                    if (!cv.kept()) {
                        workers.submit(() -> ComparisonPage.render(ctx, cv));
                    }
                }
                workers.submit(() -> versionPages[0] = VersionPages.render(ctx, c));
                workers.submit(() -> AtomFeed.render(ctx, c));
                return c;
            });
            rendered = BenchmarkPages.render(ctx, byBenchmark);
            ExperimentPages.render(ctx);
            WorkloadsPage.render(ctx);
            TargetsPage.render(ctx);
            ResourcesPage.render(ctx);
            DataPage.render(ctx);
            comparisons = PageWorkers.result(made);
            Dashboard.render(ctx, comparisons, byBenchmark.size(), byBenchmark.values().stream().mapToInt(List::size).sum());
            workers.await();
        }
        writer.write(".nojekyll", "");
        int removed = writer.removeStale(MANAGED);
        List<String> top = writer.expected().stream().filter(f -> !f.contains("/") && !f.equals(MANIFEST))
                .sorted().toList();
        ctx.manifest().putWhole(inputs, SiteFingerprint.files(writer.root(), MANAGED, top), top);
        writer.write(MANIFEST, ctx.manifest().json(GENERATOR, options.project()));
        int kept = (int) comparisons.listed().stream().filter(ComparisonView::kept).count();
        return new Outcome(byBenchmark.size(), rendered, kept, versionPages[0], writer.written(), writer.unchanged(), removed);
    }

    /** Whether {@code out} holds a complete generation of these {@link #inputs}. */
    public static boolean upToDate(SiteOptions options, String inputs) throws IOException {
        Path out = options.out().toAbsolutePath().normalize();
        SiteManifest previous = SiteManifest.read(out, GENERATOR, options.project());
        if (previous.inputs().isEmpty() || previous.files().isEmpty()) {
            return false;
        }
        return inputs.equals(previous.inputs())
                && SiteFingerprint.files(out, MANAGED, previous.topLevel()).equals(previous.files());
    }

    /** The fingerprint of everything the site depends on, for the archive as it is now ({@link SiteFingerprint#inputs}). */
    public static String inputs(Archive archive, SiteOptions options, String comparisonKey,
                                String extra) throws IOException {
        return SiteFingerprint.inputs(archive, archive.snapshot(), options, wholeExtra(comparisonKey, extra));
    }

    private static String wholeExtra(String comparisonKey, String extra) {
        return comparisonKey + "\n" + extra;
    }

    private static void writeAssets(SiteContext ctx) throws IOException {
        SiteWriter writer = ctx.writer();
        writer.write("assets/style.css", ctx.templates().resource("assets/style.css"));
        writer.write("assets/site.js", ctx.templates().resource("assets/site.js"));
        writer.write("assets/flame.js", ctx.templates().resource("assets/flame.js"));
        try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IOException("the ECharts webjar is not on the class path (" + ECHARTS + ")");
            }
            writer.copy(in, "assets/echarts.min.js");
        }
    }
}
