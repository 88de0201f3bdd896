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
        // sorted, also the defaults: Set.of's order changes from one JVM to the next, and the site keeps a
        // comparison page only when these options print the same
        gatedMetrics = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(
                gatedMetrics == null || gatedMetrics.isEmpty() ? DEFAULT_GATED_METRICS : gatedMetrics));
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0 and 1, got " + power);
        }
    }

    /** The defaults of docs/statistics.md for one project. */
    public static ComparisonOptions defaults(String project) {
        return builder(project).build();
    }

    /** A builder starting from the defaults of docs/statistics.md. */
    public static Builder builder(String project) {
        return new Builder(project);
    }

    /** A builder starting from these options, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder(project);
        b.suite = suite;
        b.benchmark = benchmark;
        b.metric = metric;
        b.alpha = alpha;
        b.threshold = threshold;
        b.caseThresholds = caseThresholds;
        b.severity = severity;
        b.bands = bands;
        b.confidence = confidence;
        b.replicates = replicates;
        b.seed = seed;
        b.minForks = minForks;
        b.power = power;
        b.centre = centre;
        b.gatedMetrics = gatedMetrics;
        return b;
    }

    /** Builds options from the defaults; {@link #build()} checks the values (the record's constructor). */
    public static final class Builder {
        private final String project;
        private String suite = "";
        private Optional<Pattern> benchmark = Optional.empty();
        private String metric = "";
        private double alpha = DEFAULT_ALPHA;
        private double threshold = DEFAULT_THRESHOLD;
        private Map<String, Double> caseThresholds = Map.of();
        private SeverityLevels severity = SeverityLevels.DEFAULT;
        private BandLimits bands = BandLimits.DEFAULT;
        private double confidence = 0.95;
        private int replicates = 1000;
        private long seed = DEFAULT_SEED;
        private int minForks = 3;
        private double power = 0.8;
        private CentreStatistic centre = CentreStatistic.TRIMMED_MEAN;
        private java.util.Set<String> gatedMetrics = DEFAULT_GATED_METRICS;

        private Builder(String project) {
            this.project = project;
        }

        public Builder suite(String v) { suite = v; return this; }

        public Builder benchmark(Optional<Pattern> v) { benchmark = v; return this; }

        public Builder metric(String v) { metric = v; return this; }

        public Builder alpha(double v) { alpha = v; return this; }

        /** The default noise threshold; {@link #caseThresholds} gives some cases their own. */
        public Builder threshold(double v) { threshold = v; return this; }

        public Builder caseThresholds(Map<String, Double> v) { caseThresholds = v; return this; }

        public Builder severity(SeverityLevels v) { severity = v; return this; }

        public Builder bands(BandLimits v) { bands = v; return this; }

        public Builder confidence(double v) { confidence = v; return this; }

        public Builder replicates(int v) { replicates = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        public Builder minForks(int v) { minForks = v; return this; }

        public Builder power(double v) { power = v; return this; }

        public Builder centre(CentreStatistic v) { centre = v; return this; }

        public Builder gatedMetrics(java.util.Set<String> v) { gatedMetrics = v; return this; }

        public ComparisonOptions build() {
            return new ComparisonOptions(project, suite, benchmark, metric, alpha, threshold, caseThresholds, severity,
                    bands, confidence, replicates, seed, minForks, power, centre, gatedMetrics);
        }
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
