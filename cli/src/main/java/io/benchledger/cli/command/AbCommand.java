package io.benchledger.cli.command;

import io.benchledger.collector.env.EnvironmentCapture;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.experiment.AbOutcome;
import io.benchledger.archive.analysis.experiment.ConfigurationImpact;
import io.benchledger.archive.analysis.experiment.ExperimentPlan;
import io.benchledger.archive.format.OutputFormat;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.format.TableFormatter;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import io.benchledger.collector.experiment.CaseInfo;
import io.benchledger.collector.experiment.ExperimentRecords;
import io.benchledger.collector.experiment.ExperimentResult;
import io.benchledger.collector.experiment.ExperimentSettings;
import io.benchledger.collector.experiment.InterleavedExperiment;
import io.benchledger.collector.experiment.JmhProcessTurnRunner;
import io.benchledger.collector.experiment.TurnFailedException;
import io.benchledger.collector.experiment.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs an A/B experiment: two variants of the same benchmarks (JDK, JVM flags, jar or JMH",
                "parameters) run interleaved, one fork per turn (A, B, A, B ...), so machine drift cancels.",
                "A pilot (or the archive's history) estimates the noise; a power analysis plans the forks;",
                "a group-sequential test with O'Brien-Fleming-type alpha spending (Lan-DeMets) stops early",
                "once a case is decided, keeping the false-positive rate at alpha. Both runs land in the",
                "archive (trigger 'ab', variant = the names), so 'compare variant:A variant:B' works later.",
                "With three or more --variant options: a configuration-impact study with a fixed number of",
                "forks per variant, ranked per case and overall.",
                "Examples:",
                "  benchledger ab --include Alloc --jvm-args-a=-XX:+UseG1GC --jvm-args-b=-XX:+UseParallelGC",
                "  benchledger ab --include Alloc --jvm-b /usr/lib/jvm/jdk-25 --name-a jdk17 --name-b jdk25",
                "  benchledger ab --include Alloc --variant g1=-XX:+UseG1GC --variant par=-XX:+UseParallelGC \\",
                "                 --variant serial=-XX:+UseSerialGC --forks 5 -- -wi 2 -i 3"},
        footer = {"", "Exit codes: 0 done (whatever the verdicts), 2 bad options, 3 a benchmark process failed."})
