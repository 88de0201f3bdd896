package io.benchledger.collector.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JMH parameters from one layer of the configuration (defaults, suite, group, profile,
 * environment). Each value remembers the file and line it came from, so a problem found only after
 * the layers are combined (a sample size below 10) still names where it was set. Layers combine
 * field by field; {@code params} combine per parameter name.
 */
public final class JmhSettings {
    static final String FORKS = "forks";
    static final String WARMUP_ITERATIONS = "warmupIterations";
    static final String WARMUP_TIME = "warmupTime";
    static final String MEASUREMENT_ITERATIONS = "measurementIterations";
    static final String MEASUREMENT_TIME = "measurementTime";
    static final String THREADS = "threads";
    static final String PARAMS = "params";
    static final String PROFILERS = "profilers";
    static final String MODE = "mode";
    static final String TIME_UNIT = "timeUnit";
    static final String JVM_ARGS = "jvmArgs";
    static final List<String> FIELDS = List.of(FORKS, WARMUP_ITERATIONS, WARMUP_TIME, MEASUREMENT_ITERATIONS,
            MEASUREMENT_TIME, THREADS, PARAMS, PROFILERS, MODE, TIME_UNIT, JVM_ARGS);

    /** JMH's own defaults (JMH 1.37), used where no layer says otherwise. */
    public static final int JMH_FORKS = 5;
    public static final int JMH_ITERATIONS = 5;
    public static final String JMH_TIME = "10s";

    /** A value and the place it was set ("file:line"). */
    record Setting(Object value, String origin, ConfigNode node) {
    }

    private final Map<String, Setting> values;

    JmhSettings(Map<String, Setting> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public static JmhSettings empty() {
        return new JmhSettings(Map.of());
    }

    /** These settings on top of {@code base}. */
    public JmhSettings over(JmhSettings base) {
        Map<String, Setting> out = new LinkedHashMap<>(base.values);
        for (Map.Entry<String, Setting> e : values.entrySet()) {
            if (PARAMS.equals(e.getKey()) && out.containsKey(PARAMS)) {
                Map<String, List<String>> merged = new TreeMap<>(params(out.get(PARAMS)));
                merged.putAll(params(e.getValue()));
                out.put(PARAMS, new Setting(merged, e.getValue().origin(), e.getValue().node()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new JmhSettings(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> params(Setting s) {
        return (Map<String, List<String>>) s.value();
    }

    Optional<Setting> setting(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public int forks() {
        return (Integer) value(FORKS, JMH_FORKS);
    }

    public int warmupIterations() {
        return (Integer) value(WARMUP_ITERATIONS, JMH_ITERATIONS);
    }

    public String warmupTime() {
        return (String) value(WARMUP_TIME, JMH_TIME);
    }

    public int measurementIterations() {
        return (Integer) value(MEASUREMENT_ITERATIONS, JMH_ITERATIONS);
    }

    public String measurementTime() {
        return (String) value(MEASUREMENT_TIME, JMH_TIME);
    }

    /** Thread counts to run at; each is one JMH invocation. Empty: the benchmarks' own @Threads. */
    @SuppressWarnings("unchecked")
    public List<Integer> threads() {
        return (List<Integer>) value(THREADS, List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, List<String>> params() {
        return (Map<String, List<String>>) value(PARAMS, Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<String> profilers() {
        return (List<String>) value(PROFILERS, List.of());
    }

    /** Empty: the benchmarks' own @BenchmarkMode. */
    public String mode() {
        return (String) value(MODE, "");
    }

    /** Empty: the benchmarks' own @OutputTimeUnit. */
    public String timeUnit() {
        return (String) value(TIME_UNIT, "");
    }

    @SuppressWarnings("unchecked")
    public List<String> jvmArgs() {
        return (List<String>) value(JVM_ARGS, List.of());
    }

    /** Where a field was set, "file:line", or empty when it is JMH's default. */
    public String origin(String field) {
        Setting s = values.get(field);
        return s == null ? "" : s.origin();
    }

    private Object value(String field, Object absent) {
        Setting s = values.get(field);
        return s == null ? absent : s.value();
    }

    /**
     * JMH command-line options for these settings at one thread count (0: the benchmarks' own).
     * Benchmark selection is not part of it.
     */
    public List<String> toJmhOptions(int threads) {
        List<String> o = new ArrayList<>();
        o.add("-f");
        o.add(Integer.toString(forks()));
        o.add("-wi");
        o.add(Integer.toString(warmupIterations()));
        o.add("-w");
        o.add(warmupTime());
        o.add("-i");
        o.add(Integer.toString(measurementIterations()));
        o.add("-r");
        o.add(measurementTime());
        if (threads > 0) {
            o.add("-t");
            o.add(Integer.toString(threads));
        }
        if (!mode().isEmpty()) {
            o.add("-bm");
            o.add(mode());
        }
        if (!timeUnit().isEmpty()) {
            o.add("-tu");
            o.add(timeUnit());
        }
        for (String p : profilers()) {
            o.add("-prof");
            o.add(p);
        }
        for (Map.Entry<String, List<String>> p : new TreeMap<>(params()).entrySet()) {
            o.add("-p");
            o.add(p.getKey() + "=" + String.join(",", p.getValue()));
        }
        if (!jvmArgs().isEmpty()) {
            o.add("-jvmArgsAppend");
            o.add(String.join(" ", jvmArgs()));
        }
        return o;
    }

    @Override
    public String toString() {
        return String.join(" ", toJmhOptions(0));
    }
}
