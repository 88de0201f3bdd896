package io.benchledger.collector.run;

import io.benchledger.archive.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks a class path holds, with their {@code @Param} values, as JMH lists them
 * ({@code -lp}), and how many modes each declares ({@code @BenchmarkMode}; JMH's list names each
 * benchmark once, its {@code META-INF/BenchmarkList} has a line per mode). Listing first also checks
 * the class path and the user's JMH options before any measurement starts, so a mistake costs
 * seconds, not a run.
 *
 * @param modes the modes of a benchmark whose BenchmarkList could be read (others count one)
 */
public record BenchmarkCatalogue(Map<String, Map<String, List<String>>> benchmarks, Map<String, Integer> modes) {
    private static final Pattern PARAM = Pattern.compile("\\s+param \"(.+)\" = \\{(.*)}");
    /** A BenchmarkList line of JMH 1.2x/1.3x: "JMH S len class S len generated S len method S len mode …". */
    private static final Pattern ENTRY = Pattern.compile("^JMH S \\d+ (\\S+) S \\d+ \\S+ S \\d+ (\\S+) S \\d+ (\\S+)");

    public BenchmarkCatalogue {
        benchmarks = Collections.unmodifiableMap(new LinkedHashMap<>(benchmarks));
        modes = Map.copyOf(modes);
    }

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
        return new BenchmarkCatalogue(b, modes(source.classPath()));
    }

    /**
     * The number of modes of each benchmark, counted from the BenchmarkList resources of a class
     * path (jars and folders). Only the progress line's total depends on it, so what cannot be read
     * (another JMH's format, an unreadable jar) counts one mode.
     */
    static Map<String, Integer> modes(String classPath) {
        Map<String, Set<String>> found = new HashMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p)) {
                    Path list = p.resolve("META-INF/BenchmarkList");
                    if (Files.isRegularFile(list)) {
                        count(Files.readAllLines(list, StandardCharsets.UTF_8), found);
                    }
                } else if (Files.isRegularFile(p)) {
                    try (ZipFile zip = new ZipFile(p.toFile())) {
                        ZipEntry e = zip.getEntry("META-INF/BenchmarkList");
                        if (e != null) {
                            try (var in = zip.getInputStream(e)) {
                                count(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), found);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // one mode each for this entry's benchmarks: an estimate of the total only
            }
        }
        Map<String, Integer> out = new HashMap<>();
        found.forEach((b, m) -> out.put(b, m.size()));
        return out;
    }

    private static void count(List<String> lines, Map<String, Set<String>> found) {
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line);
            if (m.find()) {
                found.computeIfAbsent(m.group(1) + "." + m.group(2), k -> new HashSet<>()).add(m.group(3));
            }
        }
    }

    /** How many modes a benchmark runs in: those it declares, unless the suite or user names them ({@code all} = 4). */
    public int modes(String benchmark, String mode) {
        if (mode == null || mode.isBlank()) {
            return modes.getOrDefault(benchmark, 1);
        }
        return "all".equals(mode) ? 4 : mode.split(",").length;
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
