package io.benchledger.archive.stats;

import java.util.Arrays;

/**
 * Percentile bootstrap interval of the relative change of the centre, resampling the way the data
 * were produced: first forks (independent JVMs) with replacement, then iterations with replacement
 * within each chosen fork (the two-stage bootstrap of Davison and Hinkley 1997, §3.8). Resampling
 * iterations alone would treat correlated iterations as independent and give intervals that are
 * too narrow whenever forks differ from one another, which on the JVM they do.
 *
 * <p>One replicate b: for each side draw k forks from its k forks with replacement; for each drawn
 * fork draw its nᶠ iterations with replacement; centre* = Σ w·x / Σ w over the drawn iterations.
 * (the weighted median instead of the mean with {@link CentreStatistic#MEDIAN}).
 * change*_b = centre*_candidate / centre*_baseline − 1. The interval is the (α/2, 1 − α/2)
 * empirical quantiles of the B replicates. The generator is seeded, so the same data give the same
 * interval on every run and machine.
 *
 * <p>Many forks (more than {@value #FORK_LEVEL_ABOVE} on a side, as when a release pools 30 nightly
 * runs): that side's replicates resample fork centres only, centre* = statistic of the drawn forks'
 * centres weighted by their total weight (for the mean this is exactly the pooled mean of the drawn
 * forks). With many forks the fork-to-fork variation dominates the variance of the centre, and
 * resampling clusters alone is the conservative choice of Davison and Hinkley's strategy 1 (it
 * includes the within-fork noise through the fork centres); the cost of a replicate falls from the
 * number of iterations to the number of forks.
 */
public final class HierarchicalBootstrap {
    /** Above this many forks a side resamples fork centres only (see the class comment). */
    public static final int FORK_LEVEL_ABOVE = 30;

    private HierarchicalBootstrap() {
    }

    /** The interval as fractions (+0.05 is 5 % more); NaN bounds when a side has no data. */
    public record Interval(double low, double high) {
    }

    public static Interval relativeChange(ForkedSample baseline, ForkedSample candidate, int replicates,
                                          double confidence, long seed) {
        return relativeChange(baseline, candidate, CentreStatistic.MEAN, replicates, confidence, seed);
    }

    public static Interval relativeChange(ForkedSample baseline, ForkedSample candidate, CentreStatistic statistic,
                                          int replicates, double confidence, long seed) {
        if (baseline.size() == 0 || candidate.size() == 0 || replicates < 2) {
            return new Interval(Double.NaN, Double.NaN);
        }
        BootstrapRandom rng = BootstrapRandom.seeded(seed);
        double[] changes = new double[replicates];
        Resampler base = resampler(baseline, statistic);
        Resampler cand = resampler(candidate, statistic);
        for (int b = 0; b < replicates; b++) {
            double centreBase = base.next(rng);
            changes[b] = cand.next(rng) / centreBase - 1;
        }
        // both quantiles by one selection over a copy (no sort: they depend only on the values,
        // and a change is never −0.0, which a sort would tell from 0.0)
        double tail = (1 - confidence) / 2;
        double[] bounds = Centre.quantiles(changes, tail, 1 - tail);
        return new Interval(bounds[0], bounds[1]);
    }

    /** One side's replicate centres. */
    private interface Resampler {
        double next(BootstrapRandom rng);
    }

    private static Resampler resampler(ForkedSample s, CentreStatistic statistic) {
        if (s.forks() > FORK_LEVEL_ABOVE) {
            return forkLevel(s, statistic);
        }
        if (statistic == CentreStatistic.MEAN) {
            return rng -> resampledMean(s, rng);
        }
        Scratch scratch = new Scratch(s);
        return rng -> resampledSorted(s, rng, scratch, statistic);
    }

    /**
     * Resamples the forks' centres, each weighted by its fork's total weight. The centres are sorted
     * once; a replicate is then a count of how often each was drawn, and its centre a weighted walk
     * over the sorted centres (weight = draws × fork weight): O(k) a replicate, no sorting.
     */
    static Resampler forkLevel(ForkedSample s, CentreStatistic statistic) {
        double[] centres = statistic.perFork(s);
        int k = centres.length;
        double[] totals = new double[k];
        for (int f = 0; f < k; f++) {
            for (double w : s.weights()[f]) {
                totals[f] += w;
            }
        }
        Integer[] order = new Integer[k];
        for (int f = 0; f < k; f++) {
            order[f] = f;
        }
        Arrays.sort(order, (a, b) -> Double.compare(centres[a], centres[b]));
        double[] sorted = new double[k];
        double[] sortedTotals = new double[k];
        for (int j = 0; j < k; j++) {
            sorted[j] = centres[order[j]];
            sortedTotals[j] = totals[order[j]];
        }
        int[] draws = new int[k];
        double[] ws = new double[k];
        return rng -> {
            Arrays.fill(draws, 0);
            for (int f = 0; f < k; f++) {
                draws[rng.nextInt(k)]++;
            }
            for (int j = 0; j < k; j++) {
                ws[j] = draws[j] * sortedTotals[j];
            }
            return switch (statistic) {
                case MEAN -> Centre.weightedMean(sorted, ws);
                case TRIMMED_MEAN -> Centre.trimmedMeanOfSorted(sorted, ws, k, CentreStatistic.TRIM);
                case MEDIAN -> Centre.weightedMedianOfSorted(sorted, ws, k);
            };
        };
    }

