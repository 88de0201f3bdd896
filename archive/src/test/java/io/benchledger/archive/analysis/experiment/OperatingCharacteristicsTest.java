package io.benchledger.archive.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The whole procedure (pilot, plan, interleaved pairs, sequential test) on simulated fork means
 * with known effects. 2000 repetitions per point: the standard error is 0.005 for a rate near
 * 0.05 and 0.009 near 0.8, so the bounds below allow two standard errors. The full table
 * (10 000 repetitions) is in docs/experiments.md.
 */
class OperatingCharacteristicsTest {
    private static final int REPS = 2000;

    private static OperatingCharacteristics.Setting setting(int looks) {
        return new OperatingCharacteristics.Setting(0.05, 0.8, 0.05, 0.05, 0.01, 5, looks, 1000);
    }

    @Test
    void falsePositiveRateStaysAtAlphaWithAndWithoutEarlyStopping() {
        for (int looks : new int[] {5, 1}) {
            OperatingCharacteristics.Point p = OperatingCharacteristics.simulate(setting(looks), 0, REPS, 7 + looks);
            assertThat(p.rejectionRate()).as("false-positive rate, %d looks", looks).isLessThanOrEqualTo(0.05 + 0.01);
            assertThat(p.coverage()).as("interval coverage, %d looks", looks).isGreaterThanOrEqualTo(0.95 - 0.01);
        }
    }

    @Test
    void powerAtThePlannedEffectReachesThePlannedPower() {
        for (int looks : new int[] {5, 1}) {
            OperatingCharacteristics.Point p = OperatingCharacteristics.simulate(setting(looks), 0.05, REPS, 11 + looks);
            assertThat(p.rejectionRate()).as("power at 5 %%, %d looks", looks).isGreaterThanOrEqualTo(0.8 - 0.018);
        }
    }

    @Test
    void earlyStoppingSavesForksWhenTheEffectIsLarge() {
        OperatingCharacteristics.Point on = OperatingCharacteristics.simulate(setting(5), 0.10, REPS, 3);
        OperatingCharacteristics.Point off = OperatingCharacteristics.simulate(setting(1), 0.10, REPS, 3);
        assertThat(on.rejectionRate()).isGreaterThan(0.95);
        assertThat(on.meanPairs()).isLessThan(0.75 * off.meanPairs());
        assertThat(on.stoppedEarlyShare()).isGreaterThan(0.8);
    }
}
