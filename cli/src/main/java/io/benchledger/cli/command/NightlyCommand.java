package io.benchledger.cli.command;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.RunSelection;
import io.benchledger.cli.ToolVersion;
import io.benchledger.cli.workflow.Analysis;
import io.benchledger.cli.workflow.Collection;
import io.benchledger.cli.workflow.Gate;
import io.benchledger.cli.workflow.GateSummary;
import io.benchledger.cli.workflow.Publication;
import io.benchledger.cli.workflow.Remeasurement;
import io.benchledger.cli.notify.Alert;
import io.benchledger.cli.notify.Notifier;
import io.benchledger.cli.notify.WebhookClient;
import io.benchledger.collector.config.ResolvedSuite;
import io.benchledger.collector.config.SuiteConfig;
import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.CollectResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nightly", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The nightly job: collect the configured suites, append the run to the archive, compare it",
                "with its recent history (recent:N, the newest earlier runs of the same branch, suite, environment",
                "and JMH settings) and with the last release, find change points, check the budgets, regenerate the",
                "site and the PDF, and print a summary (also written as summary.md and summary.json). Workloads",
                "marked nightly: true in the configuration run first, as their own load run (docs/workloads.md).",
                "Too little history to know a case's run-to-run noise is inconclusive, never a failure.",
                "Exit 1 when a regression of a gated metric, a crashed benchmark that ran before or a broken",
                "budget is found, 3 when a benchmark crashed otherwise, 0 otherwise."})
public final class NightlyCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    RunSelection selection;
    @Mixin
    GlobalOptions global;

    @Option(names = "--project-version", paramLabel = "V", defaultValue = CollectOptions.DEFAULT_VERSION,
            description = "Version of the code measured (default: ${DEFAULT-VALUE}).")
    String projectVersion;

    @Option(names = "--no-collect", description = "Analyse and publish the archive's latest run instead of collecting one.")
    boolean noCollect;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = "site", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Markdown summary (default: summary.md in the site folder), e.g. for $GITHUB_STEP_SUMMARY.")
    Path summary;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "regression",
            description = "Regressions that fail the gate: regression, major or critical (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--recent", paramLabel = "N", defaultValue = "20",
            description = "The baseline: the newest N earlier runs of the same branch, suite, environment and JMH"
                    + " settings (recent:N; default: ${DEFAULT-VALUE}).")
    int recent;

    @Option(names = "--same-machine",
            description = "Only runs of this machine (CPU model and count, OS, JVM) make up the baseline"
                    + " (recent:N:same-machine), for archives fed by several kinds of runner.")
    boolean sameMachine;

    @Option(names = "--no-publish", description = "Skip the site and the PDF.")
    boolean noPublish;

    @Option(names = "--notify", paramLabel = "URL",
            description = "Post the findings to this webhook (repeatable): slack+https://… for Slack-compatible JSON, "
                    + "json+https://… for the plain alert document (docs/alerts.md). Also `notify:` in the configuration. "
                    + "A failed post is reported on stderr and does not change the exit code.")
    List<String> notify = new ArrayList<>();

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*", description = "JMH options after --.")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SuiteConfig config = selection.config == null ? SuiteConfig.loadDefault() : SuiteConfig.load(selection.config);
        var webhooks = Notifier.targets(notify, config.webhooks(), System.getenv(), System.err);
        ResolvedSuite suite = config
                .resolve(selection.suite, selection.quick ? "quick" : "", selection.environment); // "": nightly when defined
        Archive archive = archiveOptions.openOrCreate();
        String runId;
        int crashed = 0;
        String title;
        if (noCollect) {
            runId = Analysis.latestRun(archive, archiveOptions.project);
            title = "benchledger nightly: latest run " + runId;
        } else {
            crashed += io.benchledger.cli.workflow.NightlyWorkloads.run(archiveOptions.archive, archiveOptions.project, selection.config, projectVersion, selection.quick, ToolVersion.version());
            CollectResult r = Collection.run(collectOptions(Run.TRIGGER_NIGHTLY).build());
            runId = r.runId();
            crashed = r.failed().size();
            title = String.format(Locale.ROOT, "benchledger nightly: run %s (version %s%s): %d cases measured, %d failed, in %d s",
                    runId, r.record().run().version(), r.record().run().commit().isEmpty() ? "" : ", commit " + r.record().run().commit(),
                    r.measuredCases(), crashed, r.elapsed().toSeconds());
        }
        List<Budget> budgets = suite.budgets();
        ComparisonOptions options = io.benchledger.cli.workflow.ConfiguredComparison.of(archiveOptions.project, suite);
        if (recent < 1) {
            throw new io.benchledger.archive.BadInputException("--recent: at least 1 run, got " + recent);
        }
        Side recentSide = Side.recent(recent, sameMachine);
        String nightRun = runId;
        // what the run calls changed is measured again before the gate trusts it (docs/statistics.md)
        Side candidate = noCollect ? null // as the run's own nightly judged it (FindingsBuilder.judged)
                : Remeasurement.candidate(archive, runId, recentSide, options, include -> collectOptions(Run.TRIGGER_CONFIRM)
                        .include(include).labels(java.util.Map.of("confirms", nightRun)).build());
        // the findings are computed once, in one session, and every output below renders them
        List<String> outputs = new ArrayList<>();
        Gate gate;
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            FindingsBuilder builder = new FindingsBuilder(db, options, budgets, true);
            Findings findings = builder.nightly(runId, candidate == null ? builder.judged(runId) : candidate, recentSide);
            gate = Gate.of(findings, failOn, suite.suite().measures().gateOnTail());
            if (!noPublish) {
                outputs.addAll(Publication.nightly(builder, findings, site, budgets));
            }
        }
        String text = GateSummary.text(title, gate, outputs);
        System.out.print(text);
        Path md = summary != null ? summary : site.resolve("summary.md");
        Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, GateSummary.markdown(title, gate, outputs), StandardCharsets.UTF_8);
        Files.writeString(md.toAbsolutePath().getParent().resolve("summary.json"), io.benchledger.archive.format.TableFormatter.json(
                io.benchledger.cli.workflow.SummaryJson.of(archiveOptions.project, title, gate, crashed, outputs)),
                StandardCharsets.UTF_8);
        new Notifier(new WebhookClient(WebhookClient.Settings.DEFAULTS), System.err)
                .send(webhooks, Alert.of(archiveOptions.project, title, gate));
        if (gate.failed()) {
            return ExitCodes.GATE_FAILED;
        }
        return crashed > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The collect options of this nightly's measurements, of the given trigger. */
    private CollectOptions.Builder collectOptions(String trigger) {
        return selection.apply(CollectOptions.builder(archiveOptions.archive)).project(archiveOptions.project)
                .projectVersion(projectVersion).trigger(trigger).jmhArgs(jmhArgs).toolVersion(ToolVersion.version());
    }
}
