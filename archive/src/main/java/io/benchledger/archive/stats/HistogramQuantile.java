package io.benchledger.archive.stats;

/**
 * The quantile of a histogram (values with counts) as JMH computes the percentiles of sample mode
 * ({@code MultisetStatistics.getPercentile}, JMH 1.37), so a quantile recomputed from the archived
 * buckets equals the one JMH printed:
 * <pre>  n = Σ counts, pos = r · (n + 1) / 100, f = ⌊pos⌋
 *  get(i) = the smallest value whose cumulative count ≥ i (the largest value when none)
 *  Q(r) = get(f) + (get(f + 1) − get(f)) · (pos − f);   Q(0) = the smallest value</pre>
 */
public final class HistogramQuantile {
    private HistogramQuantile() {
    }

    /**
     * @param sortedValues ascending, distinct or not
     * @param counts the count of each value (zero counts are skipped)
     * @param rank the percentile rank, 0 to 100 (99 for p99)
     */
    public static double of(double[] sortedValues, double[] counts, double rank) {
        return of(sortedValues, counts, sortedValues.length, rank);
    }

    /** The same over the first {@code length} entries. */
    public static double of(double[] sortedValues, double[] counts, int length, double rank) {
        double n = 0;
        int first = -1;
        for (int i = 0; i < length; i++) {
            if (counts[i] > 0) {
                n += counts[i];
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (rank == 0) {
            return sortedValues[first];
        }
        double pos = rank * (n + 1) / 100;
        double floor = Math.floor(pos);
        double lower = get(sortedValues, counts, length, floor);
        double upper = get(sortedValues, counts, length, floor + 1);
        return lower + (upper - lower) * (pos - floor);
    }

    private static double get(double[] v, double[] c, int length, double index) {
        double cum = 0;
        double last = Double.NaN;
        for (int i = 0; i < length; i++) {
            if (c[i] <= 0) {
                continue;
            }
            cum += c[i];
            last = v[i];
            if (cum >= index) {
                return v[i];
            }
        }
        return last;
    }
}
