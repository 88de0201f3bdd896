package io.benchledger.archive.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SequentialExperimentTest {

    @Test
    void aLargeEffectStopsAtTheFirstLookWithItsRepeatedInterval() {
        ExperimentPlan plan = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.05, 5, 100);
        SequentialExperiment e = new SequentialExperiment(plan);
        // B is 20 % faster, with ±0.01 % alternating noise: d_i = ln(1.2 · (1 ± 0.0001)); at the first
        // look (3 pairs, 2 degrees of freedom) t ≈ 2700, two-sided p ≈ 1.4e-7, z ≈ 5.3 > 4.877
        int first = plan.lookPairs()[0];
        for (int i = 0; i < first; i++) {
            double wiggle = i % 2 == 0 ? 1.0001 : 0.9999;
            e.add(100, 120 * wiggle);
        }
        AbOutcome o = e.outcome().orElseThrow();
        assertThat(o.significant()).isTrue();
        assertThat(o.stoppedEarly()).isTrue();
        assertThat(o.look()).isEqualTo(1);
        assertThat(o.pairs()).isEqualTo(first);
        assertThat(o.effect()).isCloseTo(0.2, within(0.002));
        assertThat(o.ciLow()).isLessThan(o.effect());
        assertThat(o.ciHigh()).isGreaterThan(o.effect());
        assertThat(o.pValue()).isLessThan(0.05);
    }

    @Test
    void noEffectRunsToTheEndAndDetectsNothing() {
        ExperimentPlan plan = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.05, 5, 100);
        SequentialExperiment e = new SequentialExperiment(plan);
        for (int i = 0; i < plan.maxPairs(); i++) {
            double wiggle = i % 2 == 0 ? 1.03 : 1 / 1.03;
            e.add(100, 100 * wiggle);
        }
        AbOutcome o = e.outcome().orElseThrow();
        assertThat(o.significant()).isFalse();
        assertThat(o.pairs()).isEqualTo(plan.maxPairs());
        assertThat(o.pValue()).isGreaterThan(0.05);
        assertThat(o.ciLow()).isLessThan(0).isGreaterThan(-0.05);
        assertThat(o.ciHigh()).isGreaterThan(0).isLessThan(0.05);
    }

    @Test
    void aTruncatedExperimentSpendsAllThatIsLeftAtItsLastLook() {
        ExperimentPlan plan = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.0707, 5, 1000); // looks at 4, 8, … 20
        SequentialExperiment e = new SequentialExperiment(plan);
        for (int i = 0; i < 10; i++) {
            e.add(100, i % 2 == 0 ? 102 : 99.5);
        }
        assertThat(e.decided()).isFalse();
        AbOutcome o = e.finishNow().orElseThrow();
        assertThat(o.truncated()).isTrue();
        assertThat(o.look()).isEqualTo(3);
        // the final bound of looks at t = 0.2, 0.4, 0.5 spending all of α is below the planned third bound 2.680
        SpendingBoundaries truncated = SpendingBoundaries.of(0.05, new double[] {0.2, 0.4, 0.5}, true);
        assertThat(o.bound()).isCloseTo(truncated.bound(2), within(1e-9));
        assertThat(truncated.rejectionProbability(0)).isCloseTo(0.05, within(1e-6));
        // d̄ = 0.00738, s = 0.01316, t = 1.77 on 9 df: not enough
        assertThat(o.significant()).isFalse();
        assertThat(o.pValue()).isGreaterThan(0.05);
    }
}
