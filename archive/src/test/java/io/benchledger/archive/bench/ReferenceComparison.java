package io.benchledger.archive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import io.benchledger.archive.analysis.changepoint.EDivisive;
import io.benchledger.archive.analysis.changepoint.MongoEDivisive;
import io.benchledger.archive.analysis.changepoint.OtavaReference;
import io.benchledger.archive.analysis.changepoint.SeriesDetector;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comparison tables of docs/change-points.md: Otava's TigerBeetle expectations against our Otava
 * reproduction, against the merge that recomputes the right neighbours, and against benchledger's
 * default detector; MongoDB's expected change-point counts against our permutation E-Divisive with
 * both q̂ estimators. Run with the test class path; no arguments.
 */
public final class ReferenceComparison {
    private ReferenceComparison() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode tb = json("/external/changepoint/apache__otava/tigerbeetle_series_extracted.json");
        double[] series = doubles(tb.get("series"));
        System.out.println("| Otava test | window, p, magnitude | Otava expects | ours (Otava merge) | ours (neighbours fixed) |");
        System.out.println("|---|---|---|---|---|");
        for (JsonNode c : tb.get("cases")) {
            JsonNode p = c.get("params");
            int w = p.get("window_len").asInt();
            double maxP = p.get("max_pvalue").asDouble();
            double mag = p.get("min_magnitude").asDouble();
            int[] otava = EDivisive.indexes(OtavaReference.otava(series, w, maxP, mag));
            List<Integer> weak = EDivisive.split(series, w, EDivisive.firstPassPValue(maxP), 0, List.of(),
                    EDivisive.SplitListener.NONE);
            int[] fixed = EDivisive.indexes(OtavaReference.merge(series, weak, maxP, mag, OtavaReference.Neighbours.CHANGED));
            System.out.printf("| %s | %d, %s, %s | %s | %s | %s |%n", c.get("test").asText(), w, maxP, mag,
                    c.get("expected_change_point_indexes"), same(otava, c) ? "same" : Arrays.toString(otava),
                    same(fixed, c) ? "same" : Arrays.toString(fixed));
        }
        System.out.println();
        System.out.println("benchledger defaults on TigerBeetle: "
                + Arrays.toString(EDivisive.indexes(SeriesDetector.detect(series, DetectorSettings.DEFAULTS).changePoints())));
        System.out.println();
        System.out.println("| MongoDB series | points | expected | ours, U-statistic q̂ | ours, V-statistic q̂ |");
        System.out.println("|---|---|---|---|---|");
        String base = "/external/changepoint/mongodb__signal-processing-algorithms/tests/data/";
        List<String> files = new ArrayList<>(List.of("profiling/short.json", "profiling/small.json",
                "profiling/medium.json", "profiling/large.json", "profiling/very_large.json"));
        for (String f : files) {
            JsonNode root = json(base + f);
            double[] s = doubles(root.get("series"));
            int u = MongoEDivisive.permutationChangePoints(s, 0.01, 100, 1234, MongoEDivisive.Estimator.U_STATISTIC).size();
            int v = MongoEDivisive.permutationChangePoints(s, 0.01, 100, 1234, MongoEDivisive.Estimator.V_STATISTIC).size();
            System.out.printf("| %s | %d | %d | %d | %d |%n", f, s.length, root.get("expected").asInt(), u, v);
        }
        double[] longSeries = doubles(json(base + "long_series.json"));
        System.out.printf("| long_series.json | %d | 4 | %d | %d |%n", longSeries.length,
                MongoEDivisive.permutationChangePoints(longSeries, 0.01, 100, 1234).size(),
                MongoEDivisive.permutationChangePoints(longSeries, 0.01, 100, 1234, MongoEDivisive.Estimator.V_STATISTIC).size());
    }

    private static boolean same(int[] actual, JsonNode c) {
        JsonNode e = c.get("expected_change_point_indexes");
        if (e.size() != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (e.get(i).asInt() != actual[i]) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode json(String resource) throws Exception {
        try (InputStream in = ReferenceComparison.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
