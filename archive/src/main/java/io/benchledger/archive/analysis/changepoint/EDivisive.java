package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.stats.Centre;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E-Divisive means: change points of a univariate series by hierarchical bisection with an energy
 * statistic (Matteson &amp; James, "A Nonparametric Approach for Multiple Change Point Analysis of
 * Multivariate Data", JASA 2014), in the two forms used for performance data: MongoDB's
 * signal-processing-algorithms (permutation test) and Apache Otava's "Hunter" variant (windowed
 * split, Student t-test, merge; Fleming et al., ICPE 2023). The statistic, the bisection and the
 * t-test are in this one file on purpose: they are the mathematics of the package, to be read in one
 * place. The forms only the tests use to reproduce the published results (MongoDB's permutation form,
 * Otava's own merge) are with the tests: {@code MongoEDivisive} and {@code OtavaReference}.
 *
 * <h2>The statistic q̂ (α = 1)</h2>
 * Split a stretch Z of the series at τ into X = Z[a, τ) (n points) and Y = Z[τ, κ) (m points). With
 * α = 1 the energy distance between the two empirical distributions is
 * <pre>
 *   Ê(X, Y) = 2/(n·m) Σᵢ Σⱼ |Xᵢ − Yⱼ|  −  (n choose 2)⁻¹ Σ_{i&lt;k} |Xᵢ − X_k|  −  (m choose 2)⁻¹ Σ_{j&lt;k} |Yⱼ − Y_k|
 * </pre>
 * (between-sample distance minus the within-sample distances; zero in expectation when X and Y come
 * from one distribution, positive otherwise), and the scaled statistic that the bisection maximises is
 * <pre>
 *   q̂(X, Y) = n·m/(n + m) · Ê(X, Y)
 *           = 2/(n+m)·S_xy − 2m/((n+m)(n−1))·S_xx − 2n/((n+m)(m−1))·S_yy
 * </pre>
 * with S_xy, S_xx, S_yy the three sums of absolute differences; a within term is 0 for a side of one
 * point. α = 1 makes the statistic react to a shift of the level (the mean) while staying robust to
 * heavy tails, which is why both MongoDB and Otava use it on benchmark results ("E-Divisive means").
 *
 * <p>All sums come from one table W(p, q) = Σ_{p≤i&lt;k&lt;q} |zᵢ − z_k| (the within-distance of z[p, q)):
 * S_xx = W(a, τ), S_yy = W(τ, κ), S_xy = W(a, κ) − S_xx − S_yy. W is filled in O(L²) for a stretch of
 * length L, so every (τ, κ) is evaluated in O(L²) rather than O(L⁴).
 *
 * <h2>Bisection</h2>
 * Start with one interval, the whole series (or window). Repeatedly: in every interval between the
 * change points found so far, find the split with the largest q̂; take the best candidate over all
 * intervals; test it; if significant, it becomes a change point and splits its interval, else stop.
 * MongoDB's form keeps κ at the end of the interval (Y is "everything after τ"); the paper and Otava
 * also maximise over κ, so that a short excursion inside a long interval can still be isolated.
 *
 * <h2>Significance</h2>
 * <ul>
 * <li>Permutation test (the paper, MongoDB): shuffle the points within each current interval, take
 * the largest q̂ of the shuffled series; the p-value is (#shuffles with q̂ ≥ observed) ÷ (R + 1). It
 * makes no distributional assumption but costs R full searches per candidate, O(R·n²).</li>
 * <li>Student's t-test (Otava): compare the means of the two sides of the candidate with a two-sided
 * pooled-variance t-test. Deterministic (no random numbers, so a site rebuilt from the same archive
 * never flickers) and cheap; it assumes roughly normal noise, which holds for per-run benchmark scores
 * once outliers are tamed. <b>benchledger uses the t-test</b>: the history of every case is analysed
 * on every nightly run, and 2,000 cases × 1,000 runs must take seconds, not hours. The permutation
 * form (seeded, so also deterministic) reproduces MongoDB's published results in the tests.</li>
 * </ul>
 *
 * <h2>Otava's split and merge</h2>
 * Split: slide a window of {@code window} points over the series in steps of window/2 (jumping to the
 * last change point found when that is further), run the bisection with the t-test in every window at
 * a relaxed level (10 × the final p for p &lt; 0.05), and collect the union of all points found: the
 * "weak" change points. Windows keep each search O(window²) and let small changes in a long history
 * surface. Merge: recompute every weak point's t-test against its neighbouring weak points; while some
 * point fails (p ≥ max p, or its relative magnitude ≤ the minimum, or its step is smaller than the
 * minimum number of noise standard deviations), remove the weakest and recompute its neighbours.
 * benchledger merges with {@link StepTest}, which also tests each step against the local trend.
 */
public final class EDivisive {

    private EDivisive() {
    }

    /** The best split of one interval: τ (first index of the right side) and its q̂. */
    public record Candidate(int index, double qhat) {
    }

    /**
     * A change point with the statistics of the two segments around it.
     *
     * @param index first index of the segment after the change
     * @param sdBefore population standard deviation (divisor n), as Otava computes it
     */
    public record Split(int index, double pValue, double meanBefore, double meanAfter, double sdBefore,
                        double sdAfter, int nBefore, int nAfter) {

        /** Otava's magnitude: max(|after/before − 1|, |before/after − 1|). */
        public double magnitude() {
            double forward = meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
            double backward = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1;
            return Math.max(Math.abs(forward), Math.abs(backward));
        }
    }

    // ------------------------------------------------------------------ q̂

    /**
     * q̂ = n·m/(n+m) · (2/(n·m)·S_xy − 2/(n(n−1))·S_xx − 2/(m(m−1))·S_yy), written in the expanded form
     * above; a within term of a one-point side is 0, and q̂ = 0 when a side is empty.
     */
    static double qhat(double sxy, double sxx, double syy, int n, int m) {
        if (n < 1 || m < 1) {
            return 0;
        }
        double nm = n + m;
        double q = 2.0 / nm * sxy;
        if (n > 1) {
            q -= 2.0 * m / (nm * (n - 1)) * sxx;
        }
        if (m > 1) {
            q -= 2.0 * n / (nm * (m - 1)) * syy;
        }
        return q;
    }

    /**
     * The within-distance table of z[a, b): {@code w[(p−a)·(L+1) + (q−a)] = W(p, q)} for a ≤ p ≤ q ≤ b,
     * by W(p, q) = W(p, q−1) + Σ_{p≤i&lt;q−1} |zᵢ − z_{q−1}|, accumulating the last sum from p = q−2 down.
     */
    static double[] withinTable(double[] z, int a, int b) {
        int len = b - a;
        int stride = len + 1;
        double[] w = new double[stride * stride];
        for (int q = a + 2; q <= b; q++) {
            double last = z[q - 1];
            double r = 0;
            for (int p = q - 2; p >= a; p--) {
                r += Math.abs(z[p] - last);
                w[(p - a) * stride + (q - a)] = w[(p - a) * stride + (q - 1 - a)] + r;
            }
        }
        return w;
    }

    /**
     * The best split of z[a, b) over τ and κ (a &lt; τ &lt; κ ≤ b): the paper's and Otava's search. Ties go
     * to the smallest τ, then the smallest κ (numpy's argmax over the row-major (τ, κ) matrix).
     */
    public static Candidate bestSplitOverTauAndKappa(double[] z, int a, int b) {
        double[] w = withinTable(z, a, b);
        int stride = b - a + 1;
        double best = Double.NEGATIVE_INFINITY;
        int bestTau = a + 1;
        for (int tau = a + 1; tau < b; tau++) {
            int n = tau - a;
            double sxx = w[tau - a];
            for (int kappa = tau + 1; kappa <= b; kappa++) {
                double syy = w[(tau - a) * stride + (kappa - a)];
                double sxy = w[kappa - a] - sxx - syy;
                double q = qhat(sxy, sxx, syy, n, kappa - tau);
                if (q > best) {
                    best = q;
                    bestTau = tau;
                }
            }
        }
        return new Candidate(bestTau, best);
    }

    // ------------------------------------------------------------------ t-test form (Otava)

    /** Otava's first-pass level: 10 × p below 0.05, 2 × p below 0.5, else p itself. */
    public static double firstPassPValue(double maxPValue) {
        return maxPValue < 0.05 ? maxPValue * 10 : (maxPValue < 0.5 ? maxPValue * 2 : maxPValue);
    }

    /**
     * Bisection with the t-test inside z[start, end): Otava's {@code ChangePointDetector} on one window.
     * Candidates are searched over τ and κ; the t-test compares the two sides of the candidate within
     * its interval.
     *
     * @return absolute indexes of the change points found, ascending
     */
    public static List<Integer> detectInWindow(double[] z, int start, int end, double maxPValue) {
        List<Integer> cps = new ArrayList<>();
        Map<Long, Candidate> memo = new HashMap<>();
        while (true) {
            int[] bounds = boundsWithin(cps, start, end);
            Candidate best = null;
            int lo = 0;
            int hi = 0;
            for (int i = 0; i + 1 < bounds.length; i++) {
                int a = bounds[i];
                int b = bounds[i + 1];
                if (b - a < 2) {
                    continue;
                }
                Candidate c = memo.computeIfAbsent(((long) a << 32) | b, k -> bestSplitOverTauAndKappa(z, a, b));
                if (best == null || c.qhat() > best.qhat()) {
                    best = c;
                    lo = a;
                    hi = b;
                }
            }
            if (best == null) {
                return cps;
            }
            Split s = split(z, lo, best.index(), hi);
            if (!(s.pValue() <= maxPValue)) {
                return cps;
            }
            cps.add(best.index());
            cps.sort(null);
        }
    }

    private static int[] boundsWithin(List<Integer> sorted, int start, int end) {
        int[] b = new int[sorted.size() + 2];
        b[0] = start;
        for (int i = 0; i < sorted.size(); i++) {
            b[i + 1] = sorted.get(i);
        }
        b[b.length - 1] = end;
        return b;
    }

    /**
     * Otava's split step from window start {@code from}, adding to the weak change points
     * {@code weak} (kept in order of discovery, without duplicates).
     *
     * @param onWindow told the start of every window examined, in order
     */
    public static List<Integer> split(double[] z, int window, double firstPassPValue, int from,
                                      List<Integer> weak, SplitListener onWindow) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, was " + window);
        }
        List<Integer> out = new ArrayList<>(weak);
        java.util.Set<Integer> seen = new java.util.HashSet<>(weak);
        int step = window / 2;
        int start = from;
        while (start < z.length) {
            int end = Math.min(start + window, z.length);
            List<Integer> found = detectInWindow(z, start, end, firstPassPValue);
            onWindow.window(start, end, found);
            int last = found.isEmpty() ? 0 : found.get(found.size() - 1);
            start = Math.max(last, start + step);
            for (int cp : found) {
                if (seen.add(cp)) {
                    out.add(cp);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Told about every window the split examines. */
    @FunctionalInterface
    public interface SplitListener {
        void window(int start, int end, List<Integer> found);

        SplitListener NONE = (s, e, f) -> { };
    }

    /** The t-test of z[lo, index) against z[index, hi). */
    public static Split split(double[] z, int lo, int index, int hi) {
        int n1 = index - lo;
        int n2 = hi - index;
        double m1 = Centre.mean(z, lo, index);
        double m2 = Centre.mean(z, index, hi);
        double s1 = n1 >= 2 ? populationSd(z, lo, index, m1) : 0;
        double s2 = n2 >= 2 ? populationSd(z, index, hi, m2) : 0;
        return new Split(index, studentP(m1, s1, n1, m2, s2, n2), m1, m2, s1, s2, n1, n2);
    }

    /**
     * Two-sided pooled-variance Student t-test from summary statistics, as SciPy's
     * {@code ttest_ind_from_stats(equal_var=True)} that Otava calls — including that Otava passes
     * population standard deviations (divisor n):
     * <pre>
     *   s² = ((n₁−1)·s₁² + (n₂−1)·s₂²) / (n₁+n₂−2),   t = (m₁ − m₂) / √(s²·(1/n₁ + 1/n₂)),
     *   p = 2·P(T_{n₁+n₂−2} &gt; |t|)
     * </pre>
     * With no degrees of freedom p = 1; with zero variance p is 0 for different means and 1 for equal.
     */
    static double studentP(double m1, double s1, int n1, double m2, double s2, int n2) {
        int df = n1 + n2 - 2;
        if (df <= 0 || n1 < 1 || n2 < 1) {
            return 1.0;
        }
        double pooled = ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df;
        double se = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        if (se == 0 || Double.isNaN(se)) {
            return m1 == m2 ? 1.0 : 0.0;
        }
        double t = Math.abs(m1 - m2) / se;
        return Math.min(1.0, 2 * Distributions.t(df).survivalProbability(t));
    }


    static double populationSd(double[] z, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = z[i] - mean;
            s += d * d;
        }
        return Math.sqrt(s / (to - from));
    }

    /** Indexes of a list of splits (for tests and reports). */
    public static int[] indexes(List<Split> splits) {
        return splits.stream().mapToInt(Split::index).toArray();
    }
}
