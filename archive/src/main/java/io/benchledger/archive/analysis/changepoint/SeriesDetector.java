package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.stats.Centre;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Change points of one series: outlier filter, Otava's windowed split with the t-test, noise
 * estimate, and the merge with p-value, magnitude and noise rules.
 *
 * <h2>Drifts of the shortest length are steps</h2>
 * The merge removes a jump that a ramp of at least 2 × the minimum segment fits better ({@link StepTest#RAMP_P},
 * an even-handed choice between two shapes), and the drift detector then finds the ramp, as a drift of
 * at least {@link DriftDetector#MIN_RUNS} runs. When that drift is exactly {@link DriftDetector#MIN_RUNS}
 * runs long, its best ramp sits at the lower bound of the search over (s, e): a ramp shorter still, that
 * is a faster change than any drift, would have fitted better (the gain S_rw²/S_rr of a ramp through a
 * jump only grows as the ramp shortens towards it). Such a change is a step by the drift detector's own
 * definition ("a faster change is a step"). So each such drift is replaced by a step at the position
 * of least p inside it, if that step holds by every rule of the merge except the ramp one (scanned p,
 * effect, magnitude, sides, sharpness for small jumps, not gradual), if it fits its stretch better
 * than every ramp of at least {@link DriftDetector#MIN_RUNS} runs through it (the faster change must
 * fit better; without this check the rule added a false step in 4 of the studies' tables), and only
 * if, with that step taken out, no drift is found there any more; otherwise the drift stays. On the
 * per-noise study (docs/change-points.md) this finds 17 of the 81 ≥ 3 sd steps at 5 % noise that were
 * missed (22 of the 81 were reported as 20-run drifts): recall 0.899 → 0.920, 719 → 736 of 800, with
 * the same 2 false steps.
 *
 * <h2>Steps beside a drift</h2>
 * In a drifting series a step is tested on the series with the drifts' ramps taken out. When a ramp's
 * end was fitted a few runs off the true bend, the rest of the drift (or the ramp's overshoot) is left
 * in that series as a short, sharp change there, and the step test takes it for a jump: in the trend
 * families of docs/change-points.md with a step inside, 64 false steps at seed 20000, nearly all
 * within 10 runs of a reported drift's end. So every step within a window ({@code window} runs) of a
 * drift is tested once more, jointly with it: on the drift's stretch and a window each side, with the
 * other drifts' ramps taken out, "a level between every two steps plus one ramp, both of its ends
 * refitted" with the step and without it,
 * <pre>
 *   y(t) = a_k (t in segment k) + D·r_{s,e}(t),   RSS = min over (s, e) ({@link DriftDetector#levelsAndRamp}),
 *   F = (RSS_without − RSS_with) / (RSS_with / (n − k − 4)),   1 and n − k − 4 df
 * </pre>
 * (k levels with the step). The step stays only when its extra level is significant, p &lt; max p;
 * otherwise the weakest such step goes, the drifts are found again, and the others are asked again.
 * The step's position is not scanned a second time (its own test already paid for it): with the scan
 * the rule also removed 4 real steps in the "both" families of five seeds, without it none. On 20
 * seeds of the trend families with a step inside, false steps 1,221 → 150, every step found as before;
 * in the per-noise study it costs one step (at 3 % noise, beside a false drift, joint p 0.0014).
 *
 * <h2>Incremental analysis</h2>
 * The split step examines windows one after the other; where the next window starts depends only on
 * what the previous window found, and what a window finds depends only on the (filtered) values inside
 * it. When runs are appended, the filtered values change only in the last {@code h} positions (the
 * filter's half-width). So every window lying entirely before position n − h gives the same answer as
 * before: a {@link SplitState} records the weak change points those windows found and the start of the
 * first window that reached further (the restart). The next analysis checks that the old values are
 * unchanged (a fingerprint of the first {@code length} raw values), restarts the split there, and
 * merges the union from scratch (cheap: O(weak points × n)). The result is identical, bit for bit, to
 * analysing the whole series again; only the last two or three windows are recomputed.
 */
public final class SeriesDetector {
    /** FNV-1a's offset basis: the fingerprint of no values. */
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SeriesDetector() {
    }

    /**
     * What the next analysis of a longer series may reuse.
     *
     * @param length number of raw values analysed
     * @param fingerprint hash of those values (a different history means a full analysis)
     * @param restart start of the first window that must be examined again
     * @param frozenWeak weak change points of the windows before {@code restart}
     */
    public record SplitState(int length, long fingerprint, int restart, List<Integer> frozenWeak) {
        public SplitState {
            frozenWeak = List.copyOf(frozenWeak);
        }
    }

    /**
     * The outcome for one series.
     *
     * @param filtered the series after the outlier filter (what the statistics were computed on)
     * @param noise σ̂ of the filtered series ({@link NoiseEstimate})
     * @param windowsExamined how many split windows were computed (the work an incremental run saves)
     */
    public record Detection(List<EDivisive.Split> changePoints, List<DriftDetector.Drift> drifts, double[] filtered,
                            double noise, SplitState state, int windowsExamined, boolean incremental) {
    }

    public static Detection detect(double[] raw, DetectorSettings settings) {
        return detect(raw, settings, null);
    }

    public static Detection detect(double[] raw, DetectorSettings settings, SplitState previous) {
        return detect(raw, settings, previous, null);
    }

    /**
     * As {@link #detect(double[], DetectorSettings, SplitState)}, also reusing the filtered values of
     * the previous analysis ({@link Detection#filtered()}) for the positions new runs cannot change.
     */
    public static Detection detect(double[] raw, DetectorSettings settings, SplitState previous,
                                   double[] previousFiltered) {
        // the fingerprint of all values continues the one of the previous values: one pass for both
        int seen = previous != null && previous.length() <= raw.length ? previous.length() : 0;
        long seenPrint = fingerprint(FNV_OFFSET, raw, 0, seen);
        boolean incremental = previous != null && previous.length() <= raw.length
                && previous.restart() <= previous.length()
                && previous.fingerprint() == seenPrint;
        int reuse = incremental && previousFiltered != null && previousFiltered.length == previous.length()
                ? previous.length() - settings.outlierHalfWidth() : 0;
        double[] z = OutlierFilter.apply(raw, settings.outlierHalfWidth(), settings.outlierThreshold(),
                reuse > 0 ? previousFiltered : null, reuse);
        int from = 0;
        List<Integer> frozen = new ArrayList<>();
        if (incremental) {
            from = previous.restart();
            frozen.addAll(previous.frozenWeak());
        }
        int stable = raw.length - settings.outlierHalfWidth();
        int window = settings.window();
        int[] restart = {-1};
        int[] examined = {0};
        List<Integer> newlyFrozen = new ArrayList<>();
        List<Integer> weak = EDivisive.split(z, window, EDivisive.firstPassPValue(settings.maxPValue()), from, frozen,
                (start, end, found) -> {
                    examined[0]++;
                    if (restart[0] < 0 && start + window <= stable) {
                        newlyFrozen.addAll(found);
                    } else if (restart[0] < 0) {
                        restart[0] = start;
                    }
                });
        double noise = NoiseEstimate.sigma(z);
        StepTest.Sums zSums = new StepTest.Sums(z);
        List<StepTest.Result> steps = steps(z, zSums, weak, settings, noise);
        // without steps the drift detector's series is z itself, whose sums are these
        List<DriftDetector.Drift> drifts = DriftDetector.detect(z, steps, settings.maxPValue(), settings.minMagnitude(),
                settings.minEffect(), noise, steps.isEmpty() ? zSums : null);
        if (!drifts.isEmpty()) {
            // Second pass, only for series that drift: with the drifts' ramps taken out, a step inside a
            // drift is a plain step again and the drift's bends no longer look like jumps. The split
            // is redone on that series in full (not cached: it depends on the whole history).
            double[] ramps = DriftDetector.ramps(z.length, drifts);
            double[] v = new double[z.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = z[i] - ramps[i];
            }
            List<Integer> weakV = EDivisive.split(v, window, EDivisive.firstPassPValue(settings.maxPValue()), 0,
                    List.of(), EDivisive.SplitListener.NONE);
            steps = steps(v, ramps, weakV, settings, noise);
            drifts = DriftDetector.detect(z, steps, settings.maxPValue(), settings.minMagnitude(), settings.minEffect(),
                    noise);
        }
        // a drift of the shortest length a drift may have, whose best ramp would have been shorter
        // still: a step, when one holds there (see the class comment)
        for (DriftDetector.Drift d : List.copyOf(drifts)) {
            if (d.end() - d.start() + 1 > DriftDetector.MIN_RUNS || !drifts.contains(d)) {
                continue;
            }
            List<StepTest.Result> tried = shortDriftAsStep(z, steps, drifts, d, settings, noise);
            if (tried != null) {
                List<DriftDetector.Drift> again = DriftDetector.detect(z, tried, settings.maxPValue(),
                        settings.minMagnitude(), settings.minEffect(), noise);
                if (again.stream().noneMatch(o -> o.start() <= d.end() && o.end() >= d.start())) {
                    steps = tried;
                    drifts = again;
                }
            }
        }
        // a step at a drift's end that the drift explains, once its ends are refitted, is no step
        if (!drifts.isEmpty() && !steps.isEmpty()) {
            List<StepTest.Result> kept = stepsBesideDrifts(z, steps, drifts, settings, noise);
            if (kept.size() < steps.size()) {
                steps = kept;
                drifts = DriftDetector.detect(z, steps, settings.maxPValue(), settings.minMagnitude(),
                        settings.minEffect(), noise);
            }
        }
        List<EDivisive.Split> cps = steps.stream().map(r -> asSplit(z, r)).toList();
        List<Integer> nextFrozen = new ArrayList<>(frozen);
        for (int cp : newlyFrozen) {
            if (!nextFrozen.contains(cp)) {
                nextFrozen.add(cp);
            }
        }
        int nextRestart = restart[0] < 0 ? from : restart[0];
        SplitState state = new SplitState(raw.length, fingerprint(seenPrint, raw, seen, raw.length), nextRestart,
                nextFrozen);
        return new Detection(cps, drifts, z, noise, state, examined[0], incremental);
    }

    /**
     * The steps with one more at the sharpest position of a drift of the shortest length (the position
     * of least p in the step test, on the series without the other drifts, between the neighbouring
     * steps), when that step holds by the merge's rules (p after the scan, effect, magnitude, minimum
     * segment, sharp and not gradual: {@link StepTest#badness}, {@link StepTest#notSharp}) and fits its
     * stretch better than every ramp of at least {@link DriftDetector#MIN_RUNS} runs through it; its
     * neighbours are tested again with it as a bound. Null when no step holds there.
     */
    static List<StepTest.Result> shortDriftAsStep(double[] z, List<StepTest.Result> steps, List<DriftDetector.Drift> drifts,
                                                  DriftDetector.Drift d, DetectorSettings settings, double noise) {
        List<DriftDetector.Drift> others = drifts.stream().filter(o -> o != d).toList();
        double[] ramps = DriftDetector.ramps(z.length, others);
        double[] v = new double[z.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = z[i] - ramps[i];
        }
        StepTest.Sums sums = new StepTest.Sums(v, ramps);
        MergeRule rule = MergeRule.of(settings, noise);
        int reach = 2 * settings.window();
        StepTest.Result best = null;
        for (int at = d.start() + 1; at <= d.end(); at++) {
            final int tau = at;
            if (steps.stream().anyMatch(r -> r.index() == tau)) {
                return null;
            }
            int lo = Math.max(at - reach, steps.stream().mapToInt(StepTest.Result::index).filter(i -> i < tau).max().orElse(0));
            int hi = Math.min(at + reach, steps.stream().mapToInt(StepTest.Result::index).filter(i -> i > tau).min().orElse(z.length));
            StepTest.Result r = StepTest.test(sums, lo, at, hi);
            if (best == null || r.pValue() < best.pValue()) {
                best = r;
            }
        }
        if (best == null) {
            return null;
        }
        best = StepTest.scanned(best, settings.minSegment());
        if (StepTest.badness(best, rule) >= 0 || StepTest.notSharp(sums, best, rule) >= 0) {
            return null;
        }
        // the faster change must fit better: the jump better than every drift-long ramp through it
        if (!(StepTest.bestRampRss(sums, best.lo(), best.index(), best.hi(), best.index() + 1, DriftDetector.MIN_RUNS)
                > best.rss())) {
            return null;
        }
        List<StepTest.Result> out = new ArrayList<>(steps);
        out.add(best);
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        int k = out.indexOf(best);
        for (int i : new int[] {k - 1, k + 1}) {
            if (i >= 0 && i < out.size()) {
                int at = out.get(i).index();
                int lo = Math.max(at - reach, i == 0 ? 0 : out.get(i - 1).index());
                int hi = Math.min(at + reach, i == out.size() - 1 ? z.length : out.get(i + 1).index());
                out.set(i, StepTest.scanned(StepTest.test(sums, lo, at, hi), settings.minSegment()));
            }
        }
        return out;
    }

    /**
     * The steps without those in or beside a drift that the drift explains once its ends are refitted
     * (see the class comment, "Steps beside a drift"): every step within {@code window} runs of a drift
     * is tested jointly with it ({@link #jointP}); while some fails (p ≥ max p), the weakest (largest p)
     * is removed and the drifts are found again with the steps that are left.
     */
    static List<StepTest.Result> stepsBesideDrifts(double[] z, List<StepTest.Result> steps,
                                                   List<DriftDetector.Drift> drifts, DetectorSettings settings,
                                                   double noise) {
        List<StepTest.Result> out = new ArrayList<>(steps);
        List<DriftDetector.Drift> current = drifts;
        int pad = settings.window();
        while (!current.isEmpty() && !out.isEmpty()) {
            int weakest = -1;
            double worst = -1;
            for (int i = 0; i < out.size(); i++) {
                int tau = out.get(i).index();
                DriftDetector.Drift d = current.stream()
                        .filter(o -> tau >= o.start() - pad && tau <= o.end() + 1 + pad).findFirst().orElse(null);
                if (d == null) {
                    continue;
                }
                double p = jointP(z, out, current, d, tau, pad);
                if (!(p < settings.maxPValue()) && p > worst) {
                    worst = p;
                    weakest = i;
                }
            }
            if (weakest < 0) {
                break;
            }
            out.remove(weakest);
            current = DriftDetector.detect(z, out, settings.maxPValue(), settings.minMagnitude(), settings.minEffect(),
                    noise);
        }
        return out;
    }

    /**
     * p of the step at {@code tau} tested jointly with the drift d: on the stretch from {@code pad} runs
     * before the first of d's start and tau to {@code pad} runs after the last of d's end and tau, with
     * the other drifts' ramps taken out, "a level between every two steps (tau's included) plus one ramp"
     * against the same without tau, the ramp's two ends refitted in each
     * ({@link DriftDetector#levelsAndRamp}); F-test of the one extra level,
     * F = (RSS_without − RSS_with) / (RSS_with / (n − k − 4)), 1 and n − k − 4 degrees of freedom (k
     * levels with tau: k − 1 steps inside the stretch; the ramp's change and two ends). 0 when no ramp
     * fits the stretch.
     */
    static double jointP(double[] z, List<StepTest.Result> steps, List<DriftDetector.Drift> drifts,
                         DriftDetector.Drift d, int tau, int pad) {
        int n = z.length;
        double[] others = DriftDetector.ramps(n, drifts.stream().filter(o -> o != d).toList());
        double[] u = new double[n];
        for (int t = 0; t < n; t++) {
            u[t] = z[t] - others[t];
        }
        int lo = Math.max(0, Math.min(d.start(), tau) - pad);
        int hi = Math.min(n, Math.max(d.end() + 1, tau) + pad);
        int[] without = steps.stream().mapToInt(StepTest.Result::index).filter(i -> i > lo && i < hi && i != tau)
                .sorted().toArray();
        int[] with = IntStream.concat(Arrays.stream(without), IntStream.of(tau)).sorted().toArray();
        StepTest.Sums sums = new StepTest.Sums(u);
        double[] fitWithout = DriftDetector.levelsAndRamp(sums, lo, hi, without);
        double[] fitWith = DriftDetector.levelsAndRamp(sums, lo, hi, with);
        if (fitWithout == null || fitWith == null) {
            return 0;
        }
        return StepTest.fTestP(fitWithout[0], fitWith[0], hi - lo - (with.length + 1) - 3);
    }

    /**
     * Steps of a series from its weak change points: Otava's merge (levels), then the merge against
     * the local trend ({@link StepTest}): levels that a local trend explains are not steps.
     *
     * @param offset what was taken out of {@code y} (added back to the levels reported), or null
     */
    static List<StepTest.Result> steps(double[] y, double[] offset, List<Integer> weak, DetectorSettings settings,
                                       double noise) {
        return steps(y, new StepTest.Sums(y, offset), weak, settings, noise);
    }

    private static List<StepTest.Result> steps(double[] y, StepTest.Sums sums, List<Integer> weak,
                                               DetectorSettings settings, double noise) {
        return StepTest.merge(y, sums, weak, MergeRule.of(settings, noise), 2 * settings.window());
    }

    /**
     * A step as the change-point contract reports it: before and after are the local levels at the
     * step (the segment means for a flat neighbourhood, the lines' values at the step inside a trend).
     */
    static EDivisive.Split asSplit(double[] z, StepTest.Result r) {
        double sdBefore = EDivisive.populationSd(z, r.lo(), r.index(), Centre.mean(z, r.lo(), r.index()));
        double sdAfter = EDivisive.populationSd(z, r.index(), r.hi(), Centre.mean(z, r.index(), r.hi()));
        return new EDivisive.Split(r.index(), r.pValue(), r.levelBefore(), r.levelAfter(), sdBefore, sdAfter,
                r.nBefore(), r.nAfter());
    }

    /** FNV-1a over the bits of the first {@code n} values. */
    public static long fingerprint(double[] x, int n) {
        return fingerprint(FNV_OFFSET, x, 0, n);
    }

    /** FNV-1a continued from {@code h} over the values [from, to). */
    private static long fingerprint(long h, double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            // the eight bytes, lowest first, written out (the launchers' C1 does not unroll loops)
            long bits = Double.doubleToLongBits(x[i]);
            h = (h ^ (bits & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 8) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 16) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 24) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 32) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 40) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 48) & 0xff)) * FNV_PRIME;
            h = (h ^ ((bits >>> 56) & 0xff)) * FNV_PRIME;
        }
        return h;
    }
}
