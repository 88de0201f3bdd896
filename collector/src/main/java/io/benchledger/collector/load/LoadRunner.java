package io.benchledger.collector.load;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.archive.store.RunIds;
import io.benchledger.collector.config.SuiteConfig;
import io.benchledger.collector.config.WorkloadsSection;
import io.benchledger.collector.env.EnvironmentCapture;
import io.benchledger.collector.run.ChildProcess;
import io.benchledger.collector.run.CollectOptions;
import io.benchledger.collector.run.Collector;
import io.benchledger.collector.run.ProcessSampler;
import io.benchledger.collector.run.Progress;
import io.benchledger.collector.run.RunFailedException;
import io.benchledger.workload.Workload;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs open-loop load workloads, each case in its own forked JVM (like JMH's forks), and commits
 * what they measured as one run with harness {@code load}: the core of {@code benchledger load}.
 * The environment is captured and the forked JVM's memory and CPU sampled as for JMH.
 *
 * <p>As with {@code collect}, everything checkable is checked before the first request (options,
 * configuration, the workload classes and their stages), and nothing touches the archive until the
 * run is committed at the end.
 */
public final class LoadRunner {
    public static final String HARNESS = "load";
    public static final String SUITE = Run.WORKLOADS_SUITE;
    static final String MAIN = LoadMain.class.getName();

    private final Progress progress;
    private final Consumer<String> log;

    /** @param log one line per finished case (for stderr) */
    public LoadRunner(Progress progress, Consumer<String> log) {
        this.progress = progress;
        this.log = log;
    }

    public LoadResult run(LoadOptions o) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String version = o.projectVersion().isEmpty() ? CollectOptions.DEFAULT_VERSION : o.projectVersion();
        PartitionValues.check("project", o.project());
        PartitionValues.check("--project-version", version);
        Collector.checkArchive(o.archive());
        String java = Collector.java(o.jvm());
        if (o.jar().isPresent() && o.classPath().isPresent()) {
            throw new BadInputException("give --jar or --classpath, not both");
        }
        List<String> userEntries = userClassPath(o);
        WorkloadsSection section = o.config().isPresent() ? WorkloadsSection.load(o.config().get()) : WorkloadsSection.loadDefault();
        List<WorkloadSpec> selected = selection(section, o);
        try (URLClassLoader loader = new URLClassLoader(urls(userEntries), LoadRunner.class.getClassLoader())) {
            for (WorkloadSpec w : selected) {
                Workload instance;
                try {
                    instance = WorkloadClasses.instantiate(w.className(), loader);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(w.location() + ": workloads." + w.name() + ": " + e.getMessage()
                            + (userEntries.isEmpty() ? " (give --jar or --classpath for your own workloads)" : ""));
                }
                section.checkStages(w, instance.stages().keySet());
            }
        }
        if (selected.stream().anyMatch(w -> WorkloadSpec.VIRTUAL.equals(w.threads())) && o.jvm().isEmpty()
                && !VirtualThreads.available()) {
            WorkloadSpec w = selected.stream().filter(x -> WorkloadSpec.VIRTUAL.equals(x.threads())).findFirst().get();
            throw new BadInputException(w.location() + ": workloads." + w.name() + ".threads: virtual threads need Java 21"
                    + " or later (this JVM is " + Runtime.version().feature() + "); use threads: platform or --jvm");
        }
        String classPath = String.join(File.pathSeparator, userEntries)
                + (userEntries.isEmpty() ? "" : File.pathSeparator) + System.getProperty("java.class.path");
        Run.Builder run = EnvironmentCapture.capture(Path.of(java), o.commit(), o.gitDir(), System.getenv());
        int total = 0;
        for (WorkloadSpec w : selected) {
            total += w.plans().size() + w.sweep().map(s -> s.rates().size()).orElse(0);
        }

        String runId = RunIds.next();
        Path work = Files.createTempDirectory("benchledger-load-");
        boolean keepWork = false;
        try {
            List<Result> results = new ArrayList<>();
            List<Sample> samples = new ArrayList<>();
            List<LoadResult.CaseSummary> summaries = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            int[] n = {0};
            for (WorkloadSpec w : selected) {
                for (WorkloadSpec.RatePlan plan : w.plans()) {
                    runCase(java, classPath, w, plan, Map.of(), work, runId, t0, n, total, results, samples, summaries, failed);
                }
                if (w.sweep().isPresent()) {
                    sweep(java, classPath, w, w.sweep().get(), work, runId, t0, n, total, results, samples, summaries, failed);
                }
            }
            if (summaries.stream().noneMatch(s -> s.outcome().isPresent())) {
                throw new RunFailedException("no workload case could be measured; " + (failed.isEmpty() ? "" : failed.get(0)));
            }
            run.runId(runId).startedAt(started).finishedAt(Instant.now()).project(o.project()).version(version)
                    .suite(SUITE).suiteVersion("").trigger(o.trigger()).harness(HARNESS)
                    .harnessVersion(o.toolVersion()).toolVersion(o.toolVersion()).sourceFormat(HARNESS);
            run.label("workloads", String.join(",", selected.stream().map(WorkloadSpec::name).toList()));
            run.label("benchmarks", o.jar().map(j -> "jar:" + j.getFileName()).orElse(o.classPath().isPresent() ? "classpath" : "bundled"));
            run.label("config", o.config().map(p -> p.getFileName().toString()).orElse(SuiteConfig.DEFAULT_RESOURCE));
            for (WorkloadSpec w : selected) {
                run.label("workload." + w.name() + ".concurrency", w.concurrency() + " " + w.threads());
            }
            o.labels().forEach(run::label);
            RunRecord record = new RunRecord(run.build(), results, samples);
            Archive archive = Archive.open(o.archive());
            Path logs = archive.layout().logs(runId);
            Collector.moveLogs(work, logs);
            try {
                archive.commit(record);
            } catch (IOException | RuntimeException e) {
                Collector.deleteTree(logs);
                throw e;
            }
            return new LoadResult(record, summaries, failed, logs, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RunFailedException e) {
            keepWork = true;
            throw new RunFailedException(e.getMessage() + " (output kept in " + work + ")");
        } finally {
            if (!keepWork) {
                Collector.deleteTree(work);
            }
        }
    }

    /** Rates from low to high until one does not hold; its case rows plus the saturation case. */
    private void sweep(String java, String cp, WorkloadSpec w, WorkloadSpec.Sweep s, Path work, String runId, long t0,
                       int[] n, int total, List<Result> results, List<Sample> samples,
                       List<LoadResult.CaseSummary> summaries, List<String> failed) throws IOException {
        double best = Double.NaN;
        int steps = 0;
        String limit = RateLabel.of(s.maxP99Millis()) + "ms";
        for (double rate : s.rates()) {
            steps++;
            Optional<LoadOutcome> o = runCase(java, cp, w, WorkloadSpec.RatePlan.constant(rate), Map.of("sweep", limit),
                    work, runId, t0, n, total, results, samples, summaries, failed);
            if (o.isEmpty() || !Saturation.holds(o.get(), s.maxP99Millis())) {
                break;
            }
            best = rate;
        }
        LoadResults named = new LoadResults(runId, w.name() + ".saturation", w.warmupMillis(), Map.of("max_p99", limit),
                w.durationMillis());
        if (Double.isNaN(best)) {
            named.failed("no rate from " + RateLabel.of(s.from()) + " req/s kept p99 at or under " + limit, results);
        } else {
            named.saturation(best, steps, results, samples);
        }
        summaries.add(new LoadResult.CaseSummary(named.caseKey(), Optional.empty(), best, s.maxP99Millis()));
        log.accept(String.format("%s: saturation point %s req/s (p99 <= %s)", named.caseKey(),
                Double.isNaN(best) ? "n/a" : RateLabel.of(best), limit));
    }

    private Optional<LoadOutcome> runCase(String java, String cp, WorkloadSpec w, WorkloadSpec.RatePlan plan,
                                          Map<String, String> extraParams, Path work, String runId, long t0, int[] n,
                                          int total, List<Result> results, List<Sample> samples,
                                          List<LoadResult.CaseSummary> summaries, List<String> failed) throws IOException {
        Map<String, String> params = new TreeMap<>(extraParams);
        params.put("rate", plan.label());
        long measured = plan.measuredMillis(w.durationMillis());
        LoadResults rows = new LoadResults(runId, w.name(), w.warmupMillis(), params, measured);
        String key = rows.caseKey();
        n[0]++;
        progress.caseStarted(n[0], Math.max(total, n[0]), key, Duration.ofNanos(System.nanoTime() - t0));
        String file = "load-" + n[0];
        Path in = work.resolve(file + ".case.json");
        Path out = work.resolve(file + ".outcome.json");
        Path logFile = work.resolve(file + ".log");
        LoadJson.mapper().writerWithDefaultPrettyPrinter().writeValue(in.toFile(), new LoadMain.Case(w, plan, n[0]));
        List<String> cmd = List.of(java, "-cp", cp, MAIN, in.toString(), out.toString());
        String[] lastError = {""};
        int exit;
        List<ProcessSampler.Fork> forks;
        try (ProcessSampler sampler = new ProcessSampler();
             BufferedWriter lw = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            lw.write("# benchledger: case " + key + "\n");
            exit = ChildProcess.run(cmd, p -> sampler.watchProcess(p.toHandle(), key), line -> {
                if (line.startsWith(LoadMain.ERROR_PREFIX)) {
                    lastError[0] = line.substring(LoadMain.ERROR_PREFIX.length());
                }
                try {
                    lw.write(line);
                    lw.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            forks = sampler.forks();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (exit == LoadMain.BAD_WORKLOAD) {
            throw new BadInputException(w.location() + ": workloads." + w.name() + ": " + lastError[0]);
        }
        if (exit != 0 || !Files.isRegularFile(out)) {
            String why = "the load JVM exited with code " + exit + (lastError[0].isEmpty() ? "" : ": " + lastError[0]);
            rows.failed(why, results);
            failed.add(key + ": " + why);
            log.accept("FAILED " + key + ": " + why);
            return Optional.empty();
        }
        LoadOutcome o = LoadJson.mapper().readValue(out.toFile(), LoadOutcome.class);
        rows.add(o, results, samples);
        processMetrics(forks, key, rows, results, samples, runId);
        summaries.add(new LoadResult.CaseSummary(key, Optional.of(o), Double.NaN, Double.NaN));
        log.accept(LoadSummaryLine.of(key, o));
        return Optional.of(o);
    }

    /** {@code proc.rss.peak} and {@code proc.cpu.util} of the case's JVM, as {@code collect} records them for a fork. */
    private static void processMetrics(List<ProcessSampler.Fork> forks, String key, LoadResults rows,
                                       List<Result> results, List<Sample> samples, String runId) {
        if (forks.isEmpty()) {
            return;
        }
        ProcessSampler.Fork f = forks.get(0);
        Result primary = results.stream().filter(r -> r.caseKey().equals(key) && r.isPrimary()).findFirst().orElseThrow();
        results.add(process(primary, Collector.RSS_PEAK, "bytes", f.peakRssBytes()));
        samples.add(new Sample(runId, key, Collector.RSS_PEAK, 0, 0, f.peakRssBytes(), 1));
        if (Double.isFinite(f.cpuUtilisation())) {
            results.add(process(primary, Collector.CPU_UTIL, "cores", f.cpuUtilisation()));
            samples.add(new Sample(runId, key, Collector.CPU_UTIL, 0, 0, f.cpuUtilisation(), 1));
        }
    }

    private static Result process(Result p, String metric, String unit, double v) {
        return new Result(p.runId(), p.caseKey(), p.benchmark(), p.params(), p.mode(), metric, unit, false, p.threads(),
                p.forks(), p.warmupIterations(), p.warmupTime(), p.measurementIterations(), p.measurementTime(), v,
                Double.NaN, Double.NaN, Double.NaN, 1, Optional.empty(), "");
    }

    // ---------------------------------------------------------------- selection and class path

    static List<WorkloadSpec> selection(WorkloadsSection section, LoadOptions o) {
        List<WorkloadSpec> chosen = section.select(o.workloads());
        if (o.nightlyOnly() && o.workloads().isEmpty()) {
            chosen = chosen.stream().filter(WorkloadSpec::nightly).toList();
        }
        List<WorkloadSpec> out = new ArrayList<>();
        for (WorkloadSpec w : chosen) {
            WorkloadSpec x = w;
            if (!o.rates().isEmpty()) {
                List<WorkloadSpec.RatePlan> plans = new ArrayList<>();
                for (double r : o.rates()) {
                    if (!(r > 0)) {
                        throw new BadInputException("--rate " + RateLabel.of(r) + ": expected a rate above 0");
                    }
                    plans.add(WorkloadSpec.RatePlan.constant(r));
                }
                x = x.withPlans(plans);
            }
            if (o.durationMillis() > 0 || o.warmupGiven()) {
                x = x.withTimes(o.warmupGiven() ? o.warmupMillis() : x.warmupMillis(),
                        o.durationMillis() > 0 ? o.durationMillis() : x.durationMillis());
            }
            out.add(x);
        }
        return out;
    }

    /** The user's jar or class path entries (checked to exist); empty for the bundled workloads. */
    private static List<String> userClassPath(LoadOptions o) {
        List<String> out = new ArrayList<>();
        if (o.jar().isPresent()) {
            Path j = o.jar().get();
            if (!Files.isRegularFile(j)) {
                throw new BadInputException("--jar " + j + ": no such file");
            }
            out.add(j.toAbsolutePath().toString());
        }
        if (o.classPath().isPresent()) {
            if (o.classPath().get().isBlank()) {
                throw new BadInputException("--classpath: empty");
            }
            for (String e : o.classPath().get().split(File.pathSeparator)) {
                if (e.isEmpty()) {
                    continue;
                }
                if (!Files.exists(Path.of(e))) {
                    throw new BadInputException("--classpath: " + e + ": no such file or folder");
                }
                out.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return out;
    }

    private static URL[] urls(List<String> entries) {
        URL[] u = new URL[entries.size()];
        for (int i = 0; i < u.length; i++) {
            try {
                u[i] = Path.of(entries.get(i)).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new BadInputException("--classpath: " + entries.get(i) + ": not a usable path");
            }
        }
        return u;
    }
}
