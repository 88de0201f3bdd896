package io.benchledger.collector.importer.gbench;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.Direction;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.Importer;
import io.benchledger.collector.importer.Json;
import io.benchledger.collector.importer.JsonHead;
import io.benchledger.collector.importer.ResultRow;
import io.benchledger.collector.importer.RunStart;
import io.benchledger.collector.importer.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google Benchmark's JSON ({@code --benchmark_format=json} or {@code --benchmark_out}): one run;
 * per benchmark, its repetitions as samples of real time (primary) and CPU time, and its counters
 * ({@code bytes_per_second}, {@code items_per_second}, user counters) as secondary metrics.
 * Aggregate rows (mean, median, stddev, cv, BigO …) are summaries, not samples, and are left out.
 */
public final class GoogleBenchmarkImporter implements Importer {
    public static final String FORMAT = "google-benchmark";
    public static final String HARNESS = "gbench";
    /** Fields of a benchmark row that are not counters. */
    private static final Set<String> KNOWN = Set.of("name", "family_index", "per_family_instance_index", "run_name",
            "run_type", "repetitions", "repetition_index", "threads", "iterations", "real_time", "cpu_time",
            "time_unit", "aggregate_name", "aggregate_unit", "label", "error_occurred", "error_message", "big_o",
            "rms", "complexity_n");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        JsonHead h = JsonHead.of(head);
        return h.json() && !h.array() && h.topFields().contains("context")
                && (h.topFields().contains("benchmarks") || h.nestedFields().contains("num_cpus"))
                && !h.topFields().contains("machine_info");
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        Json root = Json.parse(path.toString(), Files.readAllBytes(path));
        if (!root.isObject()) {
            throw root.bad("expected an object with 'context' and 'benchmarks'");
        }
        Json ctx = root.object("context");
        RunStart start = new RunStart(context, FORMAT, HARNESS);
        Optional<Instant> fileTime = Optional.empty();
        Optional<Json> date = ctx.optField("date");
        if (date.isPresent()) {
            Timestamps.Parsed p = Timestamps.parse(date.get());
            if (!p.zoned()) {
                context.warn(path + ": context.date has no time zone; taken as UTC");
            }
            fileTime = Optional.of(p.instant());
        }
        Instant time = start.timeOf(path, fileTime);
        Run.Builder rb = start.run(time, "", "", context.sourceSha256(), "0")
                .host(ctx.optText("host_name", ""))
                .cpuCount((int) Math.max(0, Math.min(Integer.MAX_VALUE, ctx.optInteger("num_cpus", 0))));
        label(rb, "executable", ctx.optText("executable", ""));
        label(rb, "library_build_type", ctx.optScalarText("library_build_type", ""));
        label(rb, "mhz_per_cpu", ctx.optScalarText("mhz_per_cpu", ""));
        label(rb, "cpu_scaling_enabled", ctx.optScalarText("cpu_scaling_enabled", ""));
        Run run = rb.build();

        // repetitions of one benchmark instance, in file order
        Map<List<Object>, Case> cases = new LinkedHashMap<>();
        for (Json row : root.array("benchmarks")) {
            String runType = row.optText("run_type", "iteration");
            if (runType.equals("aggregate")) {
                row.name("name");
                continue;
            }
            String name = row.name("name");
            String runName = row.optText("run_name", name);
            int threads = row.optField("threads").map(t -> t.asInt(1)).orElse(1);
            Case c = cases.computeIfAbsent(List.of(runName, threads), k -> new Case(runName, threads));
            if (row.optBoolean("error_occurred", false)) {
                c.error = row.optText("error_message", "error_occurred");
                continue;
            }
            String unit = row.optText("time_unit", "ns") + "/op";
            c.add("real_time", unit, row.number("real_time"));
            c.add("cpu_time", unit, row.number("cpu_time"));
            for (Map.Entry<String, Json> f : row.fields().entrySet()) {
                if (!KNOWN.contains(f.getKey()) && f.getValue().isNumber()) {
                    c.add(f.getKey(), counterUnit(f.getKey()), f.getValue().asNumber());
                }
            }
        }
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Case c : cases.values()) {
            if (c.metrics.isEmpty()) {
                results.add(new ResultRow(run.runId(), c.name).threads(c.threads).unit("ns/op")
                        .failure(c.error.isEmpty() ? "no measurement" : c.error).build());
                continue;
            }
            for (Map.Entry<String, Metric> m : c.metrics.entrySet()) {
                String metric = m.getKey().equals("real_time") ? Result.PRIMARY : m.getKey();
                Metric v = m.getValue();
                results.add(new ResultRow(run.runId(), c.name).threads(c.threads).metric(metric).unit(v.unit)
                        .higherIsBetter(Direction.higherIsBetter(v.unit, false))
                        .withSamples(v.values.stream().mapToDouble(Double::doubleValue).toArray(), false, samples));
            }
        }
        return List.of(new RunRecord(run, results, samples));
    }

    /** Google Benchmark's rate counters end in _per_second; other user counters carry no unit. */
    static String counterUnit(String counter) {
        return switch (counter) {
            case "bytes_per_second" -> "B/s";
            case "items_per_second" -> "items/s";
            default -> counter.endsWith("_per_second") ? counter.substring(0, counter.length() - 11) + "/s" : "";
        };
    }

    private static void label(Run.Builder rb, String k, String v) {
        if (!v.isEmpty()) {
            rb.label(k, v);
        }
    }

    private static final class Case {
        final String name;
        final int threads;
        final Map<String, Metric> metrics = new LinkedHashMap<>();
        String error = "";

        Case(String name, int threads) {
            this.name = name;
            this.threads = threads;
        }

        void add(String metric, String unit, double value) {
            metrics.computeIfAbsent(metric, k -> new Metric(unit)).values.add(value);
        }
    }

    private static final class Metric {
        final String unit;
        final List<Double> values = new ArrayList<>();

        Metric(String unit) {
            this.unit = unit;
        }
    }
}
