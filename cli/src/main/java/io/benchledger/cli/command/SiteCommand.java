package io.benchledger.cli.command;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.analysis.budget.BudgetSyntax;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.cli.workflow.Analysis;
import io.benchledger.cli.workflow.EngineAnalyses;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.site.SiteGenerator;
import io.benchledger.site.SiteOptions;
import io.benchledger.site.data.SiteData;
import io.benchledger.cli.ToolVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "site", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates the static performance site of a project: dashboard, one page per benchmark,",
                "versions and comparisons, A/B experiments, runs, a data page with the Parquet archive, an Atom feed.",
                "The folder works from file://, any web server and a GitHub Pages sub-path (see docs/site.md).",
                "The same archive gives byte-identical files."})
public final class SiteCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the site into.")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A copy of templates/site/ to use instead of the built-in templates (file by file: missing files come from the built-in set).")
    Path templates;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the site is published at, e.g. https://org.github.io/repo/ (used by the data page's queries and the feed; links stay relative).")
    String baseUrl;

    @Option(names = "--title", paramLabel = "TEXT", description = "The site's title (default: Performance of PROJECT).")
    String title;

    @Option(names = "--compare", paramLabel = "A..B",
            description = "An extra comparison page of candidate B against baseline A (versions or run ids); repeatable.")
    List<String> compare = new ArrayList<>();

    @Option(names = "--commit-url", paramLabel = "TEMPLATE",
            description = "Link commits to this address, {commit} replaced by the hash, e.g. https://github.com/org/repo/commit/{commit} (default: the runs page).")
    String commitUrl;

    @Option(names = "--budgets", paramLabel = "FILE",
            description = "YAML list of budgets (as for 'check') to show on the dashboard and as lines on the charts.")
    Path budgets;

    @Option(names = "--incremental",
            description = "Regenerate only the benchmark pages whose history, change points, drifts, budgets or templates "
                    + "changed since the last generation into DIR, and keep the pages of comparisons off the dashboard (release against "
                    + "release, --compare) made from the same runs, and the version pages that would show the same runs "
                    + "and comparisons. When nothing the site depends on changed (archive, options, templates, budgets, "
                    + "program) and its files are all there, do nothing and say it is up to date.")
    boolean incremental;

    @Option(names = "--publish-samples",
            description = "Copy the archive's raw samples into the site's data/ folder too (runs and results always are). "
                    + "Off by default: at scale they are most of the site's bytes.")
    boolean publishSamples;

    @Override
    public Integer call() throws Exception {
        Archive archive = archiveOptions.openExisting();
        SiteOptions options = new SiteOptions(out, Optional.ofNullable(templates), archiveOptions.project, title, baseUrl,
                compare, incremental, commitUrl, publishSamples);
        long start = System.nanoTime();
        List<io.benchledger.archive.analysis.budget.Budget> list = budgets == null ? List.of() : BudgetSyntax.read(budgets);
        ComparisonOptions engine = io.benchledger.cli.workflow.ConfiguredComparison.of(archiveOptions.project, null, "");
        // what the site depends on besides the archive, the options and the templates (SiteFingerprint)
        String extra = "benchledger " + ToolVersion.version() + "\nbudgets "
                + (budgets == null ? "none" : new String(Files.readAllBytes(budgets), StandardCharsets.UTF_8));
        // taken before the database opens and the findings read acknowledgements: whatever is committed
        // in between makes the next incremental generation run again, never skip
        String inputs = SiteGenerator.inputs(archive, options, EngineAnalyses.comparisonKey(engine), extra);
        if (incremental && SiteGenerator.upToDate(options, inputs)) {
            System.err.printf("site: up to date, nothing changed since the last generation into %s (%.1f s)%n", out,
                    (System.nanoTime() - start) / 1e9);
            System.out.println(out.resolve("index.html"));
            return 0;
        }
        try (ArchiveDatabase db = ArchiveDatabase.open(archive);
             // the site's runs and cases are read beside the findings, on a connection of their own
             SiteData data = SiteData.prefetched(db, archiveOptions.project)) {
            // the findings of the latest run, as a nightly builds them
            FindingsBuilder builder = new FindingsBuilder(db, engine, list, true);
            Findings findings = builder.nightly(Analysis.latestRun(db, archiveOptions.project), Side.recent(Side.DEFAULT_RECENT));
            SiteGenerator.Outcome o = SiteGenerator.generateFrom(data, new EngineAnalyses(builder, findings, list), options,
                    inputs);
            System.err.printf("site: %d benchmarks (%d pages rendered, %d comparisons kept, %d version pages rendered), "
                            + "%d files written, %d unchanged, %d removed in %.1f s%n", o.benchmarks(),
                    o.benchmarkPagesRendered(), o.comparisonsKept(), o.versionPagesRendered(),
                    o.filesWritten(), o.filesUnchanged(), o.filesRemoved(),
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println(out.resolve("index.html"));
        return 0;
    }
}
