package io.benchledger.archive.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Statistics checked against published outputs of R and hand-worked examples. */
class KnownAnswersTest {
    // R's "sleep" data set (Cushny and Peebles 1905, as shipped with R's datasets package): extra hours of sleep.
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void welchMatchesRsTTestOnTheSleepData() {
        // R: t.test(extra ~ group, data = sleep) -> Welch Two Sample t-test,
        //    t = -1.8608, df = 17.776, p-value = 0.07939 (the example output of R's ?t.test)
        assertThat(TwoSampleTests.welchP(SLEEP_1, SLEEP_2)).isCloseTo(0.07939, within(5e-6));
    }

    @Test
    void mannWhitneyMatchesRsWilcoxTestWithTies() {
        // R: wilcox.test(extra ~ group, data = sleep) -> W = 25.5, p-value = 0.06933
        //    (normal approximation with tie correction and continuity correction, since there are ties)
        assertThat(TwoSampleTests.mannWhitneyP(SLEEP_1, SLEEP_2)).isCloseTo(0.06933, within(5e-6));
        // R: wilcox.test(x, y) with the example of endmemo.com/r/wilcoxon.php -> W = 51.5, p-value = 0.5966
        double[] x = {1, 5, 9, 24, 56, 21, 3, 7, 21, 4};
        double[] y = {12, 15, 5, 9, 9, 14, 56, 22, 3, 7, 32, 5};
        assertThat(TwoSampleTests.mannWhitneyP(x, y)).isCloseTo(0.5966, within(5e-5));
    }

    @Test
    void mannWhitneyIsExactWithoutTies() {
        // Two samples of 5 with every x below every y: U = 0, exact two-sided p = 2 / C(10, 5) = 2/252
        assertThat(TwoSampleTests.mannWhitneyP(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}))
                .isCloseTo(2.0 / 252, within(1e-12));
    }

    @Test
    void benjaminiHochbergMatchesAHandWorkedExample() {
        // m = 5, sorted p = .01 .02 .03 .04 .05 -> m p / rank = .05 .05 .05 .05 .05 -> all q = .05;
        // and p = .001 .008 .039 .041 .042 .06 (R: p.adjust(p, "BH") = 0.006 0.024 0.0504 0.0504 0.0504 0.06)
        assertThat(BenjaminiHochberg.adjust(new double[] {0.05, 0.01, 0.03, 0.02, 0.04}))
                .containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, within(1e-12));
        assertThat(BenjaminiHochberg.adjust(new double[] {0.001, 0.008, 0.039, 0.041, 0.042, 0.06}))
                .containsExactly(new double[] {0.006, 0.024, 0.0504, 0.0504, 0.0504, 0.06}, within(1e-12));
        double[] withNaN = BenjaminiHochberg.adjust(new double[] {Double.NaN, 0.01, 0.04});
        assertThat(withNaN[0]).isNaN();
        assertThat(withNaN[1]).isCloseTo(0.02, within(1e-12));
        assertThat(withNaN[2]).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void hedgesGByHand() {
        // x = 1 2 3 (mean 2, s² 1), y = 3 4 5 (mean 4, s² 1): pooled s = 1, d = 2, J = 1 - 3/(4·6 - 9) = 0.8, g = 1.6
        assertThat(HedgesG.of(new double[] {1, 2, 3}, new double[] {3, 4, 5})).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void geometricMeanByHand() {
        // 2 × 0.5 cancel; (1 · 4 · 16)^(1/3) = 4
        assertThat(GeometricMean.of(new double[] {2, 0.5})).isCloseTo(1.0, within(1e-12));
        assertThat(GeometricMean.of(new double[] {1, 4, 16})).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void powerAnalysisAgreesWithRsPowerTTest() {
        // R: power.t.test(n = 20, delta = 1) -> power = 0.8689528 (example of R's ?power.t.test)
        assertThat(PowerAnalysis.power(20, 1, 1, 0.05)).isCloseTo(0.8689528, within(0.002));
        // R: power.t.test(power = .90, delta = 1) -> n = 22.02110
        assertThat(PowerAnalysis.sampleSize(1, 1, 0.05, 0.90)).isCloseTo(22.02110, within(0.05));
        assertThat(PowerAnalysis.sampleSizePerGroup(1, 1, 0.05, 0.90)).isEqualTo(23);
        // in relative terms: a 2 % change with a CV of 2 % is the same design as delta = sd = 1
        assertThat(PowerAnalysis.sampleSizePerGroup(0.02, 0.02, 0.05, 0.90)).isEqualTo(23);
        assertThat(PowerAnalysis.detectableEffect(22.0211, 1, 0.05, 0.90)).isCloseTo(1.0, within(0.003));
    }

    @Test
    void trimmedMeanAndWeightedMedianByHand() {
        // 10 values 1..9 and 100: 10 % trimmed mean drops 1 and 100 -> mean of 2..9 = 5.5
        assertThat(Centre.weightedTrimmedMean(new double[] {100, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.10)).isCloseTo(5.5, within(1e-12));
        // a histogram: 0.1 × 10, 0.3 × 17, 2.0 × 3: the 15th of 30 measurements is 0.3
        assertThat(Centre.weightedMedian(new double[] {0.1, 0.3, 2.0}, new double[] {10, 17, 3})).isEqualTo(0.3);
        assertThat(Centre.weightedMedian(new double[] {4, 1, 3, 2}, new double[] {1, 1, 1, 1})).isEqualTo(2.5);
    }
}
