package io.benchledger.cli.command;

import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonOutput;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.findings.Findings;
import io.benchledger.archive.analysis.findings.FindingsBuilder;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.RunSelection;
import io.benchledger.cli.ToolVersion;
import io.benchledger.cli.workflow.Collection;
import io.benchledger.cli.workflow.Gate;
import io.benchledger.cli.workflow.GateSummary;
import io.benchledger.cli.workflow.Publication;
import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.CollectResult;
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
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a release with the previous one and writes the release pages and the release PDF.",
                "With --collect, first runs the suites for VERSION (trigger 'release').",
                "Exit 1 when a regression at the --fail-on level is found."})
public final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    RunSelection selection;
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "VERSION", description = "The version released.")
    String version;

    @Option(names = "--previous", paramLabel = "VERSION",
            description = "The release to compare with (default: the newest release before VERSION, see 'compare last-release').")
    String previous;

    @Option(names = "--collect", description = "Run the suites for VERSION first and record the run as a release run.")
    boolean collect;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = "site", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--summary", paramLabel = "FILE", description = "Markdown summary (default: release-VERSION.md in the site folder).")
    Path summary;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "regression",
            description = "Regressions that fail: regression, major or critical (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--no-publish", description = "Skip the site and the PDF.")
    boolean noPublish;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "The comparison table on stdout: table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Parameters(index = "1..*", paramLabel = "JMH-OPTION", arity = "0..*", description = "JMH options after -- (with --collect).")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Archive archive = archiveOptions.openOrCreate();
        if (collect) {
            CollectOptions options = selection.apply(CollectOptions.builder(archiveOptions.archive))
                    .project(archiveOptions.project).projectVersion(version).trigger(Run.TRIGGER_RELEASE)
                    .jmhArgs(jmhArgs).toolVersion(ToolVersion.version()).build();
            CollectResult r = Collection.run(options);
        }
        Side baseline = previous == null ? new Side(Side.Kind.LAST_RELEASE, "") : new Side(Side.Kind.VERSION, previous);
        ComparisonOptions options = ComparisonOptions.defaults(archiveOptions.project);
        ComparisonReport report;
        Gate gate;
        List<String> outputs = new ArrayList<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            // a release is judged against its baseline only: no "vs recent runs" line, no budgets
            FindingsBuilder builder = new FindingsBuilder(db, options, List.of(), true);
            Findings findings = builder.release(baseline, new Side(Side.Kind.VERSION, version));
            report = findings.comparison(Findings.RELEASE).orElseThrow();
            gate = Gate.of(findings, failOn, true);
            if (!noPublish) {
                outputs.addAll(Publication.release(builder, findings, site));
            }
        }
        String title = "benchledger release " + version + " against " + String.join(", ", report.baseline().versions());
        if (format == OutputFormat.JSON) {
            System.out.print(ComparisonOutput.format(report, format));
        } else {
            System.out.print(ComparisonOutput.format(report, format));
            System.out.print(GateSummary.text(title, gate, outputs));
        }
        Path md = summary != null ? summary : site.resolve("release-" + version + ".md");
        Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, GateSummary.markdown(title, gate, outputs), StandardCharsets.UTF_8);
        return gate.failed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
