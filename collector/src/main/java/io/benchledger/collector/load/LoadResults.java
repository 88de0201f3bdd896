package io.benchledger.collector.load;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A case's {@link LoadOutcome} as archive rows: one result per metric, and one sample per second
 * of the measured window (fork 0, iteration = second), so comparisons, history and budgets work on
 * load cases as on JMH cases. Latencies are in milliseconds from each request's intended start.
 */
public final class LoadResults {
    public static final String BENCHMARK_PREFIX = "workload.";
    /** The request's latency (score: mean; percentiles p0 … p100). */
    public static final String LATENCY = Result.PRIMARY;
    public static final String LATENCY_P99 = "latency.p99";
    public static final String QUEUE = "latency.queue";
    public static final String STAGE_PREFIX = "stage.";
    public static final String TARGET_RATE = "rate.target";
    public static final String ACHIEVED_RATE = "rate.achieved";
    public static final String ERROR_RATE = "errors.rate";
    public static final String TIMEOUT_RATE = "timeouts.rate";
    public static final String SATURATION = "saturation.rate";

    private final String runId;
    private final String benchmark;
    private final java.util.SortedMap<String, String> params;
    private final int intervals;
    private final String warmup;
    private final String measurement;

    /** @param name the workload's name ({@code transactions}, or {@code transactions.saturation} for a sweep's result) */
    LoadResults(String runId, String name, long warmupMillis, Map<String, String> params, long measuredMillis) {
        this.runId = runId;
        this.benchmark = BENCHMARK_PREFIX + name;
        this.params = new TreeMap<>(params);
        this.intervals = (int) Math.max(1, (measuredMillis + 999) / 1000);
        this.warmup = warmupMillis + "ms";
        this.measurement = measuredMillis + "ms";
    }

    /** The case key every row of this case carries. */
    String caseKey() {
        return row(LATENCY, "ms", false, Double.NaN, 0, Optional.empty()).caseKey();
    }

    void add(LoadOutcome o, List<Result> results, List<Sample> samples) {
        latency(LATENCY, o.request(), results, samples, false);
        results.add(row(LATENCY_P99, "ms", false, o.request().p99(), o.request().count(), Optional.empty()));
        series(LATENCY_P99, o.request().intervalP99s(), samples);
        latency(QUEUE, o.queue(), results, samples, false);
        o.stages().forEach((name, l) -> latency(STAGE_PREFIX + name, l, results, samples, false));
        results.add(row(TARGET_RATE, "req/s", true, o.targetRate(), o.issued(), Optional.empty()));
        series(TARGET_RATE, o.intervalTargets(), samples);
        results.add(row(ACHIEVED_RATE, "req/s", true, o.achievedRate(), o.completed(), Optional.empty()));
        series(ACHIEVED_RATE, o.intervalAchieved(), samples);
        results.add(row(ERROR_RATE, "fraction", false, o.errorRate(), o.issued(), Optional.empty()));
        samples.add(new Sample(runId, caseKey(), ERROR_RATE, 0, 0, o.errorRate(), 1));
        results.add(row(TIMEOUT_RATE, "fraction", false, o.timeoutRate(), o.issued(), Optional.empty()));
        samples.add(new Sample(runId, caseKey(), TIMEOUT_RATE, 0, 0, o.timeoutRate(), 1));
    }

    /** A case that could not be measured: its error, no score. */
    void failed(String why, List<Result> results) {
        results.add(new Result(runId, null, benchmark, params, Mode.VALUE, LATENCY, "ms", false, 1, 0, 0, warmup, 0,
                measurement, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Optional.empty(), why));
    }

    /** The saturation point of a sweep: the highest rate that held. */
    void saturation(double rate, int steps, List<Result> results, List<Sample> samples) {
        results.add(row(LATENCY, "req/s", true, rate, steps, Optional.empty()));
        samples.add(new Sample(runId, caseKey(), LATENCY, 0, 0, rate, 1));
    }

    private void latency(String metric, LoadOutcome.Latency l, List<Result> results, List<Sample> samples, boolean higher) {
        Optional<Percentiles> p = l.percentiles().isEmpty() ? Optional.empty() : Optional.of(new Percentiles(
                l.percentiles().get(0), l.percentiles().get(1), l.percentiles().get(2), l.percentiles().get(3),
                l.percentiles().get(4), l.percentiles().get(5), l.percentiles().get(6)));
        results.add(row(metric, "ms", higher, l.mean(), l.count(), p));
        series(metric, l.intervalMeans(), samples);
    }

    private void series(String metric, List<Double> values, List<Sample> samples) {
        String key = caseKey();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                samples.add(new Sample(runId, key, metric, 0, i, v, 1));
            }
        }
    }

    private Result row(String metric, String unit, boolean higher, double score, long count, Optional<Percentiles> p) {
        return new Result(runId, null, benchmark, params, Mode.VALUE, metric, unit, higher, 1, 1, 0, warmup, intervals,
                measurement, score, Double.NaN, Double.NaN, Double.NaN, count, p, "");
    }
}
