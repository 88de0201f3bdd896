package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The step test against the local trend, on series whose answer is known by construction. */
class StepTestTest {

    @Test
    void aJumpInsideALineIsMeasuredAgainstTheLine() {
        // y = 1 + t before run 5, 10 + (t − 5) from run 5: both lines meet the boundary 4.5 at 5.5 and 9.5
        double[] y = {1, 2, 3, 4, 5, 10, 11, 12, 13, 14};
        StepTest.Result r = StepTest.test(new StepTest.Sums(y), 0, 5, y.length);
        assertThat(r.model()).isEqualTo(StepTest.Model.SLOPE);
        assertThat(r.levelBefore()).isCloseTo(5.5, within(1e-9));
        assertThat(r.levelAfter()).isCloseTo(9.5, within(1e-9));
        assertThat(r.jump()).isCloseTo(4.0, within(1e-9));
        assertThat(r.pValue()).isZero();
    }

    @Test
    void aStraightLineHasNoJump() {
        double[] y = new double[20];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3 + 0.5 * i;
        }
        StepTest.Result r = StepTest.test(new StepTest.Sums(y), 0, 10, y.length);
        assertThat(r.jump()).isCloseTo(0, within(1e-9));
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void aBendIsNotAJump() {
        // flat until run 10, then rising by 1 per run: two lines through the candidate 15 would leave a
        // gap (the left one bends), but one broken line without a jump fits exactly
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 + Math.max(0, i - 10);
        }
        assertThat(StepTest.bestBendRss(new StepTest.Sums(y), 0, y.length)).isCloseTo(0, within(1e-6));
        assertThat(StepTest.test(new StepTest.Sums(y), 0, 15, y.length).pValue()).isEqualTo(1.0);
    }

    @Test
    void aFlatStepIsOtavasTTest() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] y = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i < 30 ? 100 : 104) + rng.nextGaussian();
        }
        StepTest.Result r = StepTest.test(new StepTest.Sums(y), 0, 30, y.length);
        assertThat(r.model()).isEqualTo(StepTest.Model.FLAT);
        // the pooled t-test of the two means; Otava passes population sds, so its p differs slightly
        EDivisive.Split means = EDivisive.split(y, 0, 30, y.length);
        assertThat(r.levelBefore()).isCloseTo(means.meanBefore(), within(1e-9));
        assertThat(r.levelAfter()).isCloseTo(means.meanAfter(), within(1e-9));
        assertThat(Math.log10(r.pValue())).isCloseTo(Math.log10(means.pValue()), within(0.5));
    }

    @Test
    void aTrendIsOneDriftNotAStaircase() {
        // 300 runs rising by 0.3 noise sd per run: E-Divisive alone cuts this into ~25 "steps"
        SplittableRandom rng = new SplittableRandom(11);
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 + 0.3 * 5 * i + 5 * rng.nextGaussian();
        }
        SeriesDetector.Detection d = SeriesDetector.detect(y, DetectorSettings.DEFAULTS);
        assertThat(d.changePoints()).isEmpty();
        assertThat(d.drifts()).hasSize(1);
        DriftDetector.Drift drift = d.drifts().get(0);
        assertThat(drift.start()).isLessThanOrEqualTo(5);
        assertThat(drift.end()).isGreaterThanOrEqualTo(294);
        assertThat(drift.slopePerRun()).isCloseTo(1.5, within(0.05));
        assertThat(drift.change()).isCloseTo(drift.slopePerRun() * (drift.end() - drift.start()), within(1e-6));
    }

    @Test
    void aStepInsideATrendIsFoundOnceAndTheTrendStaysOneDrift() {
        SplittableRandom rng = new SplittableRandom(12);
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 + 0.5 * i + (i >= 170 ? -40 : 0) + 5 * rng.nextGaussian();
        }
        SeriesDetector.Detection d = SeriesDetector.detect(y, DetectorSettings.DEFAULTS);
        assertThat(EDivisive.indexes(d.changePoints())).hasSize(1);
        EDivisive.Split step = d.changePoints().get(0);
        assertThat(step.index()).isBetween(168, 172);
        // the jump against the trend (−40), not the difference of the segment means (about +25)
        assertThat(step.meanAfter() - step.meanBefore()).isCloseTo(-40, within(6.0));
        assertThat(d.drifts()).hasSize(1);
        assertThat(d.drifts().get(0).slopePerRun()).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aStepInAFlatSeriesStaysAStepWithNoDrift() {
        SplittableRandom rng = new SplittableRandom(13);
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i < 120 ? 500 : 470) + 5 * rng.nextGaussian();
        }
        SeriesDetector.Detection d = SeriesDetector.detect(y, DetectorSettings.DEFAULTS);
        assertThat(EDivisive.indexes(d.changePoints())).containsExactly(120);
        assertThat(d.drifts()).isEqualTo(List.of());
    }

    /**
     * The scan's p-value against a simulation of the maximum of the split statistic: 20,000 stretches
     * of 120 runs of white noise (known σ, every split with at least 5 runs each side; NumPy, seed 2)
     * had their largest |z| above 3, 3.5, 4 and 4.5 in 5.14 %, 1.10 %, 0.205 % and 0.025 % of cases.
     */
    @Test
    void theScanPValueIsTheTailOfTheBestSplitOfPureNoise() {
        double[] z = {3, 3.5, 4, 4.5};
        double[] simulated = {0.0514, 0.0110, 0.00205, 0.00025};
        for (int i = 0; i < z.length; i++) {
            double p = 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(z[i]);
            double scanned = StepTest.scanP(p, 120, 5);
            assertThat(scanned).as("z = " + z[i]).isBetween(simulated[i] * 0.8, simulated[i] * 1.25);
            assertThat(scanned).isLessThan(p * 111); // Bonferroni over the 111 positions is an upper bound
        }
        assertThat(StepTest.scanP(0, 120, 5)).isZero();
        assertThat(StepTest.scanP(Double.NaN, 120, 5)).isEqualTo(1.0);
        assertThat(StepTest.scanP(0.5, 120, 5)).isEqualTo(1.0);
    }
}
