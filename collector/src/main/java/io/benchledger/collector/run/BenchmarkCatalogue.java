package io.benchledger.collector.run;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks a class path holds, with their {@code @Param} values, as JMH lists them
 * ({@code -lp}). Listing first also checks the class path and the user's JMH options before any
 * measurement starts, so a mistake costs seconds, not a run.
 */
public record BenchmarkCatalogue(Map<String, Map<String, List<String>>> benchmarks) {
    private static final Pattern PARAM = Pattern.compile("\\s+param \"(.+)\" = \\{(.*)}");

    public static BenchmarkCatalogue list(String java, BenchmarkSource source, JmhOptions user) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", source.classPath(), "org.openjdk.jmh.Main", "-lp"));
        cmd.addAll(user.asArgs());
        List<String> out = new ArrayList<>();
        int exit = ChildProcess.run(cmd, p -> { }, out::add);
        String text = String.join("\n", out);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith("Error parsing command line")) {
                String why = i + 1 < out.size() ? out.get(i + 1).trim() : "";
                throw new BadInputException("JMH options after --: " + why);
            }
        }
        if (text.contains("Could not find or load main class org.openjdk.jmh.Main")) {
            throw new BadInputException(source.description() + ": not a JMH class path (org.openjdk.jmh.Main is not on it)");
        }
        if (text.contains("Unable to find the resource: /META-INF/BenchmarkList")) {
            throw new BadInputException(source.description() + ": no JMH benchmarks on the class path (no META-INF/BenchmarkList)");
        }
        if (exit != 0 || !text.contains("Benchmarks:")) {
            String first = out.isEmpty() ? "no output" : out.get(0).trim();
            throw new IllegalStateException("listing the benchmarks failed (exit code " + exit + "): " + first);
        }
        Map<String, Map<String, List<String>>> b = new LinkedHashMap<>();
        String current = null;
        boolean started = false;
        for (String line : out) {
            if (line.startsWith("Benchmarks:")) {
                started = true;
                continue;
            }
            if (!started || line.isBlank()) {
                continue;
            }
            Matcher m = PARAM.matcher(line);
            if (m.matches() && current != null) {
                List<String> values = new ArrayList<>();
                for (String v : m.group(2).split(", ")) {
                    values.add(v);
                }
                b.get(current).put(m.group(1), values);
            } else if (!Character.isWhitespace(line.charAt(0))) {
                current = line.trim();
                b.put(current, new LinkedHashMap<>());
            }
        }
        return new BenchmarkCatalogue(b);
    }

    /** How many cases a benchmark gives: the product of its parameter value counts, with overrides. */
    public int cases(String benchmark, Map<String, List<String>> overrides) {
        int n = 1;
        for (Map.Entry<String, List<String>> p : benchmarks.getOrDefault(benchmark, Map.of()).entrySet()) {
            n *= overrides.getOrDefault(p.getKey(), p.getValue()).size();
        }
        return n;
    }
}
