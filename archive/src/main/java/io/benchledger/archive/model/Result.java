package io.benchledger.archive.model;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the {@code results} table: one case × metric of a run, summarised as the harness
 * reported it. The raw evidence is in {@link Sample}s.
 *
 * @param scoreError JMH's 99.9 % half-width; NaN when the harness could not compute one
 * @param percentiles empty when the harness gave none (stored as NULLs, distinct from NaN)
 * @param failure empty for a measured case; the error message for a case whose benchmark threw
 */
public record Result(
        String runId,
        String caseKey,
        String benchmark,
        SortedMap<String, String> params,
        String mode,
        String metric,
        String unit,
        boolean higherIsBetter,
        int threads,
        int forks,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        double score,
        double scoreError,
        double ciLow,
        double ciHigh,
        long sampleCount,
        Optional<Percentiles> percentiles,
        String failure) {

    public static final String PRIMARY = "primary";

    public Result {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(benchmark, "benchmark");
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        mode = mode == null ? Mode.VALUE : mode;
        caseKey = caseKey == null || caseKey.isEmpty() ? CaseKey.of(benchmark, params, mode, threads) : caseKey;
        metric = metric == null || metric.isEmpty() ? PRIMARY : Metrics.normalise(metric);
        unit = unit == null ? "" : unit;
        warmupTime = warmupTime == null ? "" : warmupTime;
        measurementTime = measurementTime == null ? "" : measurementTime;
        percentiles = percentiles == null ? Optional.empty() : percentiles;
        failure = failure == null ? "" : failure;
    }

    public boolean failed() {
        return !failure.isEmpty();
    }

    public boolean isPrimary() {
        return PRIMARY.equals(metric);
    }
}
