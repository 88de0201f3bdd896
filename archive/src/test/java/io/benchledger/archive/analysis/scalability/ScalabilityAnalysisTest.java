package io.benchledger.archive.analysis.scalability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalabilityAnalysisTest {

    @Test
    void throughputSpeedupEfficiencyAndKnee() {
        List<ScalePoint> ps = List.of(
                new ScalePoint("q.offer@thrpt", "q.offer@thrpt", 1, 100, "thrpt", "ops/s", true),
                new ScalePoint("q.offer@thrpt", "q.offer@thrpt/t2", 2, 190, "thrpt", "ops/s", true),
                new ScalePoint("q.offer@thrpt", "q.offer@thrpt/t4", 4, 300, "thrpt", "ops/s", true),
                new ScalePoint("q.offer@thrpt", "q.offer@thrpt/t8", 8, 320, "thrpt", "ops/s", true));
        ScalabilityAnalysis.Curve c = ScalabilityAnalysis.analyse(ps, 0.7).get(0);
        double[] speedup = {1.0, 1.9, 3.0, 3.2};
        double[] efficiency = {1.0, 0.95, 0.75, 0.4};
        for (int i = 0; i < 4; i++) {
            assertThat(c.points().get(i).speedup()).isCloseTo(speedup[i], within(1e-12));
            assertThat(c.points().get(i).efficiency()).isCloseTo(efficiency[i], within(1e-12));
        }
        assertThat(c.knee()).hasValue(8);
    }

    @Test
    void timePerOperationIsTurnedIntoThroughputAndTheBaseIsTheSmallestThreadCount() {
        // avgt per thread: 2 threads at 10 ns/op → 0.2 ops/ns; 8 threads at 20 ns/op → 0.4 ops/ns
        // S(8) = 2 · 0.4 / 0.2 = 4, E(8) = 0.5
        List<ScalePoint> ps = List.of(
                new ScalePoint("m@avgt", "m@avgt/t2", 2, 10, "avgt", "ns/op", false),
                new ScalePoint("m@avgt", "m@avgt/t8", 8, 20, "avgt", "ns/op", false));
        ScalabilityAnalysis.Curve c = ScalabilityAnalysis.analyse(ps, 0.7).get(0);
        assertThat(c.points().get(1).speedup()).isCloseTo(4, within(1e-12));
        assertThat(c.points().get(1).efficiency()).isCloseTo(0.5, within(1e-12));
        assertThat(c.knee()).hasValue(8);
    }

    @Test
    void linearScalingHasNoKneeAndSingleThreadCasesAreLeftOut() {
        List<ScalePoint> ps = List.of(
                new ScalePoint("a", "a", 1, 10, "thrpt", "ops/s", true),
                new ScalePoint("a", "a/t4", 4, 39, "thrpt", "ops/s", true),
                new ScalePoint("b", "b", 1, 10, "thrpt", "ops/s", true));
        List<ScalabilityAnalysis.Curve> cs = ScalabilityAnalysis.analyse(ps, 0.7);
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).knee()).isEmpty();
        assertThat(ScalabilityAnalysis.family("x.Y.m[size=1]@thrpt/t16")).isEqualTo("x.Y.m[size=1]@thrpt");
    }

    @Test
    void onTwoProcessorsAFlatCurveAboveTwoThreadsIsEfficientAndOversubscribed() {
        // independent work on 2 processors: 1 → 100, 2 → 196, then flat at ~200 up to 32 threads
        List<ScalePoint> ps = List.of(
                new ScalePoint("h@thrpt", "h@thrpt", 1, 100, "thrpt", "ops/ms", true),
                new ScalePoint("h@thrpt", "h@thrpt/t2", 2, 196, "thrpt", "ops/ms", true),
                new ScalePoint("h@thrpt", "h@thrpt/t4", 4, 200, "thrpt", "ops/ms", true),
                new ScalePoint("h@thrpt", "h@thrpt/t32", 32, 190, "thrpt", "ops/ms", true));
        ScalabilityAnalysis.Curve c = ScalabilityAnalysis.analyse(ps, 0.7, 2).get(0);
        assertThat(c.processors()).isEqualTo(2);
        assertThat(c.points()).extracting(ScalabilityAnalysis.Point::ideal).containsExactly(1.0, 2.0, 2.0, 2.0);
        assertThat(c.points()).extracting(ScalabilityAnalysis.Point::oversubscribed).containsExactly(false, false, true, true);
        // E(4) = 2.00 / min(4, 2) = 1.0, E(32) = 1.90 / 2 = 0.95: no knee, where t alone would give 0.5 and 0.06
        assertThat(c.points().get(2).efficiency()).isCloseTo(1.0, within(1e-12));
        assertThat(c.points().get(3).efficiency()).isCloseTo(0.95, within(1e-12));
        assertThat(c.knee()).isEmpty();
        assertThat(io.benchledger.archive.analysis.recommend.Recommender.scalability(c,
                io.benchledger.archive.analysis.recommend.Thresholds.defaults())).isEmpty();
    }
}
