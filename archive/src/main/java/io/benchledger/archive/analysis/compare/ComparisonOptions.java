package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.stats.CentreStatistic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a comparison decides. Defaults are those of docs/statistics.md.
 *
 * @param project          the project within the archive
 * @param suite            only runs of this suite ({@code ""}: every suite)
 * @param benchmark        only benchmarks whose name this pattern finds
 * @param metric           only this metric ({@code ""}: every metric, secondary ones included)
 * @param alpha            false discovery rate the q-values are held to (0.05)
 * @param threshold        noise threshold: a change counts only when its whole interval lies beyond
 *                         ± this fraction (0.02)
 * @param caseThresholds   per-case noise thresholds: a key equal to the case key, or else a regular
 *                         expression found in it, gives that case its own threshold (first match wins)
 * @param severity         severity levels (minor 10 %, major 25 %, critical 50 %)
 * @param bands            tolerance bands (±5 %, ±15 %, ±30 %)
 * @param confidence       level of the bootstrap interval (0.95)
 * @param replicates       bootstrap replicates (1000)
 * @param seed             bootstrap seed; combined with each case's key so cases are independent and
 *                         the output does not depend on their order
 * @param minForks         test fork means when both sides have at least this many forks (3), else
 *                         iteration scores
 * @param power            the power {@code samplesNeeded} is computed for (0.8)
 * @param centre           the centre whose change is measured: 10 % trimmed mean (default, robust), median or mean
 * @param gatedMetrics     metrics whose regressions fail a gate ({@code prefix.*} patterns allowed); the others
 *                         are compared and shown only (default: primary and gc.alloc.rate.norm)
 */
public record ComparisonOptions(
        String project,
        String suite,
        Optional<Pattern> benchmark,
        String metric,
        double alpha,
        double threshold,
        Map<String, Double> caseThresholds,
        SeverityLevels severity,
        BandLimits bands,
        double confidence,
        int replicates,
        long seed,
        int minForks,
        double power,
        CentreStatistic centre,
        java.util.Set<String> gatedMetrics) {

    /** Metrics that gate unless the configuration says otherwise: the score and allocation per operation. */
    public static final java.util.Set<String> DEFAULT_GATED_METRICS = java.util.Set.of("primary", "gc.alloc.rate.norm");

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_THRESHOLD = 0.02;
    public static final long DEFAULT_SEED = 0x5eed_be4c_1ed9e5L;

    public ComparisonOptions {
        suite = suite == null ? "" : suite;
        metric = metric == null ? "" : metric;
        benchmark = benchmark == null ? Optional.empty() : benchmark;
        caseThresholds = caseThresholds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(caseThresholds));
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        if (!(threshold >= 0 && threshold < 10)) {
            throw new IllegalArgumentException("threshold must be a fraction >= 0, got " + threshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        if (replicates < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap replicates are needed, got " + replicates);
        }
        if (minForks < 2) {
            throw new IllegalArgumentException("minForks must be at least 2, got " + minForks);
        }
        centre = centre == null ? CentreStatistic.TRIMMED_MEAN : centre;
        gatedMetrics = gatedMetrics == null || gatedMetrics.isEmpty() ? DEFAULT_GATED_METRICS
                : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(gatedMetrics));
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0 and 1, got " + power);
        }
    }

    public static ComparisonOptions defaults(String project) {
        return new ComparisonOptions(project, "", Optional.empty(), "", DEFAULT_ALPHA, DEFAULT_THRESHOLD, Map.of(),
                SeverityLevels.DEFAULT, BandLimits.DEFAULT, 0.95, 1000, DEFAULT_SEED, 3, 0.8, CentreStatistic.TRIMMED_MEAN,
                DEFAULT_GATED_METRICS);
    }

    public ComparisonOptions withSuite(String v) {
        return new ComparisonOptions(project, v, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withBenchmark(Optional<Pattern> v) {
        return new ComparisonOptions(project, suite, v, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withMetric(String v) {
        return new ComparisonOptions(project, suite, benchmark, v, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withAlpha(double v) {
        return new ComparisonOptions(project, suite, benchmark, metric, v, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withThreshold(double v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, v, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withCaseThresholds(Map<String, Double> v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, v, severity, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withSeverity(SeverityLevels v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, v, bands,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withBands(BandLimits v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, v,
                confidence, replicates, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withReplicates(int v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, v, seed, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withSeed(long v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, v, minForks, power, centre, gatedMetrics);
    }

    public ComparisonOptions withMinForks(int v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, v, power, centre, gatedMetrics);
    }

    public ComparisonOptions withCentre(CentreStatistic v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, v, gatedMetrics);
    }

    public ComparisonOptions withGatedMetrics(java.util.Set<String> v) {
        return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity, bands,
                confidence, replicates, seed, minForks, power, centre, v);
    }

    /** Whether regressions of this metric fail a gate. */
    public boolean gates(String metricName) {
        return VerdictBasis.gates(gatedMetrics, metricName);
    }

    /** The noise threshold of one case: its own when the map names it, else the default. */
    public double thresholdFor(String caseKey) {
        Double exact = caseThresholds.get(caseKey);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Double> e : caseThresholds.entrySet()) {
            try {
                if (Pattern.compile(e.getKey()).matcher(caseKey).find()) {
                    return e.getValue();
                }
            } catch (java.util.regex.PatternSyntaxException notARegex) {
                // a plain case key with brackets: only the exact match above applies
            }
        }
        return threshold;
    }
}
