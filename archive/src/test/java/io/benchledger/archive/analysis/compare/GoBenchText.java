package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of {@code go test -bench} text, for tests only (the importer belongs to the
 * collector): each result line {@code BenchmarkName-P  N  v₁ unit₁  v₂ unit₂ …} is one iteration
 * of fork 0 (Go's {@code -count} repetitions run in one process); {@code ns/op} is the primary
 * metric, other units are secondary metrics named after the unit.
 */
final class GoBenchText {
    private static final Pattern LINE = Pattern.compile("^Benchmark(\\S+)\\s+(\\d+)\\s+(.*)$");

    private GoBenchText() {
    }

    static RunRecord read(Path file, String runId, String version, Instant time) throws IOException {
        Map<String, List<Double>> byCaseMetric = new LinkedHashMap<>();
        Map<String, String[]> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String[] parts = m.group(3).trim().split("\\s+");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                String unit = parts[i + 1];
                String metric = unit.equals("ns/op") ? Result.PRIMARY : unit;
                String key = name + "|" + metric;
                byCaseMetric.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(parts[i]));
                meta.put(key, new String[] {name, metric, unit});
            }
        }
        Run run = Run.builder(runId, time).project("go").version(version).harness("go").trigger(Run.TRIGGER_IMPORT).build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byCaseMetric.entrySet()) {
            String[] md = meta.get(e.getKey());
            boolean hib = Mode.higherIsBetter(Mode.VALUE, md[2]);
            List<Double> v = e.getValue();
            Result r = new Result(runId, null, md[0], new TreeMap<>(), Mode.VALUE, md[1], md[2], hib, 1, 1, 0, "",
                    v.size(), "", v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), Double.NaN,
                    Double.NaN, Double.NaN, v.size(), Optional.empty(), "");
            results.add(r);
            for (int i = 0; i < v.size(); i++) {
                samples.add(new Sample(runId, r.caseKey(), r.metric(), 0, i, v.get(i), 1));
            }
        }
        return new RunRecord(run, results, samples);
    }
}
