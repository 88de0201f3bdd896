package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MongoDB signal-processing-algorithms: the q̂ values of its "robust" series (their
 * expected_result_robust_series_proper_division.json) and the number of change points its
 * {@code EDivisive(seed=1234)} with a 100-permutation test at p = 0.01 finds in the profiling series.
 */
class MongoEDivisiveTest {

    @Test
    void qhatValuesMatchMongo() {
        double[] series = ExternalSeries.doubles(ExternalSeries.json(ExternalSeries.MONGO + "robust_series.json"));
        double[] expected = ExternalSeries.doubles(
                ExternalSeries.json(ExternalSeries.MONGO + "expected_result_robust_series_proper_division.json"));
        double[] actual = MongoEDivisive.qhatValuesToEnd(series, 0, series.length);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("q̂ at %d", i).isCloseTo(expected[i], within(1e-6 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @Test
    void qhatOfTheirSmallContinuitySeries() {
        // test_algorithm_continuity.py: expected_proper_division for [1,1,1,1,2,2,2,2,2,3,3,3]
        double[] series = {1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3};
        double[] expected = {0, 1.03333333, 2.2962963, 3.875, 5.9047619, 4.33333333, 3.6, 3.41666667, 3.80952381,
                5.25, 3.11111111, 1.4};
        double[] actual = MongoEDivisive.qhatValuesToEnd(series, 0, series.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-7));
        }
    }

    /**
     * The profiling series MongoDB's CI checks (short, small, medium; large and larger are marked slow
     * there and skipped by default: docs/change-points.md lists what we find for them).
     */
    @ParameterizedTest(name = "{0}: {1} change points")
    @CsvSource({"profiling/short.json, 0, U_STATISTIC", "profiling/small.json, 9, U_STATISTIC",
            "profiling/medium.json, 14, U_STATISTIC"})
    void changePointCountsMatchMongo(String file, int expectedCount, MongoEDivisive.Estimator estimator) {
        JsonNode root = ExternalSeries.json(ExternalSeries.MONGO + file);
        assertThat(root.get("expected").asInt()).isEqualTo(expectedCount);
        double[] series = ExternalSeries.doubles(root.get("series"));
        var found = MongoEDivisive.permutationChangePoints(series, 0.01, 100, 1234, estimator);
        System.out.println(file + ": " + found.size() + " (MongoDB: " + expectedCount + ")");
        assertThat(found).hasSize(expectedCount);
    }

    @Test
    void longSeriesHasFourChangePoints() {
        // test_detection.py test_long_series: 4 change points at p = 0.01, 100 permutations
        double[] series = ExternalSeries.doubles(ExternalSeries.json(ExternalSeries.MONGO + "long_series.json"));
        var found = MongoEDivisive.permutationChangePoints(series, 0.01, 100, 1234);
        System.out.println("long_series: " + found);
        assertThat(found).hasSize(4);
    }

    @Test
    void stepsFromTheirDetectionTests() {
        // test_detection.py: [50]*15 + [100]*15 → one change point at 15; two regressions at 15 and 30
        double[] simple = new double[30];
        for (int i = 0; i < 30; i++) {
            simple[i] = i < 15 ? 50 : 100;
        }
        assertThat(MongoEDivisive.permutationChangePoints(simple, 0.01, 100, 1234)).extracting(EDivisive.Candidate::index)
                .containsExactly(15);
        double[] two = new double[45];
        for (int i = 0; i < 45; i++) {
            two[i] = i < 15 ? 50 : i < 30 ? 100 : 150;
        }
        two[2] = 100;
        var found = MongoEDivisive.permutationChangePoints(two, 0.01, 100, 1234);
        assertThat(found).extracting(EDivisive.Candidate::index).containsExactlyInAnyOrder(15, 30);
        assertThat(found.stream().filter(c -> c.index() == 15).findFirst().orElseThrow().qhat())
                .isCloseTo(649.9999999999999, within(1e-9));
        assertThat(found.stream().filter(c -> c.index() == 30).findFirst().orElseThrow().qhat())
                .isCloseTo(1209.1954022988505, within(1e-9));
    }
}
