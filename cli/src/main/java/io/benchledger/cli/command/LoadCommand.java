package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.RunOriginOptions;
import io.benchledger.cli.ToolVersion;
import io.benchledger.collector.load.LoadOptions;
import io.benchledger.collector.load.LoadResult;
import io.benchledger.collector.load.LoadRunner;
import io.benchledger.collector.run.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs open-loop load workloads and appends what they measured to the archive as one run.",
                "A workload (the 'workloads' section of the suite configuration, docs/workloads.md) is a weighted",
                "mix of operations made of stages, driven at a target rate whether or not earlier requests",
                "finished. Latency is measured from each request's intended start (so queueing counts), per",
                "stage and per request, into HdrHistograms. Each case runs in its own forked JVM. Cases land as",
                "workload.NAME[rate=R] with metrics rate.target, rate.achieved, primary (request latency, ms,",
                "with p50 … max), latency.p99, latency.queue, stage.NAME, errors.rate and timeouts.rate.",
                "Without --workload it runs every workload of the configuration (the bundled ones: about 3 minutes).",
                "Prints the run id and one line per case on stdout; progress goes to stderr.",
                "",
                "Examples:",
                "  benchledger load --workload transactions --duration 5s",
                "  benchledger load --config my-suites.yaml --jar target/my-workloads.jar --workload checkout",
                "  benchledger load --workload pipeline --rate 500 --rate 1000 --quick",
                ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run was committed and every case was measured",
                "  2  bad usage, configuration or workload class (nothing was run or committed)",
                "  3  a workload failed: nothing committed when no case could be measured;",
                "     otherwise the run was committed with the failed cases marked"})
public final class LoadCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration (YAML) with a workloads section; default: the one shipped with benchledger.")
    Path config;

    @Option(names = "--workload", paramLabel = "NAME", description = "A workload to run (repeatable; default: all).")
    List<String> workloads = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--jar", paramLabel = "JAR", description = "A jar with your Workload classes (and what they need).")
        Path jar;
        @Option(names = "--classpath", paramLabel = "CP", description = "A class path with your Workload classes.")
        String classPath;
    }

    @Option(names = "--rate", paramLabel = "REQ/S", description = "Target rates replacing the configuration's (repeatable; no sweep then).")
    List<Double> rates = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "D", description = "Measured time per case, e.g. 5s (default: the configuration's).")
    String duration;

    @Option(names = "--warmup", paramLabel = "D", description = "Warm-up per case, e.g. 1s or 0s (default: the configuration's).")
    String warmup;

    @Option(names = "--quick", description = "A smoke run: 3 s measured after 1 s of warm-up per case.")
    boolean quick;

    @Option(names = "--jvm", paramLabel = "PATH", description = "The java executable (or JDK folder) that runs the workloads.")
    Path jvm;

    @Mixin
    RunOriginOptions origin;

    @Override
    public Integer call() throws Exception {
        LoadOptions.Builder b = LoadOptions.builder(archiveOptions.archive)
                .project(archiveOptions.project)
                .config(config)
                .workloads(workloads)
                .jar(source == null ? null : source.jar)
                .classPath(source == null ? null : source.classPath)
                .jvm(jvm)
                .rates(rates)
                .projectVersion(origin.projectVersion)
                .commit(origin.commit)
                .gitDir(origin.gitDir)
                .trigger(origin.trigger)
                .toolVersion(ToolVersion.version());
        if (quick) {
            b.durationMillis(3_000).warmupMillis(1_000);
        }
        if (duration != null) {
            long d = LoadOptions.millis("--duration", duration);
            if (d <= 0) {
                throw new BadInputException("--duration " + duration + ": expected a duration above 0");
            }
            b.durationMillis(d);
        }
        if (warmup != null) {
            b.warmupMillis(LoadOptions.millis("--warmup", warmup));
        }
        LoadResult r;
        try (Progress progress = Progress.forStderr()) {
            r = new LoadRunner(progress, line -> {
                if (GlobalOptions.verbose()) {
                    System.err.println("benchledger: " + line);
                }
            }).run(b.build());
        }
        System.out.println(r.runId());
        for (LoadResult.CaseSummary c : r.cases()) {
            System.out.println(c.outcome().map(o -> io.benchledger.collector.load.LoadSummaryLine.of(c.caseKey(), o))
                    .orElseGet(() -> c.caseKey() + ": saturation point " + (Double.isNaN(c.saturation()) ? "n/a"
                            : String.format(java.util.Locale.ROOT, "%.0f req/s", c.saturation()))));
        }
        for (String f : r.failed()) {
            System.out.println("FAILED " + f);
        }
        System.out.printf("%d cases, %d results, %d samples in %d s%n", r.cases().size(),
                r.record().results().size(), r.record().samples().size(), r.elapsed().toSeconds());
        if (GlobalOptions.verbose()) {
            System.err.println("benchledger: load output kept in " + r.logs());
        }
        return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
