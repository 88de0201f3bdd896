package io.benchledger.archive.analysis.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetStatus;
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
    void tailFiresWhenP99IsFarAboveTheMedianOfPerOperationLatencyOnly() {
        Optional<Percentiles> heavy = Optional.of(new Percentiles(1, 2, 3, 5, 24, 80, 200));
        Recommendation r = Recommender.tail(mode("sample", "us/op", heavy), T).orElseThrow();
        assertThat(r.evidence().get("ratio")).isEqualTo(12.0);
        assertThat(r.priority()).isEqualTo(Priority.MEDIUM);
        // impact: 1 − 5 · 2 / 24 = 0.5833, the share of the p99 that goes if it came down to 5× the median
        assertThat(r.impact()).isCloseTo(1 - 10.0 / 24, within(1e-12));
        assertThat(Recommender.tail(mode("thrpt", "ops/s", heavy), T)).as("percentiles of iteration scores").isEmpty();
        assertThat(Recommender.tail(mode("avgt", "us/op", heavy), T)).isEmpty();
        Optional<Percentiles> light = Optional.of(new Percentiles(1, 2, 3, 4, 6, 9, 20));
        assertThat(Recommender.tail(mode("sample", "us/op", light), T)).isEmpty();
    }

    private static CaseMeasurements mode(String mode, String unit, Optional<Percentiles> p) {
        return new CaseMeasurements("x.B.m@" + mode, "x.B.m", mode, unit, mode.equals("thrpt"), 1, 3, List.of(), List.of(), p,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
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
    void scalabilityFiresBelowTheEfficiencyThresholdUpToTheProcessorCount() {
        ScalabilityAnalysis.Curve poor = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1), new ScalabilityAnalysis.Point(4, 240, 2.4, 0.6),
                new ScalabilityAnalysis.Point(8, 240, 2.4, 0.3)), OptionalInt.of(4), 0.7);
        Recommendation r = Recommender.scalability(poor, 0.7, "scalability", Priority.MEDIUM, "").orElseThrow();
        assertThat(r.caseKey()).isEqualTo("q@thrpt");
        assertThat(r.evidence().get("efficiency")).isEqualTo(0.6);
        assertThat(r.evidence().get("worst_threads")).isEqualTo(8);
        // impact: throughput at 4 threads if efficiency reached 0.7: 0.7 / 0.6 − 1
        assertThat(r.impact()).isCloseTo(0.7 / 0.6 - 1, within(1e-12));
        // on 4 processors, 8 threads is oversubscribed: left out and said so
        ScalabilityAnalysis.Curve onFour = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1, 1, false), new ScalabilityAnalysis.Point(4, 240, 2.4, 0.6, 4, false),
                new ScalabilityAnalysis.Point(8, 240, 2.4, 0.6, 4, true)), OptionalInt.of(4), 0.7, 4);
        Recommendation four = Recommender.scalability(onFour, 0.7, "scalability", Priority.MEDIUM, "").orElseThrow();
        assertThat(four.evidence().get("worst_threads")).isEqualTo(4);
        assertThat(four.evidence().get("processors")).isEqualTo(4);
        assertThat(four.evidence().get("not_judged")).isEqualTo("1 thread count(s) above the processor count");
        // on 1 processor every point above 1 thread is oversubscribed: nothing to blame on contention
        ScalabilityAnalysis.Curve onOne = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1, 1, false), new ScalabilityAnalysis.Point(4, 100, 1, 1, 1, true)),
                OptionalInt.empty(), 0.7, 1);
        assertThat(Recommender.scalability(onOne, 0.7, "scalability", Priority.MEDIUM, "")).isEmpty();
        ScalabilityAnalysis.Curve good = new ScalabilityAnalysis.Curve("q@thrpt", "ops/s", "thrpt", List.of(
                new ScalabilityAnalysis.Point(1, 100, 1, 1), new ScalabilityAnalysis.Point(4, 360, 3.6, 0.9)),
                OptionalInt.empty(), 0.7);
        assertThat(Recommender.scalability(good, 0.7, "scalability", Priority.MEDIUM, "")).isEmpty();
    }

    @Test
    void outputIsSortedByPriorityThenImpact() {
        List<Recommendation> rs = new ArrayList<>(List.of(
                new Recommendation("unstable", "a", Priority.LOW, Double.NaN, "", "m", java.util.Map.of()),
                new Recommendation("tail", "b", Priority.MEDIUM, 0.2, "", "m", java.util.Map.of()),
                new Recommendation("budget", "c", Priority.CRITICAL, 0.1, "", "m", java.util.Map.of()),
                new Recommendation("tail", "d", Priority.MEDIUM, 0.6, "", "m", java.util.Map.of()),
                new Recommendation("allocation", "e", Priority.LOW, 0.3, "", "m", java.util.Map.of())));
        rs.sort(Recommendation.ORDER);
        assertThat(rs).extracting(Recommendation::caseKey).containsExactly("c", "d", "b", "e", "a");
    }

    @Test
    void budgetChecksBecomeAdviceByStatus() {
        io.benchledger.archive.analysis.budget.BudgetReport report = new io.benchledger.archive.analysis.budget.BudgetReport(
                new io.benchledger.archive.analysis.compare.ResolvedSide(
                        io.benchledger.archive.analysis.compare.Side.parse("latest"), List.of("r"), List.of("1.0")),
                List.of(check("fail", BudgetStatus.FAIL, false, 150), check("warn", BudgetStatus.WARN, false, 120),
                        check("close", BudgetStatus.PASS, true, 95), check("fine", BudgetStatus.PASS, false, 50),
                        check("nc", BudgetStatus.NOT_CHECKED, false, Double.NaN)));
        List<Recommendation> rs = Recommender.budgets(report);
        assertThat(rs).extracting(Recommendation::caseKey).containsExactly("fail", "warn", "close", "nc");
        assertThat(rs).extracting(Recommendation::priority)
                .containsExactly(Priority.CRITICAL, Priority.HIGH, Priority.LOW, Priority.LOW);
        // 150 against a target of 100 (max): −33 % still needed
        assertThat(rs.get(0).impact()).isCloseTo(50.0 / 150, within(1e-12));
        assertThat(rs.get(0).impactBasis()).isEqualTo("\u221233 % to reach the target");
        assertThat(rs.get(3).message()).contains("not checked");
        assertThat(rs.get(3).impact()).as("nothing to estimate").isNaN();
        assertThat(rs.get(3).impactBasis()).isEqualTo("nothing measured to judge");
        assertThat(rs.get(2).impact()).as("a close pass needs no change").isNaN();
    }

    private static BudgetCheck check(String key, BudgetStatus s, boolean close, double v) {
        return new BudgetCheck("b", "x", "f:1:1", key, "x", "primary", "max_mean", 100, 200, v, "us/op", s, close, "");
    }

    /** A budget without a unit gives no "unit = ," in the evidence line; its other fields stay. */
    @Test
    void evidenceTextLeavesOutEmptyTexts() {
        java.util.Map<String, Object> ev = new java.util.LinkedHashMap<>();
        ev.put("criterion", "max_p99");
        ev.put("current", Double.NaN);
        ev.put("unit", "");
        ev.put("pattern", "Allocation");
        Recommendation r = new Recommendation("budget", "Allocation", Priority.HIGH, Double.NaN, "", "m", ev);
        assertThat(r.evidenceText(d -> Double.isNaN(d) ? "–" : Double.toString(d)))
                .isEqualTo("criterion = max_p99, current = –, pattern = Allocation");
        assertThat(r.evidence()).containsKey("unit"); // the JSON keeps every field
    }
}
