package io.benchledger.collector.load;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one thing measured (the whole request, the wait in the queue, one stage), in
 * nanoseconds, recorded from many threads: one HdrHistogram of the whole window at 3 significant
 * digits (0.1 %) for the reported percentiles, and one per interval (second) at 2 digits for the
 * samples that comparisons resample.
 */
final class LatencyRecorder {
    private final ConcurrentHistogram all = new ConcurrentHistogram(3);
    private final ConcurrentHistogram[] intervals;

    LatencyRecorder(int intervalCount) {
        intervals = new ConcurrentHistogram[intervalCount];
        for (int i = 0; i < intervalCount; i++) {
            intervals[i] = new ConcurrentHistogram(2);
        }
    }

    void record(int interval, long nanos) {
        long v = Math.max(1, nanos);
        all.recordValue(v);
        intervals[Math.min(interval, intervals.length - 1)].recordValue(v);
    }

    Histogram whole() {
        return all;
    }

    Histogram interval(int i) {
        return intervals[i];
    }

    /** Summary in milliseconds. */
    LoadOutcome.Latency summary() {
        List<Double> means = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (ConcurrentHistogram h : intervals) {
            counts.add(h.getTotalCount());
            means.add(h.getTotalCount() == 0 ? Double.NaN : h.getMean() / 1e6);
            p99s.add(h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e6);
        }
        long n = all.getTotalCount();
        if (n == 0) {
            return new LoadOutcome.Latency(0, Double.NaN, List.of(), means, p99s, counts);
        }
        List<Double> pct = new ArrayList<>();
        for (double p : LoadOutcome.PERCENTILES) {
            pct.add((p == 0 ? all.getMinValue() : p == 100 ? all.getMaxValue() : all.getValueAtPercentile(p)) / 1e6);
        }
        return new LoadOutcome.Latency(n, all.getMean() / 1e6, pct, means, p99s, counts);
    }
}
