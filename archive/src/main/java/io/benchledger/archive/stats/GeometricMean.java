package io.benchledger.archive.stats;

/** Geometric mean, the average that suits ratios: a 2× speed-up and a 2× slow-down cancel. */
public final class GeometricMean {
    private GeometricMean() {
    }

    /** G = exp( Σ ln xᵢ / n ) over the positive finite values; NaN when there are none. */
    public static double of(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (v > 0 && Double.isFinite(v)) {
                s += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(s / n);
    }
}
