package io.benchledger.site.chart;

import io.benchledger.archive.stats.Centre;

/**
 * The five numbers of a box plot over weighted samples (a JMH sample-mode histogram bucket counts
 * as {@code weight} samples).
 */
public record BoxStats(double min, double q1, double median, double q3, double max, long count) {

    /** Quantiles by {@link Centre#weightedQuantile}, the one definition of every module. Non-finite values are left out. */
    public static BoxStats of(double[] values, long[] weights) {
        double[] w = new double[weights.length];
        long count = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i];
            if (Double.isFinite(values[i]) && weights[i] > 0) {
                count += weights[i];
            }
        }
        if (count == 0) {
            return new BoxStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new BoxStats(Centre.weightedQuantile(values, w, 0), Centre.weightedQuantile(values, w, 0.25),
                Centre.weightedQuantile(values, w, 0.5), Centre.weightedQuantile(values, w, 0.75),
                Centre.weightedQuantile(values, w, 1), count);
    }
}
