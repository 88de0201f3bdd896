package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {

    private static double[] series(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double level = i < n / 3 ? 100 : i < 2 * n / 3 ? 90 : 96;
            x[i] = level + rng.nextGaussian() * 2 + (rng.nextDouble() < 0.01 ? -30 : 0);
        }
        return x;
    }

    @Test
    void findsTwoStepsAndIgnoresOutliers() {
        double[] x = series(300, 5);
        var d = SeriesDetector.detect(x, DetectorSettings.DEFAULTS);
        int[] at = EDivisive.indexes(d.changePoints());
        assertThat(at).hasSize(2);
        assertThat(at[0]).isEqualTo(100); // a 5 σ step is placed exactly
        assertThat(at[1]).isBetween(199, 201); // a 3 σ step within a run
        assertThat(d.changePoints().get(0).meanBefore()).isCloseTo(100, within(0.6));
        assertThat(d.changePoints().get(0).meanAfter()).isCloseTo(90, within(0.6));
        assertThat(d.noise()).isCloseTo(2.0, within(0.3));
    }

    /** The incremental split restarts at the cached window and must give exactly what a full analysis gives. */
    @Test
    void incrementalEqualsFullAtEveryLength() {
        double[] all = series(400, 11);
        SeriesDetector.SplitState state = null;
        for (int n = 50; n <= all.length; n++) {
            double[] x = Arrays.copyOf(all, n);
            var inc = SeriesDetector.detect(x, DetectorSettings.DEFAULTS, state);
            var full = SeriesDetector.detect(x, DetectorSettings.DEFAULTS);
            assertThat(inc.changePoints()).as("n = %d", n).isEqualTo(full.changePoints());
            assertThat(inc.state()).isEqualTo(full.state());
            if (state != null) {
                assertThat(inc.incremental()).isTrue();
                assertThat(inc.windowsExamined()).isLessThan(full.windowsExamined());
            }
            state = inc.state();
        }
        // a changed history is noticed and analysed from scratch
        double[] edited = all.clone();
        edited[10] += 1;
        assertThat(SeriesDetector.detect(edited, DetectorSettings.DEFAULTS, state).incremental()).isFalse();
    }

    @Test
    void outlierFilterKeepsStepsAndReplacesSpikes() {
        double[] x = {10, 10.2, 9.9, 10.1, 30, 10, 9.8, 20.1, 19.9, 20, 20.2, 19.8};
        double[] f = OutlierFilter.apply(x, 3, 4.0);
        assertThat(f[4]).isEqualTo(10.1); // median of 10.2, 9.9, 10.1, 30, 10, 9.8, 20.1
        assertThat(f[7]).isEqualTo(20.1); // the first point after the step stays
        assertThat(f[6]).isEqualTo(9.8);
    }

    @Test
    void noiseFromConsecutiveDifferences() {
        // |Δ| = 1, 1, 3, 1, 1: median 1 → σ̂ = 1 / (√2 · 0.67449) = 1.04836
        assertThat(NoiseEstimate.sigma(new double[] {0, 1, 0, 3, 2, 3})).isCloseTo(1.0483579, within(1e-6));
    }

    @Test
    void studentTMatchesScipy() {
        // scipy.stats.ttest_ind_from_stats(mean, std(ddof=0), n, …) for [10,12,11,13,12.5] vs [15,14,16,15.5]
        EDivisive.Split s = EDivisive.split(new double[] {10, 12, 11, 13, 12.5, 15, 14, 16, 15.5}, 0, 5, 9);
        assertThat(s.pValue()).isCloseTo(0.00101918336694677, within(1e-12));
    }
}
