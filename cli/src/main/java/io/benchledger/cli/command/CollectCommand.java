package io.benchledger.cli.command;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.cli.RunOriginOptions;
import io.benchledger.cli.profile.JfrRecordings;
import io.benchledger.cli.ToolVersion;
import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.CollectResult;
import io.benchledger.collector.run.Collector;
import io.benchledger.collector.run.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs JMH benchmarks and appends what they measured to the archive as one run.",
                "Without --jar or --classpath it runs the suites bundled with benchledger. JMH runs as a child",
                "process; its JSON and log are kept in the archive under logs/<run_id>/. The run is committed",
                "only at the end: an error before that leaves the archive as it was.",
                "Prints the run id and a summary on stdout; progress goes to stderr.",
                "",
                "Examples:",
                "  benchledger collect --quick",
                "  benchledger collect --suite crypto --environment ci --project-version 1.4.0 --git-dir .",
                "  benchledger collect --jar target/benchmarks.jar --include Parser -- -prof gc",
                ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run was committed and every case was measured",
                "  2  bad usage, configuration, jar or JMH option (nothing was run or committed)",
                "  3  JMH or a benchmark failed: nothing committed when nothing could be measured;",
                "     otherwise the run was committed with the failed cases marked"})
public final class CollectCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    GlobalOptions global;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration (YAML); default: the one shipped with benchledger (docs/configuration.md).")
    Path config;

    @Option(names = "--suite", paramLabel = "NAME[:VERSION]",
            description = "The suite to run (default: the configuration's defaultSuite; with --jar/--classpath: 'all').")
    String suite = "";

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile of JMH settings (default: nightly). --quick is --profile quick.")
    String profile = "";

    @Option(names = "--quick", description = "A short smoke run: the 'quick' profile (1 fork, 10 short iterations).")
    boolean quick;

    @Option(names = "--environment", paramLabel = "NAME",
            description = "Named environment whose overrides apply on top (e.g. ci, production); recorded with the run.")
    String environment = "";

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--jar", paramLabel = "JAR", description = "A JMH uber jar (with org.openjdk.jmh.Main and META-INF/BenchmarkList).")
        Path jar;
        @Option(names = "--classpath", paramLabel = "CP",
                description = "A class path holding the benchmarks, jmh-core and their dependencies (for jars without Main-Class).")
        String classPath;
    }

    @Option(names = "--include", paramLabel = "REGEX", description = "Run only benchmarks in whose full name (package.Class.method, no parameters) this Java regex is found; repeatable, any may match.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Leave out benchmarks in whose full name (package.Class.method) this Java regex is found; repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--jvm", paramLabel = "PATH", description = "The java executable (or JDK folder) that runs the benchmarks.")
    Path jvm;

    @Mixin
    RunOriginOptions origin;

    @Option(names = "--ignore-jmh-lock",
            description = "Run even when another JMH run holds JMH's machine-wide lock (the runs disturb each other's measurements).")
    boolean ignoreJmhLock;

    @Option(names = "--branch", paramLabel = "NAME",
            description = "Branch the run is recorded under (default: from --git-dir, else GITHUB_REF_NAME, CI_COMMIT_REF_NAME or GIT_BRANCH); a pull request's run: its head branch.")
    String branch = "";

    @Option(names = "--profile-with", paramLabel = "PROFILER",
            description = "Record each case with a profiler, kept in the archive under logs/<run_id>/jfr/ (flame graphs on the site): "
                    + "jfr (JMH's JFR profiler) or async[:EVENT] (the bundled async-profiler; EVENT cpu (default), itimer or ctimer; "
                    + "Linux x64/arm64 and macOS). Recorded as the run's 'profiler' label.")
    String profileWith;

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*",
            description = "JMH options after --, on top of the configuration's (e.g. -- -f 1 -prof gc).")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (JfrRecordings jfr = profileWith == null ? null : JfrRecordings.start(profileWith)) {
            return collect(jfr);
        }
    }

    private Integer collect(JfrRecordings jfr) throws Exception {
        CollectOptions options = CollectOptions.builder(archiveOptions.archive)
                .project(archiveOptions.project)
                .config(config)
                .suite(suite)
                .profile(quick ? "quick" : profile)
                .environment(environment)
                .jar(source == null ? null : source.jar)
                .classPath(source == null ? null : source.classPath)
                .include(include)
                .exclude(exclude)
                .jvm(jvm)
                .projectVersion(origin.projectVersion)
                .commit(origin.commit)
                .gitDir(origin.gitDir)
                .trigger(origin.trigger)
                .jmhArgs(jmhArgs)
                .profilerArgs(jfr == null ? List.of() : jfr.jmhArgs())
                .labels(jfr == null ? java.util.Map.of() : java.util.Map.of("profiler", jfr.label()))
                .branch(branch)
                .toolVersion(ToolVersion.version())
                .ignoreJmhLock(ignoreJmhLock)
                .build();
        CollectResult r;
        try (Progress progress = Progress.forStderr()) {
            r = new Collector(progress).collect(options);
        }
        if (jfr != null) {
            System.err.println("benchledger: kept " + jfr.keep(r) + " JFR recording(s) in " + r.logs().resolve(JfrRecordings.FOLDER));
        }
        for (String note : r.notes()) {
            System.err.println("benchledger: note: " + note);
        }
        Run run = r.record().run();
        System.out.println(r.runId());
        System.out.printf("suite %s:%s, profile %s%s; project %s, version %s%s%n", run.suite(), run.suiteVersion(),
                run.labels().getOrDefault("profile", ""), run.environment().isEmpty() ? "" : ", environment " + run.environment(),
                run.project(), run.version(), run.branch().isEmpty() ? "" : ", branch " + run.branch());
        System.out.printf("%d cases measured, %d failed, %d results, %d samples in %d s; JMH %s on %s %s%n",
                r.measuredCases(), r.failed().size(), r.record().results().size(), r.record().samples().size(),
                r.elapsed().toSeconds(), run.harnessVersion(), run.jvmVendor(), run.jvmVersion());
        for (Result f : r.failed()) {
            System.out.println("FAILED " + f.caseKey() + ": " + f.failure());
        }
        if (GlobalOptions.verbose()) {
            System.err.println("benchledger: JMH output kept in " + r.logs());
        }
        return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
