package io.benchledger.archive.analysis.changepoint;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The t and F distributions the tests ask for, made once per degrees of freedom: the merge tests
 * thousands of candidates a series with the same few, and making one computes its constants (log-beta,
 * log-gamma) again each time. The distributions are immutable, so a kept one gives the same p-values.
 */
final class Distributions {
    /** Degrees of freedom kept (a test's stretch is a few windows long; larger ones are made each time). */
    private static final int KEPT = 1024;
    private static final AtomicReferenceArray<TDistribution> T = new AtomicReferenceArray<>(KEPT);
    private static final AtomicReferenceArray<FDistribution> F1 = new AtomicReferenceArray<>(KEPT);
    private static final AtomicReferenceArray<FDistribution> F2 = new AtomicReferenceArray<>(KEPT);

    private Distributions() {
    }

    /** Student's t with {@code df} degrees of freedom. */
    static TDistribution t(int df) {
        if (df <= 0 || df >= KEPT) {
            return TDistribution.of(df);
        }
        TDistribution d = T.get(df);
        if (d == null) {
            d = TDistribution.of(df);
            T.set(df, d);
        }
        return d;
    }

    /** F with {@code numerator} (1 or 2, kept; others made each time) and {@code df} degrees of freedom. */
    static FDistribution f(int numerator, int df) {
        AtomicReferenceArray<FDistribution> kept = numerator == 1 ? F1 : numerator == 2 ? F2 : null;
        if (kept == null || df <= 0 || df >= KEPT) {
            return FDistribution.of(numerator, df);
        }
        FDistribution d = kept.get(df);
        if (d == null) {
            d = FDistribution.of(numerator, df);
            kept.set(df, d);
        }
        return d;
    }
}
