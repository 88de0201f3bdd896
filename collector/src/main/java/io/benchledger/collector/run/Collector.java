package io.benchledger.collector.run;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Metrics;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.ArchiveLayout;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.archive.store.RunIds;
import io.benchledger.collector.config.JmhSettings;
import io.benchledger.collector.config.ResolvedSuite;
import io.benchledger.collector.config.SuiteConfig;
import io.benchledger.collector.env.EnvironmentCapture;
import io.benchledger.collector.jmh.JmhJsonReader;
import io.benchledger.collector.jmh.JmhResults;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs JMH as child processes and commits what it measured as one run: the core of
 * {@code benchledger collect}, reused by {@code nightly} and {@code ab}.
 *
 * <p>Everything that can be checked is checked before the first measurement (options, jar, JVM,
 * configuration, the benchmark list); nothing touches the archive until the end, when JMH's files
 * are moved to {@code logs/<run_id>/} and the run is committed. A failure before that leaves the
 * archive exactly as it was.
 */
public final class Collector {
    public static final String RSS_PEAK = "proc.rss.peak";
    public static final String CPU_UTIL = "proc.cpu.util";
    public static final String RSS_MEAN = "proc.rss.mean";
    static final String JMH_MAIN = "org.openjdk.jmh.Main";

    private final Progress progress;
    private final List<String> notes = new ArrayList<>();

    public Collector(Progress progress) {
        this.progress = progress;
    }

    /** One JMH process to run: a group of the suite at one thread count. */
    record Invocation(String group, int threads, List<String> benchmarks, List<String> options, int cases) {
    }

    public CollectResult collect(CollectOptions o) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        // ------------------------------------------------------------ checks before any measurement
        String version = o.projectVersion().isEmpty() ? CollectOptions.DEFAULT_VERSION : o.projectVersion();
        PartitionValues.check("project", o.project());
        PartitionValues.check("--project-version", version);
        checkArchive(o.archive());
        if (o.branch().isBlank() != o.branch().isEmpty() || o.branch().chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("--branch: expected a branch name, got '" + o.branch().replaceAll("\\p{Cntrl}", "?") + "'");
        }
        String java = java(o.jvm());
        if (o.jar().isPresent() && o.classPath().isPresent()) {
            throw new BadInputException("give --jar or --classpath, not both");
        }
        BenchmarkSource source = o.jar().map(BenchmarkSource::jar)
                .orElseGet(() -> o.classPath().map(BenchmarkSource::classPath).orElseGet(BenchmarkSource::bundled));
        SuiteConfig config = o.config().isPresent() ? SuiteConfig.load(o.config().get()) : SuiteConfig.loadDefault();
        String suiteRef = o.suite();
        if (suiteRef.isEmpty() && !"bundled".equals(source.description()) && config.suites().containsKey("all")
                && o.config().isEmpty()) {
            suiteRef = "all"; // the bundled suites' patterns would match nothing in a user's jar
        }
        ResolvedSuite suite = config.resolve(suiteRef, o.profile(), o.environment());
        JmhOptions user = JmhOptions.parse(o.allJmhArgs());
        List<Pattern> include = patterns("--include", o.include());
        List<Pattern> exclude = patterns("--exclude", o.exclude());
        for (String p : user.patterns()) {
            include.addAll(patterns("a benchmark pattern after --", List.of(p)));
        }
        Run.Builder run = EnvironmentCapture.capture(Path.of(java), o.commit(), o.gitDir(), System.getenv());
        BenchmarkCatalogue catalogue = BenchmarkCatalogue.list(java, source, user);
        List<Invocation> plan = plan(suite, catalogue, include, exclude, user);
        if (plan.isEmpty()) {
            throw new BadInputException("no benchmark of " + source.description() + " matches suite " + suite.suite().name()
                    + (include.isEmpty() ? "" : " and the given patterns") + " (" + catalogue.benchmarks().size()
                    + " benchmarks on the class path)");
        }
        int total = plan.stream().mapToInt(Invocation::cases).sum();

