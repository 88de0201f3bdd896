package io.benchledger.collector.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Metrics;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the JSON JMH writes for one fork ({@code -f 1 -rf json}) into results and samples: the
 * primary metric and every secondary one ({@code gc.alloc.rate.norm} with {@code -prof gc}), raw
 * iteration scores ({@code rawData}) or sample-mode histograms ({@code rawDataHistogram}).
 * Only what an experiment needs; the collector's full reader handles every JMH version's files.
 */
public final class JmhForkJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhForkJson() {
    }

    public static ForkResult read(Path file, String runId) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new BadInputException(file + ": expected a JSON array of JMH benchmark results");
        }
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        String vendor = "";
        String version = "";
        String jmh = "";
        for (int i = 0; i < root.size(); i++) {
            JsonNode b = root.get(i);
            String where = file + ": [" + i + "]";
            String benchmark = text(b, "benchmark", where);
            String mode = text(b, "mode", where);
            int threads = b.path("threads").asInt(1);
            vendor = b.path("vmName").asText(vendor);
            version = b.path("jdkVersion").asText(version);
            jmh = b.path("jmhVersion").asText(jmh);
            TreeMap<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> ps = b.path("params").fields();
            while (ps.hasNext()) {
                Map.Entry<String, JsonNode> e = ps.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            JsonNode primary = b.get("primaryMetric");
            if (primary == null) {
                throw new BadInputException(where + ".primaryMetric: missing");
            }
            add(results, samples, runId, b, benchmark, params, mode, threads, Result.PRIMARY, primary);
            Iterator<Map.Entry<String, JsonNode>> secondaries = b.path("secondaryMetrics").fields();
            while (secondaries.hasNext()) {
                Map.Entry<String, JsonNode> e = secondaries.next();
                add(results, samples, runId, b, benchmark, params, mode, threads, Metrics.normalise(e.getKey()),
                        e.getValue());
            }
        }
        return new ForkResult(results, samples, vendor, version, jmh);
    }

    private static void add(List<Result> results, List<Sample> samples, String runId, JsonNode b, String benchmark,
                            TreeMap<String, String> params, String mode, int threads, String metric, JsonNode m) {
        String unit = m.path("scoreUnit").asText("");
        boolean higher = Result.PRIMARY.equals(metric) ? Mode.higherIsBetter(mode, unit)
                : Mode.higherIsBetter(Mode.VALUE, unit);
        double score = number(m.get("score"));
        double error = number(m.get("scoreError"));
        JsonNode ci = m.path("scoreConfidence");
        Optional<Percentiles> pct = Optional.empty();
        JsonNode p = m.get("scorePercentiles");
        if (p != null && p.size() > 0 && Mode.SAMPLE_TIME.equals(mode) && Result.PRIMARY.equals(metric)) {
            pct = Optional.of(new Percentiles(number(p.get("0.0")), number(p.get("50.0")), number(p.get("90.0")),
                    number(p.get("95.0")), number(p.get("99.0")), number(p.get("99.9")), number(p.get("100.0"))));
        }
        long count = 0;
        Result r = new Result(runId, null, benchmark, params, mode, metric, unit, higher, threads, 1,
                b.path("warmupIterations").asInt(0), b.path("warmupTime").asText(""),
                b.path("measurementIterations").asInt(0), b.path("measurementTime").asText(""), score, error,
                ci.size() == 2 ? number(ci.get(0)) : Double.NaN, ci.size() == 2 ? number(ci.get(1)) : Double.NaN,
                0, pct, "");
        JsonNode hist = m.get("rawDataHistogram");
        JsonNode raw = m.get("rawData");
        if (hist != null && hist.isArray()) {
            // [fork][iteration][[value, count], …]
            JsonNode fork = hist.get(0);
            for (int it = 0; fork != null && it < fork.size(); it++) {
                for (JsonNode bucket : fork.get(it)) {
                    long w = bucket.get(1).asLong();
                    samples.add(new Sample(runId, r.caseKey(), r.metric(), 0, it, number(bucket.get(0)), w));
                    count += w;
                }
            }
        } else if (raw != null && raw.isArray()) {
            JsonNode fork = raw.get(0);
            for (int it = 0; fork != null && it < fork.size(); it++) {
                samples.add(new Sample(runId, r.caseKey(), r.metric(), 0, it, number(fork.get(it)), 1));
                count++;
            }
        }
        results.add(new Result(runId, r.caseKey(), benchmark, params, mode, r.metric(), unit, higher, threads, 1,
                r.warmupIterations(), r.warmupTime(), r.measurementIterations(), r.measurementTime(), score, error,
                r.ciLow(), r.ciHigh(), count, pct, ""));
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(JsonNode b, String field, String where) {
        JsonNode n = b.get(field);
        if (n == null || !n.isTextual()) {
            throw new BadInputException(where + "." + field + ": expected a string");
        }
        return n.asText();
    }
}
