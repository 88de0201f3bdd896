package io.benchledger.archive.model;

/** Metric names as stored in {@code results.metric} and {@code samples.metric}. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * One name per metric across JMH versions: JMH before 1.24 prefixed profiler metrics with a
     * middle dot ({@code ·gc.alloc.rate.norm}), later versions do not.
     */
    public static String normalise(String metric) {
        String m = metric.strip();
        while (m.startsWith("\u00b7") || m.startsWith("\u00c2\u00b7")) {
            m = m.startsWith("\u00b7") ? m.substring(1) : m.substring(2);
        }
        return m.isEmpty() ? Result.PRIMARY : m;
    }
}
