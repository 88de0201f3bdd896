package io.benchledger.archive.stats;

import java.util.Arrays;

/** Centre and spread of a set of values; small pure functions. */
public final class Centre {
    private Centre() {
    }

    /** x̄ = Σ xᵢ / n. NaN for no values. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** x̄_w = Σ wᵢ xᵢ / Σ wᵢ. NaN for no values or zero total weight. */
    public static double weightedMean(double[] x, double[] w) {
        double s = 0;
        double sw = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
            sw += w[i];
        }
        return sw == 0 ? Double.NaN : s / sw;
    }

    /** Sample variance s² = Σ (xᵢ − x̄)² / (n − 1); NaN below two values. */
    public static double variance(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** Coefficient of variation s / |x̄|; NaN when undefined. */
    public static double cv(double[] x) {
        double m = mean(x);
        return m == 0 ? Double.NaN : Math.sqrt(variance(x)) / Math.abs(m);
    }

    /** Median: the middle value, or the mean of the two middle values. */
    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Weighted median: the smallest value whose cumulative weight reaches half the total; when the
     * cumulative weight equals exactly half, the mean of that value and the next (so equal weights
     * give the ordinary median). Weights are counts (JMH sample-mode histogram buckets).
     */
    public static double weightedMedian(double[] x, double[] w) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        boolean unit = true;
        for (double v : w) {
            if (v != 1.0) {
                unit = false;
                break;
            }
        }
        if (unit) {
            return median(x); // the common case, without boxing
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double half = total / 2;
        double cum = 0;
        for (int k = 0; k < n; k++) {
            cum += w[order[k]];
            if (cum > half) {
                return x[order[k]];
            }
            if (cum == half) {
                return k + 1 < n ? (x[order[k]] + x[order[k + 1]]) / 2 : x[order[k]];
            }
        }
        return x[order[n - 1]];
    }

    /**
     * {@link #weightedMedian} of the first n values of xs, sorted ascending, with weights ws (zero
     * weights allowed: such values are skipped).
     */
    static double weightedMedianOfSorted(double[] xs, double[] ws, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += ws[i];
        }
        double half = total / 2;
        double cum = 0;
        for (int i = 0; i < n; i++) {
            if (ws[i] == 0) {
                continue;
            }
            cum += ws[i];
            if (cum > half) {
                return xs[i];
            }
            if (cum == half) {
                int next = i + 1;
                while (next < n && ws[next] == 0) {
                    next++;
                }
                return next < n ? (xs[i] + xs[next]) / 2 : xs[i];
            }
        }
        return Double.NaN;
    }

    /**
     * Weighted trimmed mean: sort by value, remove {@code fraction} of the total weight W from each
     * end (partially removing the boundary value when the cut falls inside its weight), and take the
     * weighted mean of what is left:  T = Σ w′ᵢ xᵢ / Σ w′ᵢ with Σ w′ᵢ = (1 − 2·fraction)·W.
     * fraction 0 is the mean; fraction → 0.5 tends to the median.
     */
    public static double weightedTrimmedMean(double[] x, double[] w, double fraction) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        boolean unit = true;
        for (double v : w) {
            if (v != 1.0) {
                unit = false;
                break;
            }
        }
        double[] xs;
        double[] ws;
        if (unit) {
            xs = x.clone();
            Arrays.sort(xs);
            ws = null;
        } else {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            xs = new double[n];
            ws = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[order[i]];
                ws[i] = w[order[i]];
            }
        }
        return trimmedMeanOfSorted(xs, ws, n, fraction);
    }

    /** {@link #weightedTrimmedMean} of the first n values of xs, sorted ascending; ws null for unit weights. */
    static double trimmedMeanOfSorted(double[] xs, double[] ws, int n, double fraction) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += ws == null ? 1 : ws[i];
        }
        double cut = fraction * total;
        double lowEdge = cut;
        double highEdge = total - cut;
        double sum = 0;
        double kept = 0;
        double cum = 0;
        for (int i = 0; i < n; i++) {
            double wi = ws == null ? 1 : ws[i];
            double from = Math.max(cum, lowEdge);
            double to = Math.min(cum + wi, highEdge);
            if (to > from) {
                sum += (to - from) * xs[i];
                kept += to - from;
            }
            cum += wi;
        }
        return kept == 0 ? median(Arrays.copyOf(xs, n)) : sum / kept;
    }

    /**
     * {@link #weightedTrimmedMean} of the first m values of xs with unit weights, computed without
     * sorting when few values are cut: with g = fraction · m, only the ⌈g⌉ smallest and ⌈g⌉ largest
     * values matter, so T = (Σ x − Σ_{j<⌊g⌋}(s_j + l_j) − (g − ⌊g⌋)(s_⌊g⌋ + l_⌊g⌋)) / (m − 2g), with
     * s the smallest values ascending and l the largest descending. May reorder xs.
     */
    public static double trimmedMeanUnitWeights(double[] xs, int m, double fraction) {
        return trimmedMeanUnitWeights(xs, m, fraction, new double[8], new double[8]);
    }

    /**
     * The same with caller-owned buffers (the bootstrap calls it millions of times); it sorts when
     * more values are cut at an end than the buffers hold.
     */
    static double trimmedMeanUnitWeights(double[] xs, int m, double fraction, double[] small, double[] large) {
        double g = fraction * m;
        int k = (int) Math.ceil(g);
        if (k == 0) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += xs[i];
            }
            return s / m;
        }
        if (k > small.length || k > large.length || 2 * k + 1 > m) {
            Arrays.sort(xs, 0, m);
            return trimmedMeanOfSorted(xs, null, m, fraction);
        }
        for (int j = 0; j < k; j++) {
            small[j] = Double.POSITIVE_INFINITY;
            large[j] = Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double x = xs[i];
            sum += x;
            if (x < small[k - 1]) {
                int j = k - 1;
                while (j > 0 && small[j - 1] > x) {
                    small[j] = small[j - 1];
                    j--;
                }
                small[j] = x;
            }
            if (x > large[k - 1]) {
                int j = k - 1;
                while (j > 0 && large[j - 1] < x) {
                    large[j] = large[j - 1];
                    j--;
                }
                large[j] = x;
            }
        }
        int whole = (int) Math.floor(g);
        double part = g - whole;
        for (int j = 0; j < whole; j++) {
            sum -= small[j] + large[j];
        }
        if (part > 0) {
            sum -= part * (small[whole] + large[whole]);
        }
        return sum / (m - 2 * g);
    }
}