public final class AbCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Option(names = "--include", paramLabel = "REGEX", required = true,
            description = "Benchmarks to run (JMH regular expression); repeatable.")
    List<String> includes;

    @Option(names = "--name-a", paramLabel = "NAME", defaultValue = "A", description = "Name of variant A (default: ${DEFAULT-VALUE}).")
    String nameA;
    @Option(names = "--name-b", paramLabel = "NAME", defaultValue = "B", description = "Name of variant B (default: ${DEFAULT-VALUE}).")
    String nameB;
    @Option(names = "--jvm-a", paramLabel = "JDK", description = "JDK home or java executable of A (default: the running one).")
    Path jvmA;
    @Option(names = "--jvm-b", paramLabel = "JDK", description = "JDK home or java executable of B (default: the running one).")
    Path jvmB;
    @Option(names = "--jvm-args-a", paramLabel = "FLAGS", defaultValue = "", description = "JVM flags of A, space separated.")
    String jvmArgsA;
    @Option(names = "--jvm-args-b", paramLabel = "FLAGS", defaultValue = "", description = "JVM flags of B, space separated.")
    String jvmArgsB;
    @Option(names = "--jar-a", paramLabel = "JAR", description = "Benchmarks jar (or class path) of A (default: --classpath).")
    String jarA;
    @Option(names = "--jar-b", paramLabel = "JAR", description = "Benchmarks jar (or class path) of B (default: --classpath).")
    String jarB;
    @Option(names = "--classpath", paramLabel = "CP",
            description = "Where the benchmarks and JMH are, for every variant (default: this program's class path, i.e. the bundled suites).")
    String classpath;
    @Option(names = "--param-a", paramLabel = "NAME=VALUES", description = "JMH -p for A only; repeatable.")
    List<String> paramsA = new ArrayList<>();
    @Option(names = "--param-b", paramLabel = "NAME=VALUES", description = "JMH -p for B only; repeatable.")
    List<String> paramsB = new ArrayList<>();
    @Option(names = "--variant", paramLabel = "NAME=JVM_FLAGS",
            description = "A named variant by its JVM flags; repeatable. Two give an A/B experiment, three or more a configuration-impact study. Replaces the -a/-b options.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--alpha", defaultValue = "0.05", description = "False-positive rate per case (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Option(names = "--power", defaultValue = "0.8", description = "Power wanted at the minimum detectable effect (default: ${DEFAULT-VALUE}).")
    double power;
    @Option(names = "--mde", paramLabel = "EFFECT", defaultValue = "5%",
            description = "Minimum detectable effect, as 5%% or 0.05 (default: ${DEFAULT-VALUE}).")
    String mde;
    @Option(names = "--looks", defaultValue = "5", description = "Planned looks of the sequential test (default: ${DEFAULT-VALUE}).")
    int looks;
    @Option(names = "--no-early-stopping", description = "One look at the planned maximum (a fixed-size test).")
    boolean noEarlyStopping;
    @Option(names = "--noise-from", paramLabel = "pilot|archive", defaultValue = "pilot",
            description = "Where the noise estimate comes from: a pilot of --pilot pairs, or the archive's history of these cases (falls back to a pilot for cases it lacks). Default: ${DEFAULT-VALUE}.")
    String noiseFrom;
    @Option(names = "--pilot", paramLabel = "PAIRS", defaultValue = "5",
            description = "Pairs run first to estimate the noise; they only plan (default: ${DEFAULT-VALUE}).")
    int pilot;
    @Option(names = "--max-forks", paramLabel = "N", defaultValue = "60",
            description = "At most this many forks per variant after the pilot (default: ${DEFAULT-VALUE}).")
    int maxForks;
    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "30m",
            description = "Wall-clock limit, e.g. 90s, 10m, 1h; at the limit undecided cases get their final look (default: ${DEFAULT-VALUE}).")
    String maxTime;
    @Option(names = "--forks", paramLabel = "N", defaultValue = "5",
            description = "Forks per variant in a configuration-impact study (default: ${DEFAULT-VALUE}).")
    int forks;
    @Option(names = "--project-version", paramLabel = "V", defaultValue = "unversioned",
            description = "Version the runs are filed under (default: ${DEFAULT-VALUE}).")
    String projectVersion;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap of a configuration-impact study (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "JMH_OPTION", description = "Further JMH options after '--' (e.g. -wi 3 -i 5 -w 1s -r 1s -prof gc); not -f.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        double effect = parseEffect(mde);
        Duration limit = parseDuration(maxTime);
        if (jmhOptions.stream().anyMatch(o -> o.equals("-f") || o.startsWith("-f"))) {
            throw new BadInputException("JMH option -f: an experiment runs one fork per turn; use --max-forks or --forks");
        }
        List<Variant> vs = variants();
        Archive archive = archiveOptions.openOrCreate();
        Map<String, ExperimentSettings.HistoryNoise> noise = new TreeMap<>();
        if (vs.size() == 2 && "archive".equals(noiseFrom)) {
            noise = historyNoise(archive);
        } else if (!"pilot".equals(noiseFrom) && !"archive".equals(noiseFrom)) {
            throw new BadInputException("--noise-from: expected pilot or archive, got '" + noiseFrom + "'");
        }
        ExperimentSettings settings = new ExperimentSettings(alpha, power, effect, noEarlyStopping ? 1 : looks, pilot,
                maxForks, limit, forks, noise);
        Path work = Files.createTempDirectory("benchledger-ab");
        JmhProcessTurnRunner runner = new JmhProcessTurnRunner(includes, jmhOptions, work);
        if (GlobalOptions.verbose()) {
            System.err.println("turn command: " + String.join(" ", runner.command(vs.get(0), work.resolve("A-0.json"))));
        }
        ExperimentResult result;
        try {
            result = new InterleavedExperiment(runner, System.err::println, Clock.systemUTC()).run(vs, settings);
        } catch (TurnFailedException e) {
            throw new IllegalStateException(e.getMessage() + " (logs in " + work + ")", e);
        }
        System.err.println("stopped: " + result.stopReason() + " after " + seconds(result.elapsed()));
        String experimentId = RunIds.next();
        List<RunRecord> records = ExperimentRecords.toRunRecords(result, template(), experimentId);
        archive.commit(records);
        System.err.println("archived " + records.size() + " runs (experiment " + experimentId + ", trigger ab)");
        if (vs.size() == 2) {
            printAb(result, experimentId);
        } else {
            printImpact(result, experimentId);
        }
        return 0;
    }

    private List<Variant> variants() {
        String defaultCp = classpath != null ? classpath : System.getProperty("java.class.path");
        if (!variants.isEmpty()) {
            if (variants.size() < 2) {
                throw new BadInputException("--variant: give at least two");
            }
            List<Variant> out = new ArrayList<>();
            for (String v : variants) {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException("--variant '" + v + "': expected NAME=JVM_FLAGS");
                }
                String name = v.substring(0, eq);
                if (out.stream().anyMatch(o -> o.name().equals(name))) {
                    throw new BadInputException("--variant '" + name + "': name used twice");
                }
                out.add(new Variant(name, java(null, "--variant"), split(v.substring(eq + 1)), defaultCp, List.of()));
            }
            return out;
        }
        if (nameA.equals(nameB)) {
            throw new BadInputException("--name-a and --name-b must differ");
        }
        Variant a = new Variant(nameA, java(jvmA, "--jvm-a"), split(jvmArgsA), jarA != null ? jarA : defaultCp, paramsA);
        Variant b = new Variant(nameB, java(jvmB, "--jvm-b"), split(jvmArgsB), jarB != null ? jarB : defaultCp, paramsB);
        return List.of(a, b);
    }

    private static String java(Path jdk, String option) {
        if (jdk == null) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        Path exe = Files.isDirectory(jdk) ? jdk.resolve("bin").resolve("java") : jdk;
        if (!Files.isExecutable(exe)) {
            throw new BadInputException(option + " " + jdk + ": no java executable there (expected a JDK home or bin/java)");
        }
        return exe.toString();
    }

    private static List<String> split(String flags) {
        String t = flags.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    static double parseEffect(String s) {
        String t = s.trim();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
            if (!(v > 0 && v < 10)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("--mde '" + s + "': expected a positive effect such as 5% or 0.05");
        }
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+(\\.\\d+)?[smh]")) {
                double v = Double.parseDouble(t.substring(0, t.length() - 1));
                long unit = switch (t.charAt(t.length() - 1)) {
                    case 's' -> 1;
                    case 'm' -> 60;
                    default -> 3600;
                };
                return Duration.ofMillis(Math.round(v * unit * 1000));
            }
            return Duration.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException("--max-time '" + s + "': expected a duration such as 90s, 10m, 1h or PT10M");
        }
    }

    private Map<String, ExperimentSettings.HistoryNoise> historyNoise(Archive archive) throws Exception {
        Map<String, ExperimentSettings.HistoryNoise> out = new TreeMap<>();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Table t = db.query("case_fork_noise", archiveOptions.project);
            for (List<Object> row : t.rows()) {
                double v = ((Number) row.get(1)).doubleValue();
                int df = ((Number) row.get(2)).intValue();
                if (v > 0 && df > 0) {
                    out.put((String) row.get(0), new ExperimentSettings.HistoryNoise(Math.sqrt(v), df));
                }
            }
        }
        System.err.println("noise from the archive: " + out.size() + " case(s) with fork history");
        return out;
    }

    /** The fields every arm's run shares: the environment as {@code collect} captures it, project and version. */
    private Run template() throws IOException {
        Path running = Path.of(System.getProperty("java.home"), "bin", "java"); // each arm records its own JVM
        return EnvironmentCapture.capture(running, "", java.util.Optional.empty(), System.getenv())
                .runId(RunIds.next()).startedAt(Instant.now()).project(archiveOptions.project).version(projectVersion)
                .suite("ab").toolVersion(io.benchledger.cli.ToolVersion.version())
                .label("include", String.join(" ", includes)).build();
    }

    private void printAb(ExperimentResult r, String experimentId) {
        String a = r.variants().get(0).name();
        String b = r.variants().get(1).name();
        List<String> cols = List.of("case_key", "unit", "mean_" + a, "mean_" + b, "effect", "ci_low", "ci_high",
                "p_value", "achieved_power", "winner", "pairs", "look", "stopped_early");
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map.Entry<String, CaseInfo> e : r.cases().entrySet()) {
            CaseInfo c = e.getValue();
            AbOutcome o = r.outcomes().get(e.getKey());
            ExperimentPlan plan = r.plans().get(e.getKey());
            if (o == null) {
                int pairs = Math.max(0, Math.min(r.forkMeans().get(a).getOrDefault(e.getKey(), List.of()).size(),
                        r.forkMeans().get(b).getOrDefault(e.getKey(), List.of()).size()) - r.pilotPairs());
                String why = "not tested: " + pairs + " test pair(s), 3 needed";
                rows.add(Arrays.asList(c.caseKey(), c.unit(), null, null, null, null, null, null, null, why, pairs,
                        "0/" + (plan == null ? 0 : plan.lookPairs().length), false));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("case_key", c.caseKey());
                m.put("benchmark", c.benchmark());
                m.put("params", c.params());
                m.put("mode", c.mode());
                m.put("unit", c.unit());
                m.put("higher_is_better", c.higherIsBetter());
                m.put("winner", why);
                m.put("pairs", pairs);
                json.add(m);
                continue;
            }
            String winner = winner(o, c.higherIsBetter(), a, b);
            boolean text = formatOption.format != OutputFormat.JSON;
            boolean readable = formatOption.format == OutputFormat.TABLE || formatOption.format == OutputFormat.MARKDOWN;
            rows.add(Arrays.asList(c.caseKey(), c.unit(), o.meanA(), o.meanB(),
                    text ? TableFormatter.percent(o.effect()) : o.effect(),
                    text ? TableFormatter.percent(o.ciLow()) : o.ciLow(),
                    text ? TableFormatter.percent(o.ciHigh()) : o.ciHigh(),
                    readable ? TableFormatter.probability(o.pValue()) : o.pValue(), o.achievedPower(), winner, o.pairs(),
                    o.look() + "/" + o.plannedLooks(), o.stoppedEarly()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case_key", c.caseKey());
            m.put("benchmark", c.benchmark());
            m.put("params", c.params());
            m.put("mode", c.mode());
            m.put("unit", c.unit());
            m.put("higher_is_better", c.higherIsBetter());
            m.put("mean_a", o.meanA());
            m.put("mean_b", o.meanB());
            m.put("effect", o.effect());
            m.put("ci_low", o.ciLow());
            m.put("ci_high", o.ciHigh());
            m.put("p_value", o.pValue());
            m.put("z", o.z());
            m.put("bound", o.bound());
            m.put("achieved_power", o.achievedPower());
            m.put("winner", winner);
            m.put("pairs", o.pairs());
            m.put("look", o.look());
            m.put("planned_looks", o.plannedLooks());
            m.put("stopped_early", o.stoppedEarly());
            m.put("truncated", o.truncated());
            m.put("noise_sd", o.noiseSd());
            m.put("planned_max_pairs", plan.maxPairs());
            m.put("planned_fixed_pairs", plan.fixedPairs());
            m.put("planned_power", plan.plannedPower());
            json.add(m);
        }
        if (formatOption.format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("experiment", experimentId);
            doc.put("variant_a", describe(r.variants().get(0)));
            doc.put("variant_b", describe(r.variants().get(1)));
            doc.put("alpha", alpha);
            doc.put("power", power);
            doc.put("minimum_effect", parseEffect(mde));
            doc.put("looks", noEarlyStopping ? 1 : looks);
            doc.put("stop_reason", r.stopReason());
            doc.put("pilot_pairs", r.pilotPairs());
            doc.put("elapsed_seconds", r.elapsed().toMillis() / 1000.0);
            doc.put("cases", json);
            System.out.print(TableFormatter.json(doc));
        } else {
            System.out.print(TableFormatter.format(new Table(cols, rows), formatOption.format));
        }
    }

    /** The winner is the variant whose score is better in the case's direction, when the test crossed. */
    static String winner(AbOutcome o, boolean higherIsBetter, String a, String b) {
        if (!o.significant()) {
            return "no difference detected";
        }
        boolean bHigher = o.effect() > 0;
        return bHigher == higherIsBetter ? b : a;
    }

    private static Map<String, Object> describe(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("java", v.javaExecutable());
        m.put("jvm_args", v.jvmArgs());
        m.put("jmh_params", v.jmhParams());
        return m;
    }

    private void printImpact(ExperimentResult r, String experimentId) {
        Map<String, Map<String, List<Double>>> byCase = new TreeMap<>();
        Map<String, Boolean> direction = new TreeMap<>();
        for (Map.Entry<String, CaseInfo> c : r.cases().entrySet()) {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            for (Variant v : r.variants()) {
                m.put(v.name(), r.forkMeans().get(v.name()).getOrDefault(c.getKey(), List.of()));
            }
            byCase.put(c.getKey(), m);
            direction.put(c.getKey(), c.getValue().higherIsBetter());
        }
        ConfigurationImpact.Report rep = ConfigurationImpact.analyse(byCase, direction, alpha, seed);
        if (formatOption.format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("experiment", experimentId);
            doc.put("variants", r.variants().stream().map(AbCommand::describe).toList());
            doc.put("stop_reason", r.stopReason());
            doc.put("overall", rep.overall());
            doc.put("cases", rep.cases());
            System.out.print(TableFormatter.json(doc));
            return;
        }
        List<List<Object>> overall = new ArrayList<>();
        for (ConfigurationImpact.OverallStanding o : rep.overall()) {
            overall.add(List.of(o.rank(), o.variant(), o.geometricMeanRatio(), o.casesBest()));
        }
        System.out.println("Overall (geometric mean of each case's ratio to its best; 1 = best everywhere):");
        System.out.print(TableFormatter.format(new Table(List.of("rank", "variant", "geomean_ratio_to_best", "cases_best"),
                overall), formatOption.format));
        for (ConfigurationImpact.CaseImpact c : rep.cases()) {
            System.out.println();
            System.out.println(c.caseKey() + ": best " + c.best() + " by " + TableFormatter.percent(c.marginToSecond())
                    + " over the next, probability of being best " + String.format(Locale.ROOT, "%.2f", c.probabilityBest()));
            List<List<Object>> rows = new ArrayList<>();
            for (ConfigurationImpact.Standing s : c.ranking()) {
                rows.add(List.of(s.rank(), s.variant(), s.centre(), s.ratioToBest(), s.probabilityBest(), s.forks()));
            }
            System.out.print(TableFormatter.format(new Table(List.of("rank", "variant", "centre", "ratio_to_best",
                    "p_best", "forks"), rows), formatOption.format));
            List<String> names = c.ranking().stream().map(ConfigurationImpact.Standing::variant).toList();
            List<String> mcols = new ArrayList<>();
            mcols.add("row vs column");
            mcols.addAll(names);
            List<List<Object>> mrows = new ArrayList<>();
            for (String row : names) {
                List<Object> cells = new ArrayList<>();
                cells.add(row);
                for (String col : names) {
                    if (row.equals(col)) {
                        cells.add("");
                        continue;
                    }
                    ConfigurationImpact.PairwiseDifference d = c.matrix().stream()
                            .filter(x -> x.row().equals(row) && x.column().equals(col)).findFirst().orElseThrow();
                    cells.add(TableFormatter.percent(d.difference()) + (d.significant() ? " *" : ""));
                }
                mrows.add(cells);
            }
            System.out.print(TableFormatter.format(new Table(mcols, mrows), formatOption.format));
        }
        System.out.println();
        System.out.println("* significant after Benjamini-Hochberg at alpha " + alpha + " (Welch t on ln fork means)");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
