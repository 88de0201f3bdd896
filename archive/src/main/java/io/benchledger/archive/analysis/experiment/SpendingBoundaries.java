package io.benchledger.archive.analysis.experiment;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided, symmetric group-sequential boundaries from the Lan–DeMets alpha-spending function of
 * O'Brien–Fleming type, and the probabilities a design built on them has of stopping.
 *
 * <p>The test statistic at look k is Z_k = W(t_k)/√t_k, where W is Brownian motion with drift η
 * observed at information fractions 0 < t_1 < … < t_K ≤ 1 (t = samples so far ÷ planned maximum).
 * Under H0, η = 0. Each side gets half of α and spends it with the Lan–DeMets O'Brien–Fleming
 * function (the convention of gsDesign's {@code sfLDOF} and ldbounds for symmetric two-sided tests)
 * <pre>  α₁(t) = 2 · (1 − Φ(z_{1−α/4} / √t)),   two sides together α*(t) = 2 · α₁(t)</pre>
 * which spends almost nothing early (α*(0.2) ≈ 0.000001 for α = 0.05) and all of α at t = 1.
 * The boundary c_k solves
 * <pre>  P_0(|Z_j| < c_j for j < k, |Z_k| ≥ c_k) = α*(t_k) − α*(t_{k−1}).</pre>
 * For five equally spaced looks at α = 0.05 this gives 4.877, 3.357, 2.680, 2.290, 2.031.
 * Spending (rather than the classic O'Brien–Fleming constants C·√(K/k)) is chosen because looks
 * need not be planned exactly: an experiment cut short by its time limit makes its last look the
 * final one and spends what is left of α there, and the error rate stays at α.
 *
 * <p>The joint law of (Z_1, …, Z_k) is computed by the recursive numerical integration of
 * Armitage, McPherson and Rowe (1969), as in Jennison &amp; Turnbull (2000), ch. 19: the
 * sub-density of Z_{k−1} on the continuation region (−c_{k−1}, c_{k−1}) is carried on a grid
 * (Simpson's rule), and since W has independent increments,
 * <pre>  Z_k √t_k = Z_{k−1} √t_{k−1} + X,  X ~ N(η Δt, Δt),  Δt = t_k − t_{k−1}.</pre>
 */
public final class SpendingBoundaries {
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);
    /**
     * Grid points (odd, for Simpson) across each continuation region: with 161 points the step is
     * at most 0.15 standard deviations and the probabilities agree with 801 points to about 1e-6.
     */
    private static final int GRID = 161;
    private static final java.util.Map<String, SpendingBoundaries> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private final double alpha;
    private final double[] fractions;
    private final double[] bounds;

    private SpendingBoundaries(double alpha, double[] fractions, double[] bounds) {
        this.alpha = alpha;
        this.fractions = fractions;
        this.bounds = bounds;
    }

    /**
     * Boundaries for looks at the given information fractions (increasing, last ≤ 1). When the
     * last fraction is below 1 and {@code lastIsFinal}, the last look spends all the α left.
     */
    public static SpendingBoundaries of(double alpha, double[] fractions, boolean lastIsFinal) {
        // plans repeat (every case of an experiment, every repetition of a simulation): compute once
        String key = alpha + "|" + lastIsFinal + "|" + Arrays.toString(fractions);
        SpendingBoundaries cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SpendingBoundaries b = compute(alpha, fractions, lastIsFinal);
        if (CACHE.size() < 10_000) {
            CACHE.put(key, b);
        }
        return b;
    }

    private static SpendingBoundaries compute(double alpha, double[] fractions, boolean lastIsFinal) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        double[] t = fractions.clone();
        for (int k = 0; k < t.length; k++) {
            if (!(t[k] > 0 && t[k] <= 1 + 1e-12) || (k > 0 && t[k] <= t[k - 1])) {
                throw new IllegalArgumentException("information fractions must increase within (0, 1]: "
                        + Arrays.toString(fractions));
            }
        }
        double[] c = new double[t.length];
        double spentBefore = 0;
        Density density = null;
        for (int k = 0; k < t.length; k++) {
            boolean last = k == t.length - 1;
            double spentNow = last && lastIsFinal ? alpha : spent(alpha, t[k]);
            double target = spentNow - spentBefore;
            c[k] = solveBound(density, k == 0 ? 0 : t[k - 1], t[k], target);
            spentBefore = spentNow;
            density = next(density, k == 0 ? 0 : t[k - 1], t[k], c[k], 0);
        }
        return new SpendingBoundaries(alpha, t, c);
    }

    /** Equally spaced looks k/K, k = 1..K. */
    public static SpendingBoundaries equallySpaced(double alpha, int looks) {
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (k + 1.0) / looks;
        }
        return of(alpha, t, true);
    }

    /** α*(t) = 4(1 − Φ(z_{1−α/4}/√t)): the two-sided error spent by information fraction t. */
    public static double spent(double alpha, double t) {
        if (t <= 0) {
            return 0;
        }
        double z = N01.inverseSurvivalProbability(alpha / 4);
        return Math.min(alpha, 4 * N01.survivalProbability(z / Math.sqrt(Math.min(t, 1))));
    }

    public double alpha() {
        return alpha;
    }

    public int looks() {
        return bounds.length;
    }

    public double fraction(int look) {
        return fractions[look];
    }

    /** The critical value |Z| ≥ c at a look (0-based). */
    public double bound(int look) {
        return bounds[look];
    }

    public double[] bounds() {
        return bounds.clone();
    }

    /**
     * The probability of crossing at any look when W has drift η (η = δ/σ · √N_max in terms of
     * the effect δ, the per-sample standard deviation σ and the planned maximum N_max): the power
     * when η ≠ 0, the error spent (α) when η = 0.
     */
    public double rejectionProbability(double drift) {
        double total = 0;
        Density density = null;
        for (int k = 0; k < bounds.length; k++) {
            double tPrev = k == 0 ? 0 : fractions[k - 1];
            total += crossing(density, tPrev, fractions[k], bounds[k], drift);
            density = next(density, tPrev, fractions[k], bounds[k], drift);
        }
        return total;
    }

    /**
     * The p-value under the stage-wise ordering (Jennison &amp; Turnbull §8.4) for a trial that
     * stopped at {@code look} with statistic z: the chance under H0 of stopping earlier, plus of
     * reaching this look and seeing |Z| ≥ |z| there. It is below α exactly when the trial crossed.
     */
    public double pValue(int look, double z) {
        double p = 0;
        Density density = null;
        for (int k = 0; k < look; k++) {
            double tPrev = k == 0 ? 0 : fractions[k - 1];
            p += crossing(density, tPrev, fractions[k], bounds[k], 0);
            density = next(density, tPrev, fractions[k], bounds[k], 0);
        }
        double tPrev = look == 0 ? 0 : fractions[look - 1];
        p += crossing(density, tPrev, fractions[look], Math.abs(z), 0);
        return Math.min(1, p);
    }

    /** The sub-density of Z_k on the continuation region, on a Simpson grid. */
    private record Density(double[] z, double[] f, double[] w) {
    }

    /** P(|Z_k| ≥ c, not stopped before) given the previous density (null at the first look). */
    private static double crossing(Density prev, double tPrev, double t, double c, double drift) {
        if (prev == null) {
            double mean = drift * Math.sqrt(t);
            return N01.survivalProbability(c - mean) + N01.cumulativeProbability(-c - mean);
        }
        double dt = t - tPrev;
        double sd = Math.sqrt(dt / t);
        double sum = 0;
        for (int i = 0; i < prev.z.length; i++) {
            // Z_k | Z_{k-1}=u ~ N((u√t_{k-1} + η Δt)/√t_k, Δt/t_k)
            double mean = (prev.z[i] * Math.sqrt(tPrev) + drift * dt) / Math.sqrt(t);
            double out = N01.survivalProbability((c - mean) / sd) + N01.cumulativeProbability((-c - mean) / sd);
            sum += prev.w[i] * prev.f[i] * out;
        }
        return sum;
    }

    private static Density next(Density prev, double tPrev, double t, double c, double drift) {
        double[] z = new double[GRID];
        double[] w = new double[GRID];
        // beyond ±12 the density is below 1e-30 even with the drift of a well-powered design
        double edge = Math.min(c, 12);
        double h = 2 * edge / (GRID - 1);
        for (int j = 0; j < GRID; j++) {
            z[j] = -edge + j * h;
            // Simpson weights h/3 · (1, 4, 2, 4, …, 4, 1)
            w[j] = h / 3 * (j == 0 || j == GRID - 1 ? 1 : (j % 2 == 1 ? 4 : 2));
        }
        double[] f = new double[GRID];
        if (prev == null) {
            double mean = drift * Math.sqrt(t);
            for (int j = 0; j < GRID; j++) {
                f[j] = N01.density(z[j] - mean);
            }
        } else {
            double dt = t - tPrev;
            double sd = Math.sqrt(dt / t);
            for (int j = 0; j < GRID; j++) {
                double sum = 0;
                for (int i = 0; i < prev.z.length; i++) {
                    double mean = (prev.z[i] * Math.sqrt(tPrev) + drift * dt) / Math.sqrt(t);
                    double x = (z[j] - mean) / sd;
                    sum += prev.w[i] * prev.f[i] * Math.exp(-0.5 * x * x);
                }
                f[j] = sum / (sd * Math.sqrt(2 * Math.PI));
            }
        }
        return new Density(z, f, w);
    }

    /** Bisection for c with crossing probability equal to the α to spend at this look. */
    private static double solveBound(Density prev, double tPrev, double t, double target) {
        if (target <= 1e-15) {
            return 40; // nothing to spend: a bound no statistic reaches
        }
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 100 && hi - lo > 1e-9; i++) {
            double mid = (lo + hi) / 2;
            if (crossing(prev, tPrev, t, mid, 0) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
