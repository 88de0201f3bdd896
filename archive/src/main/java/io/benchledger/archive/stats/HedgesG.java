package io.benchledger.archive.stats;

/** Hedges' g: a standardised difference of means, corrected for small samples (Hedges 1981). */
public final class HedgesG {
    private HedgesG() {
    }

    /**
     * g = J · (ȳ − x̄) / s*, with the pooled standard deviation
     * s* = √( ((n₁ − 1) s₁² + (n₂ − 1) s₂²) / (n₁ + n₂ − 2) )
     * and the small-sample correction J = 1 − 3 / (4 (n₁ + n₂) − 9).
     * Positive when y (the candidate) is larger. NaN below two values per side or with no spread.
     */
    public static double of(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 < 2 || n2 < 2) {
            return Double.NaN;
        }
        double pooled = Math.sqrt(((n1 - 1) * Centre.variance(x) + (n2 - 1) * Centre.variance(y)) / (n1 + n2 - 2));
        if (pooled == 0) {
            return Double.NaN;
        }
        double j = 1 - 3.0 / (4.0 * (n1 + n2) - 9);
        return j * (Centre.mean(y) - Centre.mean(x)) / pooled;
    }
}
