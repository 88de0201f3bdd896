package io.benchledger.collector.importer.pytest;

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
import io.benchledger.collector.importer.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * pytest-benchmark's JSON ({@code --benchmark-json}, or a saved run under {@code .benchmarks/}):
 * one run; per test, the mean time per iteration (seconds) as the primary result, operations per
 * second as a secondary one, and the raw per-round timings of {@code stats.data} as samples when
 * the file holds all of them ({@code --benchmark-save-data}).
 */
public final class PytestBenchmarkImporter implements Importer {
    public static final String FORMAT = "pytest-benchmark";
    public static final String HARNESS = "pytest-benchmark";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        JsonHead h = JsonHead.of(head);
        return h.json() && !h.array() && h.topFields().contains("machine_info")
                && (h.topFields().contains("benchmarks") || h.topFields().contains("commit_info"));
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        Json root = Json.parse(path.toString(), Files.readAllBytes(path));
        if (!root.isObject()) {
            throw root.bad("expected an object with 'machine_info' and 'benchmarks'");
        }
        Json machine = root.object("machine_info");
        Optional<Json> commitInfo = root.optObject("commit_info");
        RunStart start = new RunStart(context, FORMAT, HARNESS);
        // pytest-benchmark writes datetime in UTC (utcnow, or with +00:00 in later versions)
        Optional<Instant> fileTime = root.optField("datetime").map(d -> Timestamps.parse(d).instant());
        Instant time = start.timeOf(path, fileTime);
        String project = commitInfo.map(c -> c.optText("project", "")).orElse("");
        String commit = commitInfo.map(c -> c.optText("id", "")).orElse("");
        Run.Builder rb = start.run(time, project, commit, context.sourceSha256(), "0")
                .harnessVersion(root.optScalarText("version", ""))
                .host(machine.optText("node", ""))
                .os(machine.optText("system", ""))
                .arch(machine.optText("machine", ""));
        machine.optObject("cpu").ifPresent(cpu -> {
            rb.cpuModel(cpu.optText("brand_raw", cpu.optText("brand", "")));
            rb.cpuCount((int) Math.max(0, Math.min(Integer.MAX_VALUE, cpu.optInteger("count", 0))));
        });
        label(rb, "python_implementation", machine.optText("python_implementation", ""));
        label(rb, "python_version", machine.optText("python_version", ""));
        commitInfo.ifPresent(c -> {
            rb.branch(c.optText("branch", ""));
            c.optField("time").ifPresent(t -> rb.commitTime(Timestamps.parse(t).instant()));
            label(rb, "commit_dirty", c.optScalarText("dirty", ""));
        });
        Run run = rb.build();

        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Json b : root.array("benchmarks")) {
            String name = b.name("name");
            String fullname = b.optText("fullname", name);
            Map<String, String> params = new TreeMap<>();
            b.optObject("params").ifPresent(p -> p.fields().forEach((k, v) -> params.put(k, v.scalarText())));
            String benchmark = params.isEmpty() ? fullname : stripParamSuffix(fullname);
            Json stats = b.object("stats");
            double mean = stats.number("mean");
            long rounds = stats.integer("rounds");
            if (rounds < 1) {
                throw stats.field("rounds").bad("expected at least 1 round");
            }
            ResultRow primary = new ResultRow(run.runId(), benchmark).params(params).unit("s/op").higherIsBetter(false);
            Optional<double[]> data = data(stats, rounds, context, b);
            Result r;
            if (data.isPresent()) {
                r = primary.score(mean).sampleCount(rounds).percentiles(Stats.percentiles(data.get())).build();
                ResultRow.addSamples(r, data.get(), samples);
            } else {
                r = primary.score(mean).sampleCount(rounds).build();
            }
            results.add(r);
            // the file's ops is 1 / mean: operations per second
            double ops = stats.optNumber("ops").orElse(1.0 / mean);
            results.add(new ResultRow(run.runId(), benchmark).params(params).metric("ops").unit("ops/s")
                    .higherIsBetter(true).score(ops).sampleCount(rounds).build());
        }
        return List.of(new RunRecord(run, results, samples));
    }

    /**
     * The raw timings, when {@code stats.data} holds one number per round. A shortened list (as in
     * hand-trimmed fixtures) is left out with a warning rather than taken as the whole evidence.
     */
    private static Optional<double[]> data(Json stats, long rounds, ImportContext context, Json bench) {
        Optional<Json> data = stats.optField("data");
        if (data.isEmpty()) {
            return Optional.empty();
        }
        List<Json> els = data.get().elements();
        List<Double> values = new ArrayList<>(els.size());
        boolean complete = true;
        for (Json e : els) {
            if (e.isNumber()) {
                values.add(e.asNumber());
            } else if (e.isText()) {
                complete = false; // a note such as "... omitted"
            } else {
                throw e.bad("expected a number, found " + (e.isNull() ? "null" : e.isArray() ? "an array" : "an object"));
            }
        }
        if (!complete || values.size() != rounds) {
            context.warn(data.get().file() + ": " + data.get().path() + ": holds " + values.size()
                    + " timings for " + rounds + " rounds" + (complete ? "" : " and text") + "; raw samples of '"
                    + bench.optText("fullname", bench.optText("name", "")) + "' left out");
            return Optional.empty();
        }
        return Optional.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code tests/t.py::test_get[10-x]} → {@code tests/t.py::test_get}: the parameters are kept apart. */
    static String stripParamSuffix(String fullname) {
        if (fullname.endsWith("]")) {
            int open = fullname.lastIndexOf('[');
            if (open > 0) {
                return fullname.substring(0, open);
            }
        }
        return fullname;
    }

    private static void label(Run.Builder rb, String k, String v) {
        if (!v.isEmpty()) {
            rb.label(k, v);
        }
    }
}
