package io.benchledger.collector.importer.dotnet;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.Importer;
import io.benchledger.collector.importer.Json;
import io.benchledger.collector.importer.JsonHead;
import io.benchledger.collector.importer.ResultRow;
import io.benchledger.collector.importer.RunStart;
import io.benchledger.collector.importer.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BenchmarkDotNet's full JSON export ({@code JsonExporter.Full}, {@code *-report-full.json}): one run;
 * per benchmark, the mean time per operation (ns) with its 99.9 % error, the actual workload
 * iterations (IterationMode Workload, IterationStage Actual: nanoseconds ÷ operations) as samples,
 * and the diagnosers' values (allocated bytes per operation, GC collections per 1000 operations)
 * as secondary metrics.
 */
public final class BenchmarkDotNetImporter implements Importer {
    public static final String FORMAT = "benchmarkdotnet";
    public static final String HARNESS = "benchmarkdotnet";
    /** BenchmarkDotNet titles end with the local start time: {@code Name-20200529-164431}. */
    private static final Pattern TITLE_TIME = Pattern.compile(".*-(\\d{8}-\\d{6})$");
    /** {@code Size=100, Name=abc}: a parameter starts where a name and '=' follow ", ". */
    private static final Pattern PARAM = Pattern.compile("(?:^|, )([A-Za-z_][A-Za-z0-9_]*)=");
    /** ConfidenceLevel.L999 in the enumeration BenchmarkDotNet writes since 0.10. */
    private static final int LEVEL_99_9 = 12;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        JsonHead h = JsonHead.of(head);
        return h.json() && !h.array() && h.topFields().contains("Benchmarks")
                && (h.topFields().contains("HostEnvironmentInfo") || h.topFields().contains("Title"));
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        Json root = Json.parse(path.toString(), Files.readAllBytes(path));
        if (!root.isObject()) {
            throw root.bad("expected an object with 'HostEnvironmentInfo' and 'Benchmarks'");
        }
        Optional<Json> host = root.optObject("HostEnvironmentInfo");
        List<Json> benchmarks = root.array("Benchmarks");
        RunStart start = new RunStart(context, FORMAT, HARNESS);
        String title = root.optText("Title", "");
        Instant time = start.timeOf(path, titleTime(title, path, context));
        Run.Builder rb = start.run(time, "", "", context.sourceSha256(), "0");
        if (!title.isEmpty()) {
            rb.suite(title);
        }
        host.ifPresent(h -> {
            rb.harnessVersion(h.optScalarText("BenchmarkDotNetVersion", ""));
            rb.os(h.optScalarText("OsVersion", ""));
            rb.arch(h.optScalarText("Architecture", ""));
            Optional<Json> cpu = h.optField("ProcessorName");
            // 0.9.x wrote a Lazy<string>: {"IsValueCreated": true, "Value": "…"}
            cpu.ifPresent(c -> rb.cpuModel(c.isObject() ? c.optText("Value", "") : c.asText()));
            long cores = h.optInteger("LogicalCoreCount", h.optInteger("ProcessorCount", 0));
            rb.cpuCount((int) Math.max(0, Math.min(Integer.MAX_VALUE, cores)));
            String runtime = h.optScalarText("RuntimeVersion", h.optScalarText("ClrVersion", ""));
            if (!runtime.isEmpty()) {
                rb.label("runtime", runtime);
            }
            String config = h.optScalarText("Configuration", "");
            if (!config.isEmpty()) {
                rb.label("build_configuration", config);
            }
        });
        Run run = rb.build();

        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Json b : benchmarks) {
            String name = benchmarkName(b);
            Map<String, String> params = params(b.optText("Parameters", ""));
            Optional<Json> statistics = b.optObject("Statistics");
            if (statistics.isEmpty()) {
                results.add(new ResultRow(run.runId(), name).params(params).unit("ns/op")
                        .failure("no statistics: the benchmark did not run to the end").build());
                continue;
            }
            Json st = statistics.get();
            ResultRow row = new ResultRow(run.runId(), name).params(params).unit("ns/op").higherIsBetter(false)
                    .score(st.number("Mean")).sampleCount(st.integer("N"));
            st.optObject("ConfidenceInterval").ifPresent(ci -> {
                // 0.9.x numbered the levels differently (its 6 was 95 %): only the 99.9 % interval fills score_error
                if (ci.has("N") && ci.optInteger("Level", -1) == LEVEL_99_9) {
                    row.scoreError(ci.number("Margin")).ci(ci.number("Lower"), ci.number("Upper"));
                }
            });
            Optional<double[]> original = st.optField("OriginalValues").map(Json::asNumbers);
            original.ifPresent(v -> row.percentiles(Stats.percentiles(v)));
            Result r = row.build();
            results.add(r);
            double[] actual = actualWorkload(b, r, samples);
            if (actual.length == 0 && original.isPresent()) {
                // no Measurements (or trimmed ones): the statistics' own values are the evidence
                ResultRow.addSamples(r, original.get(), samples);
            } else if (actual.length == 0) {
                context.warn(path + ": " + b.path() + ": no workload measurements; '" + name + "' has no samples");
            }
            results.addAll(metrics(b, run.runId(), name, params));
        }
        return List.of(new RunRecord(run, results, samples));
    }

    private static Optional<Instant> titleTime(String title, Path path, ImportContext context) {
        Matcher m = TITLE_TIME.matcher(title);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            context.warn(path + ": time from the title '" + title + "' is local time of unknown zone; taken as UTC");
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String benchmarkName(Json b) {
        String full = b.optText("FullName", "");
        if (full.isEmpty()) {
            String ns = b.optText("Namespace", "");
            String type = b.name("Type");
            String method = b.name("Method");
            return (ns.isEmpty() ? "" : ns + ".") + type + "." + method;
        }
        int paren = full.indexOf('(');
        return paren > 0 ? full.substring(0, paren) : full;
    }

    static Map<String, String> params(String text) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = PARAM.matcher(text);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.start(1), m.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int[] s = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            out.put(text.substring(s[1], s[2] - 1), text.substring(s[2], end));
        }
        return out;
    }

    /** Samples from the Workload/Actual measurements; returns their per-operation values. */
    private static double[] actualWorkload(Json b, Result r, List<Sample> samples) {
        Optional<List<Json>> ms = b.optArray("Measurements");
        if (ms.isEmpty()) {
            return new double[0];
        }
        List<Double> values = new ArrayList<>();
        for (Json m : ms.get()) {
            if (!"Workload".equals(m.optText("IterationMode", "")) || !"Actual".equals(m.optText("IterationStage", ""))) {
                continue;
            }
            long ops = m.integer("Operations");
            if (ops < 1) {
                throw m.field("Operations").bad("expected at least 1 operation");
            }
            double ns = m.number("Nanoseconds");
            int launch = m.field("LaunchIndex").asInt(1);
            int iteration = m.field("IterationIndex").asInt(1);
            double perOp = ns / ops;
            values.add(perOp);
            samples.add(new Sample(r.runId(), r.caseKey(), r.metric(), launch - 1, iteration - 1, perOp, 1));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The diagnosers' columns: {@code Metrics} (0.12 and later), else the older {@code Memory} object. */
    private static List<Result> metrics(Json b, String runId, String name, Map<String, String> params) {
        List<Result> out = new ArrayList<>();
        Optional<List<Json>> metrics = b.optArray("Metrics");
        if (metrics.isPresent()) {
            for (Json m : metrics.get()) {
                Json d = m.object("Descriptor");
                String id = d.name("Id");
                String legend = d.optText("Legend", "").toLowerCase(Locale.ROOT);
                String unit = d.optScalarText("Unit", "");
                if (legend.contains("per 1000 operations")) {
                    unit = unit + "/1000 op";
                } else if (legend.contains("per single operation") || legend.contains("per operation")) {
                    unit = unit + "/op";
                }
                out.add(new ResultRow(runId, name).params(params).metric(id).unit(unit)
                        .higherIsBetter(d.optBoolean("TheGreaterTheBetter", false)).score(m.number("Value"))
                        .sampleCount(1).build());
            }
            return out;
        }
        Optional<Json> memory = b.optObject("Memory");
        if (memory.isPresent()) {
            Json mem = memory.get();
            if (mem.has("BytesAllocatedPerOperation")) {
                out.add(new ResultRow(runId, name).params(params).metric("Allocated Memory").unit("B/op")
                        .score(mem.number("BytesAllocatedPerOperation")).sampleCount(1).build());
            }
            long total = mem.optInteger("TotalOperations", 0);
            if (total > 0) {
                for (int gen = 0; gen <= 2; gen++) {
                    if (mem.has("Gen" + gen + "Collections")) {
                        // collections per 1000 operations, as BenchmarkDotNet's Gen0 column shows them
                        double perK = mem.number("Gen" + gen + "Collections") * 1000.0 / total;
                        out.add(new ResultRow(runId, name).params(params).metric("Gen" + gen + "Collects")
                                .unit("Count/1000 op").score(perK).sampleCount(1).build());
                    }
                }
            }
        }
        return out;
    }
}
