package io.benchledger.archive.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two-sided two-sample tests, from Apache Commons Statistics (inference). Both return NaN when a
 * side has too few values for the test, or when every value is identical (no evidence either way
 * is better said as "not tested" than as p = 1).
 */
public final class TwoSampleTests {
    private static final MannWhitneyUTest MANN_WHITNEY = MannWhitneyUTest.withDefaults();
    private static final TTest WELCH = TTest.withDefaults();

    private TwoSampleTests() {
    }

    /**
     * Mann–Whitney U (Wilcoxon rank sum): U = R₁ − n₁(n₁ + 1)/2 with R₁ the rank sum of x. The
     * p-value is exact when both samples are below 50 values and have no ties; otherwise the normal
     * approximation with tie-corrected variance and continuity correction (as R's wilcox.test).
     */
    public static double mannWhitneyP(double[] x, double[] y) {
        if (x.length < 1 || y.length < 1 || x.length + y.length < 3 || allEqual(x, y)) {
            return Double.NaN;
        }
        return MANN_WHITNEY.test(x, y).getPValue();
    }

    /**
     * Welch's t: t = (x̄ − ȳ) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of freedom
     * ν = (s₁²/n₁ + s₂²/n₂)² / ( (s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1) ).
     */
    public static double welchP(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2 || allEqual(x, y)) {
            return Double.NaN;
        }
        double vx = Centre.variance(x);
        double vy = Centre.variance(y);
        if (vx == 0 && vy == 0) {
            return Centre.mean(x) == Centre.mean(y) ? Double.NaN : 0.0;
        }
        return WELCH.test(x, y).getPValue();
    }

    private static boolean allEqual(double[] x, double[] y) {
        double first = x.length > 0 ? x[0] : y[0];
        for (double v : x) {
            if (v != first) {
                return false;
            }
        }
        for (double v : y) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }
}
