package io.benchledger.archive.analysis.changepoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A candidate step tested against the local trend, and the second merge that uses that test. One
 * file on purpose: the mathematics of "is this a step, or part of a slope?".
 *
 * <h2>Why</h2>
 * E-Divisive compares the levels on the two sides of a candidate. Inside a steadily rising stretch
 * every split has a lower left side than right side, so a trend comes out as a staircase of
 * same-direction "steps". A step is a jump of the level that a line through its neighbourhood does
 * not explain; that is what this test asks.
 *
 * <h2>Three models of the stretch z[lo, hi) around a candidate τ</h2>
 * With L = [lo, τ) (n_L points) and R = [τ, hi) (n_R points), t the run position, and within-side
 * centred sums S_tt = Σ(t − t̄)², S_ty = Σ(t − t̄)(y − ȳ), S_yy = Σ(y − ȳ)² of each side:
 * <pre>
 *   M0  flat sides:        y = a_L on L, a_R on R                 RSS₀ = S_yy,L + S_yy,R            (2 parameters)
 *   M1  one slope, a jump: y = a_L + b·t on L, a_R + b·t on R      b = (S_ty,L + S_ty,R) / (S_tt,L + S_tt,R)
 *                                                                  RSS₁ = RSS₀ − b²·(S_tt,L + S_tt,R)  (3)
 *   M2  own slopes, a jump: y = a_L + b_L·t on L, a_R + b_R·t on R  b_s = S_ty,s / S_tt,s
 *                                                                  RSS₂ = RSS₀ − b_L²·S_tt,L − b_R²·S_tt,R (4)
 * </pre>
 * The jump c is the difference of the two sides' lines at the boundary u = τ − ½:
 * <pre>
 *   c = (ȳ_R + b_R·(u − t̄_R)) − (ȳ_L + b_L·(u − t̄_L))                      (b_L = b_R = b in M1, 0 in M0)
 *   Var c = s²·(1/n_L + 1/n_R)                                             (M0)
 *         = s²·(1/n_L + 1/n_R + (t̄_R − t̄_L)² / (S_tt,L + S_tt,R))         (M1)
 *         = s²·(1/n_L + (u − t̄_L)²/S_tt,L + 1/n_R + (u − t̄_R)²/S_tt,R)     (M2)
 *   s² = RSS / (n − k),  t = c / √Var c,  p = 2·P(T_{n−k} &gt; |t|)
 * </pre>
 * M0 is Otava's t-test (pooled variance of the two sides). The model is chosen by nested F-tests
 * before the jump is tested: M1 when a common slope is significant against M0
 * (F = (RSS₀ − RSS₁) / (RSS₁/(n − 3)), 1 and n − 3 df, p &lt; {@value #SLOPE_P}), then M2 when
 * different slopes are significant against M1 (F = (RSS₁ − RSS₂) / (RSS₂/(n − 4))) and each side has at
 * least {@link DriftDetector#MIN_RUNS} runs (the slope of fewer runs is the slope of a few noisy points,
 * and a line through them extrapolated to the boundary makes jumps out of noise). So a flat
 * step keeps the full power of the means test, a step inside a trend is measured against the trend
 * (M1), and a drift that stops (a bend, M2) is not mistaken for a jump.
 *
 * <p>Every sum comes from prefix sums of 1, t, t², y, t·y, y² (y centred on the series' median for
 * precision), so each test is O(1) and the merge costs what Otava's merge costs.
 *
 * <h2>The scan: the p-value of the best of many positions</h2>
 * The p above is the p of a jump at a position fixed in advance. But the candidate's position was not
 * fixed: E-Divisive chose it as the best split, so it is the largest of about n − 2·(minimum segment)
 * jump statistics of its stretch, and under "no jump here" the largest of many t's is much larger than
 * one t. On a stretch of 120 runs of white noise, the best split's |t| passes 3.3 (p = 0.001 at a fixed
 * position) in about 2.3 % of the stretches, not 0.1 %; inside a trend, where the local line never fits
 * perfectly, such chance jumps of 2–3 noise sd at p ≈ 10⁻⁴ were what survived as false steps. The
 * merge therefore judges every step by the p-value of the maximum over the positions of its stretch
 * [lo, hi) with at least the minimum segment m on each side, Siegmund's approximation for the scan of
 * a standardised two-sample statistic (James, James &amp; Siegmund 1987; Siegmund 1988):
 * <pre>
 *   z = Φ⁻¹(1 − p/2),   w_τ = n / (n_L(τ)·n_R(τ)),   n = hi − lo
 *   P(max_τ |Z_τ| &gt; z) ≈ z·φ(z)·Σ_{τ = lo+m}^{hi−m} w_τ·ν(z·√w_τ),   ν(x) ≈ exp(−0.583·x)
 * </pre>
 * (in continuous time the standardised split statistic is an Ornstein–Uhlenbeck process in
 * ½·log(u/(1 − u)), whose maximum's tail is z·φ(z) per unit of that time; ν corrects for the
 * positions being discrete). Checked by simulation on 20,000 stretches of 120 runs (m = 5): for
 * z = 3, 3.5, 4, 4.5 the formula gives 0.054, 0.0115, 0.0019, 0.00023 where the simulated maximum
 * passed z in 0.051, 0.011, 0.0021, 0.00025 of them; Bonferroni (p × positions) would give 0.30,
 * 0.052, 0.0070, 0.00075 and cost real steps for nothing. The same formula is used for the slope
 * models (the jump's t against the local line, converted to z through its p), where it is, if anything,
 * too mild: on 4,000 simulated stretches of 120 runs of a line plus noise, the best position's |t| in
 * M1 passed 3.5 in 3.1 % and 4 in 0.45 % of them, where the formula says 1.6 % and 0.31 %. A real step is hardly touched: a 3 sd step with 20 runs on each side has
 * |t| ≈ 9.5 against flat sides, p ≈ 2·10⁻²¹, and the scan makes it 1.5·10⁻¹⁹ (× 72; × 23 at p = 0.001).
 * The reported p-value of a step is this scanned one.
 *
 * <h2>The second merge</h2>
 * After Otava's merge (levels), every remaining step is re-tested with its neighbouring steps as
 * the stretch bounds. While some step fails — scanned p ≥ max p (an undefined p, as when a side is
 * too short to fit, counts as 1), or |c| below the minimum effect × the
 * case's noise, or the relative jump |c| ÷ level below the minimum magnitude, or a side shorter than
 * the minimum segment — the weakest (largest p; then the smallest |c|) is removed and its two
 * neighbours are re-tested on their longer stretches. Inside a trend the candidates' stretches grow
 * as the staircase is removed, the local line is fitted ever better, and none survives; a real step
 * inside the trend keeps its jump. Finally each surviving step faces one more alternative: a ramp
 * through it (flat, a straight rise over at least 2 × the minimum segment, flat: the shape of a drift
 * between two bends). When such a ramp fits its stretch better than the jump model —
 * F = ((RSS_jump − RSS_ramp)/2) / (RSS_ramp/(n − 4)) with 2 and n − 4 df (the ramp's two ends are
 * chosen freely) at p &lt; {@value #RAMP_P} — the step is a piece of a drift cut into a staircase: the
 * one with the smallest such p is removed and the merge goes on. The jump must also be sharper than a
 * drift: against the best ramp of at least {@link DriftDetector#MIN_RUNS} runs through it, the jump's
 * advantage F = (RSS_slow_ramp − RSS_jump) / (RSS_jump/(n − 4)) (1 and n − 4 df) must have p &lt;
 * {@value #SHARP_P} when the jump is below {@value #SHARP_EFFECT} noise sd; else the data cannot tell the
 * small step from a drift, and it is left to the drift detector (weak trends of 2–3 sd over 50 runs
 * otherwise came out as a "step" of 2–2.2 sd in 3 of 80 series). A jump below
 * {@value #GRADUAL_EFFECT} noise sd must also not be gradual: among the ramps of at least
 * {@link DriftDetector#MIN_RUNS} runs through it, take the one of least RSS, with both ends refitted
 * (the length L = e − s free). A jump is the limit of a ramp as L → 0, so for a real jump the ramp's
 * fit only gets better as L shrinks and the best one sits at the shortest length allowed (782 of 801
 * found 3–4 sd steps at 5 % noise). When the best ramp is at least {@value #GRADUAL_RUNS} runs long,
 * the data prefer a slow change to the sharpest ramp there is; if then the jump's advantage over that
 * ramp (the same F-test as above) has p ≥ {@value #GRADUAL_P}, the "step" is the middle of a drift
 * and is removed (left to the drift detector). On step-free trends of 0.05–0.1 sd per run over 50 runs
 * (20 seeds × 40 series each) this removed 6 of the 15 false steps of 2.0–3.0 sd, and none of the
 * found ≥ 3 sd steps at 5 % noise of the studies of docs/change-points.md (one at 4 % noise in the
 * per-noise study's mixed table). Two neighbouring steps of one
 * direction are last asked the same of their joint stretch: unless the staircase of three levels fits
 * it significantly better than one ramp from before the first to after the second (F-test of the one
 * extra parameter, F = (RSS_ramp − RSS_stairs) / (RSS_stairs/(n − 3)), p &lt; max p), the
 * weaker of the two goes. Two real steps are sharp, and a ramp through both fits them badly.
 */
public final class StepTest {
    /** Level of the F-tests that let a slope (M1) or two slopes (M2) into the model of a stretch. */
    public static final double SLOPE_P = 0.01;
    /**
     * A ramp through a step wins when its F-test against the jump has p below this: when it explains
     * more than two freely placed ends would explain of pure noise half of the time. Between a jump and
     * a ramp neither is the null hypothesis; this is the even-handed choice (chosen with the study of
     * docs/change-points.md: 0.01 left drifts cut into steps, and 0.5 costs 1 % of step recall).
     */
    public static final double RAMP_P = 0.5;
    /**
     * A small step (below {@link #SHARP_EFFECT} noise sd) must fit its stretch better than every
     * drift-long ramp through it (at least {@link DriftDetector#MIN_RUNS} runs) with p below this in the
     * F-test of the jump's advantage: when the data cannot tell a jump from a drift, it is no step (the
     * drift detector then decides whether it is a drift). Chosen with the trend families of
     * docs/change-points.md: without it, weak trends of 2.5–5 sd over 50 runs gave a 2–2.2 sd "step" in
     * 3 of 80 series.
     */
    public static final double SHARP_P = 0.05;
    /**
     * The sharpness rule applies to jumps below this many noise sd, just above the minimum effect (2),
     * where the false steps of weak trends lie (2.0–2.2 sd in the study). Larger jumps stay steps even when a ramp
     * fits about as well, because that happens to real 3–4 sd steps by chance (the best of many ramps fits
     * the noise around them): applied to all jumps, the rule cost 10 of 83 found 3–4 sd steps at 5 % noise
     * (DetectionQualityTest), recall 0.92 → 0.80; below 2.5 sd it still cost 0.92 → 0.89.
     */
    public static final double SHARP_EFFECT = 2.25;

    /**
     * A jump whose best ramp of at least {@link DriftDetector#MIN_RUNS} runs through it is at least this
     * long (1.5 × that minimum) is a gradual change when the jump does not fit clearly better
     * ({@link #GRADUAL_P}). Of 801 real 3–4 sd steps found at 5 % noise (per-noise study and
     * DetectionQualityTest), 782 have their best such ramp at the minimum, 20 runs; 5 at 30 runs or more.
     */
    static final int GRADUAL_RUNS = 3 * DriftDetector.MIN_RUNS / 2;
    /**
     * A gradual jump (see {@link #GRADUAL_RUNS}) whose advantage over that ramp has p at or above this
     * is a drift, not a step. 0.05 cost 2 of 800 found ≥ 3 sd steps at 5 % noise in the per-noise study.
     */
    static final double GRADUAL_P = 0.1;
    /**
     * The gradual rule applies to jumps below this many noise sd: larger ones stay steps (without the
     * cap the rule cost 3 of 800 found ≥ 3 sd steps at 5 % noise; the false steps of weak trends it is
     * for measure 2.0–3.0 sd).
     */
    static final double GRADUAL_EFFECT = 3.0;

    /** Siegmund's discreteness correction ν(x) ≈ exp(−{@value} · x) of the scan approximation. */
    static final double NU = 0.583;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private StepTest() {
    }

    /** The model a step was tested in. */
    public enum Model { FLAT, SLOPE, TWO_SLOPES }

    /**
     * One candidate's test.
     *
     * @param levelBefore the left side's line at the boundary (its mean in M0)
     * @param levelAfter the right side's line at the boundary
     * @param jump levelAfter − levelBefore
     */
    public record Result(int index, int lo, int hi, Model model, double levelBefore, double levelAfter, double jump,
                         double pValue, double rss) {

        /** Otava's relative magnitude max(|after/before − 1|, |before/after − 1|), on the local levels. */
        public double magnitude() {
            double forward = levelBefore == 0 ? 0 : levelAfter / levelBefore - 1;
            double backward = levelAfter == 0 ? 0 : levelBefore / levelAfter - 1;
            return Math.max(Math.abs(forward), Math.abs(backward));
        }

        public int nBefore() {
            return index - lo;
        }

        public int nAfter() {
            return hi - index;
        }
    }

    /** Prefix sums of 1, t, t², y, t·y, y² over a series (y centred on {@code centre}). */
    public static final class Sums {
        /** {t1, t2} of the longest series so far ({@link #timeSums}). */
        private static volatile double[][] TIMES = {new double[1], new double[1]};
        final double[] t1;
        final double[] t2;
        final double[] y1;
        final double[] ty;
        final double[] y2;
        final double centre;
        /** Added to the levels a test reports (the drifts taken out of the series, see SeriesDetector). */
        final double[] offset;

        public Sums(double[] z) {
            this(z, null);
        }

        public Sums(double[] z, double[] offset) {
            this.offset = offset;
            int n = z.length;
            centre = n == 0 ? 0 : NoiseEstimate.median(z);
            double[][] times = timeSums(n);
            t1 = times[0];
            t2 = times[1];
            y1 = new double[n + 1];
            ty = new double[n + 1];
            y2 = new double[n + 1];
            for (int i = 0; i < n; i++) {
                double y = z[i] - centre;
                y1[i + 1] = y1[i] + y;
                ty[i + 1] = ty[i] + i * y;
                y2[i + 1] = y2[i] + y * y;
            }
        }

        /**
         * Prefix sums of t and t² up to at least n, shared by every series (they do not depend on the
         * values; each a longer table's prefix is the shorter one's).
         */
        private static double[][] timeSums(int n) {
            double[][] times = TIMES;
            if (times[0].length <= n) {
                int length = Math.max(n + 1, 2 * times[0].length);
                double[] t1 = new double[length];
                double[] t2 = new double[length];
                for (int i = 0; i + 1 < length; i++) {
                    t1[i + 1] = t1[i] + i;
                    t2[i + 1] = t2[i] + (double) i * i;
                }
                times = new double[][] {t1, t2};
                TIMES = times;
            }
            return times;
        }

        /** Centred sums of one stretch [a, b): {n, t̄, ȳ (uncentred), S_tt, S_ty, S_yy}. */
        Side side(int a, int b) {
            int n = b - a;
            double st = t1[b] - t1[a];
            double sy = y1[b] - y1[a];
            double tm = st / n;
            double ym = sy / n;
            double stt = Math.max(0, t2[b] - t2[a] - st * tm);
            double sty = ty[b] - ty[a] - st * ym;
            double syy = Math.max(0, y2[b] - y2[a] - sy * ym);
            return new Side(n, tm, ym + centre, stt, sty, syy);
        }
    }

    record Side(int n, double tMean, double yMean, double stt, double sty, double syy) {
    }

    /** Tests a step at {@code index} on the stretch [lo, hi). */
    public static Result test(Sums sums, int lo, int index, int hi) {
        Side l = sums.side(lo, index);
        Side r = sums.side(index, hi);
        Result jump = jumpTest(sums, lo, index, hi, l, r);
        if (jump.model() == Model.FLAT || !(jump.pValue() < 1)) {
            return jump;
        }
        // a jump inside a slope must also beat a bend: the best broken line without a jump
        double rss2 = l.syy() + r.syy() - sq(l.sty()) / l.stt() - sq(r.sty()) / r.stt();
        double pBend = fTestP(bestBendRss(sums, lo, hi), Math.max(0, rss2), hi - lo - 4);
        return pBend <= jump.pValue() ? jump : new Result(jump.index(), lo, hi, jump.model(), jump.levelBefore(),
                jump.levelAfter(), jump.jump(), pBend, jump.rss());
    }

    /**
     * RSS of the best continuous broken line y = a + b·t + d·(t − κ)₊ on [lo, hi) over the bend κ:
     * with x = (t, (t − κ)₊) centred, β = C_xx⁻¹·C_xy and RSS = S_yy − β·C_xy, all from prefix sums.
     */
    static double bestBendRss(Sums x, int lo, int hi) {
        int n = hi - lo;
        double st = x.t1[hi] - x.t1[lo];
        double sy = x.y1[hi] - x.y1[lo];
        double ctt = x.t2[hi] - x.t2[lo] - st * st / n;
        double cty = x.ty[hi] - x.ty[lo] - st * sy / n;
        double cyy = x.y2[hi] - x.y2[lo] - sy * sy / n;
        double best = Math.max(0, cyy - (ctt > 0 ? cty * cty / ctt : 0));
        for (int k = lo + 2; k <= hi - 3; k++) {
            double cnt = hi - k;
            double t1 = x.t1[hi] - x.t1[k];
            double t2 = x.t2[hi] - x.t2[k];
            double sh = t1 - k * cnt;
            double shh = t2 - 2.0 * k * t1 + (double) k * k * cnt;
            double sht = t2 - k * t1;
            double shy = x.ty[hi] - x.ty[k] - k * (x.y1[hi] - x.y1[k]);
            double chh = shh - sh * sh / n;
            double cth = sht - st * sh / n;
            double chy = shy - sh * sy / n;
            double det = ctt * chh - cth * cth;
            if (!(det > 1e-9 * ctt * chh)) {
                continue;
            }
            double bt = (chh * cty - cth * chy) / det;
            double bh = (ctt * chy - cth * cty) / det;
            double rss = cyy - bt * cty - bh * chy;
            if (rss < best) {
                best = Math.max(0, rss);
            }
        }
        return best;
    }

    private static Result jumpTest(Sums sums, int lo, int index, int hi, Side l, Side r) {
        int n = l.n() + r.n();
        double u = index - 0.5;
        double rss0 = l.syy() + r.syy();
        Model model = Model.FLAT;
        double bl = 0;
        double br = 0;
        double rss = rss0;
        int k = 2;
        double stt = l.stt() + r.stt();
        if (n > 4 && stt > 0) {
            double b = (l.sty() + r.sty()) / stt;
            double rss1 = Math.max(0, rss0 - b * b * stt);
            if (fTestP(rss0, rss1, n - 3) < SLOPE_P) {
                model = Model.SLOPE;
                bl = b;
                br = b;
                rss = rss1;
                k = 3;
                if (n > 5 && l.n() >= DriftDetector.MIN_RUNS && r.n() >= DriftDetector.MIN_RUNS && l.stt() > 0 && r.stt() > 0) {
                    double b1 = l.sty() / l.stt();
                    double b2 = r.sty() / r.stt();
                    double rss2 = Math.max(0, rss0 - b1 * b1 * l.stt() - b2 * b2 * r.stt());
                    if (fTestP(rss1, rss2, n - 4) < SLOPE_P) {
                        model = Model.TWO_SLOPES;
                        bl = b1;
                        br = b2;
                        rss = rss2;
                        k = 4;
                    }
                }
            }
        }
        double shift = sums.offset == null || index <= 0 || index >= sums.offset.length ? 0
                : (sums.offset[index - 1] + sums.offset[index]) / 2;
        double before = l.yMean() + bl * (u - l.tMean()) + shift;
        double after = r.yMean() + br * (u - r.tMean()) + shift;
        double c = after - before;
        double var;
        if (l.n() == 0 || r.n() == 0) {
            return new Result(index, lo, hi, model, before, after, c, 1.0, rss);
        }
        switch (model) {
            case SLOPE -> var = 1.0 / l.n() + 1.0 / r.n() + sq(r.tMean() - l.tMean()) / stt;
            case TWO_SLOPES -> var = 1.0 / l.n() + sq(u - l.tMean()) / l.stt() + 1.0 / r.n() + sq(u - r.tMean()) / r.stt();
            default -> var = 1.0 / l.n() + 1.0 / r.n();
        }
        int df = n - k;
        double p;
        if (df <= 0) {
            p = 1.0;
        } else {
            double se = Math.sqrt(rss / df * var);
            if (se == 0 || Double.isNaN(se)) {
                p = c == 0 ? 1.0 : 0.0;
            } else {
                p = Math.min(1.0, 2 * Distributions.t(df).survivalProbability(Math.abs(c) / se));
            }
        }
        return new Result(index, lo, hi, model, before, after, c, p, rss);
    }

    /**
     * RSS of the best ramp through a candidate: y = α + D·r(t) on [lo, hi) with r rising linearly from
     * 0 at s to 1 at e − 1 (s &lt; index &lt; e, e − s ≥ {@code minLength}), flat before and after
     * ({@link DriftDetector#gain}). A jump whose stretch a ramp fits at least as well is a piece of a
     * drift, not a step.
     */
    static double bestRampRss(Sums x, int lo, int index, int hi, int endAfter, int minLength) {
        return bestRamp(x, lo, index, hi, endAfter, minLength)[0];
    }

    /** As {@link #bestRampRss}: {RSS, length e − s} of the best ramp (length −1 when there is none). */
    static double[] bestRamp(Sums x, int lo, int index, int hi, int endAfter, int minLength) {
        int n = hi - lo;
        double sy = x.y1[hi] - x.y1[lo];
        double cyy = x.y2[hi] - x.y2[lo] - sy * sy / n;
        double best = Double.POSITIVE_INFINITY;
        int length = -1;
        for (int s = lo; s < index; s++) {
            for (int e = Math.max(endAfter, s + minLength); e <= hi; e++) {
                double g = DriftDetector.gain(x, lo, hi, s, e);
                if (g >= 0 && cyy - g < best) {
                    best = cyy - g;
                    length = e - s;
                }
            }
        }
        return new double[] {Math.max(0, best), length};
    }

    /** p of the F-test of one added parameter: F = (RSS_small − RSS_big) / (RSS_big / df). */
    static double fTestP(double rssSmall, double rssBig, int df) {
        if (df <= 0) {
            return 1.0;
        }
        if (rssBig <= 0) {
            return rssSmall > 0 ? 0.0 : 1.0;
        }
        double f = (rssSmall - rssBig) / (rssBig / df);
        return f <= 0 ? 1.0 : Distributions.f(1, df).survivalProbability(f);
    }

    /**
     * The p-value of a jump whose position was chosen as the best of a stretch of {@code n} runs (every
     * position with at least {@code minSegment} runs on each side), from its p-value at a fixed position
     * (see the class comment, "The scan"): with z = Φ⁻¹(1 − p/2) and w_τ = n / (n_L·n_R),
     * <pre>
     *   P(max_τ |Z_τ| &gt; z) ≈ z·φ(z)·Σ_τ w_τ·ν(z·√w_τ),   ν(x) ≈ exp(−0.583·x)
     * </pre>
     * (Siegmund 1988; James, James &amp; Siegmund 1987), never below p itself and at most 1.
     */
    static double scanP(double p, int n, int minSegment) {
        if (!(p > 0)) {
            return Double.isNaN(p) ? 1.0 : 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double z = NORMAL.inverseSurvivalProbability(p / 2);
        double k = -NU * z;
        double[][] weights = scanWeights(n);
        double[] w = weights[0];
        double[] root = weights[1];
        double sum = 0;
        for (int left = Math.max(1, minSegment); left <= n - Math.max(1, minSegment); left++) {
            sum += w[left] * Math.exp(k * root[left]);
        }
        double scanned = z * NORMAL.density(z) * sum;
        return Math.min(1.0, Math.max(p, scanned));
    }

    /** {w_τ, √w_τ} by n_L for stretches of n runs, below 1,024 kept: every merge asks for the same few n. */
    private static final AtomicReferenceArray<double[][]> SCAN_WEIGHTS = new AtomicReferenceArray<>(1024);

    private static double[][] scanWeights(int n) {
        double[][] weights = n < SCAN_WEIGHTS.length() ? SCAN_WEIGHTS.get(n) : null;
        if (weights == null) {
            double[] w = new double[Math.max(0, n)];
            double[] root = new double[w.length];
            for (int left = 1; left < n; left++) {
                w[left] = (double) n / ((double) left * (n - left));
                root[left] = Math.sqrt(w[left]);
            }
            weights = new double[][] {w, root};
            if (n < SCAN_WEIGHTS.length()) {
                SCAN_WEIGHTS.set(n, weights);
            }
        }
        return weights;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * The second merge (see the class comment).
     *
     * @param steps the positions of the steps Otava's merge kept, ascending
     * @return the steps that hold against the local trend, each with its final test
     */
    public static List<Result> merge(double[] z, Sums sums, List<Integer> steps, MergeRule rule, int reach) {
        int minSegment = rule.minSegment();
        List<Result> cps = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int lo = i == 0 ? 0 : steps.get(i - 1);
            int hi = i == steps.size() - 1 ? z.length : steps.get(i + 1);
            cps.add(scanned(test(sums, Math.max(lo, steps.get(i) - reach), steps.get(i), Math.min(hi, steps.get(i) + reach)),
                    minSegment));
        }
        while (!cps.isEmpty()) {
            int weakest = -1;
            double worst = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cps.size(); i++) {
                Result r = cps.get(i);
                double badness = badness(r, rule);
                if (badness > worst) {
                    worst = badness;
                    weakest = i;
                }
            }
            if (worst < 0) {
                // every step holds on its own; the last question, asked only of these few: is it a
                // jump, or the middle of a ramp (a drift cut into a staircase)?
                for (int i = 0; i < cps.size(); i++) {
                    Result r = cps.get(i);
                    double ramp = bestRampRss(sums, r.lo(), r.index(), r.hi(), r.index() + 1, 2 * minSegment);
                    int df = r.hi() - r.lo() - 4;
                    if (df < 1) {
                        continue;
                    }
                    double f = ramp <= 0 ? Double.POSITIVE_INFINITY : (r.rss() - ramp) / 2 / (ramp / df);
                    double pRamp = f <= 0 ? 1 : Distributions.f(2, df).survivalProbability(f);
                    if (pRamp < RAMP_P && 1 - pRamp > worst) {
                        worst = 1 - pRamp;
                        weakest = i;
                    }
                    // sharper than a drift? A jump that no drift-long ramp through it fits clearly worse
                    // is a change the data cannot tell from a drift: not reported as a step
                    double pSharp = notSharp(sums, r, rule);
                    if (pSharp >= 0 && pSharp > worst) {
                        worst = pSharp;
                        weakest = i;
                    }
                }
                // two neighbouring steps of one direction: a staircase of two, or one ramp?
                for (int i = 0; worst < 0 && i + 1 < cps.size(); i++) {
                    Result a = cps.get(i);
                    Result b = cps.get(i + 1);
                    if (Math.signum(a.jump()) != Math.signum(b.jump())) {
                        continue;
                    }
                    int lo = a.lo();
                    int hi = Math.max(b.hi(), b.index() + 1);
                    double stairs = sums.side(lo, a.index()).syy() + sums.side(a.index(), b.index()).syy()
                            + sums.side(b.index(), hi).syy();
                    double ramp = bestRampRss(sums, lo, a.index(), hi, b.index() + 1, 2 * minSegment);
                    if (!(fTestP(ramp, stairs, hi - lo - 3) < rule.maxPValue())) {
                        worst = 1;
                        weakest = a.pValue() >= b.pValue() ? i : i + 1;
                    }
                }
                if (worst < 0) {
                    return cps;
                }
            }
            cps.remove(weakest);
            for (int i : new int[] {weakest - 1, weakest}) {
                if (i >= 0 && i < cps.size()) {
                    int at = cps.get(i).index();
                    int lo = Math.max(at - reach, i == 0 ? 0 : cps.get(i - 1).index());
                    int hi = Math.min(at + reach, i == cps.size() - 1 ? z.length : cps.get(i + 1).index());
                    cps.set(i, scanned(test(sums, lo, at, hi), minSegment));
                }
            }
        }
        return cps;
    }

    /**
     * The p of the jump's advantage over the best drift-long ramp through it when the jump is too small
     * for that advantage ({@link #SHARP_EFFECT}, {@link #SHARP_P}) or gradual ({@link #GRADUAL_RUNS},
     * {@link #GRADUAL_P}): a change the data cannot tell from a drift; −1 when it is a step.
     */
    static double notSharp(Sums sums, Result r, MergeRule rule) {
        double effect = rule.noise() > 0 ? Math.abs(r.jump()) / rule.noise() : Double.POSITIVE_INFINITY;
        int df = r.hi() - r.lo() - 4;
        if (df < 1 || !(effect < Math.max(SHARP_EFFECT, GRADUAL_EFFECT)) || r.hi() - r.lo() < DriftDetector.MIN_RUNS) {
            return -1;
        }
        double[] slow = bestRamp(sums, r.lo(), r.index(), r.hi(), r.index() + 1, DriftDetector.MIN_RUNS);
        if (!Double.isFinite(slow[0])) {
            return -1;
        }
        double pSharp = fTestP(slow[0], r.rss(), df);
        // a gradual change: the best ramp through it is well longer than the shortest allowed (the data
        // prefer a slow change to the sharpest ramp) and fits about as well as the jump
        boolean gradual = effect < GRADUAL_EFFECT && slow[1] >= GRADUAL_RUNS && pSharp >= GRADUAL_P;
        boolean small = effect < SHARP_EFFECT && pSharp >= SHARP_P;
        return small || gradual ? pSharp : -1;
    }

    /** The test with its p-value corrected for the scan over the stretch's positions ({@link #scanP}). */
    static Result scanned(Result r, int minSegment) {
        return new Result(r.index(), r.lo(), r.hi(), r.model(), r.levelBefore(), r.levelAfter(), r.jump(),
                scanP(r.pValue(), r.hi() - r.lo(), minSegment), r.rss());
    }

    /**
     * Negative when the step holds; else larger for weaker steps: a too-short side first, then
     * p ≥ max p (by p), then too small a jump (by how far below the floor it stays).
     */
    static double badness(Result r, MergeRule rule) {
        double maxPValue = rule.maxPValue();
        double minMagnitude = rule.minMagnitude();
        double minEffect = rule.minEffect();
        double noise = rule.noise();
        // an undefined p (a side too short to fit) is no evidence at all: p = 1
        double p = Double.isNaN(r.pValue()) ? 1.0 : r.pValue();
        if (Math.min(r.nBefore(), r.nAfter()) < rule.minSegment()) {
            return 3 + p;
        }
        if (!(p < maxPValue)) {
            return 2 + p;
        }
        double effect = noise > 0 ? Math.abs(r.jump()) / noise : (r.jump() != 0 ? Double.POSITIVE_INFINITY : 0);
        if (minEffect > 0 && effect < minEffect) {
            return 1 - effect / minEffect;
        }
        if (r.magnitude() <= minMagnitude) {
            return minMagnitude <= 0 ? 1 : 1 - r.magnitude() / minMagnitude;
        }
        return -1;
    }
}
