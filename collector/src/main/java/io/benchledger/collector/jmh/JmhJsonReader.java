package io.benchledger.collector.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.CaseKey;
import io.benchledger.archive.model.Metrics;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads JMH's {@code -rf json} output, of every JMH version, into results and raw samples.
 *
 * <p>The top-level array is streamed and each benchmark entry is read as a tree, so memory holds one
 * entry at a time besides what has been converted. Lenient where the meaning is clear (fields older
 * JMH versions did not write, {@code "NaN"} strings, {@code forks: 0}, scalar params); strict where
 * it is not (a score that is not a number, an unknown mode, a negative histogram count): the
 * {@link BadInputException} names the file and the JSON path, e.g.
 * {@code results.json: [3].primaryMetric.score: expected a number, got "abc"}. Nothing is returned
 * unless the whole file was read.
 *
 * <p>Longer than 500 lines on purpose: JMH's JSON changed across versions (percentile metric names,
 * raw data, histograms, parameters, JVM arguments), and each field's leniency and error message
 * stay beside the code that reads it. About half the class is the typed readers
 * ({@code requiredText}, {@code number}, {@code count}, …) that exist so every error names its
 * JSON path; they are private to this format and would not read better elsewhere.
 */
public final class JmhJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final Set<String> MODES = Set.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME, Mode.SAMPLE_TIME, Mode.SINGLE_SHOT);
    /**
     * Sample mode repeats its percentiles as secondary metrics ({@code ·p0.50} before JMH 1.24,
     * {@code method·p0.50} in some versions, {@code :p0.50} later); they duplicate
     * {@code scorePercentiles} and are not kept as metrics of their own.
     */
    private static final Pattern PERCENTILE_SECONDARY = Pattern.compile("(?:^|.*[\u00b7:])p\\d(?:\\.\\d+)?");

    private final String source;

    private JmhJsonReader(String source) {
        this.source = source;
    }

    /** Reads a file; {@code runId} becomes the run id of every result and sample. */
    public static JmhResults read(Path file, String runId) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, runId);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
    }

    /**
     * Reads a stream.
     *
     * @param source the name used in error messages (normally the file name)
     */
    public static JmhResults read(String source, InputStream in, String runId) throws IOException {
        return new JmhJsonReader(source).parse(in, runId);
    }

    private JmhResults parse(InputStream in, String runId) throws IOException {
        Accumulator acc = new Accumulator(runId);
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw bad("", "expected a JSON array of benchmark results, got an empty file");
            }
            if (first != JsonToken.START_ARRAY) {
                throw bad("", "expected a JSON array of benchmark results, got " + tokenName(first));
            }
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw badAt(p.currentLocation(), "unexpected end of input inside the top-level array");
                }
                String path = "[" + index + "]";
                if (t != JsonToken.START_OBJECT) {
                    JsonNode n = MAPPER.readTree(p);
                    throw bad(path, "expected an object, got " + describe(n));
                }
                JsonNode entry = MAPPER.readTree(p);
                acc.add(entry, path);
                index++;
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw badAt(p.currentLocation(), "unexpected content after the top-level array");
            }
        } catch (JsonProcessingException e) {
            throw badAt(e.getLocation(), "not valid JSON (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (CharConversionException e) {
            throw new BadInputException(source + ": not valid UTF-8 text (" + oneLine(e.getMessage()) + ")", e);
        }
        return acc.finish();
    }

    /** Collects converted entries; every entry is complete before it is added. */
    private final class Accumulator {
        private final String runId;
        private final List<Result> results = new ArrayList<>();
        private final List<Sample> samples = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private String jmhVersion = "";
        private String jdkVersion = "";
        private String vmName = "";
        private String vmVersion = "";
        private String jvm = "";
        private String jvmArgs = "";
        private boolean first = true;

        Accumulator(String runId) {
            this.runId = runId;
        }

        void add(JsonNode e, String path) {
            String benchmark = requiredText(e, "benchmark", path);
            if (benchmark.isBlank()) {
                throw bad(path + ".benchmark", "expected a benchmark name, got an empty string");
            }
            String mode = requiredText(e, "mode", path);
            if (!MODES.contains(mode)) {
                throw bad(path + ".mode", "expected one of thrpt, avgt, sample, ss, got " + describe(e.get("mode")));
            }
            int threads = optionalInt(e, "threads", path, 1, 1);
            SortedMap<String, String> params = params(e.get("params"), path + ".params");
            int warmupIterations = optionalInt(e, "warmupIterations", path, 0, 0);
            int measurementIterations = optionalInt(e, "measurementIterations", path, 0, 0);
            String warmupTime = optionalText(e, "warmupTime", path);
            String measurementTime = optionalText(e, "measurementTime", path);

            JsonNode primary = e.get("primaryMetric");
            if (primary == null || primary.isNull()) {
                throw bad(path + ".primaryMetric", "missing");
            }
            String caseKey = CaseKey.of(benchmark, params, mode, threads);
            if (!keys.add(caseKey)) {
                throw bad(path, "case " + caseKey + " appears twice in the file");
            }
            Metric pm = metric(primary, path + ".primaryMetric", mode);
            int forks = e.has("forks") && !e.get("forks").isNull()
                    ? optionalInt(e, "forks", path, 0, 0)
                    : pm.forkCount;
            boolean primaryHigher = Mode.higherIsBetter(mode, pm.unit);

            List<Result> entryResults = new ArrayList<>();
            List<Sample> entrySamples = new ArrayList<>();
            entryResults.add(result(caseKey, benchmark, params, mode, Result.PRIMARY, pm, primaryHigher, threads, forks,
                    warmupIterations, warmupTime, measurementIterations, measurementTime));
            pm.addSamples(runId, caseKey, Result.PRIMARY, entrySamples);

            JsonNode secondaries = e.get("secondaryMetrics");
            if (secondaries != null && !secondaries.isNull()) {
                if (!secondaries.isObject()) {
                    throw bad(path + ".secondaryMetrics", "expected an object, got " + describe(secondaries));
                }
                Set<String> seen = new HashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = secondaries.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> s = it.next();
                    String name = s.getKey();
                    String spath = path + ".secondaryMetrics[" + quote(name) + "]";
                    if (Mode.SAMPLE_TIME.equals(mode) && PERCENTILE_SECONDARY.matcher(name).matches()) {
                        continue;
                    }
                    String metric = Metrics.normalise(name);
                    if (Result.PRIMARY.equals(metric)) {
                        throw bad(spath, "a secondary metric needs a name");
                    }
                    if (!seen.add(metric)) {
                        continue; // the same metric under its old and its new name: keep the first
                    }
                    Metric sm = metric(s.getValue(), spath, mode);
                    boolean higher = sm.unit.equals(pm.unit) ? primaryHigher : secondaryDirection(metric, sm.unit);
                    entryResults.add(result(caseKey, benchmark, params, mode, metric, sm, higher, threads, forks,
                            warmupIterations, warmupTime, measurementIterations, measurementTime));
                    sm.addSamples(runId, caseKey, metric, entrySamples);
                }
            }

            if (first) {
                jmhVersion = optionalText(e, "jmhVersion", path);
                jdkVersion = optionalText(e, "jdkVersion", path);
                vmName = optionalText(e, "vmName", path);
                vmVersion = optionalText(e, "vmVersion", path);
                jvm = optionalText(e, "jvm", path);
                jvmArgs = jvmArgs(e.get("jvmArgs"), path + ".jvmArgs");
                first = false;
            }
            results.addAll(entryResults);
            samples.addAll(entrySamples);
        }

        private Result result(String caseKey, String benchmark, SortedMap<String, String> params, String mode,
                              String metric, Metric m, boolean higher, int threads, int forks, int wi, String wt,
                              int mi, String mt) {
            return new Result(runId, caseKey, benchmark, params, mode, metric, m.unit, higher, threads, forks, wi, wt,
                    mi, mt, m.score, m.error, m.ciLow, m.ciHigh, m.sampleCount, m.percentiles, "");
        }

        JmhResults finish() {
            return new JmhResults(runId, results, samples, jmhVersion, jdkVersion, vmName, vmVersion, jvm, jvmArgs);
        }
    }

    /**
     * Direction of a secondary metric whose unit differs from the primary's: profiler metrics
     * (allocation, GC, process) are costs whatever their unit says; others follow the unit.
     */
    static boolean secondaryDirection(String metric, String unit) {
        if (metric.startsWith("gc.") || metric.startsWith("proc.") || metric.startsWith("·")) {
            return false;
        }
        return Mode.higherIsBetter(Mode.VALUE, unit);
    }

    /** One converted metric (primary or secondary) of one entry. */
    private static final class Metric {
        String unit;
        double score;
        double error;
        double ciLow;
        double ciHigh;
        long sampleCount;
        int forkCount;
        Optional<Percentiles> percentiles = Optional.empty();
        /** per fork, per iteration: values and weights. */
        final List<List<double[]>> values = new ArrayList<>();
        final List<List<long[]>> weights = new ArrayList<>();

        void addSamples(String runId, String caseKey, String metric, List<Sample> out) {
            for (int f = 0; f < values.size(); f++) {
                List<double[]> iterations = values.get(f);
                for (int i = 0; i < iterations.size(); i++) {
                    double[] v = iterations.get(i);
                    long[] w = weights.get(f).get(i);
                    for (int k = 0; k < v.length; k++) {
                        out.add(new Sample(runId, caseKey, metric, f, i, v[k], w[k]));
                    }
                }
            }
        }
    }

    private Metric metric(JsonNode node, String path, String mode) {
        if (!node.isObject()) {
            throw bad(path, "expected an object, got " + describe(node));
        }
        Metric m = new Metric();
        m.score = requiredDouble(node, "score", path);
        m.unit = requiredText(node, "scoreUnit", path);
        m.error = optionalDouble(node, "scoreError", path);
        JsonNode conf = node.get("scoreConfidence");
        if (conf != null && !conf.isNull()) {
            if (!conf.isArray() || conf.size() != 2) {
                throw bad(path + ".scoreConfidence", "expected an array of two numbers, got " + describe(conf));
            }
            m.ciLow = number(conf.get(0), path + ".scoreConfidence[0]");
            m.ciHigh = number(conf.get(1), path + ".scoreConfidence[1]");
        } else {
            // the interval JMH would have written: score ± its 99.9 % half-width
            m.ciLow = m.score - m.error;
            m.ciHigh = m.score + m.error;
        }
        m.percentiles = percentiles(node.get("scorePercentiles"), path + ".scorePercentiles");
        JsonNode raw = node.get("rawData");
        JsonNode histogram = node.get("rawDataHistogram");
        if (histogram != null && !histogram.isNull()) {
            readHistogram(histogram, path + ".rawDataHistogram", m);
        } else if (raw != null && !raw.isNull()) {
            readRaw(raw, path + ".rawData", m);
        }
        return m;
    }

    private void readRaw(JsonNode raw, String path, Metric m) {
        if (!raw.isArray()) {
            throw bad(path, "expected an array (one per fork), got " + describe(raw));
        }
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            String fpath = path + "[" + f + "]";
            if (!fork.isArray()) {
                throw bad(fpath, "expected an array of iteration scores, got " + describe(fork));
            }
            List<double[]> vs = new ArrayList<>();
            List<long[]> ws = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                vs.add(new double[] {number(fork.get(i), fpath + "[" + i + "]")});
                ws.add(new long[] {1});
            }
            m.values.add(vs);
            m.weights.add(ws);
            m.sampleCount += fork.size();
        }
        m.forkCount = raw.size();
    }

    private void readHistogram(JsonNode hist, String path, Metric m) {
        if (!hist.isArray()) {
            throw bad(path, "expected an array (one per fork), got " + describe(hist));
        }
        for (int f = 0; f < hist.size(); f++) {
            JsonNode fork = hist.get(f);
            String fpath = path + "[" + f + "]";
            if (!fork.isArray()) {
                throw bad(fpath, "expected an array of iterations, got " + describe(fork));
            }
            List<double[]> vs = new ArrayList<>();
            List<long[]> ws = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                String ipath = fpath + "[" + i + "]";
                if (!iteration.isArray()) {
                    throw bad(ipath, "expected an array of [value, count] pairs, got " + describe(iteration));
                }
                double[] v = new double[iteration.size()];
                long[] w = new long[iteration.size()];
                int n = 0;
                for (int b = 0; b < iteration.size(); b++) {
                    JsonNode bucket = iteration.get(b);
                    String bpath = ipath + "[" + b + "]";
                    if (!bucket.isArray() || bucket.size() != 2) {
                        throw bad(bpath, "expected a [value, count] pair, got " + describe(bucket));
                    }
                    double value = number(bucket.get(0), bpath + "[0]");
                    long count = count(bucket.get(1), bpath + "[1]");
                    if (count == 0) {
                        continue; // an empty bucket says nothing
                    }
                    v[n] = value;
                    w[n] = count;
                    n++;
                    if (count > Long.MAX_VALUE - m.sampleCount) {
                        throw bad(bpath + "[1]", "counts add up to more than " + Long.MAX_VALUE);
                    }
                    m.sampleCount += count;
                }
                vs.add(java.util.Arrays.copyOf(v, n));
                ws.add(java.util.Arrays.copyOf(w, n));
            }
            m.values.add(vs);
            m.weights.add(ws);
        }
        m.forkCount = hist.size();
    }

    private Optional<Percentiles> percentiles(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw bad(path, "expected an object, got " + describe(node));
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Percentiles(pct(node, path, "0.0"), pct(node, path, "50.0"), pct(node, path, "90.0"),
                pct(node, path, "95.0"), pct(node, path, "99.0"), pct(node, path, "99.9"), pct(node, path, "100.0")));
    }

    private double pct(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Double.NaN : number(v, path + "[" + quote(key) + "]");
    }

    private SortedMap<String, String> params(JsonNode node, String path) {
        SortedMap<String, String> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw bad(path, "expected an object of parameter values, got " + describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw bad(path + "." + p.getKey(), "expected a parameter value, got " + describe(v));
            }
            out.put(p.getKey(), v.asText());
        }
        return out;
    }

    private String jvmArgs(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (!node.isArray()) {
            throw bad(path, "expected an array of strings, got " + describe(node));
        }
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            if (!a.isTextual()) {
                throw bad(path + "[" + i + "]", "expected a string, got " + describe(a));
            }
            j.add(a.asText());
        }
        return j.toString();
    }

    // ---------------------------------------------------------------- field access

    private String requiredText(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw bad(path + "." + field, "missing");
        }
        if (!v.isTextual()) {
            throw bad(path + "." + field, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    private String optionalText(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw bad(path + "." + field, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    private int optionalInt(JsonNode obj, String field, String path, int absent, int min) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        String p = path + "." + field;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw bad(p, "expected an integer, got " + describe(v));
        }
        int i = v.intValue();
        if (i < min) {
            throw bad(p, "expected an integer of at least " + min + ", got " + i);
        }
        return i;
    }

    private double requiredDouble(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw bad(path + "." + field, "missing");
        }
        return number(v, path + "." + field);
    }

    private double optionalDouble(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return number(v, path + "." + field);
    }

    /** A number, or JMH's strings for the values JSON has no literal for. */
    private double number(JsonNode v, String path) {
        if (v != null && v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isInfinite(d)) {
                throw bad(path, "number out of range: " + abbreviate(v.asText()));
            }
            return d;
        }
        if (v != null && v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw bad(path, "expected a number, got " + describe(v));
    }

    private long count(JsonNode v, String path) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(path, "expected a count (a whole number), got " + describe(v));
        }
        long c = v.longValue();
        if (c < 0) {
            throw bad(path, "expected a count of at least 0, got " + c);
        }
        return c;
    }

    // ---------------------------------------------------------------- messages

    private BadInputException bad(String path, String what) {
        return new BadInputException(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    private BadInputException badAt(JsonLocation at, String what) {
        String where = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new BadInputException(source + ": " + where + what);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "\"" + abbreviate(oneLine(v.asText())) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array of " + v.size();
        }
        return abbreviate(v.asText());
    }

    private static String tokenName(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    private static String quote(String s) {
        return "\"" + abbreviate(oneLine(s)).replace("\"", "\\\"") + "\"";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cntrl}]+", " ").trim();
    }
}