        // ------------------------------------------------------------ measuring
        String runId = RunIds.next();
        Path work = Files.createTempDirectory("benchledger-collect-");
        boolean keepWork = false;
        try {
            Measurements measured = new Measurements();
            JmhResults firstJmh = null;
            CaseCount count = new CaseCount(total, t0);
            try (ProcessSampler sampler = new ProcessSampler()) {
                if (!ProcessSampler.supported()) {
                    notes.add("process memory and CPU are sampled from /proc (Linux only): " + RSS_PEAK + " and "
                            + CPU_UTIL + " were not recorded");
                }
                for (int i = 0; i < plan.size(); i++) {
                    Invocation inv = plan.get(i);
                    Path json = work.resolve("jmh-" + (i + 1) + ".json");
                    Path log = work.resolve("jmh-" + (i + 1) + ".log");
                    JmhOutcome outcome = runOne(new JmhProcess(java, source, inv, json, log, runId, o.ignoreJmhLock()),
                            sampler, count);
                    Set<String> skipped = measured.add(outcome);
                    if (!skipped.isEmpty()) {
                        notes.add("measured twice (two groups select them), kept the first: " + String.join(", ", skipped));
                    }
                    JmhResults jmh = outcome.jmh();
                    addProcessMetrics(attributed(sampler.forks(), outcome.forkCases()), jmh, runId, measured.results(),
                            measured.samples(), skipped);
                    if (firstJmh == null && !jmh.results().isEmpty()) {
                        firstJmh = jmh;
                    }
                    sampler.reset();
                }
            }
            List<Result> results = measured.results();
            List<Sample> samples = measured.samples();
            List<Result> failed = measured.failed();
            if (results.stream().noneMatch(r -> !r.failed())) {
                String why = failed.isEmpty() ? "JMH measured nothing" : failed.get(0).caseKey() + ": " + failed.get(0).failure();
                throw new RunFailedException("no benchmark could be measured; " + why);
            }
            Instant finished = Instant.now();
            run.runId(runId).startedAt(started).finishedAt(finished).project(o.project()).version(version)
                    .suite(suite.suite().name()).suiteVersion(suite.suite().version()).environment(suite.environment())
                    .trigger(o.trigger()).variant(o.variant()).harness("jmh").toolVersion(o.toolVersion())
                    .sourceFormat("jmh");
            if (!o.branch().isEmpty()) {
                run.branch(o.branch()); // a pull request's head, recorded under its own name rather than the CI's ref
            }
            run.harnessVersion(firstJmh == null ? "" : firstJmh.jmhVersion());
            if (firstJmh != null) {
                run.jvmArgs(firstJmh.jvmArgs());
            }
            run.label("benchmarks", source.description());
            run.label("profile", suite.profile());
            run.label("config", o.config().map(p -> p.getFileName().toString()).orElse(SuiteConfig.DEFAULT_RESOURCE));
            if (!o.jmhArgs().isEmpty()) {
                run.label("jmh.args", String.join(" ", o.jmhArgs()));
            }
            o.labels().forEach(run::label);
            BytesThroughput.derive(suite.suite().measures(), results, samples);
            RunRecord record = new RunRecord(run.build(), directed(results, suite), samples);

            // ------------------------------------------------------------ committing
            Archive archive = Archive.open(o.archive());
            Path logs = archive.layout().logs(runId);
            moveLogs(work, logs);
            try {
                archive.commit(record);
            } catch (IOException | RuntimeException e) {
                deleteTree(logs);
                throw e;
            }
            return new CollectResult(record, logs, failed, notes, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RunFailedException e) {
            keepWork = true; // nothing went into the archive: JMH's output stays where the user can read it
            throw new RunFailedException(e.getMessage() + " (JMH output kept in " + work + ")");
        } finally {
            if (!keepWork) {
                deleteTree(work);
            }
        }
    }

    /** The run's notes (also in the result); for callers that stop early. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** How many cases have started, for the progress line; JMH may run more than planned (a group's params). */
    private static final class CaseCount {
        private final int planned;
        private final long t0;
        private int started;