    /** Reused arrays for the median replicates (one allocation per side, not per replicate). */
    static final class Scratch {
        double[] values;
        double[] weights;
        final boolean unitWeights;
        final double[] small = new double[16];
        final double[] large = new double[16];
        /**
         * With unit weights and ordinary values (no NaN, no −0.0): where each fork's values start in
         * the flat order, each flat value's rank in ascending order, the values in that order, and a
         * replicate's count of draws per rank. Null otherwise.
         */
        final int[] offsets;
        final int[] rank;
        final double[] ascending;
        final int[] counts;
        /** The trimmed mean's ranks of the smallest and the largest draws; blank slots hold 0 and the last rank. */
        final int[] lowRanks;
        final int[] highRanks;

        Scratch(ForkedSample s) {
            this(s, true);
        }

        /** {@code counting} false: the replicates sort or search the drawn values (for the test of equality). */
        Scratch(ForkedSample s, boolean counting) {
            values = new double[s.size() * 2 + 1];
            weights = new double[s.size() * 2 + 1];
            boolean unit = true;
            for (double w : s.flatWeights()) {
                unit &= w == 1.0;
            }
            unitWeights = unit;
            double[] flat = s.flat();
            boolean ordinary = unit && counting;
            for (double x : flat) {
                ordinary &= !Double.isNaN(x) && Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(-0.0);
            }
            if (!ordinary) {
                offsets = null;
                rank = null;
                ascending = null;
                counts = null;
                lowRanks = null;
                highRanks = null;
                return;
            }
            int n = flat.length;
            offsets = new int[s.forks()];
            for (int f = 1; f < offsets.length; f++) {
                offsets[f] = offsets[f - 1] + s.values()[f - 1].length;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(flat[a], flat[b]));
            rank = new int[n];
            ascending = new double[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r;
                ascending[r] = flat[order[r]];
            }
            counts = new int[n];
            lowRanks = new int[small.length];
            highRanks = new int[large.length];
            Arrays.fill(highRanks, n - 1);
        }
    }

    /** Median or trimmed mean of the two-stage resample (forks, then iterations within them). */
    static double resampledSorted(ForkedSample s, BootstrapRandom rng, Scratch scratch, CentreStatistic statistic) {
        if (scratch.counts != null) {
            return countedSorted(s, rng, scratch, statistic);
        }
        double[][] v = s.values();
        double[][] w = s.weights();
        int k = v.length;
        int m = 0;
        double[] xs = scratch.values;
        double[] ws = scratch.weights;
        for (int f = 0; f < k; f++) {
            int fork = rng.nextInt(k);
            double[] fv = v[fork];
            double[] fw = w[fork];
            int n = fv.length;
            for (int i = 0; i < n; i++) {
                int it = rng.nextInt(n);
                if (m == xs.length) {
                    xs = java.util.Arrays.copyOf(xs, m * 2);
                    ws = java.util.Arrays.copyOf(ws, m * 2);
                }
                xs[m] = fv[it];
                ws[m] = fw[it];
                m++;
            }
        }
        scratch.values = xs;
        scratch.weights = ws;
        if (!scratch.unitWeights) {
            double[] cx = java.util.Arrays.copyOf(xs, m);
            double[] cw = java.util.Arrays.copyOf(ws, m);
            return statistic.of(cx, cw);
        }
        // unit weights (every mode but JMH sample mode): no allocation
        if (statistic == CentreStatistic.TRIMMED_MEAN) {
            return Centre.trimmedMeanUnitWeights(xs, m, CentreStatistic.TRIM, scratch.small, scratch.large);
        }
        java.util.Arrays.sort(xs, 0, m);
        return m % 2 == 1 ? xs[m / 2] : (xs[m / 2 - 1] + xs[m / 2]) / 2;
    }

