package io.benchledger.archive.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap interval checked against an independent, analytic answer: for independent normal
 * data the interval of the ratio of means − 1 is, by the delta method,
 * r − 1 ± z · r · √(cv_b²/n_b + cv_c²/n_c) with r the ratio and cv the coefficient of variation of
 * the mean's terms. With forks that differ, the right standard error is the one of the fork means,
 * and the two-stage bootstrap must find it (an iteration-only bootstrap would be far narrower).
 */
class HierarchicalBootstrapTest {
    private static final double Z = 1.959963984540054;

    @Test
    void independentSamplesGiveTheDeltaMethodInterval() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        // one fork of 4000 iterations each side: no fork structure, plain iid samples
        double[] b = new double[4000];
        double[] c = new double[4000];
        for (int i = 0; i < b.length; i++) {
            b[i] = 100 + 5 * g.sample();
            c[i] = 110 + 5 * g.sample();
        }
        HierarchicalBootstrap.Interval ci = HierarchicalBootstrap.relativeChange(ForkedSample.of(b), ForkedSample.of(c),
                CentreStatistic.MEAN, 4000, 0.95, 7L);
        double mb = Centre.mean(b);
        double mc = Centre.mean(c);
        double r = mc / mb;
        double se = r * Math.sqrt(Centre.variance(b) / (b.length * mb * mb) + Centre.variance(c) / (c.length * mc * mc));
        assertThat(ci.low()).isCloseTo(r - 1 - Z * se, within(0.1 * Z * se));
        assertThat(ci.high()).isCloseTo(r - 1 + Z * se, within(0.1 * Z * se));
    }

    @Test
    void forksThatDifferWidenTheIntervalToTheForkLevel() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(43L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int forks = 40;
        int iterations = 20;
        double[][] b = new double[forks][iterations];
        double[][] c = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double ob = 100 * (1 + 0.03 * g.sample()); // fork offsets of 3 %, iteration noise of 0.5 %
            double oc = 100 * (1 + 0.03 * g.sample());
            for (int i = 0; i < iterations; i++) {
                b[f][i] = ob * (1 + 0.005 * g.sample());
                c[f][i] = oc * (1 + 0.005 * g.sample());
            }
        }
        ForkedSample sb = ForkedSample.of(b);
        ForkedSample sc = ForkedSample.of(c);
        HierarchicalBootstrap.Interval ci = HierarchicalBootstrap.relativeChange(sb, sc, CentreStatistic.MEAN, 4000, 0.95, 8L);
        // analytic: the fork means are the independent units
        double[] fb = sb.forkMeans();
        double[] fc = sc.forkMeans();
        double r = Centre.mean(fc) / Centre.mean(fb);
        double se = r * Math.sqrt(Centre.variance(fb) / (forks * Math.pow(Centre.mean(fb), 2))
                + Centre.variance(fc) / (forks * Math.pow(Centre.mean(fc), 2)));
        double width = ci.high() - ci.low();
        assertThat(width).isCloseTo(2 * Z * se, within(0.15 * 2 * Z * se));
        // 40 forks is above FORK_LEVEL_ABOVE: the replicates resample fork centres, for every centre
        assertThat(forks).isGreaterThan(HierarchicalBootstrap.FORK_LEVEL_ABOVE);
        for (CentreStatistic s : new CentreStatistic[] {CentreStatistic.TRIMMED_MEAN, CentreStatistic.MEDIAN}) {
            HierarchicalBootstrap.Interval robust = HierarchicalBootstrap.relativeChange(sb, sc, s, 4000, 0.95, 8L);
            assertThat(robust.high() - robust.low()).as(s.name()).isCloseTo(2 * Z * se, within(0.2 * 2 * Z * se));
            assertThat(s.of(sc) / s.of(sb) - 1).as(s.name()).isBetween(robust.low(), robust.high());
        }
        // treating the 800 iterations as independent would give an interval about √20 times narrower
        HierarchicalBootstrap.Interval naive = HierarchicalBootstrap.relativeChange(ForkedSample.of(sb.flat()),
                ForkedSample.of(sc.flat()), CentreStatistic.MEAN, 4000, 0.95, 8L);
        assertThat(width).isGreaterThan(3 * (naive.high() - naive.low()));
    }

    @Test
    void manyForksOfUnequalWeightResampleWeightedForkCentres() {
        // 35 forks per side of 2 or 3 iterations with weights (sample mode): the weighted path
        double[][] v = new double[35][];
        double[][] w = new double[35][];
        double[][] v2 = new double[35][];
        for (int f = 0; f < 35; f++) {
            int n = 2 + f % 2;
            v[f] = new double[n];
            w[f] = new double[n];
            v2[f] = new double[n];
            for (int i = 0; i < n; i++) {
                v[f][i] = 100 + (f % 7) + i;
                v2[f][i] = 1.1 * v[f][i];
                w[f][i] = 1 + i;
            }
        }
        ForkedSample b = new ForkedSample(v, w);
        ForkedSample c = new ForkedSample(v2, w);
        for (CentreStatistic s : CentreStatistic.values()) {
            HierarchicalBootstrap.Interval ci = HierarchicalBootstrap.relativeChange(b, c, s, 2000, 0.95, 5L);
            // every value is exactly 10 % higher, but the two sides draw different forks: around +10 %
            assertThat(ci.low()).as(s.name()).isLessThan(0.1).isGreaterThan(0.03);
            assertThat(ci.high()).as(s.name()).isGreaterThan(0.1).isLessThan(0.17);
        }
    }

    @Test
    void drawCountsOverSortedCentresGiveTheStatisticOfTheResample() {
        // the fork-level replicate walks sorted centres weighted by draw counts; it must equal the
        // statistic of the resample written out value by value
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(60);
            double[] sorted = new double[k];
            double[] forkWeight = new double[k];
            for (int j = 0; j < k; j++) {
                sorted[j] = (j == 0 ? 0 : sorted[j - 1]) + rng.nextInt(3); // ties included
                forkWeight[j] = trial % 2 == 0 ? 5 : 1 + rng.nextInt(4);
            }
            double[] ws = new double[k];
            double[] xs = new double[k];
            double[] wx = new double[k];
            for (int f = 0; f < k; f++) {
                int j = rng.nextInt(k);
                ws[j] += forkWeight[j];
                xs[f] = sorted[j];
                wx[f] = forkWeight[j];
            }
            assertThat(Centre.trimmedMeanOfSorted(sorted, ws, k, CentreStatistic.TRIM))
                    .isCloseTo(Centre.weightedTrimmedMean(xs, wx, CentreStatistic.TRIM), within(1e-9));
            assertThat(Centre.weightedMedianOfSorted(sorted, ws, k)).isEqualTo(Centre.weightedMedian(xs, wx));
            assertThat(Centre.weightedMean(sorted, ws)).isCloseTo(Centre.weightedMean(xs, wx), within(1e-9));
        }
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        ForkedSample b = ForkedSample.of(new double[] {10, 11, 10.5}, new double[] {10.2, 9.8, 10.1});
        ForkedSample c = ForkedSample.of(new double[] {11, 12, 11.5}, new double[] {11.2, 10.8, 11.1});
        for (CentreStatistic s : CentreStatistic.values()) {
            HierarchicalBootstrap.Interval one = HierarchicalBootstrap.relativeChange(b, c, s, 1000, 0.95, 99L);
            HierarchicalBootstrap.Interval two = HierarchicalBootstrap.relativeChange(b, c, s, 1000, 0.95, 99L);
            assertThat(one).isEqualTo(two);
            assertThat(one.low()).isLessThan(one.high());
        }
    }

    /**
     * The counting replicates (ranks counted, no sort or search) give the very same centre, bit for
     * bit, as sorting or searching the drawn values: same draws, same sums in the same order, same
     * cut values. Checked over forks of equal and unequal sizes, ties, negative values and sizes on
     * both sides of the point where the trimmed mean starts to sort (more than 16 values cut at an end).
     */
    @Test
    void countingReplicatesEqualSortedReplicatesBitForBit() {
        UniformRandomProvider data = RandomSource.XO_RO_SHI_RO_128_PP.create(44L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(data);
        int[][] shapes = {{1, 1}, {1, 5}, {1, 9}, {3, 5}, {20, 5}, {5, 10}, {7, 3}, {2, 100}, {30, 10}, {4, 60}};
        for (int[] shape : shapes) {
            for (int variant = 0; variant < 3; variant++) {
                double[][] v = new double[shape[0]][];
                for (int f = 0; f < shape[0]; f++) {
                    int n = variant == 2 ? 1 + data.nextInt(shape[1]) : shape[1]; // unequal fork sizes
                    v[f] = new double[n];
                    for (int i = 0; i < n; i++) {
                        double x = 100 * (1 + 0.05 * g.sample());
                        v[f][i] = variant == 1 ? Math.round(x / 10) * 10 - 100 : x; // ties, negatives, zeros
                    }
                }
                ForkedSample s = ForkedSample.of(v);
                for (CentreStatistic statistic : new CentreStatistic[] {CentreStatistic.TRIMMED_MEAN, CentreStatistic.MEDIAN}) {
                    HierarchicalBootstrap.Scratch counting = new HierarchicalBootstrap.Scratch(s, true);
                    HierarchicalBootstrap.Scratch sorting = new HierarchicalBootstrap.Scratch(s, false);
                    BootstrapRandom r1 = BootstrapRandom.seeded(9L);
                    BootstrapRandom r2 = BootstrapRandom.seeded(9L);
                    for (int b = 0; b < 500; b++) {
                        double a = HierarchicalBootstrap.resampledSorted(s, r1, counting, statistic);
                        double e = HierarchicalBootstrap.resampledSorted(s, r2, sorting, statistic);
                        assertThat(Double.doubleToRawLongBits(a)).as("%s %dx%d variant %d replicate %d: %s vs %s",
                                statistic, shape[0], shape[1], variant, b, a, e).isEqualTo(Double.doubleToRawLongBits(e));
                    }
                }
            }
        }
    }

    /**
     * Every interval, bit for bit, is the one the plain two-stage resample gives: Commons RNG's
     * XO_RO_SHI_RO_128_PP drawing one number at a time, the drawn values collected and their centre
     * taken the straightforward way (below). Over sides of 1, 3, 20 and 40 forks, equal and unequal
     * fork sizes, unit and other weights, ties, and every centre.
     */
    @Test
    void intervalsEqualThePlainResampleBitForBit() {
        UniformRandomProvider data = RandomSource.XO_RO_SHI_RO_128_PP.create(45L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(data);
        int[][] shapes = {{1, 1}, {1, 5}, {20, 5}, {3, 10}, {40, 5}, {2, 200}, {20, 1}};
        for (int trial = 0; trial < 120; trial++) {
            int[] bs = shapes[trial % shapes.length];
            int[] cs = shapes[(trial / shapes.length + trial) % shapes.length];
            int variant = trial % 4; // 0 plain, 1 ties, 2 unequal fork sizes, 3 weights (sample mode)
            ForkedSample b = randomSample(data, g, bs, variant, 100);
            ForkedSample c = randomSample(data, g, cs, variant, 103);
            for (CentreStatistic s : CentreStatistic.values()) {
                long seed = data.nextLong();
                HierarchicalBootstrap.Interval actual = HierarchicalBootstrap.relativeChange(b, c, s, 300, 0.95, seed);
                HierarchicalBootstrap.Interval expected = plainInterval(b, c, s, 300, 0.95, seed);
                assertThat(Double.doubleToRawLongBits(actual.low())).as("trial %d %s low", trial, s)
                        .isEqualTo(Double.doubleToRawLongBits(expected.low()));
                assertThat(Double.doubleToRawLongBits(actual.high())).as("trial %d %s high", trial, s)
                        .isEqualTo(Double.doubleToRawLongBits(expected.high()));
            }
        }
    }

    private static ForkedSample randomSample(UniformRandomProvider data, ZigguratSampler.NormalizedGaussian g,
                                             int[] shape, int variant, double centre) {
        double[][] v = new double[shape[0]][];
        double[][] w = new double[shape[0]][];
        for (int f = 0; f < shape[0]; f++) {
            int n = variant == 2 ? 1 + data.nextInt(shape[1]) : shape[1];
            double fork = centre * (1 + 0.01 * g.sample());
            v[f] = new double[n];
            w[f] = new double[n];
            for (int i = 0; i < n; i++) {
                double x = fork * (1 + 0.02 * g.sample());
                v[f][i] = variant == 1 ? Math.round(x) : x;
                w[f][i] = variant == 3 ? 1 + data.nextInt(50) : 1;
            }
        }
        return new ForkedSample(v, w);
    }

    /** The bootstrap written plainly: a replicate draws, collects and takes the centre of what it drew. */
    private static HierarchicalBootstrap.Interval plainInterval(ForkedSample b, ForkedSample c, CentreStatistic s,
                                                                int replicates, double confidence, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] changes = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double centreBase = plainCentre(b, s, rng);
            changes[r] = plainCentre(c, s, rng) / centreBase - 1;
        }
        Arrays.sort(changes);
        double tail = (1 - confidence) / 2;
        return new HierarchicalBootstrap.Interval(Centre.quantile(changes, tail), Centre.quantile(changes, 1 - tail));
    }

    private static double plainCentre(ForkedSample s, CentreStatistic statistic, UniformRandomProvider rng) {
        int k = s.forks();
        if (k > HierarchicalBootstrap.FORK_LEVEL_ABOVE) {
            // fork centres weighted by the fork's total weight times its draws, in ascending order of centre
            double[] centres = statistic.perFork(s);
            Integer[] order = new Integer[k];
            for (int f = 0; f < k; f++) {
                order[f] = f;
            }
            Arrays.sort(order, (x, y) -> Double.compare(centres[x], centres[y]));
            int[] draws = new int[k];
            for (int f = 0; f < k; f++) {
                draws[rng.nextInt(k)]++;
            }
            double[] sorted = new double[k];
            double[] ws = new double[k];
            for (int j = 0; j < k; j++) {
                double total = 0;
                for (double w : s.weights()[order[j]]) {
                    total += w;
                }
                sorted[j] = centres[order[j]];
                ws[j] = draws[j] * total;
            }
            return switch (statistic) {
                case MEAN -> Centre.weightedMean(sorted, ws);
                case TRIMMED_MEAN -> Centre.trimmedMeanOfSorted(sorted, ws, k, CentreStatistic.TRIM);
                case MEDIAN -> Centre.weightedMedianOfSorted(sorted, ws, k);
            };
        }
        double[] xs = new double[s.size() * 2 + 1];
        double[] ws = new double[xs.length];
        int m = 0;
        double sum = 0;
        double weight = 0;
        boolean unit = true;
        for (int f = 0; f < k; f++) {
            int fork = rng.nextInt(k);
            int n = s.values()[fork].length;
            for (int i = 0; i < n; i++) {
                int it = rng.nextInt(n);
                double x = s.values()[fork][it];
                double w = s.weights()[fork][it];
                if (m == xs.length) {
                    xs = Arrays.copyOf(xs, 2 * m);
                    ws = Arrays.copyOf(ws, 2 * m);
                }
                xs[m] = x;
                ws[m++] = w;
                sum += w * x;
                weight += w;
            }
        }
        for (double w : s.flatWeights()) {
            unit &= w == 1.0;
        }
        if (statistic == CentreStatistic.MEAN) {
            return sum / weight;
        }
        if (!unit) {
            return statistic.of(Arrays.copyOf(xs, m), Arrays.copyOf(ws, m));
        }
        if (statistic == CentreStatistic.TRIMMED_MEAN) {
            return Centre.trimmedMeanUnitWeights(xs, m, CentreStatistic.TRIM, new double[16], new double[16]);
        }
        Arrays.sort(xs, 0, m);
        return m % 2 == 1 ? xs[m / 2] : (xs[m / 2 - 1] + xs[m / 2]) / 2;
    }
}
