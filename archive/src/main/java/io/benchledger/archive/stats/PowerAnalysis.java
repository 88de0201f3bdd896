package io.benchledger.archive.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Power analysis for comparing two means with a two-sided two-sample t test, in the terms a
 * performance engineer uses: a relative effect δ (0.02 is a 2 % change), the coefficient of
 * variation c of one measurement unit (a fork mean, or an iteration score), the significance
 * level α and the power 1 − β, with n units per group. Used by comparisons (how many samples an
 * inconclusive case would need) and by A/B experiments (how many runs to plan).
 *
 * <p>Standardised effect d = δ / c; noncentrality λ = d · √(n / 2); degrees of freedom ν = 2n − 2.
 * Power = P(T′ν,λ > t₁₋α/₂,ν), approximated by shifting the central t:
 * power ≈ 1 − Fν(t₁₋α/₂,ν − λ). Like R's {@code power.t.test} (strict = FALSE) it ignores
 * rejections in the wrong direction. The approximation agrees with R's noncentral-t result to
 * about 0.002 in power for ν ≥ 10 (see the tests), and is conservative below that.
 */
public final class PowerAnalysis {
    /** The largest group size the solvers consider; beyond it a design is called infeasible. */
    public static final long MAX_N = 1_000_000L;

    private PowerAnalysis() {
    }

    /** The power of the test with n units per group (n ≥ 2). */
    public static double power(double n, double relativeEffect, double cv, double alpha) {
        if (n < 2 || !(cv > 0) || relativeEffect == 0) {
            return n < 2 ? 0 : alpha / 2;
        }
        double df = 2 * n - 2;
        TDistribution t = TDistribution.of(df);
        double critical = t.inverseSurvivalProbability(alpha / 2);
        double lambda = Math.abs(relativeEffect) / cv * Math.sqrt(n / 2);
        return t.survivalProbability(critical - lambda);
    }

    /**
     * The real-valued n per group at which power reaches {@code targetPower} (bisection on
     * {@link #power}); what R's {@code power.t.test(power = …, delta = …)} prints as n.
     * Infinity when not reachable below {@link #MAX_N}.
     */
    public static double sampleSize(double relativeEffect, double cv, double alpha, double targetPower) {
        if (power(2, relativeEffect, cv, alpha) >= targetPower) {
            return 2;
        }
        if (power(MAX_N, relativeEffect, cv, alpha) < targetPower) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 2;
        double hi = 4;
        while (power(hi, relativeEffect, cv, alpha) < targetPower) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 100 && hi - lo > 1e-7; i++) {
            double mid = (lo + hi) / 2;
            if (power(mid, relativeEffect, cv, alpha) >= targetPower) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * Whole units per group needed: the smallest integer n ≥ 2 whose power reaches the target, or
     * {@link Long#MAX_VALUE} when infeasible. Starts from the normal approximation
     * n₀ = 2 ((z₁₋α/₂ + z_power) c / δ)², which the t test always needs at least, and steps up,
     * so it costs a few evaluations of the power, not a bisection.
     */
    public static long sampleSizePerGroup(double relativeEffect, double cv, double alpha, double targetPower) {
        if (power(2, relativeEffect, cv, alpha) >= targetPower) {
            return 2;
        }
        double z = NORMAL.inverseSurvivalProbability(alpha / 2) + NORMAL.inverseCumulativeProbability(targetPower);
        double n0 = 2 * Math.pow(z * cv / Math.abs(relativeEffect), 2);
        if (!(n0 < MAX_N)) {
            return Long.MAX_VALUE;
        }
        long lo = Math.max(2, (long) Math.floor(n0)); // power(lo) may or may not reach the target
        long step = 1;
        long hi = lo;
        while (power(hi, relativeEffect, cv, alpha) < targetPower) {
            lo = hi;
            hi += step;
            step *= 2;
            if (hi > MAX_N) {
                return Long.MAX_VALUE;
            }
        }
        while (hi - lo > 1) { // power(hi) reaches the target, power(lo) may not
            long mid = (lo + hi) / 2;
            if (power(mid, relativeEffect, cv, alpha) >= targetPower) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return power(lo, relativeEffect, cv, alpha) >= targetPower ? lo : hi;
    }

    private static final org.apache.commons.statistics.distribution.NormalDistribution NORMAL =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    /** The smallest relative effect detected with {@code targetPower} given n units per group. */
    public static double detectableEffect(double n, double cv, double alpha, double targetPower) {
        double lo = 0;
        double hi = Math.max(cv, 1e-9);
        while (power(n, hi, cv, alpha) < targetPower) {
            hi *= 2;
            if (hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (power(n, mid, cv, alpha) >= targetPower) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
