package io.benchledger.collector.run;

import io.benchledger.archive.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JMH command-line options: the ones benchledger derives from the configuration, with the user's
 * (given after {@code --}) on top. JMH refuses most options given twice, so a user's option
 * replaces benchledger's; {@code -prof} adds, and {@code -p name=…} replaces per parameter.
 * Positional arguments are benchmark patterns and narrow the selection.
 */
public final class JmhOptions {
    /** JMH options that take no value. */
    private static final Set<String> FLAGS = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");
    /** Options benchledger sets itself: the result file and the mode of failure. */
    private static final Set<String> RESERVED = Set.of("-rf", "-rff", "-o", "-foe", "-h", "-l", "-lp", "-lprof", "-lrf");

    private final Map<String, List<String>> options;
    private final List<String> patterns;

    private JmhOptions(Map<String, List<String>> options, List<String> patterns) {
        this.options = options;
        this.patterns = patterns;
    }

    /** Parses the user's options; a reserved or incomplete option is bad input. */
    public static JmhOptions parse(List<String> args) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() == 1) {
                patterns.add(a);
                continue;
            }
            if (RESERVED.contains(a)) {
                throw new BadInputException("JMH option " + a + " is set by benchledger and cannot be given after --");
            }
            if (FLAGS.contains(a)) {
                o.computeIfAbsent(a, k -> new ArrayList<>());
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new BadInputException("JMH option " + a + " needs a value");
            }
            o.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
        }
        return new JmhOptions(o, patterns);
    }

    public static JmhOptions none() {
        return new JmhOptions(Map.of(), List.of());
    }

    /** Benchmark patterns given as positional arguments. */
    public List<String> patterns() {
        return patterns;
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** The user's options only, as JMH takes them (for listing benchmarks). */
    public List<String> asArgs() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : options.entrySet()) {
            for (String v : e.getValue()) {
                out.add(e.getKey());
                out.add(v);
            }
        }
        return out;
    }

    /** {@code derived} (pairs of option and value, as {@code JmhSettings.toJmhOptions} gives them) with these on top. */
    public List<String> over(List<String> derived) {
        List<String> out = new ArrayList<>();
        Set<String> userParams = new java.util.HashSet<>();
        for (String p : options.getOrDefault("-p", List.of())) {
            userParams.add(p.contains("=") ? p.substring(0, p.indexOf('=')) : p);
        }
        for (int i = 0; i + 1 < derived.size(); i += 2) {
            String opt = derived.get(i);
            String val = derived.get(i + 1);
            boolean replaced = "-p".equals(opt)
                    ? userParams.contains(val.substring(0, Math.max(0, val.indexOf('='))))
                    : !"-prof".equals(opt) && options.containsKey(opt);
            if (!replaced) {
                out.add(opt);
                out.add(val);
            }
        }
        out.addAll(asArgs());
        return out;
    }

    /** The benchmark mode(s) the user forces with {@code -bm} (such as {@code avgt,sample}), or empty. */
    public String mode() {
        List<String> m = options.get("-bm");
        return m == null || m.isEmpty() ? "" : m.get(m.size() - 1);
    }

    /** The thread count the user forces with {@code -t}, or 0. */
    public int threads() {
        List<String> t = options.get("-t");
        if (t == null || t.isEmpty()) {
            return 0;
        }
        String v = t.get(t.size() - 1);
        if ("max".equalsIgnoreCase(v)) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("JMH option -t: expected a thread count, got \"" + v + "\"");
        }
    }
}
