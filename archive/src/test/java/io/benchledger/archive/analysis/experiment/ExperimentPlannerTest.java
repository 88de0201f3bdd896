package io.benchledger.archive.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExperimentPlannerTest {

    @Test
    void fixedDesignPairsFollowThePairedTFormula() {
        // σ = 0.0707, δ = ln 1.05 = 0.048790: n = 19 gives ((t_{.975,18} + t_{.8,18})·σ/δ)² =
        // ((2.1009 + 0.8621)·0.0707/0.048790)² = 18.43 ≤ 19, and n = 18 gives ((2.1098 + 0.8633)·…)² = 18.56 > 18
        assertThat(ExperimentPlanner.fixedPairs(0.05, 0.8, Math.log(1.05), 0.0707)).isEqualTo(19);
    }

    @Test
    void planLooksEquallyAndStopsAtTheCap() {
        ExperimentPlan p = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.0707, 5, 1000);
        assertThat(p.fixedPairs()).isEqualTo(19);
        assertThat(p.maxPairs()).isEqualTo(20); // ⌈19 · 1.028⌉
        assertThat(p.lookPairs()).containsExactly(4, 8, 12, 16, 20);
        assertThat(p.capped()).isFalse();
        ExperimentPlan capped = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.0707, 5, 10);
        assertThat(capped.maxPairs()).isEqualTo(10);
        assertThat(capped.capped()).isTrue();
        assertThat(capped.plannedPower()).isLessThan(0.8);
        ExperimentPlan fixed = ExperimentPlanner.plan(0.05, 0.8, 0.05, 0.0707, 1, 1000);
        assertThat(fixed.lookPairs()).containsExactly(19);
    }

    @Test
    void noLookBeforeThreePairs() {
        assertThat(ExperimentPlanner.lookPairs(5, 5)).containsExactly(3, 4, 5);
        assertThat(ExperimentPlanner.lookPairs(3, 5)).containsExactly(3);
    }

    @Test
    void noiseFactorGrowsAsThePilotShrinks() {
        double f4 = ExperimentPlanner.noiseFactor(4, 0.05, 0.8);
        double f20 = ExperimentPlanner.noiseFactor(20, 0.05, 0.8);
        assertThat(f4).isGreaterThan(f20);
        assertThat(f20).isGreaterThan(1);
        assertThat(ExperimentPlanner.noiseFactor(100_000, 0.05, 0.8)).isEqualTo(1);
    }
}
