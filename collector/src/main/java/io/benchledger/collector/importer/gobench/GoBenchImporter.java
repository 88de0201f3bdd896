package io.benchledger.collector.importer.gobench;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.Bytes;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.Importer;
import io.benchledger.collector.importer.ResultRow;
import io.benchledger.collector.importer.RunStart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code go test -bench} (the Go benchmark format of golang.org/x/perf/benchfmt): one
 * run per file; each result line a sample ({@code -count} repetitions are several samples), ns/op
 * the primary metric, B/op, allocs/op, MB/s and custom units secondary metrics. Configuration lines
 * ({@code goos: linux}, {@code pkg: …}) describe the run; a key whose value changes between results
 * ({@code note: before}/{@code note: after}) becomes a parameter of the results it precedes.
 */
public final class GoBenchImporter implements Importer {
    public static final String FORMAT = "go-bench";
    public static final String HARNESS = "go";
    /** "Benchmark" then an upper-case letter, digit, '_' or nothing, the iteration count, then values and units. */
    private static final Pattern RESULT = Pattern.compile("^(Benchmark(?:[^\\p{Ll}\\s]\\S*)?)\\s+(\\d+)\\s+(.*)$");
    private static final Pattern LOOKS_LIKE_RESULT = Pattern.compile("^Benchmark(?:[^\\p{Ll}\\s]\\S*)?\\s+\\d+\\s+\\S+\\s+\\S+");
    private static final Pattern CONFIG = Pattern.compile("^([\\p{Ll}][^\\s:]*):(?:\\s+(.*))?$");
    private static final Pattern UNIT = Pattern.compile("^Unit\\s+(\\S+)((?:\\s+\\S+=\\S+)*)\\s*$");
    private static final Pattern PROCS = Pattern.compile("^(.*)-(\\d+)$");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        if (Bytes.looksBinary(head)) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (LOOKS_LIKE_RESULT.matcher(line.strip()).find()) {
                return true;
            }
        }
        return false;
    }

    private record Line(int number, String name, Map<String, String> config, List<String> units, double[] values) {
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        String file = path.toString();
        String text = Bytes.utf8(file, Files.readAllBytes(path));
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, Boolean> better = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                lines.add(result(file, i + 1, m, config));
                continue;
            }
            Matcher u = UNIT.matcher(line);
            if (u.matches()) {
                for (String kv : u.group(2).trim().split("\\s+")) {
                    if (kv.startsWith("better=")) {
                        String v = kv.substring(7);
                        if (!v.equals("higher") && !v.equals("lower")) {
                            throw new BadInputException(file + ": line " + (i + 1) + ": better= must be higher or lower");
                        }
                        better.put(u.group(1), v.equals("higher"));
                    }
                }
                continue;
            }
            Matcher c = CONFIG.matcher(line);
            if (c.matches()) {
                String value = c.group(2) == null ? "" : c.group(2).strip();
                if (value.isEmpty()) {
                    config.remove(c.group(1));
                } else {
                    config.put(c.group(1), value);
                }
            }
            // anything else is test output (PASS, ok …, logs) and is not part of the results
        }
        if (lines.isEmpty()) {
            throw new BadInputException(file + ": no benchmark result lines (expected lines such as "
                    + "'BenchmarkX-8   1000   123 ns/op')");
        }

        // configuration constant over all results describes the run; varying keys are parameters
        Set<String> keys = new LinkedHashSet<>();
        lines.forEach(l -> keys.addAll(l.config.keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String k : keys) {
            String first = lines.get(0).config.get(k);
            for (Line l : lines) {
                if (!java.util.Objects.equals(first, l.config.get(k))) {
                    varying.add(k);
                    break;
                }
            }
        }
        varying.remove("pkg"); // the package qualifies the benchmark name instead
        Map<String, String> constant = new TreeMap<>(lines.get(0).config);
        constant.keySet().removeAll(varying);

        RunStart start = new RunStart(context, FORMAT, HARNESS);
        Instant time = start.timeOf(path, Optional.empty());
        Run.Builder rb = start.run(time, "", "", context.sourceSha256(), "0");
        for (Map.Entry<String, String> e : constant.entrySet()) {
            switch (e.getKey()) {
                case "goos" -> rb.os(e.getValue());
                case "goarch" -> rb.arch(e.getValue());
                case "cpu" -> rb.cpuModel(e.getValue());
                case "pkg" -> rb.suite(e.getValue());
                default -> rb.label(e.getKey(), e.getValue());
            }
        }
        Run run = rb.build();

        // group samples by case, then by unit in order of appearance
        Map<List<Object>, Map<String, List<Double>>> cases = new LinkedHashMap<>();
        Map<List<Object>, String[]> names = new HashMap<>();
        for (Line l : lines) {
            Name n = Name.parse(l.name);
            String pkg = l.config.getOrDefault("pkg", "");
            String benchmark = pkg.isEmpty() ? n.name : pkg + "." + n.name;
            Map<String, String> params = new TreeMap<>(n.params);
            for (String k : varying) {
                params.put(k, l.config.getOrDefault(k, ""));
            }
            List<Object> key = List.of(benchmark, params, n.procs);
            Map<String, List<Double>> byUnit = cases.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (int i = 0; i < l.units.size(); i++) {
                byUnit.computeIfAbsent(l.units.get(i), k -> new ArrayList<>()).add(l.values[i]);
            }
        }
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<String, List<Double>>> c : cases.entrySet()) {
            String benchmark = (String) c.getKey().get(0);
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) c.getKey().get(1);
            int procs = (Integer) c.getKey().get(2);
            Map<String, List<Double>> byUnit = c.getValue();
            String primary = byUnit.containsKey("ns/op") ? "ns/op"
                    : byUnit.containsKey("sec/op") ? "sec/op" : byUnit.keySet().iterator().next();
            for (Map.Entry<String, List<Double>> u : byUnit.entrySet()) {
                String unit = u.getKey();
                boolean hib = better.containsKey(unit) ? better.get(unit) : Mode.higherIsBetter(Mode.VALUE, unit);
                double[] values = u.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                results.add(new ResultRow(run.runId(), benchmark).params(params).threads(procs)
                        .metric(unit.equals(primary) ? Result.PRIMARY : unit).unit(unit).higherIsBetter(hib)
                        .withSamples(values, false, samples));
            }
        }
        return List.of(new RunRecord(run, results, samples));
    }

    private static Line result(String file, int number, Matcher m, Map<String, String> config) {
        String[] fields = m.group(3).trim().split("\\s+");
        if (fields.length < 2 || fields.length % 2 != 0) {
            throw new BadInputException(file + ": line " + number + ": expected value and unit pairs after the iteration count");
        }
        List<String> units = new ArrayList<>();
        double[] values = new double[fields.length / 2];
        for (int i = 0; i < fields.length; i += 2) {
            double v;
            try {
                v = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw new BadInputException(file + ": line " + number + ": '" + abbreviate(fields[i]) + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new BadInputException(file + ": line " + number + ": '" + abbreviate(fields[i]) + "' is not a finite number");
            }
            if (units.contains(fields[i + 1])) {
                throw new BadInputException(file + ": line " + number + ": unit '" + fields[i + 1] + "' given twice");
            }
            values[i / 2] = v;
            units.add(fields[i + 1]);
        }
        return new Line(number, m.group(1), new LinkedHashMap<>(config), units, values);
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** A benchmark name: {@code BenchmarkNew/text=opticks/size=100K-8} → name, parameters, GOMAXPROCS. */
    record Name(String name, Map<String, String> params, int procs) {
        static Name parse(String full) {
            String base = full;
            int procs = 1;
            Matcher p = PROCS.matcher(full);
            if (p.matches()) {
                try {
                    procs = Integer.parseInt(p.group(2));
                    base = p.group(1);
                } catch (NumberFormatException e) {
                    procs = 1; // a long digit run is part of the name
                }
                if (procs < 1) {
                    procs = 1;
                    base = full;
                }
            }
            Map<String, String> params = new TreeMap<>();
            StringBuilder name = new StringBuilder();
            String[] parts = base.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (i > 0 && eq > 0 && KEY.matcher(parts[i].substring(0, eq)).matches()
                        && !params.containsKey(parts[i].substring(0, eq))) {
                    params.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                } else {
                    if (name.length() > 0) {
                        name.append('/');
                    }
                    name.append(parts[i]);
                }
            }
            return new Name(name.toString(), params, procs);
        }
    }
}
