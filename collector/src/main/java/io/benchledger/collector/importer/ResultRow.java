package io.benchledger.collector.importer;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.stats.Centre;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds one {@link Result} of an imported case and its samples. Harnesses other than JMH have no
 * forks, warm-up settings or 99.9 % error, so those stay zero, empty and NaN unless set.
 */
public final class ResultRow {
    private final String runId;
    private final String benchmark;
    private Map<String, String> params = Map.of();
    private String mode = Mode.VALUE;
    private int threads = 1;
    private int forks;
    private int measurementIterations;
    private String metric = Result.PRIMARY;
    private String unit = "";
    private boolean higherIsBetter;
    private double score = Double.NaN;
    private double scoreError = Double.NaN;
    private double ciLow = Double.NaN;
    private double ciHigh = Double.NaN;
    private long sampleCount;
    private Optional<Percentiles> percentiles = Optional.empty();
    private String failure = "";

    public ResultRow(String runId, String benchmark) {
        this.runId = runId;
        this.benchmark = benchmark;
    }

    public ResultRow params(Map<String, String> v) { params = v; return this; }
    public ResultRow mode(String v) { mode = v; return this; }
    public ResultRow threads(int v) { threads = v; return this; }
    public ResultRow forks(int v) { forks = v; return this; }
    public ResultRow measurementIterations(int v) { measurementIterations = v; return this; }
    public ResultRow metric(String v) { metric = v; return this; }
    public ResultRow unit(String v) { unit = v; return this; }
    public ResultRow higherIsBetter(boolean v) { higherIsBetter = v; return this; }
    public ResultRow score(double v) { score = v; return this; }
    public ResultRow scoreError(double v) { scoreError = v; return this; }
    public ResultRow ci(double low, double high) { ciLow = low; ciHigh = high; return this; }
    public ResultRow sampleCount(long v) { sampleCount = v; return this; }
    public ResultRow percentiles(Optional<Percentiles> v) { percentiles = v; return this; }
    public ResultRow failure(String v) { failure = v; return this; }

    public Result build() {
        return new Result(runId, null, benchmark, new TreeMap<>(params), mode, metric, unit, higherIsBetter, threads,
                forks, 0, "", measurementIterations, "", score, scoreError, ciLow, ciHigh, sampleCount, percentiles,
                failure);
    }

    /**
     * The result with score = mean of the values and their count, plus one sample per value
     * (fork 0, iteration = position); with {@code percentiles}, the type-7 quantiles of the values.
     */
    public Result withSamples(double[] values, boolean percentiles, List<Sample> samplesOut) {
        score(Centre.mean(values)).sampleCount(values.length);
        if (percentiles) {
            percentiles(Stats.percentiles(values));
        }
        Result r = build();
        addSamples(r, values, samplesOut);
        return r;
    }

    /** One sample per value for an already built result. */
    public static void addSamples(Result r, double[] values, List<Sample> samplesOut) {
        for (int i = 0; i < values.length; i++) {
            samplesOut.add(new Sample(r.runId(), r.caseKey(), r.metric(), 0, i, values[i], 1));
        }
    }
}
