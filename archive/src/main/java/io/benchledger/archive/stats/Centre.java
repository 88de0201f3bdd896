package io.benchledger.archive.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * The statistics API of every module: centre and spread of a set of values, as small pure
 * functions over Apache Commons Statistics where it has them. Quantiles have one definition
 * everywhere, weighted or not (see {@link #weightedQuantile}); the trend fit is {@link LinearFit}.
 */
public final class Centre {
    /** Hyndman and Fan's type 7: linear interpolation between order statistics (R's and NumPy's default). */
    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true);
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    private Centre() {
    }

    /** x̄ = Σ xᵢ / n. NaN for no values. */
    public static double mean(double[] x) {
        return Mean.of(x).getAsDouble();
    }

    /** The mean of x[from..to). NaN for an empty range. */
    public static double mean(double[] x, int from, int to) {
        return Mean.ofRange(x, from, to).getAsDouble();
    }

    /** The mean of a list of values. */
    public static double mean(List<Double> x) {
        return mean(x.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics (Hyndman and
     * Fan's type 7): with x sorted, h = (n − 1)·q, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
     * NaN for no values. x is not changed.
     */
    public static double quantile(double[] x, double q) {
        return x.length == 0 ? Double.NaN : TYPE_7.evaluate(x, q);
    }

    /** {@link #quantile} at each of the qs, the same doubles, from one selection over one copy; x not empty. */
    static double[] quantiles(double[] x, double... qs) {
        return TYPE_7.evaluate(x, qs);
    }

    /**
     * The weighted q-quantile, with weights as counts (a JMH sample-mode histogram bucket of weight
     * w stands for w equal samples): the type-7 quantile of the sample in which each value is
     * repeated by its weight. With the values sorted, C(t) the value whose cumulative weight range
     * [Cₖ₋₁, Cₖ) holds position t, W the total weight and h = (W − 1)·q:
     * Q = C(⌊h⌋) + (h − ⌊h⌋)·(C(⌊h⌋ + 1) − C(⌊h⌋)). Unit weights give {@link #quantile}; weights
     * {5, 3, 2} on {10, 20, 30} give the median 15, as the ten samples they stand for do.
     * Non-finite values and weights ≤ 0 are left out; NaN when nothing is left.
     */
    public static double weightedQuantile(double[] x, double[] w, double q) {
        int n = 0;
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && w[i] > 0) {
                order[n++] = i;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Integer[] idx = Arrays.copyOf(order, n);
        Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
        double[] xs = new double[n];
        double[] cum = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            xs[k] = x[idx[k]];
            total += w[idx[k]];
            cum[k] = total;
        }
        double h = Math.max(0, Math.min(total - 1, (total - 1) * q));
        int lo = (int) Math.floor(h);
        double lower = at(xs, cum, lo);
        double frac = h - lo;
        return frac == 0 ? lower : lower + frac * (at(xs, cum, lo + 1) - lower);
    }

    /** The value at position t (0-based) of the weight-expanded sorted sample. */
    private static double at(double[] xs, double[] cum, double t) {
        for (int k = 0; k < xs.length; k++) {
            if (t < cum[k]) {
                return xs[k];
            }
        }
        return xs[xs.length - 1];
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
        return x.length < 2 ? Double.NaN : Variance.of(x).getAsDouble();
    }

    /** Coefficient of variation s / |x̄|; NaN when undefined. */
    public static double cv(double[] x) {
        double m = mean(x);
        return m == 0 ? Double.NaN : Math.sqrt(variance(x)) / Math.abs(m);
    }

    /** Median: the middle value, or the mean of the two middle values. */
    public static double median(double[] x) {
        return x.length == 0 ? Double.NaN : MEDIAN.evaluate(x);
    }

    /** The median of the first n values of x (which it may reorder: for scratch buffers). */
    public static double median(double[] x, int n) {
        return n == 0 ? Double.NaN : Median.withDefaults().withCopy(false).evaluateRange(x, 0, n);
    }

    /** The weighted median: {@link #weightedQuantile} at ½ (equal weights give the ordinary median). */
    public static double weightedMedian(double[] x, double[] w) {
        boolean unit = true;
        for (double v : w) {
            if (v != 1.0) {
                unit = false;
                break;
            }
        }
        return unit ? median(x) : weightedQuantile(x, w, 0.5); // unit weights: the common case, without boxing
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
        return trimmedFromExtremes(sum, small, large, g, m);
    }

    /**
     * The trimmed mean from the sum of all m values and their smallest and largest ⌈g⌉ in order:
     * (sum − Σ_{j<⌊g⌋}(small_j + large_j) − (g − ⌊g⌋)(small_⌊g⌋ + large_⌊g⌋)) / (m − 2g). One place for the
     * arithmetic, so that the bootstrap's rank-counting replicates give the same double bit for bit.
     */
    static double trimmedFromExtremes(double sum, double[] small, double[] large, double g, int m) {
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