        CaseCount(int planned, long t0) {
            this.planned = planned;
            this.t0 = t0;
        }
    }

    /** Runs one JMH process and reads what it wrote; nothing is added to the run here. */
    private JmhOutcome runOne(JmhProcess p, ProcessSampler sampler, CaseCount count) throws IOException {
        Invocation inv = p.invocation();
        Path json = p.json();
        Path log = p.log();
        List<String> cmd = new ArrayList<>(List.of(p.java()));
        if (p.ignoreLock()) {
            cmd.add("-Djmh.ignoreLock=true");
        }
        cmd.addAll(List.of("-cp", p.source().classPath(), JMH_MAIN));
        cmd.add(selection(inv.benchmarks()));
        cmd.addAll(inv.options());
        cmd.addAll(List.of("-foe", "false", "-rf", "json", "-rff", json.toString()));
        List<String> forkCases;
        List<Result> failed;
        int exit;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write("# benchledger: " + String.join(" ", cmd.subList(cmd.indexOf(JMH_MAIN) + 1, cmd.size())) + "\n");
            JmhLogReader reader = new JmhLogReader(new JmhLogReader.Listener() {
                @Override
                public void caseStarted(JmhLogReader.CaseRef ref, double percentComplete, long etaSeconds) {
                    int n = ++count.started;
                    sampler.caseStarted(ref.caseKey());
                    progress.caseStarted(n, Math.max(count.planned, n), ref.caseKey(),
                            Duration.ofNanos(System.nanoTime() - count.t0));
                }

                @Override
                public void line(String line) {
                    try {
                        w.write(line);
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            exit = ChildProcess.run(cmd, proc -> sampler.watch(proc.toHandle()), reader::accept);
            failed = failuresFrom(reader, p.runId());
            forkCases = reader.forkCases();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (exit != 0 && Files.readString(log, StandardCharsets.UTF_8).contains("Unable to acquire the JMH lock")) {
            throw new RunFailedException("another JMH run holds JMH's lock (" + System.getProperty("java.io.tmpdir")
                    + "/jmh.lock): wait for it to finish, or give --ignore-jmh-lock if disturbed measurements are acceptable");
        }
        if (!Files.isRegularFile(json) || Files.size(json) == 0) {
            throw new RunFailedException("JMH exited with code " + exit + " and wrote no results (group " + inv.group()
                    + "); first lines of its log: " + firstErrorLine(log));
        }
        return new JmhOutcome(JmhJsonReader.read(json, p.runId()), failed, forkCases);
    }

    /** Failed cases found in the log become results with their error and no score. */
    private static List<Result> failuresFrom(JmhLogReader reader, String runId) {
        List<Result> failed = new ArrayList<>();
        for (Map.Entry<String, String> f : reader.failures().entrySet()) {
            JmhLogReader.CaseRef ref = reader.failedCase(f.getKey());
            Result r = new Result(runId, ref.caseKey(), ref.benchmark(), ref.params(), ref.mode(), Result.PRIMARY, "",
                    Mode.higherIsBetter(ref.mode(), ""), ref.threads(), 0, 0, "", 0, "", Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, Optional.empty(), f.getValue());
            failed.add(r);
        }
        return failed;
    }

    /**
     * JMH runs forks one after the other and names each in its log before starting it, so the n-th
     * JVM the sampler saw belongs to the n-th {@code # Fork:} line. This is sturdier than the case
     * current when a JVM was first seen, since the log may be read a moment after the JVM starts.
     * When the counts differ (a JVM too short-lived to be seen) the sampler's own attribution stays.
     */
    static List<ProcessSampler.Fork> attributed(List<ProcessSampler.Fork> forks, List<String> forkCases) {
        if (forks.size() != forkCases.size()) {
            return forks;
        }
        List<ProcessSampler.Fork> out = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            ProcessSampler.Fork f = forks.get(i);
            out.add(new ProcessSampler.Fork(forkCases.get(i), f.pid(), f.peakRssBytes(), f.cpuSeconds(), f.wallSeconds(),
                    f.meanRssBytes()));
        }
        return out;
    }

    /**
     * Per case, from the forked JVMs sampled while it ran: {@code proc.rss.peak} (bytes, the largest
     * fork), {@code proc.rss.mean} (bytes, resident memory averaged over each fork's life, mean over forks) and {@code proc.cpu.util} (CPU seconds per wall second, mean over forks), one sample per fork.
     */
    private static void addProcessMetrics(List<ProcessSampler.Fork> forks, JmhResults jmh, String runId,
                                          List<Result> results, List<Sample> samples, Set<String> skipped) {
        Map<String, Result> primaries = new HashMap<>();
        for (Result r : jmh.results()) {
            if (r.isPrimary() && !skipped.contains(r.caseKey())) {
                primaries.put(r.caseKey(), r);
            }
        }
        Map<String, List<ProcessSampler.Fork>> byCase = forks.stream().filter(f -> primaries.containsKey(f.caseKey()))
                .collect(Collectors.groupingBy(ProcessSampler.Fork::caseKey, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ProcessSampler.Fork>> e : byCase.entrySet()) {
            Result p = primaries.get(e.getKey());
            List<ProcessSampler.Fork> fs = e.getValue();
            double[] rss = fs.stream().mapToDouble(ProcessSampler.Fork::peakRssBytes).toArray();
            double[] cpu = fs.stream().mapToDouble(ProcessSampler.Fork::cpuUtilisation).filter(Double::isFinite).toArray();
            results.add(processResult(p, RSS_PEAK, "B", java.util.Arrays.stream(rss).max().orElse(Double.NaN), rss.length));
            for (int i = 0; i < rss.length; i++) {
                samples.add(new Sample(runId, p.caseKey(), RSS_PEAK, i, 0, rss[i], 1));
            }
            double[] meanRss = fs.stream().mapToDouble(ProcessSampler.Fork::meanRssBytes).filter(Double::isFinite).toArray();
            if (meanRss.length > 0) {
                results.add(processResult(p, RSS_MEAN, "B", java.util.Arrays.stream(meanRss).average().orElse(Double.NaN),
                        meanRss.length));
                for (int i = 0; i < meanRss.length; i++) {
                    samples.add(new Sample(runId, p.caseKey(), RSS_MEAN, i, 0, meanRss[i], 1));
                }
            }
            if (cpu.length > 0) {
                results.add(processResult(p, CPU_UTIL, "cores", java.util.Arrays.stream(cpu).average().orElse(Double.NaN), cpu.length));
                for (int i = 0; i < cpu.length; i++) {
                    samples.add(new Sample(runId, p.caseKey(), CPU_UTIL, i, 0, cpu[i], 1));
                }
            }
        }
    }

    private static Result processResult(Result p, String metric, String unit, double score, int count) {
        return new Result(p.runId(), p.caseKey(), p.benchmark(), p.params(), p.mode(), metric, unit, false, p.threads(),
                p.forks(), p.warmupIterations(), p.warmupTime(), p.measurementIterations(), p.measurementTime(), score,
                Double.NaN, Double.NaN, Double.NaN, count, Optional.<Percentiles>empty(), "");
    }

    /** Applies the suite's direction overrides. */
    static List<Result> directed(List<Result> in, ResolvedSuite suite) {
        List<Result> out = new ArrayList<>(in.size());
        for (Result r : in) {
            boolean h = suite.directionFor(r.benchmark(), r.metric(), r.higherIsBetter());
            out.add(h == r.higherIsBetter() ? r : new Result(r.runId(), r.caseKey(), r.benchmark(), r.params(), r.mode(),
                    r.metric(), r.unit(), h, r.threads(), r.forks(), r.warmupIterations(), r.warmupTime(),
                    r.measurementIterations(), r.measurementTime(), r.score(), r.scoreError(), r.ciLow(), r.ciHigh(),
                    r.sampleCount(), r.percentiles(), r.failure()));
        }
        return out;
    }

    // ---------------------------------------------------------------- planning

    static List<Invocation> plan(ResolvedSuite suite, BenchmarkCatalogue catalogue, List<Pattern> include,
                                 List<Pattern> exclude, JmhOptions user) {
        List<Invocation> plan = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ResolvedSuite.Group g : suite.groups()) {
            List<String> selected = new ArrayList<>();
            for (String b : catalogue.benchmarks().keySet()) {
                if (g.selection().selects(b) && !taken.contains(b)
                        && (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(b).find()))
                        && exclude.stream().noneMatch(p -> p.matcher(b).find())) {
                    selected.add(b);
                }
            }
            if (selected.isEmpty()) {
                continue;
            }
            taken.addAll(selected);
            JmhSettings s = g.jmh();
            List<Integer> threads = user.threads() > 0 ? List.of(0) : s.threads().isEmpty() ? List.of(0) : s.threads();
            Map<String, List<String>> params = new TreeMap<>(s.params());
            params.putAll(userParams(user));
            String mode = user.mode().isEmpty() ? s.mode() : user.mode();
            int cases = selected.stream().mapToInt(b -> catalogue.cases(b, params) * catalogue.modes(b, mode)).sum();
            for (int t : threads) {
                plan.add(new Invocation(g.name(), t, selected, user.over(s.toJmhOptions(t)), cases));
            }
        }
        return plan;
    }

    private static Map<String, List<String>> userParams(JmhOptions user) {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> args = user.asArgs();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if ("-p".equals(args.get(i)) && args.get(i + 1).contains("=")) {
                String v = args.get(i + 1);
                out.put(v.substring(0, v.indexOf('=')), List.of(v.substring(v.indexOf('=') + 1).split(",")));
            }
        }
        return out;
    }

    /** One regular expression JMH matches exactly the given benchmark names with. */
    static String selection(List<String> benchmarks) {
        return benchmarks.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    private static List<Pattern> patterns(String option, List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new BadInputException(option + " " + r + ": not a valid regular expression (" + e.getDescription() + ")");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- checks and files

    /** The measuring JVM's {@code java}: {@code --jvm}, or the one running benchledger. */
    public static String java(Optional<Path> jvm) {
        if (jvm.isPresent()) {
            Path j = jvm.get();
            if (Files.isDirectory(j) && Files.isExecutable(j.resolve("bin").resolve("java"))) {
                return j.resolve("bin").resolve("java").toAbsolutePath().toString(); // a JDK folder
            }
            if (!Files.exists(j)) {
                throw new BadInputException("--jvm " + j + ": no such file");
            }
            if (!Files.isRegularFile(j) || !Files.isExecutable(j)) {
                throw new BadInputException("--jvm " + j + ": not an executable java (give bin/java or a JDK folder)");
            }
            return j.toAbsolutePath().toString();
        }
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The archive folder must be an archive, or missing, or empty; it is created only at commit. */
    public static void checkArchive(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(ArchiveLayout.MANIFEST))) {
            Archive.openExisting(dir);
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--archive " + dir + ": not a folder");
        }
        if (Files.isDirectory(dir)) {
            // the same rule as Archive.open: a checked-out empty git branch (.git, a README) is a new archive
            try (Stream<Path> s = Files.list(dir)) {
                if (s.anyMatch(p -> !ArchiveLayout.mayHoldBeforeCreation(p))) {
                    throw new BadInputException(dir + ": folder is not empty and is not a benchledger archive (no "
                            + ArchiveLayout.MANIFEST + ")");
                }
            }
        }
    }

    public static void moveLogs(Path work, Path logs) throws IOException {
        Files.createDirectories(logs);
        try (Stream<Path> s = Files.list(work)) {
            for (Path f : s.sorted().toList()) {
                Files.move(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String firstErrorLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.startsWith("Exception") || t.startsWith("Error") || t.contains("ERROR") || t.startsWith("Caused by")) {
                return t;
            }
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.size() > 1 ? lines.get(1).trim() : "(empty log)";
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a committed run for
        }
    }
}
