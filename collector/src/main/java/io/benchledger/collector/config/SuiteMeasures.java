package io.benchledger.collector.config;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a suite says about measurements beyond the primary score:
 *
 * @param bytesParam the parameter holding a payload size in bytes ({@code bytesParam: size}); each
 *                   case with it gets the derived metric {@code throughput.bytes} (B/s); empty: none
 * @param bytesBenchmarks which benchmarks' {@code bytesParam} is a payload size ({@code bytesBenchmarks},
 *                   a regular expression found in the benchmark name; every benchmark when not given),
 *                   since another benchmark may use the same name for a count of elements
 * @param gateOnTail whether a tail regression (p99 of a sample-mode case) fails the gate like a
 *                   regression of the mean ({@code gateOnTail}, true by default)
 * @param gateMetrics the metrics whose regressions fail a gate ({@code gateMetrics}, names or {@code prefix.*});
 *                   empty: the comparison's default (the primary score and gc.alloc.rate.norm)
 */
public record SuiteMeasures(String bytesParam, Pattern bytesBenchmarks, boolean gateOnTail, List<String> gateMetrics) {
    public static final SuiteMeasures DEFAULT = new SuiteMeasures("", Pattern.compile(""), true, List.of());
    static final String BYTES_BENCHMARKS = "bytesBenchmarks";
    static final String BYTES_PARAM = "bytesParam";
    static final String GATE_ON_TAIL = "gateOnTail";
    static final String GATE_METRICS = "gateMetrics";
    private static final Pattern METRIC_NAME = Pattern.compile("[^\\s,*]+(\\*)?");

    public SuiteMeasures {
        gateMetrics = gateMetrics == null ? List.of() : List.copyOf(gateMetrics);
    }
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** True when {@code benchmark}'s {@link #bytesParam} holds a payload size in bytes. */
    public boolean measuresBytes(String benchmark) {
        return !bytesParam.isEmpty() && bytesBenchmarks.matcher(benchmark).find();
    }

    /** Reads the optional fields of a suite's mapping, naming the file and line of a bad value. */
    static SuiteMeasures read(ConfigNode.MapNode suite) {
        String bytes = "";
        ConfigNode b = suite.get(BYTES_PARAM);
        if (b != null) {
            if (!(b instanceof ConfigNode.Scalar s) || s.token != JsonToken.VALUE_STRING || !PARAM_NAME.matcher(s.text).matches()) {
                throw b.error("expected the name of a JMH @Param field such as size, got " + b.describe());
            }
            bytes = s.text;
        }
        Pattern which = Pattern.compile("");
        ConfigNode w = suite.get(BYTES_BENCHMARKS);
        if (w != null) {
            if (!(w instanceof ConfigNode.Scalar s) || s.token != JsonToken.VALUE_STRING) {
                throw w.error("expected a regular expression, got " + w.describe());
            }
            try {
                which = Pattern.compile(s.text);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw w.error("not a valid regular expression: " + e.getDescription());
            }
        }
        boolean tail = true;
        ConfigNode t = suite.get(GATE_ON_TAIL);
        if (t != null) {
            if (!(t instanceof ConfigNode.Scalar s) || (s.token != JsonToken.VALUE_TRUE && s.token != JsonToken.VALUE_FALSE)) {
                throw t.error("expected true or false, got " + t.describe());
            }
            tail = s.token == JsonToken.VALUE_TRUE;
        }
        return new SuiteMeasures(bytes, which, tail, gateMetrics(suite.get(GATE_METRICS)));
    }

    /** {@code gateMetrics: [primary, gc.alloc.rate.norm, gc.count]}: a non-empty list of metric names. */
    private static List<String> gateMetrics(ConfigNode node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.ListNode l) || l.items.isEmpty()) {
            throw node.error("expected a list of metric names such as [primary, gc.alloc.rate.norm], got " + node.describe());
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : l.items) {
            if (!(item instanceof ConfigNode.Scalar s) || s.token != JsonToken.VALUE_STRING || !METRIC_NAME.matcher(s.text).matches()) {
                throw item.error("expected a metric name such as gc.count or proc.*, got " + item.describe());
            }
            out.add(s.text);
        }
        return out;
    }
}
