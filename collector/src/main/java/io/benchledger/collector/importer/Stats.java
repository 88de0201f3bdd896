package io.benchledger.collector.importer;

import io.benchledger.archive.model.Percentiles;
import java.util.Arrays;
import java.util.Optional;

/** Summaries of raw samples, as small pure functions. */
public final class Stats {
    private Stats() {
    }

    /** Arithmetic mean: (x1 + … + xn) / n; NaN for no values. */
    public static double mean(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /**
     * Quantile by linear interpolation between closest ranks (Hyndman and Fan's type 7, the default
     * of NumPy and R, and what hyperfine and BenchmarkDotNet report): with the values sorted
     * x[0] ≤ … ≤ x[n−1] and h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
     */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** p0, p50, p90, p95, p99, p99.9 and p100 of the values (type 7 quantiles); empty for none. */
    public static Optional<Percentiles> percentiles(double[] xs) {
        if (xs.length == 0) {
            return Optional.empty();
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        return Optional.of(new Percentiles(s[0], quantile(s, 0.5), quantile(s, 0.9), quantile(s, 0.95),
                quantile(s, 0.99), quantile(s, 0.999), s[s.length - 1]));
    }
}
