package io.benchledger.site.chart;

import java.util.Arrays;

/**
 * The five numbers of a box plot over weighted samples (a JMH sample-mode histogram bucket counts
 * as {@code weight} samples).
 */
public record BoxStats(double min, double q1, double median, double q3, double max, long count) {

    /**
     * Weighted quantiles by the inverse of the empirical distribution function: the q-quantile is
     * the smallest value whose cumulative weight reaches q × total weight. Non-finite values are
     * left out.
     */
    public static BoxStats of(double[] values, long[] weights) {
        int n = 0;
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && weights[i] > 0) {
                order[n++] = i;
            }
        }
        if (n == 0) {
            return new BoxStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Integer[] idx = Arrays.copyOf(order, n);
        Arrays.sort(idx, (a, b) -> Double.compare(values[a], values[b]));
        long total = 0;
        for (Integer i : idx) {
            total += weights[i];
        }
        return new BoxStats(values[idx[0]], quantile(values, weights, idx, total, 0.25),
                quantile(values, weights, idx, total, 0.5), quantile(values, weights, idx, total, 0.75),
                values[idx[n - 1]], total);
    }

    private static double quantile(double[] values, long[] weights, Integer[] sorted, long total, double q) {
        double target = q * total;
        long cumulative = 0;
        for (Integer i : sorted) {
            cumulative += weights[i];
            if (cumulative >= target) {
                return values[i];
            }
        }
        return values[sorted[sorted.length - 1]];
    }
}
