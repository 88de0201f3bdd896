package io.benchledger.archive.stats;

import java.util.Arrays;

/**
 * Percentile bootstrap interval of the relative change of a high quantile (p99, p99.9) of single
 * operations, resampled the way the data were produced: forks (independent JVMs) with replacement,
 * then the iterations of each drawn fork with replacement, each iteration bringing its whole
 * histogram; the quantile of the pooled replicate histogram is that replicate's estimate (so each
 * fork's tail enters with its own weight, and forks whose tails differ widen the interval).
 * change*_b = Q*_candidate / Q*_baseline − 1; the interval is the (α/2, 1 − α/2) empirical quantiles
 * of the B replicates; seeded, so the same data give the same interval everywhere.
 *
 * <p>Cost: the replicates run on the histogram coarsened to relative bins of {@value #BIN_WIDTH}
 * (values within 0.5 % of each other share a bin): a replicate then costs the number of bins
 * drawn, not the number of distinct timings (thousands per iteration at nanosecond resolution).
 * The point estimates are computed from the exact buckets.
 */
public final class TailBootstrap {
    /** Relative width of the bins the replicates work on. */
    public static final double BIN_WIDTH = 0.005;

    private TailBootstrap() {
    }

    /**
     * One side's histograms: {@code values[f][i]} and {@code counts[f][i]} are the buckets of
     * iteration i of fork f (any order within an iteration).
     */
    public record Histograms(double[][][] values, double[][][] counts) {
        public int forks() {
            return values.length;
        }

        public int iterations() {
            int n = 0;
            for (double[][] f : values) {
                n += f.length;
            }
            return n;
        }

        /** Σ counts: the number of single operations timed. */
        public long operations() {
            double n = 0;
            for (double[][] f : counts) {
                for (double[] it : f) {
                    for (double c : it) {
                        n += c;
                    }
                }
            }
            return Math.round(n);
        }

        /** The quantile of all buckets pooled, exactly as JMH computes it. */
        public double quantile(double rank) {
            int n = 0;
            for (double[][] f : values) {
                for (double[] it : f) {
                    n += it.length;
                }
            }
            double[][] pairs = new double[n][];
            int k = 0;
            for (int f = 0; f < values.length; f++) {
                for (int i = 0; i < values[f].length; i++) {
                    for (int j = 0; j < values[f][i].length; j++) {
                        pairs[k++] = new double[] {values[f][i][j], counts[f][i][j]};
                    }
                }
            }
            Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
            double[] v = new double[n];
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = pairs[j][0];
                c[j] = pairs[j][1];
            }
            return HistogramQuantile.of(v, c, rank);
        }
    }

    /** The interval as fractions (+0.05 is 5 % more); NaN bounds when a side has no data. */
    public static HierarchicalBootstrap.Interval relativeChange(Histograms baseline, Histograms candidate, double rank,
                                                               int replicates, double confidence, long seed) {
        if (baseline.operations() == 0 || candidate.operations() == 0 || replicates < 2) {
            return new HierarchicalBootstrap.Interval(Double.NaN, Double.NaN);
        }
        BootstrapRandom rng = BootstrapRandom.seeded(seed);
        Binned b = new Binned(baseline);
        Binned c = new Binned(candidate);
        double[] changes = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double qb = b.replicate(rng, rank);
            changes[r] = c.replicate(rng, rank) / qb - 1;
        }
        Arrays.sort(changes);
        double tail = (1 - confidence) / 2;
        return new HierarchicalBootstrap.Interval(Centre.quantile(changes, tail),
                Centre.quantile(changes, 1 - tail));
    }

    /** A side on relative bins: each iteration as (bin index, count) pairs over one sorted bin table. */
    private static final class Binned {
        final double[] binValues;
        final int[][][] bins;
        final double[][][] counts;
        final double[] scratch;

        Binned(Histograms h) {
            double min = Double.POSITIVE_INFINITY;
            for (double[][] f : h.values()) {
                for (double[] it : f) {
                    for (double v : it) {
                        min = Math.min(min, v);
                    }
                }
            }
            double origin = min > 0 ? min : 1e-12;
            double logWidth = Math.log1p(BIN_WIDTH);
            java.util.TreeMap<Integer, double[]> table = new java.util.TreeMap<>(); // bin → {count-weighted sum, count}
            int fs = h.forks();
            bins = new int[fs][][];
            counts = new double[fs][][];
            int[][][] raw = new int[fs][][];
            for (int f = 0; f < fs; f++) {
                int its = h.values()[f].length;
                raw[f] = new int[its][];
                counts[f] = new double[its][];
                for (int i = 0; i < its; i++) {
                    double[] vs = h.values()[f][i];
                    double[] cs = h.counts()[f][i];
                    java.util.TreeMap<Integer, Double> local = new java.util.TreeMap<>();
                    for (int j = 0; j < vs.length; j++) {
                        // bin of v: ⌊ln(v / origin) / ln(1 + width)⌋, values ≤ 0 in bin 0
                        int bin = vs[j] > 0 ? (int) Math.floor(Math.log(vs[j] / origin) / logWidth) : 0;
                        local.merge(bin, cs[j], Double::sum);
                        double[] t = table.computeIfAbsent(bin, k -> new double[2]);
                        t[0] += vs[j] * cs[j];
                        t[1] += cs[j];
                    }
                    raw[f][i] = local.keySet().stream().mapToInt(Integer::intValue).toArray();
                    counts[f][i] = local.values().stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            int[] keys = table.keySet().stream().mapToInt(Integer::intValue).toArray();
            binValues = new double[keys.length];
            java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
            for (int j = 0; j < keys.length; j++) {
                double[] t = table.get(keys[j]);
                binValues[j] = t[1] > 0 ? t[0] / t[1] : 0; // a bin stands for the mean of its values
                index.put(keys[j], j);
            }
            for (int f = 0; f < fs; f++) {
                bins[f] = new int[raw[f].length][];
                for (int i = 0; i < raw[f].length; i++) {
                    bins[f][i] = Arrays.stream(raw[f][i]).map(index::get).toArray();
                }
            }
            scratch = new double[binValues.length];
        }

        double replicate(BootstrapRandom rng, double rank) {
            Arrays.fill(scratch, 0);
            int k = bins.length;
            for (int d = 0; d < k; d++) {
                int f = rng.nextInt(k);
                int its = bins[f].length;
                if (its == 0) {
                    continue;
                }
                for (int e = 0; e < its; e++) {
                    int i = rng.nextInt(its);
                    int[] b = bins[f][i];
                    double[] c = counts[f][i];
                    for (int j = 0; j < b.length; j++) {
                        scratch[b[j]] += c[j];
                    }
                }
            }
            return HistogramQuantile.of(binValues, scratch, rank);
        }
    }
}
