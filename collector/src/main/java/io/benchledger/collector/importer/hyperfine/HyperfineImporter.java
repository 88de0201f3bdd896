package io.benchledger.collector.importer.hyperfine;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * hyperfine's {@code --export-json}: one run; per command, the mean wall-clock time in seconds as
 * the primary result with each timed run as a sample (percentiles from them: p0 is hyperfine's min,
 * p50 its median, p100 its max), and mean user and system time as secondary metrics.
 */
public final class HyperfineImporter implements Importer {
    public static final String FORMAT = "hyperfine";
    public static final String HARNESS = "hyperfine";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        JsonHead h = JsonHead.of(head);
        return h.json() && !h.array() && h.topFields().contains("results") && h.nestedFields().contains("command")
                && (h.nestedFields().contains("mean") || h.nestedFields().contains("times"));
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        Json root = Json.parse(path.toString(), Files.readAllBytes(path));
        if (!root.isObject()) {
            throw root.bad("expected an object with 'results'");
        }
        List<Json> commands = root.array("results");
        RunStart start = new RunStart(context, FORMAT, HARNESS);
        Instant time = start.timeOf(path, Optional.empty());
        Run run = start.run(time, "", "", context.sourceSha256(), "0").build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Json c : commands) {
            String command = c.name("command");
            Map<String, String> params = new TreeMap<>();
            c.optObject("parameters").ifPresent(p -> p.fields().forEach((k, v) -> params.put(k, v.scalarText())));
            double mean = c.number("mean");
            ResultRow row = new ResultRow(run.runId(), command).params(params).unit("s/op").higherIsBetter(false)
                    .score(mean);
            Optional<Json> times = c.optField("times");
            if (times.isPresent()) {
                double[] t = times.get().asNumbers();
                Result r = row.sampleCount(t.length).percentiles(Stats.percentiles(t)).build();
                ResultRow.addSamples(r, t, samples);
                results.add(r);
            } else {
                results.add(row.sampleCount(1).build());
            }
            for (String cpu : List.of("user", "system")) {
                if (c.has(cpu)) {
                    results.add(new ResultRow(run.runId(), command).params(params).metric(cpu).unit("s/op")
                            .higherIsBetter(false).score(c.number(cpu)).build());
                }
            }
        }
        return List.of(new RunRecord(run, results, samples));
    }
}
