package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.stats.Centre;

/**
 * A Hampel filter: a point further than {@code threshold} robust standard deviations from the median
 * of its neighbourhood (the {@code halfWidth} points on each side, fewer at the ends) is replaced by
 * that median. One bad run (a noisy neighbour on the CI machine, a JIT accident) then cannot split a
 * segment, while a level change survives: the first point after a step has more neighbours at the new
 * level than at the old one, so its median is at the new level.
 *
 * <pre>
 *   medᵢ = median(x[i−h … i+h]),  MADᵢ = median |x[i−h … i+h] − medᵢ|,
 *   xᵢ is an outlier when |xᵢ − medᵢ| &gt; t · 1.4826 · MADᵢ   (1.4826·MAD estimates σ for normal noise)
 * </pre>
 * The filtered value at i depends only on x[i−h … i+h]: appending runs changes at most the last h
 * filtered values, which is what makes the incremental analysis exact. A step in the last h runs is
 * held back as an outlier until about h/2 + 1 runs confirm it.
 */
public final class OutlierFilter {
    private OutlierFilter() {
    }

    public static double[] apply(double[] x, int halfWidth, double threshold) {
        return apply(x, halfWidth, threshold, null, 0);
    }

    /**
     * Filters x, taking the first {@code reuse} values from {@code previous} (the filtered values of
     * an earlier, shorter version of the same series: valid up to its length − halfWidth).
     */
    public static double[] apply(double[] x, int halfWidth, double threshold, double[] previous, int reuse) {
        if (halfWidth <= 0 || x.length < 3) {
            return x.clone();
        }
        double[] out = new double[x.length];
        int from = previous == null ? 0 : Math.max(0, Math.min(reuse, previous.length));
        if (from > 0) {
            System.arraycopy(previous, 0, out, 0, from);
        }
        double[] buf = new double[2 * halfWidth + 1];
        double[] dev = new double[2 * halfWidth + 1];
        for (int i = from; i < x.length; i++) {
            int lo = Math.max(0, i - halfWidth);
            int hi = Math.min(x.length, i + halfWidth + 1);
            int n = hi - lo;
            System.arraycopy(x, lo, buf, 0, n);
            double med = Centre.median(buf, n);
            for (int j = 0; j < n; j++) {
                dev[j] = Math.abs(x[lo + j] - med);
            }
            double mad = Centre.median(dev, n);
            out[i] = Math.abs(x[i] - med) > threshold * 1.4826 * mad ? med : x[i];
        }
        return out;
    }

}
