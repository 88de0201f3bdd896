package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.stats.Centre;

/**
 * The noise of one case, estimated from its own history: the standard deviation of run-to-run
 * variation, from the median absolute difference of consecutive values,
 * <pre>
 *   σ̂ = median |xᵢ − xᵢ₋₁| / (√2 · Φ⁻¹(3/4)) = median |Δx| / 0.9539
 * </pre>
 * (for independent normal noise a difference has standard deviation σ√2, and the median of |N(0, s²)|
 * is 0.6745·s). Differences cancel the level, so steps and slow drifts barely move the estimate, and
 * the median ignores the few differences that straddle a step or an outlier. A noisy case therefore
 * needs a larger step to pass the minimum-effect rule.
 */
public final class NoiseEstimate {
    static final double SCALE = Math.sqrt(2) * 0.6744897501960817;

    private NoiseEstimate() {
    }

    public static double sigma(double[] x) {
        if (x.length < 3) {
            return 0;
        }
        double[] d = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            d[i - 1] = Math.abs(x[i] - x[i - 1]);
        }
        return Centre.median(d) / SCALE;
    }

    /** The median of a series (for relative noise in reports). */
    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        return Centre.median(x);
    }
}
