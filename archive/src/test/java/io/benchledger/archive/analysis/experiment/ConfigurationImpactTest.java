package io.benchledger.archive.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationImpactTest {

    private static List<Double> around(double centre) {
        // geometric mean exactly `centre`: centre·{1.01, 1/1.01, 1.02, 1/1.02}
        return List.of(centre * 1.01, centre / 1.01, centre * 1.02, centre / 1.02);
    }

    @Test
    void ranksPerCaseAndOverallByGeometricMeanOfRatiosToTheBest() {
        Map<String, List<Double>> thrpt = new LinkedHashMap<>();
        thrpt.put("g1", around(100));
        thrpt.put("parallel", around(120));
        thrpt.put("serial", around(90));
        Map<String, List<Double>> avgt = new LinkedHashMap<>();
        avgt.put("g1", around(10));
        avgt.put("parallel", around(11));
        avgt.put("serial", around(12.5));
        Map<String, Map<String, List<Double>>> cases = new LinkedHashMap<>();
        cases.put("a@thrpt", thrpt);
        cases.put("b@avgt", avgt);
        ConfigurationImpact.Report r = ConfigurationImpact.analyse(cases, Map.of("a@thrpt", true, "b@avgt", false),
                0.05, 1);

        ConfigurationImpact.CaseImpact a = r.cases().get(0);
        assertThat(a.ranking()).extracting(ConfigurationImpact.Standing::variant).containsExactly("parallel", "g1", "serial");
        assertThat(a.ranking().get(0).centre()).isCloseTo(120, within(1e-9));
        assertThat(a.ranking().get(1).ratioToBest()).isCloseTo(1.2, within(1e-9));
        assertThat(a.marginToSecond()).isCloseTo(0.2, within(1e-9));
        assertThat(a.probabilityBest()).isEqualTo(1.0);
        ConfigurationImpact.PairwiseDifference pg = a.matrix().stream()
                .filter(d -> d.row().equals("parallel") && d.column().equals("g1")).findFirst().orElseThrow();
        assertThat(pg.difference()).isCloseTo(0.2, within(1e-9));
        assertThat(pg.significant()).isTrue();

        ConfigurationImpact.CaseImpact b = r.cases().get(1);
        assertThat(b.best()).isEqualTo("g1");
        assertThat(b.ranking().get(2).ratioToBest()).isCloseTo(1.25, within(1e-9));

        // overall: g1 √(1.2·1) = 1.0954, parallel √(1·1.1) = 1.0488, serial √((120/90)·1.25) = 1.2910
        assertThat(r.overall()).extracting(ConfigurationImpact.OverallStanding::variant)
                .containsExactly("parallel", "g1", "serial");
        assertThat(r.overall().get(0).geometricMeanRatio()).isCloseTo(Math.sqrt(1.1), within(1e-9));
        assertThat(r.overall().get(1).geometricMeanRatio()).isCloseTo(Math.sqrt(1.2), within(1e-9));
        assertThat(r.overall().get(2).geometricMeanRatio()).isCloseTo(Math.sqrt(120.0 / 90 * 1.25), within(1e-9));
    }

    @Test
    void indistinguishableConfigurationsShareTheProbabilityOfBeingBest() {
        Map<String, List<Double>> c = new LinkedHashMap<>();
        c.put("x", List.of(100.0, 103.0, 97.0, 101.0, 99.0));
        c.put("y", List.of(101.0, 97.0, 103.0, 99.0, 100.0));
        c.put("z", List.of(99.0, 100.0, 101.0, 97.0, 103.0));
        ConfigurationImpact.CaseImpact i = ConfigurationImpact.analyse(Map.of("k", c), Map.of("k", true), 0.05, 5)
                .cases().get(0);
        assertThat(i.matrix()).noneMatch(ConfigurationImpact.PairwiseDifference::significant);
        assertThat(i.probabilityBest()).isLessThan(0.6);
        assertThat(i.ranking().stream().mapToDouble(ConfigurationImpact.Standing::probabilityBest).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void benjaminiHochbergOnKnownPValues() {
        // p = 0.01, 0.04, 0.03 over three pairs: sorted 0.01, 0.03, 0.04 → q = 0.03, 0.04, 0.04
        List<ConfigurationImpact.PairwiseDifference> raw = List.of(
                new ConfigurationImpact.PairwiseDifference("a", "b", 0, 0.01, Double.NaN, false),
                new ConfigurationImpact.PairwiseDifference("a", "c", 0, 0.04, Double.NaN, false),
                new ConfigurationImpact.PairwiseDifference("b", "c", 0, 0.03, Double.NaN, false),
                new ConfigurationImpact.PairwiseDifference("c", "b", 0, 0.03, Double.NaN, false));
        List<ConfigurationImpact.PairwiseDifference> q = ConfigurationImpact.withQValues(raw, 0.035);
        assertThat(q).extracting(ConfigurationImpact.PairwiseDifference::qValue)
                .containsExactly(0.03, 0.04, 0.04, 0.04);
        assertThat(q).extracting(ConfigurationImpact.PairwiseDifference::significant)
                .containsExactly(true, false, false, false);
    }
}
