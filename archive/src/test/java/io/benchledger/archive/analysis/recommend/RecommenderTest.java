package io.benchledger.archive.analysis.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.scalability.ScalabilityAnalysis;
import io.benchledger.archive.model.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    private static final Thresholds T = Thresholds.defaults();

    private static CaseMeasurements c(List<Double> forks, List<Double> iterations, Optional<Percentiles> p,
                                      OptionalDouble alloc, OptionalDouble baseAlloc, double score,
                                      OptionalDouble baseScore) {
        return new CaseMeasurements("x.B.m@avgt", "x.B.m", "avgt", "ns/op", false, 1, score, forks, iterations, p,
                alloc, baseAlloc, baseScore);
    }

    private static CaseMeasurements plain(List<Double> forks, List<Double> iterations) {
        return c(forks, iterations, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 100,
                OptionalDouble.empty());
    }

    @Test
    void unstableFiresAboveTheCvAndSaysHowManyForks() {
        // fork means 90, 100, 110: s = 10, x̄ = 100, cv = 0.10; n = ⌈(1.96·0.10/0.02)²⌉ = ⌈96.04⌉ = 97
        Recommendation r = Recommender.unstable(plain(List.of(90.0, 100.0, 110.0), List.of()), T).orElseThrow();
        assertThat(r.evidence().get("cv")).isEqualTo(0.1);
        assertThat(r.evidence().get("forks_needed")).isEqualTo(97L);
        assertThat(r.message()).contains("10.0 %").contains("97 forks");
        // cv = 0.02: quiet
        assertThat(Recommender.unstable(plain(List.of(98.0, 100.0, 102.0), List.of()), T)).isEmpty();
    }

    @Test
    void bimodalFiresOnTwoClustersNotOnABellShape() {
        // 10 values at 0 and 10 at 10: G1 = 0, g2 = −2, G2 = 19/(18·17)·(21·(−2)+6) = −2.2353,
        // 3·19²/(18·17) = 3.5392, b = 1/(3.5392 − 2.2353) = 0.7669
        List<Double> two = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            two.add(100.0);
            two.add(110.0);
        }
        Recommendation r = Recommender.bimodal(plain(List.of(), two), T).orElseThrow();
        assertThat((double) r.evidence().get("bimodality_coefficient")).isCloseTo(0.7669, within(1e-4));
        List<Double> bell = List.of(97.0, 98.0, 99.0, 99.0, 100.0, 100.0, 100.0, 100.0, 101.0, 101.0, 102.0, 103.0,
                99.5, 100.5, 98.5, 101.5, 100.0, 100.2, 99.8, 100.1);
        assertThat(Recommender.bimodal(plain(List.of(), bell), T)).isEmpty();
        assertThat(Recommender.bimodal(plain(List.of(), two.subList(0, 8)), T)).as("too few samples").isEmpty();
    }

    @Test
    void tailFiresWhenP99IsFarAboveTheMedian() {
        Optional<Percentiles> heavy = Optional.of(new Percentiles(1, 2, 3, 5, 24, 80, 200));
        CaseMeasurements h = c(List.of(), List.of(), heavy, OptionalDouble.empty(), OptionalDouble.empty(), 3,
                OptionalDouble.empty());
        assertThat(Recommender.tail(h, T).orElseThrow().evidence().get("ratio")).isEqualTo(12.0);
        Optional<Percentiles> light = Optional.of(new Percentiles(1, 2, 3, 4, 6, 9, 20));
        CaseMeasurements l = c(List.of(), List.of(), light, OptionalDouble.empty(), OptionalDouble.empty(), 3,
                OptionalDouble.empty());
        assertThat(Recommender.tail(l, T)).isEmpty();
    }

    @Test
    void allocationHighAndGrown() {
        CaseMeasurements high = c(List.of(), List.of(), Optional.empty(), OptionalDouble.of(4096),
                OptionalDouble.of(4000), 1, OptionalDouble.empty());
        assertThat(Recommender.allocation(high, T)).isPresent();
        assertThat(Recommender.allocationGrowth(high, T)).as("+2.4 %% is not growth").isEmpty();
        CaseMeasurements grown = c(List.of(), List.of(), Optional.empty(), OptionalDouble.of(48),
                OptionalDouble.of(24), 1, OptionalDouble.empty());
        assertThat(Recommender.allocation(grown, T)).as("48 B/op is not high").isEmpty();
        Recommendation g = Recommender.allocationGrowth(grown, T).orElseThrow();
        assertThat(g.evidence().get("growth")).isEqualTo(1.0);
        CaseMeasurements tiny = c(List.of(), List.of(), Optional.empty(), OptionalDouble.of(4),
                OptionalDouble.of(2), 1, OptionalDouble.empty());
        assertThat(Recommender.allocationGrowth(tiny, T)).as("2 bytes more is below one header").isEmpty();
    }

    @Test
    void scalabilityFiresBelowTheEfficiencyThreshold() {
        ScalabilityAnalysis.Curve poor = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1), new ScalabilityAnalysis.Point(4, 240, 2.4, 0.6)),
                OptionalInt.of(4), 0.7);
        Recommendation r = Recommender.scalability(poor, T).orElseThrow();
        assertThat(r.caseKey()).isEqualTo("q@thrpt");
        assertThat(r.evidence().get("efficiency")).isEqualTo(0.6);
        ScalabilityAnalysis.Curve good = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1), new ScalabilityAnalysis.Point(4, 360, 3.6, 0.9)),
                OptionalInt.empty(), 0.7);
        assertThat(Recommender.scalability(good, T)).isEmpty();
    }

    @Test
    void budgetsCloseBrokenAndComfortable() {
        Optional<Percentiles> p = Optional.of(new Percentiles(1, 2, 3, 4, 9.5, 12, 20));
        CaseMeasurements m = c(List.of(), List.of(), p, OptionalDouble.of(1000), OptionalDouble.empty(), 3,
                OptionalDouble.of(2.5));
        Budget close = new Budget("B\\.m", OptionalDouble.of(10), OptionalDouble.empty(), OptionalDouble.of(2000),
                OptionalDouble.empty(), "");
        List<Recommendation> rs = Recommender.budget(m, List.of(close), T);
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).evidence().get("criterion")).isEqualTo("max_p99");
        assertThat((double) rs.get(0).evidence().get("headroom")).isCloseTo(0.05, within(1e-12));
        assertThat(rs.get(0).message()).contains("close");
        // 3 ns/op against 2.5 at the baseline: a 20 % regression over a 15 % limit
        Budget regression = new Budget("x\\.B", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(0.15), "1.0");
        List<Recommendation> broken = Recommender.budget(m, List.of(regression), T);
        assertThat(broken).singleElement().satisfies(r -> assertThat(r.message()).contains("broken"));
        Budget comfortable = new Budget("B\\.m", OptionalDouble.of(20), OptionalDouble.empty(), OptionalDouble.of(4000),
                OptionalDouble.of(0.5), "");
        assertThat(Recommender.budget(m, List.of(comfortable), T)).isEmpty();
        Budget other = new Budget("Other", OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "");
        assertThat(Recommender.budget(m, List.of(other), T)).isEmpty();
    }
}
