package io.benchledger.archive.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one statistics API (Centre, LinearFit) against values worked out by hand. */
class StatisticsApiTest {

    @Test
    void weightedMedianIsTheMedianOfTheSamplesTheWeightsStandFor() {
        // {5, 3, 2} on {10, 20, 30} stand for 10,10,10,10,10,20,20,20,30,30: median (10 + 20) / 2
        double[] x = {10, 20, 30};
        double[] w = {5, 3, 2};
        assertThat(Centre.weightedMedian(x, w)).isEqualTo(15.0);
        assertThat(Centre.weightedQuantile(x, w, 0.5)).isEqualTo(15.0);
        assertThat(Centre.median(new double[] {10, 10, 10, 10, 10, 20, 20, 20, 30, 30})).isEqualTo(15.0);
        // type 7 over the ten: h = 9 · 0.9 = 8.1 → 30; h = 9 · 0.75 = 6.75 → 20; h = 9 · 0.25 = 2.25 → 10
        assertThat(Centre.weightedQuantile(x, w, 0.9)).isEqualTo(30.0);
        assertThat(Centre.weightedQuantile(x, w, 0.75)).isEqualTo(20.0);
        assertThat(Centre.weightedQuantile(x, w, 0.25)).isEqualTo(10.0);
    }

    @Test
    void unitWeightsGiveTheUnweightedQuantile() {
        double[] x = {4, 1, 3, 2};
        // type 7: h = 3 · 0.9 = 2.7 → 3 + 0.7 · (4 − 3) = 3.7
        assertThat(Centre.quantile(x, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(Centre.weightedQuantile(x, new double[] {1, 1, 1, 1}, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(Centre.quantile(x, 0.5)).isEqualTo(2.5);
        assertThat(x).containsExactly(4, 1, 3, 2); // not reordered
        assertThat(Centre.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void meanVarianceAndTrimmedMean() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Centre.mean(x)).isEqualTo(5.0);
        // Σ(x − 5)² = 32, s² = 32 / 7
        assertThat(Centre.variance(x)).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(Centre.mean(x, 1, 4)).isEqualTo(4.0);
        // 25 % of 8 values cut at each end: 4, 4, 5, 5 left
        assertThat(Centre.weightedTrimmedMean(x, new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 0.25)).isEqualTo(4.5);
    }

    @Test
    void linearFitByHand() {
        // x = 1..5, y = 2, 4, 5, 4, 5: x̄ = 3, ȳ = 4, Sxy = 6, Sxx = 10 → slope 0.6, intercept 2.2;
        // SST = 6, SSE = 6 − 0.6·6 = 2.4 → R² = 0.6
        LinearFit f = LinearFit.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertThat(f.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(f.intercept()).isCloseTo(2.2, within(1e-12));
        assertThat(f.rSquared()).isCloseTo(0.6, within(1e-12));
        assertThat(f.sse()).isCloseTo(2.4, within(1e-12));
        LinearFit exact = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertThat(exact.slope()).isEqualTo(2.0);
        assertThat(exact.rSquared()).isEqualTo(1.0);
        assertThat(LinearFit.of(new double[] {1, 2}, new double[] {1, 2}).defined()).isFalse();
    }

    @Test
    void aFlatSeriesHasRSquaredZeroNotNaN() {
        LinearFit f = LinearFit.of(new double[] {1, 2, 3, 4}, new double[] {7, 7, 7, 7});
        assertThat(f.slope()).isZero();
        assertThat(f.rSquared()).isZero();
    }
}
