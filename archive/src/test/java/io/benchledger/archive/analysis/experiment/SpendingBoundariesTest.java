package io.benchledger.archive.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SpendingBoundariesTest {

    @Test
    void fiveEquallySpacedLooksMatchGsDesignLanDeMetsObrienFleming() {
        // gsDesign::gsDesign(k = 5, test.type = 2, alpha = 0.025, sfu = sfLDOF)$upper$bound
        // (two-sided symmetric, 0.025 per side): 4.877 3.357 2.680 2.290 2.031
        SpendingBoundaries b = SpendingBoundaries.equallySpaced(0.05, 5);
        assertThat(b.bounds()).containsExactly(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, within(0.0015));
    }

    @Test
    void oneLookIsTheFixedTwoSidedTest() {
        assertThat(SpendingBoundaries.equallySpaced(0.05, 1).bound(0)).isCloseTo(1.959964, within(1e-5));
        assertThat(SpendingBoundaries.equallySpaced(0.01, 1).bound(0)).isCloseTo(2.575829, within(1e-5));
    }

    @Test
    void spendsExactlyAlphaUnderTheNullAndSpendingFunctionIsOBrienFleming() {
        assertThat(SpendingBoundaries.equallySpaced(0.05, 5).rejectionProbability(0)).isCloseTo(0.05, within(1e-6));
        // α*(t) = 4(1 − Φ(z_{0.9875}/√t)): at t = 0.5, z_{0.9875} = 2.2414, 2.2414/√0.5 = 3.1698, 4(1 − Φ(3.1698)) = 0.003051
        assertThat(SpendingBoundaries.spent(0.05, 0.5)).isCloseTo(0.003051, within(2e-6));
        assertThat(SpendingBoundaries.spent(0.05, 1)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void monteCarloCrossingRateOfTheBoundariesIsAlpha() {
        SpendingBoundaries b = SpendingBoundaries.equallySpaced(0.05, 4);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(42);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int reps = 200_000;
        int crossed = 0;
        for (int r = 0; r < reps; r++) {
            double w = 0;
            for (int k = 0; k < 4; k++) {
                w += g.sample() * Math.sqrt(0.25);
                double t = (k + 1) / 4.0;
                if (Math.abs(w / Math.sqrt(t)) >= b.bound(k)) {
                    crossed++;
                    break;
                }
            }
        }
        // standard error √(0.05·0.95/200000) = 0.00049
        assertThat((double) crossed / reps).isCloseTo(0.05, within(0.0015));
    }

    @Test
    void stagewisePValueIsBelowAlphaExactlyWhenABoundaryIsCrossed() {
        SpendingBoundaries b = SpendingBoundaries.equallySpaced(0.05, 5);
        assertThat(b.pValue(2, b.bound(2))).isCloseTo(SpendingBoundaries.spent(0.05, 0.6), within(1e-6));
        assertThat(b.pValue(1, b.bound(1) + 0.01)).isLessThan(0.05);
        assertThat(b.pValue(4, 1.5)).isGreaterThan(0.05);
        // at the first look the p-value is the plain two-sided normal tail: 2(1 − Φ(5)) = 5.733e-7
        assertThat(b.pValue(0, 5.0)).isCloseTo(5.733e-7, within(1e-9));
    }

    @Test
    void driftForPowerGivesThePlannedPowerByMonteCarlo() {
        SpendingBoundaries b = SpendingBoundaries.equallySpaced(0.05, 5);
        double eta = ExperimentPlanner.driftForPower(b, 0.8);
        // more than the fixed design's 2.8016 (z_.975 + z_.8), by the inflation of five looks
        assertThat(eta).isGreaterThan(1.959964 + 0.841621).isLessThan(1.02 * (1.959964 + 0.841621));
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int reps = 100_000;
        int crossed = 0;
        for (int r = 0; r < reps; r++) {
            double w = 0;
            for (int k = 0; k < 5; k++) {
                w += eta * 0.2 + g.sample() * Math.sqrt(0.2);
                if (Math.abs(w / Math.sqrt((k + 1) / 5.0)) >= b.bound(k)) {
                    crossed++;
                    break;
                }
            }
        }
        // standard error √(0.8·0.2/100000) = 0.0013
        assertThat((double) crossed / reps).isCloseTo(0.8, within(0.004));
    }
}
