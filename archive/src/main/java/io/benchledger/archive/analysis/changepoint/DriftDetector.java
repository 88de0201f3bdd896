package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.stats.Centre;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Drifts: stretches of a series whose level moves steadily, run after run (a slowly filling cache,
 * a dependency that grows), as opposed to steps (one commit). One file on purpose: the mathematics
 * of drift detection, to be read in one place.
 *
 * <h2>1. Steps out of the way</h2>
 * The steps that survived {@link StepTest}'s merge are subtracted: w(t) = z(t) − Σ_{τ_k ≤ t} c_k with
 * c_k the jump of step k measured against its local trend. A drift that has a step inside is then
 * one drift, and a step never looks like a slope.
 *
 * <h2>2. The ramp</h2>
 * On a stretch w[lo, hi) of m runs, a drift from run s to run e − 1 is the ramp regressor
 * <pre>
 *   r(t) = 0 (t &lt; s),   (t − s)/(e − 1 − s) (s ≤ t &lt; e),   1 (t ≥ e)
 *   w(t) = α + D·r(t) + ε,   D = S_rw / S_rr,   gain = S_rw² / S_rr,   RSS = S_ww − gain
 * </pre>
 * (centred sums over the stretch): flat, then a straight line of total change D, then flat; s = lo
 * or e = hi give a drift from the start or to the end. (s, e) is the pair of largest gain, searched
 * on a grid of max(1, m/150) runs and refined run by run around the best; every gain is O(1) from
 * prefix sums of t, t², w, t·w, so a series of 1,000 runs costs a few thousand evaluations. Most
 * of the grid is not evaluated at all: S_rw is the mean over the ramp of the tail sums of the centred
 * w, which bounds the gain of a whole piece of a row at once ({@link RampBound}), and a piece that
 * cannot beat the best gain already found is skipped; the result is the plain search's.
 *
 * <h2>3. Is it real?</h2>
 * All of these must hold:
 * <ul>
 * <li><b>length</b>: e − s ≥ {@value #MIN_RUNS} runs (a faster change is a step, E-Divisive's job);</li>
 * <li><b>significant against the noise, after the search</b>: t = D / (σ̂/√S_rr) with
 *   σ̂² = RSS/(m − 2) · (1 + ρ)/(1 − ρ), ρ the lag-1 autocorrelation of the residuals (when positive:
 *   slow wander of a CI machine makes neighbouring runs alike and a stretch of them looks like a
 *   slope). Since (s, e) was chosen as the best of many ramps, |t| must pass {@value #T_CRITICAL},
 *   not 3.3: the largest |t| of the search on flat white noise reached at most 4.07 in 1,000 series
 *   of 200 runs and 3.63 in 300 series of 1,000 runs (docs/change-points.md);</li>
 * <li><b>a monotone trend inside the ramp</b>, robustly: the Mann–Kendall test on w[s, e),
 *   <pre>
 *   S = Σ_{i&lt;j} sgn(w_j − w_i),   Var S = n(n − 1)(2n + 5)/18 · n/n*,
 *   n/n* = 1 + 2·Σ_{k=1}^{n−1} (1 − k/n)·ρ₁^k      (Yue &amp; Wang 2004, lag-1 autocorrelation ρ₁ &gt; 0
 *                                                   of the series after removing the Theil–Sen line)
 *   Z = (S − sgn S)/√Var S,   p = 2·(1 − Φ(|Z|)) &lt; max p;</pre></li>
 * <li><b>large enough to matter</b>, the rule a step must pass: |total change| ≥ min effect × the
 *   case's noise σ ({@link NoiseEstimate}) and |total change| ÷ level &gt; min magnitude.</li>
 * </ul>
 * The reported slope is the Theil–Sen estimate over the ramp (median of (w_j − w_i)/(j − i) over
 * pairs i &lt; j; over every k-th run when the ramp is longer than {@value #THEIL_SEN_POINTS} runs), robust
 * to the odd outlier the filter let through; total change = slope × (e − 1 − s).
 *
 * <h2>4. More than one drift</h2>
 * After a drift is accepted, the stretches before and after it are searched the same way; a
 * stretch whose best ramp fails stops there.
 */
public final class DriftDetector {
    /** Fewest runs a drift spans. */
    public static final int MIN_RUNS = 20;
    /** |t| the best ramp of a stretch must reach (the search picks the largest of many). */
    public static final double T_CRITICAL = 5.0;
    /** Longest stretch the Theil–Sen slope uses every run of. */
    static final int THEIL_SEN_POINTS = 300;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private DriftDetector() {
    }

    /**
     * One drift, by series position.
     *
     * @param start first run of the drift
     * @param end last run of the drift (inclusive)
     * @param levelBefore the level at {@code start} (the ramp's fit, steps before it included)
     * @param change total change over the drift (Theil–Sen slope × (end − start)), steps inside excluded
     * @param slopePerRun Theil–Sen slope, change per run
     * @param pValue Mann–Kendall p-value, corrected for autocorrelation
     * @param tStat the ramp's t against the noise (the detection statistic)
     */
    public record Drift(int start, int end, double levelBefore, double change, double slopePerRun, double pValue,
                        double tStat) {
        public double levelAfter() {
            return levelBefore + change;
        }

        /** change ÷ |levelBefore| (0 for a zero level). */
        public double relativeChange() {
            return levelBefore == 0 ? 0 : change / Math.abs(levelBefore);
        }
    }

    /**
     * The drifts of a filtered series with its final steps.
     *
     * @param steps the steps, ascending, with their jumps measured against the local trend
     * @param noise the case's noise σ
     */
    public static List<Drift> detect(double[] z, List<StepTest.Result> steps, double maxPValue, double minMagnitude,
                                     double minEffect, double noise) {
        return detect(z, steps, maxPValue, minMagnitude, minEffect, noise, null);
    }

    /** As above, with the sums of z when there are no steps (then w is z), or null. */
    static List<Drift> detect(double[] z, List<StepTest.Result> steps, double maxPValue, double minMagnitude,
                              double minEffect, double noise, StepTest.Sums sumsOfZ) {
        int n = z.length;
        double[] w = z.clone();
        double[] cumulative = new double[n];
        double shift = 0;
        int k = 0;
        for (int t = 0; t < n; t++) {
            while (k < steps.size() && steps.get(k).index() == t) {
                shift += steps.get(k).jump();
                k++;
            }
            cumulative[t] = shift;
            w[t] -= shift;
        }
        List<Drift> out = new ArrayList<>();
        if (n < MIN_RUNS) {
            return out;
        }
        StepTest.Sums sums = steps.isEmpty() && sumsOfZ != null ? sumsOfZ : new StepTest.Sums(w);
        search(w, sums, cumulative, 0, n, maxPValue, minMagnitude, minEffect, noise, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void search(double[] w, StepTest.Sums sums, double[] cumulative, int lo, int hi, double maxPValue,
                               double minMagnitude, double minEffect, double noise, List<Drift> out) {
        int m = hi - lo;
        if (m < MIN_RUNS || m < 4) {
            return;
        }
        int[] best = bestRamp(sums, lo, hi);
        if (best == null) {
            return;
        }
        int s = best[0];
        int e = best[1];
        Ramp fit = fit(w, sums, lo, hi, s, e);
        if (!(Math.abs(fit.t()) >= T_CRITICAL)) {
            return;
        }
        double slope = theilSen(w, s, e);
        double change = slope * (e - 1 - s);
        double p = mannKendallP(w, s, e, slope);
        double before = fit.alpha() + cumulative[s];
        boolean large = Math.abs(change) >= minEffect * noise && Math.signum(change) == Math.signum(fit.d())
                && (before == 0 || Math.abs(change) / Math.abs(before) > minMagnitude);
        if (p < maxPValue && large) {
            out.add(new Drift(s, e - 1, before, change, slope, p, fit.t()));
            search(w, sums, cumulative, lo, s, maxPValue, minMagnitude, minEffect, noise, out);
            search(w, sums, cumulative, e, hi, maxPValue, minMagnitude, minEffect, noise, out);
        }
    }

    /** The ramp's fit: intercept α, change D, and D's t against the autocorrelation-corrected noise. */
    record Ramp(double alpha, double d, double t) {
    }

    /** Σr, Σr², Σr·w (w centred) of the ramp (s, e) over [lo, hi). */
    private static double[] rampSums(StepTest.Sums x, int lo, int hi, int s, int e) {
        double len = e - 1 - s;
        double cnt = e - s;
        double st = x.t1[e] - x.t1[s];
        double stt = x.t2[e] - x.t2[s];
        double after = hi - e;
        double sr = (st - s * cnt) / len + after;
        double srr = (stt - 2 * s * st + (double) s * s * cnt) / (len * len) + after;
        double sry = (x.ty[e] - x.ty[s] - s * (x.y1[e] - x.y1[s])) / len + (x.y1[hi] - x.y1[e]);
        return new double[] {sr, srr, sry};
    }

    /**
     * gain = S_rw²/S_rr of the ramp (s, e) on [lo, hi); −1 when undefined. The sums are
     * {@link #rampSums}' own arithmetic, written out here without its array: {@link #bestRamp} asks
     * for thousands of ramps a series, and without C2's escape analysis (the launchers run short
     * commands with C1 only) each array was an allocation.
     */
    static double gain(StepTest.Sums x, int lo, int hi, int s, int e) {
        int m = hi - lo;
        double sy = x.y1[hi] - x.y1[lo];
        double len = e - 1 - s;
        double cnt = e - s;
        double st = x.t1[e] - x.t1[s];
        double stt = x.t2[e] - x.t2[s];
        double after = hi - e;
        double sr = (st - s * cnt) / len + after;
        double srr = (stt - 2 * s * st + (double) s * s * cnt) / (len * len) + after;
        double sry = (x.ty[e] - x.ty[s] - s * (x.y1[e] - x.y1[s])) / len + (x.y1[hi] - x.y1[e]);
        double crr = srr - sr * sr / m;
        double cry = sry - sr * sy / m;
        return crr <= 1e-12 ? -1 : cry * cry / crr;
    }

    /**
     * (s, e) of the largest gain with e − s ≥ MIN_RUNS: coarse grid, then run by run around the best.
     * The grid is walked row by row (one s, the ends e ascending) in pieces of {@link #PIECE} ends; a
     * piece whose gains {@link RampBound} proves lower than the best so far, or than a gain of the grid
     * already known, is skipped: it could not have changed (s, e), which is the first of the largest
     * gain in this order whatever is skipped below it.
     */
    static int[] bestRamp(StepTest.Sums x, int lo, int hi) {
        int m = hi - lo;
        int g = Math.max(1, m / 150);
        RampBound bound = RampBound.of(x, lo, hi, g);
        // a gain of the grid known before the walk: every PIECE-th row and end (ramps of the grid, so it
        // is at most the grid's largest gain and can only skip pieces below that)
        double floor = -1;
        if (bound != null) {
            for (int s = lo; s + MIN_RUNS <= hi; s += PIECE * g) {
                for (int e = s + MIN_RUNS; ; e += PIECE * g) {
                    int end = Math.min(e, hi);
                    floor = Math.max(floor, gain(x, lo, hi, s, end));
                    if (end == hi) {
                        break;
                    }
                }
            }
        }
        double best = -1;
        int bs = -1;
        int be = -1;
        for (int s = lo; s + MIN_RUNS <= hi; s += g) {
            for (int e = s + MIN_RUNS; ; ) {
                int last = e + (PIECE - 1) * g; // the piece's ends: e, e + g, … up to last, the row's end clipped to hi
                if (bound != null && bound.below(s, Math.min(e, hi), Math.min(last, hi), Math.max(best, floor))) {
                    if (last >= hi) {
                        break;
                    }
                    e = last + g;
                    continue;
                }
                boolean rowEnd = false;
                for (int k = 0; k < PIECE; k++, e += g) {
                    int end = Math.min(e, hi); // the last e of the row is always hi: a drift to the end
                    double v = gain(x, lo, hi, s, end);
                    if (v > best) {
                        best = v;
                        bs = s;
                        be = end;
                    }
                    if (end == hi) {
                        rowEnd = true;
                        break;
                    }
                }
                if (rowEnd) {
                    break;
                }
            }
        }
        if (bs < 0) {
            return null;
        }
        if (g > 1) {
            int cs = bs;
            int ce = be;
            for (int s = Math.max(lo, cs - g); s <= Math.min(hi - MIN_RUNS, cs + g); s++) {
                for (int e = Math.max(s + MIN_RUNS, ce - g); e <= Math.min(hi, ce + g); e++) {
                    double v = gain(x, lo, hi, s, e);
                    if (v > best) {
                        best = v;
                        bs = s;
                        be = e;
                    }
                }
            }
        }
        return new int[] {bs, be};
    }

    /** Ends of one row that {@link #bestRamp} bounds at once. */
    static final int PIECE = 8;

    /**
     * Proves that the gains of a piece of a row of {@link #bestRamp}'s grid, the ramps (s, e) with e in
     * [e0, e1] on a stretch [lo, hi), stay below a given gain, in O(1). With ŵ = w − w̄ on the stretch
     * and W(u) = Σ_{t ≥ u} ŵ_t, summing by parts gives
     * <pre>
     *   S_rw = Σ_u (r(u) − r(u − 1))·W(u) = (1/len)·Σ_{u=s+1}^{e−1} W(u) = (C(e − 1) − C(s)) / len,   C(u) = Σ_{v ≤ u} W(v)
     * </pre>
     * the mean of W over the ramp, so |S_rw| ≤ max |W| on [s + 1, e1 − 1], and ≤ max |C(u) − C(s)| over u
     * in [e0 − 1, e1 − 1] ÷ (e0 − 1 − s). S_rr does not depend on the data: with b = hi − e runs after
     * the ramp,
     * <pre>
     *   S_rr = Q(len, b) + 1/(6·len) &gt; Q,   Q = len/3 + 1/2 + b − ((len + 1)/2 + b)²/m
     * </pre>
     * and Q is concave (a quadratic with a negative semi-definite Hessian), so along the piece it is
     * least at one of its ends. The maxima and minima over ranges come from within-block prefix and
     * suffix extremes (van Herk, Gil and Werman: a range no longer than the block spans at most two
     * blocks). The bound allows for the rounding of both computations (prefix sums of up to n values:
     * an error of at most a few n²·ε·Σ|y|, allowed for 1,000 times over) and is used only for series
     * short enough that the prefix sums of t and t² are exact.
     */
    static final class RampBound {
        /** Longest series bounded: the prefix sums of t² stay exact integers in a double. */
        static final int MAX_N = 100_000;
        private final int lo;
        private final int hi;
        private final double m;
        private final double inverseM;
        /** Block length of the |W| extremes (the first piece of a row) and of the C extremes (any piece). */
        private final int wBlock;
        private final int cBlock;
        private final double[] wPre;
        private final double[] wSuf;
        private final double[] cMaxPre;
        private final double[] cMaxSuf;
        private final double[] cMinPre;
        private final double[] cMinSuf;
        private final double[] c;
        private final double slack;

        private RampBound(StepTest.Sums x, int lo, int hi, int g) {
            this.lo = lo;
            this.hi = hi;
            int len = hi - lo;
            m = len;
            inverseM = 1.0 / len;
            cBlock = (PIECE - 1) * g + 1;
            wBlock = cBlock + MIN_RUNS - 1;
            double ybar = (x.y1[hi] - x.y1[lo]) / len;
            double[] absW = new double[len];
            c = new double[len];
            double run = 0;
            for (int u = lo; u < hi; u++) {
                double wu = (x.y1[hi] - x.y1[u]) - (hi - u) * ybar;
                absW[u - lo] = Math.abs(wu);
                run += wu;
                c[u - lo] = run;
            }
            wPre = new double[len];
            wSuf = new double[len];
            extremes(absW, wBlock, true, wPre, wSuf);
            cMaxPre = new double[len];
            cMaxSuf = new double[len];
            extremes(c, cBlock, true, cMaxPre, cMaxSuf);
            cMinPre = new double[len];
            cMinSuf = new double[len];
            extremes(c, cBlock, false, cMinPre, cMinSuf);
            // Σ|y| (which bounds every prefix sum too) from the prefix sums
            double scale = 0;
            for (int i = 0; i < hi; i++) {
                scale += Math.abs(x.y1[i + 1] - x.y1[i]);
            }
            slack = 1e-13 * (double) hi * hi * scale;
        }

        /**
         * The bound for the stretch [lo, hi) with a grid of g runs; null when it does not apply (also
         * for values that are not finite: their gains are NaN, never a best, and skip nothing).
         */
        static RampBound of(StepTest.Sums x, int lo, int hi, int g) {
            if (hi - lo < 2 * MIN_RUNS || hi > MAX_N) {
                return null;
            }
            RampBound bound = new RampBound(x, lo, hi, g);
            return Double.isFinite(bound.slack * 1e13) ? bound : null;
        }

        /** Within-block prefix and suffix maxima (or minima) of v, blocks of {@code block} values. */
        private static void extremes(double[] v, int block, boolean max, double[] pre, double[] suf) {
            int n = v.length;
            for (int start = 0; start < n; start += block) {
                int end = Math.min(n, start + block);
                double run = v[start];
                for (int i = start; i < end; i++) {
                    double x = v[i];
                    run = max ? (x > run ? x : run) : (x < run ? x : run);
                    pre[i] = run;
                }
                run = v[end - 1];
                for (int i = end - 1; i >= start; i--) {
                    double x = v[i];
                    run = max ? (x > run ? x : run) : (x < run ? x : run);
                    suf[i] = run;
                }
            }
        }

        /**
         * Whether every gain(x, lo, hi, s, e) as computed, e in [e0, e1] (e0 − s ≥ MIN_RUNS, e1 ≤ hi,
         * e1 − e0 &lt; the piece), is below {@code floor}.
         */
        boolean below(int s, int e0, int e1, double floor) {
            double crr = Math.min(q(e0 - 1 - s, hi - e0), q(e1 - 1 - s, hi - e1)) - 1e-12 * m;
            if (!(crr > 0 && floor > 0)) {
                return false;
            }
            int a = e0 - 1 - lo;
            int b = e1 - 1 - lo;
            double cs = c[s - lo];
            double up = cMaxSuf[a] > cMaxPre[b] ? cMaxSuf[a] : cMaxPre[b];
            double down = cMinSuf[a] < cMinPre[b] ? cMinSuf[a] : cMinPre[b];
            double bound = (up - cs > cs - down ? up - cs : cs - down) / (e0 - 1 - s);
            if (b - (s - lo) <= wBlock) {
                double w = wSuf[s + 1 - lo] > wPre[b] ? wSuf[s + 1 - lo] : wPre[b];
                bound = w < bound ? w : bound;
            }
            bound += slack;
            return bound * bound * (1 + 1e-12) < floor * crr;
        }

        /** Q(len, b), multiplying rather than dividing (its rounding is far inside the bound's allowance). */
        private double q(double len, double b) {
            double r = (len + 1) * 0.5 + b;
            return len * THIRD + 0.5 + b - r * r * inverseM;
        }

        private static final double THIRD = 1.0 / 3;
    }

    /**
     * The best fit of "levels and one ramp" on [lo, hi): y = a_k on each segment k between the given
     * bounds (steps, ascending, inside (lo, hi)) plus D·r(t) with r the ramp (s, e) of at least
     * {@link #MIN_RUNS} runs, both ends refitted. With the levels free, the ramp is fitted to y and r
     * centred within each segment:
     * <pre>
     *   RSS(s, e) = Σ_k C_yy,k − (Σ_k C_ry,k)² / Σ_k C_rr,k,   D = Σ_k C_ry,k / Σ_k C_rr,k
     * </pre>
     * each segment's sums O(1) from prefix sums. (s, e) is searched on a grid of max(1, m/150) runs and
     * refined run by run around the best, as {@link #bestRamp}.
     *
     * @return {RSS, s, e, D} of the best ramp, or null when no ramp fits
     */
    static double[] levelsAndRamp(StepTest.Sums x, int lo, int hi, int[] bounds) {
        int m = hi - lo;
        if (m < MIN_RUNS) {
            return null;
        }
        int[] edges = new int[bounds.length + 2];
        edges[0] = lo;
        System.arraycopy(bounds, 0, edges, 1, bounds.length);
        edges[edges.length - 1] = hi;
        double cyy = 0;
        for (int k = 0; k + 1 < edges.length; k++) {
            int a = edges[k];
            int b = edges[k + 1];
            double sy = x.y1[b] - x.y1[a];
            cyy += x.y2[b] - x.y2[a] - (b > a ? sy * sy / (b - a) : 0);
        }
        int g = Math.max(1, m / 150);
        double[] best = {Double.POSITIVE_INFINITY, -1, -1, 0};
        for (int s = lo; s + MIN_RUNS <= hi; s += g) {
            for (int e = s + MIN_RUNS; ; e += g) {
                int end = Math.min(e, hi);
                levelsAndRampAt(x, edges, cyy, s, end, best);
                if (end == hi) {
                    break;
                }
            }
        }
        if (best[1] < 0) {
            return null;
        }
        if (g > 1) {
            int cs = (int) best[1];
            int ce = (int) best[2];
            for (int s = Math.max(lo, cs - g); s <= Math.min(hi - MIN_RUNS, cs + g); s++) {
                for (int e = Math.max(s + MIN_RUNS, ce - g); e <= Math.min(hi, ce + g); e++) {
                    levelsAndRampAt(x, edges, cyy, s, e, best);
                }
            }
        }
        best[0] = Math.max(0, best[0]);
        return best;
    }

    /** One ramp (s, e) of {@link #levelsAndRamp}: updates {RSS, s, e, D} when it fits better. */
    private static void levelsAndRampAt(StepTest.Sums x, int[] edges, double cyy, int s, int e, double[] best) {
        double len = e - 1 - s;
        double crr = 0;
        double cry = 0;
        for (int k = 0; k + 1 < edges.length; k++) {
            int a = edges[k];
            int b = edges[k + 1];
            int cnt = b - a;
            if (cnt <= 0) {
                continue;
            }
            // the ramp's part inside [a, b): rising on [p, q), 1 on [max(a, e), b)
            int p = Math.max(a, s);
            int q = Math.min(b, e);
            double sr = 0;
            double srr = 0;
            double sry = 0;
            if (q > p) {
                double c = q - p;
                double st = x.t1[q] - x.t1[p];
                double stt = x.t2[q] - x.t2[p];
                sr += (st - s * c) / len;
                srr += (stt - 2.0 * s * st + (double) s * s * c) / (len * len);
                sry += (x.ty[q] - x.ty[p] - s * (x.y1[q] - x.y1[p])) / len;
            }
            int f = Math.max(a, e);
            if (b > f) {
                sr += b - f;
                srr += b - f;
                sry += x.y1[b] - x.y1[f];
            }
            double sy = x.y1[b] - x.y1[a];
            crr += srr - sr * sr / cnt;
            cry += sry - sr * sy / cnt;
        }
        if (!(crr > 1e-12)) {
            return;
        }
        double rss = cyy - cry * cry / crr;
        if (rss < best[0]) {
            best[0] = rss;
            best[1] = s;
            best[2] = e;
            best[3] = cry / crr;
        }
    }

    static Ramp fit(double[] w, StepTest.Sums x, int lo, int hi, int s, int e) {
        int m = hi - lo;
        double sy = x.y1[hi] - x.y1[lo];
        double syy = x.y2[hi] - x.y2[lo] - sy * sy / m;
        double[] r = rampSums(x, lo, hi, s, e);
        double crr = r[1] - r[0] * r[0] / m;
        double cry = r[2] - r[0] * sy / m;
        double d = cry / crr;
        double alphaCentred = (sy - d * r[0]) / m;
        double alpha = alphaCentred + x.centre;
        // residuals' lag-1 autocorrelation, for the effective noise
        double len = e - 1 - s;
        double prev = Double.NaN;
        double c0 = 0;
        double c1 = 0;
        for (int t = lo; t < hi; t++) {
            double rt = t < s ? 0 : (t < e ? (t - s) / len : 1);
            double res = w[t] - alpha - d * rt;
            c0 += res * res;
            if (!Double.isNaN(prev)) {
                c1 += res * prev;
            }
            prev = res;
        }
        double rho = c0 > 0 ? Math.max(0, Math.min(0.9, c1 / c0)) : 0;
        double rss = Math.max(0, syy - d * d * crr);
        double s2 = rss / (m - 2) * (1 + rho) / (1 - rho);
        double se = Math.sqrt(s2 / crr);
        double t = se > 0 ? d / se : (d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d));
        return new Ramp(alpha, d, t);
    }

    /** Theil–Sen slope of w[s, e): the median of the pairwise slopes (every k-th run for long stretches). */
    static double theilSen(double[] w, int s, int e) {
        int len = e - s;
        int stride = Math.max(1, (len + THEIL_SEN_POINTS - 1) / THEIL_SEN_POINTS);
        int pts = (len + stride - 1) / stride;
        double[] slopes = new double[pts * (pts - 1) / 2];
        int c = 0;
        for (int i = 0; i < pts; i++) {
            for (int j = i + 1; j < pts; j++) {
                int a = s + i * stride;
                int b = s + j * stride;
                slopes[c++] = (w[b] - w[a]) / (b - a);
            }
        }
        return c == 0 ? 0 : Centre.median(slopes, c);
    }

    /** Mann–Kendall p-value of w[s, e), with Yue and Wang's correction for lag-1 autocorrelation. */
    static double mannKendallP(double[] w, int s, int e, double slope) {
        int n = e - s;
        if (n < 3) {
            return 1.0;
        }
        long sum = 0;
        for (int i = s; i < e; i++) {
            double wi = w[i];
            for (int j = i + 1; j < e; j++) {
                sum += Double.compare(w[j], wi) > 0 ? 1 : (w[j] == wi ? 0 : -1);
            }
        }
        double var = n * (n - 1.0) * (2.0 * n + 5) / 18;
        double rho = lag1(w, s, e, slope);
        if (rho > 0) {
            double f = 1;
            double pw = 1;
            for (int k = 1; k < n; k++) {
                pw *= rho;
                if (pw < 1e-12) {
                    break;
                }
                f += 2 * (1 - (double) k / n) * pw;
            }
            var *= f;
        }
        if (var <= 0) {
            return 1.0;
        }
        double z = (sum - Math.signum(sum)) / Math.sqrt(var);
        return Math.min(1.0, 2 * NORMAL.survivalProbability(Math.abs(z)));
    }

    /** Lag-1 autocorrelation of w[s, e) after removing the line of the given slope. */
    static double lag1(double[] w, int s, int e, double slope) {
        int n = e - s;
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = w[s + i] - slope * i;
            mean += r[i];
        }
        mean /= n;
        double c0 = 0;
        double c1 = 0;
        for (int i = 0; i < n; i++) {
            c0 += (r[i] - mean) * (r[i] - mean);
            if (i > 0) {
                c1 += (r[i] - mean) * (r[i - 1] - mean);
            }
        }
        return c0 > 0 ? Math.min(0.95, c1 / c0) : 0;
    }

    /**
     * The drifts as a series: Σ change·r(t) with r rising from 0 at a drift's start to 1 at its end
     * and staying 1 after it (what the series would lose if the drifts had not happened).
     */
    public static double[] ramps(int n, List<Drift> drifts) {
        double[] out = new double[n];
        for (Drift d : drifts) {
            double len = Math.max(1, d.end() - d.start());
            for (int t = d.start(); t < n; t++) {
                out[t] += d.change() * Math.min(1.0, (t - d.start()) / len);
            }
        }
        return out;
    }

    /** For tests: a copy of the series with the steps subtracted. */
    static double[] withoutSteps(double[] z, List<StepTest.Result> steps) {
        double[] w = Arrays.copyOf(z, z.length);
        for (StepTest.Result r : steps) {
            for (int t = r.index(); t < w.length; t++) {
                w[t] -= r.jump();
            }
        }
        return w;
    }
}
