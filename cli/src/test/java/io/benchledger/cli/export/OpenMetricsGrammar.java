package io.benchledger.cli.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the OpenMetrics 1.0 text format (the ABNF of the specification,
 * https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md), for gauges
 * and the other single-sample types: the Prometheus Java client has writers but no parser. It throws
 * {@link IllegalArgumentException} naming the line at the first violation and returns the samples.
 */
final class OpenMetricsGrammar {
    /** One sample: metric name, labels in written order, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final String METRIC_NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern DESCRIPTOR = Pattern.compile("# (HELP|TYPE|UNIT) (" + METRIC_NAME + ") (.*)", Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("(" + METRIC_NAME + ")(.*)", Pattern.DOTALL);
    // realnumber of the ABNF (Go's ParseFloat syntax without hex) or the three special values
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]Inf|NaN");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "gaugehistogram", "stateset", "info",
            "summary", "unknown");

    private OpenMetricsGrammar() {
    }

    static List<Sample> parse(String text) {
        if (!text.endsWith("# EOF\n") && !text.endsWith("# EOF")) {
            throw new IllegalArgumentException("the exposition does not end with '# EOF'");
        }
        String[] lines = text.split("\n", -1);
        int last = text.endsWith("\n") ? lines.length - 2 : lines.length - 1;
        List<Sample> samples = new ArrayList<>();
        Set<String> closedFamilies = new HashSet<>();
        String family = null;
        Map<String, String> descriptors = new HashMap<>();
        boolean familyHasSamples = false;
        Set<Map<String, String>> seriesInFamily = new HashSet<>();
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": ";
            if (line.isEmpty()) {
                throw new IllegalArgumentException(where + "empty lines are not allowed");
            }
            if (line.startsWith("#")) {
                Matcher d = DESCRIPTOR.matcher(line);
                if (!d.matches()) {
                    throw new IllegalArgumentException(where + "a comment line must be HELP, TYPE or UNIT: " + line);
                }
                String name = d.group(2);
                if (!name.equals(family)) {
                    if (family != null) {
                        closedFamilies.add(family);
                    }
                    if (closedFamilies.contains(name)) {
                        throw new IllegalArgumentException(where + "metric family " + name + " appears twice (families must not interleave)");
                    }
                    family = name;
                    descriptors = new HashMap<>();
                    familyHasSamples = false;
                    seriesInFamily = new HashSet<>();
                }
                if (familyHasSamples) {
                    throw new IllegalArgumentException(where + "metadata after samples of " + name);
                }
                if (descriptors.put(d.group(1), d.group(3)) != null) {
                    throw new IllegalArgumentException(where + d.group(1) + " given twice for " + name);
                }
                if (d.group(1).equals("TYPE") && !TYPES.contains(d.group(3))) {
                    throw new IllegalArgumentException(where + "unknown type " + d.group(3));
                }
                if (d.group(1).equals("HELP")) {
                    checkEscapes(d.group(3), where);
                }
                if (d.group(1).equals("UNIT") && !d.group(3).isEmpty() && !name.endsWith("_" + d.group(3))) {
                    throw new IllegalArgumentException(where + "metric " + name + " has unit " + d.group(3) + " but no _" + d.group(3) + " suffix");
                }
                continue;
            }
            Matcher h = HEAD.matcher(line);
            if (!h.matches()) {
                throw new IllegalArgumentException(where + "not a sample: " + line);
            }
            String name = h.group(1);
            String rest = h.group(2);
            if (!name.equals(family)) {
                // a sample without metadata starts a family of type unknown
                if (family != null) {
                    closedFamilies.add(family);
                }
                if (closedFamilies.contains(name)) {
                    throw new IllegalArgumentException(where + "metric family " + name + " appears twice (families must not interleave)");
                }
                family = name;
                descriptors = new HashMap<>();
                seriesInFamily = new HashSet<>();
            }
            String type = descriptors.getOrDefault("TYPE", "unknown");
            if (!type.equals("gauge") && !type.equals("unknown")) {
                throw new IllegalArgumentException(where + "this checker reads gauges and unknowns only, not " + type);
            }
            familyHasSamples = true;
            Map<String, String> labels = new LinkedHashMap<>();
            int pos = 0;
            if (rest.startsWith("{")) {
                pos = labels(rest, labels, where);
            }
            String tail = rest.substring(pos);
            if (!tail.startsWith(" ")) {
                throw new IllegalArgumentException(where + "expected one space before the value");
            }
            String[] parts = tail.substring(1).split(" ", -1);
            if (parts.length > 2 || !NUMBER.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + "bad value or trailing text: '" + tail.substring(1) + "'");
            }
            if (parts.length == 2 && !NUMBER.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(where + "bad timestamp: '" + parts[1] + "'");
            }
            if (!seriesInFamily.add(labels)) {
                throw new IllegalArgumentException(where + "the same label set twice in " + name);
            }
            samples.add(new Sample(name, labels, parts[0].equals("NaN") ? Double.NaN
                    : Double.parseDouble(parts[0].replace("Inf", "Infinity"))));
        }
        return samples;
    }

    /** Reads {@code {name="value",…}} starting at 0; returns the index after the closing brace. */
    private static int labels(String s, Map<String, String> out, String where) {
        int i = 1;
        if (s.startsWith("}", i)) {
            return i + 1;
        }
        while (true) {
            Matcher n = LABEL_NAME.matcher(s).region(i, s.length());
            if (!n.lookingAt()) {
                throw new IllegalArgumentException(where + "bad label name at column " + (i + 1));
            }
            String name = n.group();
            i = n.end();
            if (!s.startsWith("=\"", i)) {
                throw new IllegalArgumentException(where + "expected =\" after label " + name);
            }
            i += 2;
            StringBuilder v = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException(where + "unterminated value of label " + name);
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char e = i < s.length() ? s.charAt(i++) : 0;
                    switch (e) {
                        case '\\' -> v.append('\\');
                        case '"' -> v.append('"');
                        case 'n' -> v.append('\n');
                        default -> throw new IllegalArgumentException(where + "bad escape \\" + e + " in label " + name);
                    }
                } else {
                    v.append(c);
                }
            }
            if (out.put(name, v.toString()) != null) {
                throw new IllegalArgumentException(where + "label " + name + " given twice");
            }
            if (s.startsWith("}", i)) {
                return i + 1;
            }
            if (!s.startsWith(",", i)) {
                throw new IllegalArgumentException(where + "expected , or } after label " + name);
            }
            i++;
        }
    }

    private static void checkEscapes(String help, String where) {
        for (int i = 0; i < help.length(); i++) {
            if (help.charAt(i) == '\\') {
                char e = i + 1 < help.length() ? help.charAt(i + 1) : 0;
                if (e != '\\' && e != '"' && e != 'n') {
                    throw new IllegalArgumentException(where + "bad escape in HELP");
                }
                i++;
            }
        }
    }
}
