package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache Otava's own TigerBeetle expectations (tests/tigerbeetle_test.py): the change-point indexes
 * {@code compute_change_points(series, window_len, max_pvalue, min_magnitude)} returns for ten parameter
 * sets. Differences are documented in docs/change-points.md.
 */
class OtavaTigerBeetleTest {
    static Stream<Arguments> cases() {
        JsonNode root = ExternalSeries.json(ExternalSeries.OTAVA);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            JsonNode p = c.get("params");
            int[] expected = new int[c.get("expected_change_point_indexes").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.get("expected_change_point_indexes").get(i).asInt();
            }
            out.add(Arguments.of(c.get("test").asText(), p.get("window_len").asInt(), p.get("max_pvalue").asDouble(),
                    p.get("min_magnitude").asDouble(), expected));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOtava(String name, int window, double maxP, double minMagnitude, int[] expected) {
        double[] series = ExternalSeries.doubles(ExternalSeries.json(ExternalSeries.OTAVA).get("series"));
        int[] actual = EDivisive.indexes(OtavaReference.otava(series, window, maxP, minMagnitude));
        System.out.println(name + " expected " + Arrays.toString(expected) + "\n" + name + " actual   " + Arrays.toString(actual));
        assertThat(actual).containsExactly(expected);
    }
}
