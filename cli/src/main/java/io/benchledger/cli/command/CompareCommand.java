package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.compare.BandLimits;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonOutput;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.FailOn;
import io.benchledger.archive.analysis.compare.SeverityLevels;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.stats.CentreStatistic;
import io.benchledger.cli.ArchiveOptions;
import io.benchledger.cli.ExitCodes;
import io.benchledger.cli.FormatOption;
import io.benchledger.cli.GlobalOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares two sets of runs case by case and metric by metric: relative change",
                "of the centre with a bootstrap 95%% interval (forks resampled, then iterations",
                "within them), Welch t and Mann-Whitney U p-values, Benjamini-Hochberg q-values",
                "across all cases, and a verdict: improved or regressed only when q < alpha AND",
                "the whole interval lies beyond the noise threshold; inconclusive when there are",
                "too few samples to tell (with how many would be needed); else unchanged.",
                "Every metric is compared (secondary ones such as gc.alloc.rate.norm too)",
                "unless --metric is given.",
                "",
                "BASELINE and CANDIDATE each name one of:",
                "  a version (all its runs, pooled)   a run id   latest",
                "  previous      the newest run started before the candidate's runs",
                "  last-release  the release runs of the newest version released before the",
                "                candidate (without release runs: the highest other version)",
                "  recent[:N]    the newest N (default 20) runs before the candidate's with its",
                "                branch, suite and JMH settings: the candidate is judged against",
                "                what their run-to-run spread predicts (the nightly's baseline)",
                "  recent:N:branch=NAME  the same of NAME's runs (a pull request against its base)",
                "  branch:NAME   that branch's newest run",
                "  variant:NAME  every run of that A/B arm",
                "  version:V, run:ID  to be explicit",
                "See docs/statistics.md for what each verdict means and how to tune it.",
                ""},
        footer = {"", "Exit codes: 0 ok; 1 --fail-on found a case; 2 bad input; 3 failure while running."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASELINE", description = "What to compare against.")
    String baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "What is compared.")
    String candidate;

    @Mixin
    ArchiveOptions archiveOptions;
    @Mixin
    FormatOption formatOption;
    @Mixin
    GlobalOptions global;

    @Option(names = "--suite", paramLabel = "NAME", description = "Only runs of this suite.")
    String suite = "";

    @Option(names = "--benchmark", paramLabel = "REGEX", description = "Only benchmarks whose name this regular expression finds.")
    String benchmark;

    @Option(names = "--metric", paramLabel = "NAME", description = "Only this metric (primary, gc.alloc.rate.norm, …; default: all).")
    String metric = "";

    @Option(names = "--threshold", paramLabel = "FRACTION",
            description = "Noise threshold: a change counts only when its whole interval lies beyond ± this (default: the"
                    + " suite configuration's noiseThreshold and noise rules, as nightly uses them: 5%% for the bundled suites).")
    String threshold;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration whose noise thresholds and gateMetrics apply (default: the bundled one; its --suite, else its default suite).")
    java.nio.file.Path config;

    @Option(names = "--threshold-for", paramLabel = "PATTERN=FRACTION",
            description = "Noise threshold of the cases whose key equals PATTERN or matches it as a regex (repeatable; first match wins).")
    Map<String, String> thresholdFor = new LinkedHashMap<>();

    @Option(names = "--alpha", paramLabel = "Q", defaultValue = "0.05",
            description = "False discovery rate: a change counts only with q-value below this (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--severity", paramLabel = "MINOR,MAJOR,CRITICAL", defaultValue = "10%,25%,50%",
            description = "Severity levels of a change (default: ${DEFAULT-VALUE}).")
    String severity;

    @Option(names = "--bands", paramLabel = "ACCEPTABLE,WARNING,CRITICAL", defaultValue = "5%,15%,30%",
            description = "Tolerance bands: within ±acceptable, ±warning, ±critical, else outside (default: ${DEFAULT-VALUE}).")
    String bands;

    @Option(names = "--centre", paramLabel = "STATISTIC", defaultValue = "trimmed-mean",
            description = "Centre whose change is measured: trimmed-mean (10%% cut at each end), median or mean (default: ${DEFAULT-VALUE}).")
    String centre;

    @Option(names = "--min-forks", paramLabel = "N", defaultValue = "3",
            description = "Test per-fork centres when both sides have at least N forks, else iteration scores (default: ${DEFAULT-VALUE}).")
    int minForks;

    @Option(names = "--replicates", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: fixed, so output is reproducible).")
    Long seed;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a case regressed (regression), regressed with severity major or worse (major),"
                    + " or critical (critical); each also fails when a benchmark fails in the candidate only.")
    String failOn;

    @Override
    public Integer call() throws Exception {
        ComparisonOptions o = options();
        FailOn gate = failOn == null ? null : failOn(failOn);
        try (ArchiveDatabase db = ArchiveDatabase.open(archiveOptions.openExisting())) {
            ComparisonReport r = Comparison.run(db, Side.parse(baseline), Side.parse(candidate), o);
            System.out.print(ComparisonOutput.format(r, formatOption.format));
            System.out.flush();
            if (gate != null) {
                List<CaseComparison> failing = r.failing(gate);
                if (!failing.isEmpty()) {
                    System.err.println("benchledger: gate --fail-on " + gate.json() + " failed: " + failing.size()
                            + (failing.size() == 1 ? " case" : " cases") + " (first: " + failing.get(0).caseKey()
                            + " " + failing.get(0).metric() + ")");
                    return ExitCodes.GATE_FAILED;
                }
            }
        }
        return ExitCodes.OK;
    }

    ComparisonOptions options() throws java.io.IOException {
        ComparisonOptions configured = io.benchledger.cli.workflow.ConfiguredComparison.of(archiveOptions.project, config, suite);
        ComparisonOptions.Builder o = configured.toBuilder().suite(suite).metric(metric);
        if (benchmark != null) {
            try {
                o.benchmark(Optional.of(Pattern.compile(benchmark)));
            } catch (PatternSyntaxException e) {
                throw new BadInputException("--benchmark: not a valid regular expression: " + e.getDescription());
            }
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha: expected a value between 0 and 1, got " + alpha);
        }
        if (replicates < 100) {
            throw new BadInputException("--replicates: at least 100, got " + replicates);
        }
        if (minForks < 2) {
            throw new BadInputException("--min-forks: at least 2, got " + minForks);
        }
        Map<String, Double> perCase = new LinkedHashMap<>();
        thresholdFor.forEach((k, v) -> perCase.put(k, Fractions.parse("--threshold-for " + k, v)));
        double[] sev = Fractions.three("--severity", severity);
        double[] band = Fractions.three("--bands", bands);
        try {
            if (threshold != null) { // an explicit threshold replaces the configuration's, per-case rules included
                o.threshold(Fractions.parse("--threshold", threshold)).caseThresholds(Map.of());
            }
            if (!perCase.isEmpty()) {
                Map<String, Double> all = new LinkedHashMap<>(perCase); // command-line rules first: first match wins
                if (threshold == null) {
                    configured.caseThresholds().forEach(all::putIfAbsent);
                }
                o.caseThresholds(all);
            }
            o.alpha(alpha)
                    .severity(new SeverityLevels(sev[0], sev[1], sev[2]))
                    .bands(new BandLimits(band[0], band[1], band[2]))
                    .replicates(replicates).minForks(minForks).centre(centre(centre));
            if (seed != null) {
                o.seed(seed);
            }
            return o.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static CentreStatistic centre(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "trimmed-mean", "trimmed" -> CentreStatistic.TRIMMED_MEAN;
            case "median" -> CentreStatistic.MEDIAN;
            case "mean" -> CentreStatistic.MEAN;
            default -> throw new BadInputException("--centre: expected trimmed-mean, median or mean, got '" + s + "'");
        };
    }

    static FailOn failOn(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "regression", "regressed", "minor" -> FailOn.REGRESSION;
            case "major" -> FailOn.MAJOR;
            case "critical" -> FailOn.CRITICAL;
            default -> throw new BadInputException("--fail-on: expected regression, major or critical, got '" + s + "'");
        };
    }
}