    /**
     * The same replicate, the same draws and the same arithmetic, bit for bit, without sorting or
     * searching the drawn values: a draw counts its value's rank among the side's values, so the
     * smallest and largest drawn values (or the middle ones) are read off the counts in rank order.
     * The sum is taken in the order of the draws, as {@link Centre#trimmedMeanUnitWeights} takes it;
     * the cut values are the same values in the same order; where that method would sort instead,
     * the counts give the sorted values to {@link Centre#trimmedMeanOfSorted}'s walk.
     */
    static double countedSorted(ForkedSample s, BootstrapRandom rng, Scratch scratch, CentreStatistic statistic) {
        double[][] v = s.values();
        int k = v.length;
        int[] offsets = scratch.offsets;
        int[] rank = scratch.rank;
        int[] counts = scratch.counts;
        double[] asc = scratch.ascending;
        int m = 0;
        double sum = 0;
        for (int f = 0; f < k; f++) {
            int fork = rng.nextInt(k);
            double[] fv = v[fork];
            int base = offsets[fork];
            int n = fv.length;
            for (int i = 0; i < n; i++) {
                int it = rng.nextInt(n);
                sum += fv[it];
                counts[rank[base + it]]++;
            }
            m += n;
        }
        double out;
        if (statistic == CentreStatistic.TRIMMED_MEAN) {
            out = countedTrimmedMean(scratch, m, sum);
        } else {
            // the median of the sorted draws: the value at position m / 2 (and the one before it),
            // that of the first rank whose draws and those before it are more than the position
            // (summed without a branch on whether a rank was drawn, which is not predictable)
            int want = m / 2;
            int r = -1;
            int seen = 0;
            while (seen < want) {
                seen += counts[++r];
            }
            double lower = r >= 0 ? asc[r] : Double.NaN;
            while (seen <= want) {
                seen += counts[++r];
            }
            double upper = asc[r];
            out = m % 2 == 1 ? upper : (lower + upper) / 2;
        }
        Arrays.fill(counts, 0);
        return out;
    }

    /** {@link Centre#trimmedMeanUnitWeights} of the counted draws (m of them, summing to sum in draw order). */
    private static double countedTrimmedMean(Scratch scratch, int m, double sum) {
        int[] counts = scratch.counts;
        double[] asc = scratch.ascending;
        double fraction = CentreStatistic.TRIM;
        double g = fraction * m;
        int k = (int) Math.ceil(g);
        if (k == 0) {
            return sum / m;
        }
        double[] small = scratch.small;
        double[] large = scratch.large;
        if (k > small.length || k > large.length || 2 * k + 1 > m) {
            // trimmedMeanOfSorted's walk over the sorted draws, with unit weights
            double total = 0;
            for (int i = 0; i < m; i++) {
                total += 1;
            }
            double cut = fraction * total;
            double lowEdge = cut;
            double highEdge = total - cut;
            double kept = 0;
            double cum = 0;
            double trimmed = 0;
            for (int r = 0; r < counts.length; r++) {
                for (int c = counts[r]; c > 0; c--) {
                    double from = Math.max(cum, lowEdge);
                    double to = Math.min(cum + 1, highEdge);
                    if (to > from) {
                        trimmed += (to - from) * asc[r];
                        kept += to - from;
                    }
                    cum += 1;
                }
            }
            if (kept == 0) {
                double[] sorted = new double[m];
                for (int r = 0, at = 0; r < counts.length; r++) {
                    for (int c = counts[r]; c > 0; c--) {
                        sorted[at++] = asc[r];
                    }
                }
                return Centre.median(sorted);
            }
            return trimmed / kept;
        }
        // The ranks of the k smallest and the k largest draws without a branch on the counts (which
        // ranks were drawn follows no pattern a processor could predict, and a mispredicted branch
        // a rank cost more than the rest of the walk): each rank is written at the slot where the
        // draws before it end, so an undrawn rank is overwritten by the next one and a rank drawn
        // c times fills the first of its c slots; the c − 1 blank slots after it take its rank.
        int[] lows = scratch.lowRanks;
        int[] highs = scratch.highRanks;
        int last = counts.length - 1;
        for (int r = 0, seen = 0; seen < k; r++) {
            lows[seen] = r;
            seen += counts[r];
        }
        for (int r = last, seen = 0; seen < k; r--) {
            highs[seen] = r;
            seen += counts[r];
        }
        // each slot's value, the slot left blank again for the next replicate
        for (int j = 0, low = 0, high = last; j < k; j++) {
            low = Math.max(low, lows[j]);
            high = Math.min(high, highs[j]);
            small[j] = asc[low];
            large[j] = asc[high];
            lows[j] = 0;
            highs[j] = last;
        }
        return Centre.trimmedFromExtremes(sum, small, large, g, m);
    }

    static double resampledMean(ForkedSample s, BootstrapRandom rng) {
        double[][] v = s.values();
        double[][] w = s.weights();
        int k = v.length;
        double sum = 0;
        double weight = 0;
        for (int f = 0; f < k; f++) {
            int fork = rng.nextInt(k);
            double[] fv = v[fork];
            double[] fw = w[fork];
            int n = fv.length;
            for (int i = 0; i < n; i++) {
                int it = rng.nextInt(n);
                sum += fw[it] * fv[it];
                weight += fw[it];
            }
        }
        return sum / weight;
    }

}
