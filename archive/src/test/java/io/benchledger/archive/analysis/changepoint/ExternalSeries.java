package io.benchledger.archive.analysis.changepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the copied change-point fixtures (see src/test/resources/external/changepoint/SOURCES.md). */
final class ExternalSeries {
    static final String OTAVA = "/external/changepoint/apache__otava/tigerbeetle_series_extracted.json";
    static final String MONGO = "/external/changepoint/mongodb__signal-processing-algorithms/tests/data/";

    private ExternalSeries() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = ExternalSeries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }
}
