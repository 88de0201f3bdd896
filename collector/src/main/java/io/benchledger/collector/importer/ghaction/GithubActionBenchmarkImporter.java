package io.benchledger.collector.importer.ghaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.Bytes;
import io.benchledger.collector.importer.Direction;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.Importer;
import io.benchledger.collector.importer.Json;
import io.benchledger.collector.importer.JsonHead;
import io.benchledger.collector.importer.ResultRow;
import io.benchledger.collector.importer.RunStart;
import io.benchledger.collector.importer.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history file of github-action-benchmark ({@code data.js}: {@code window.BENCHMARK_DATA = {…}},
 * or the same object as JSON): one run per entry of every suite, each bench a result with its value
 * as the one sample.
 *
 * <p>Run ids are derived from the entry itself (suite, commit id, date), not from the file's hash,
 * so importing a later copy of a growing history adds only the new entries.
 */
public final class GithubActionBenchmarkImporter implements Importer {
    public static final String FORMAT = "github-action-benchmark";
    private static final byte[] PREFIX = "window.BENCHMARK_DATA".getBytes(StandardCharsets.US_ASCII);
    /** JMH names as the action writes them: {@code bench.Class.method ( {"size":"64"} )}. */
    private static final Pattern JMH_PARAMS = Pattern.compile("(.*?) \\( (\\{.*\\}) \\)");
    private static final ObjectMapper PARAMS = new ObjectMapper();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        if (startsWithPrefix(head)) {
            return true;
        }
        JsonHead h = JsonHead.of(head);
        return h.json() && !h.array() && h.topFields().contains("entries")
                && (h.nestedFields().contains("benches") || h.topFields().contains("lastUpdate"));
    }

    private static boolean startsWithPrefix(byte[] b) {
        int i = Bytes.firstContent(b);
        if (b.length - i < PREFIX.length) {
            return false;
        }
        for (int k = 0; k < PREFIX.length; k++) {
            if (b[i + k] != PREFIX[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        return read(path.toString(), Files.readAllBytes(path), context);
    }

    /** Reads the bytes of a history file; {@code file} names it in messages. */
    public List<RunRecord> read(String file, byte[] bytes, ImportContext context) {
        Json root = parse(file, bytes);
        RunStart start = new RunStart(context, FORMAT, "");
        String repoUrl = root.optText("repoUrl", "");
        List<RunRecord> out = new ArrayList<>();
        for (Map.Entry<String, Json> suite : root.object("entries").fields().entrySet()) {
            for (Json entry : suite.getValue().elements()) {
                out.add(entry(entry, suite.getKey(), repoUrl, start));
            }
        }
        return out;
    }

    /** Strips {@code window.BENCHMARK_DATA =} and a trailing semicolon, then parses the object. */
    static Json parse(String file, byte[] bytes) {
        int from = Bytes.firstContent(bytes);
        int to = bytes.length;
        if (startsWithPrefix(bytes)) {
            int eq = from + PREFIX.length;
            while (eq < to && (bytes[eq] == ' ' || bytes[eq] == '\t')) {
                eq++;
            }
            if (eq >= to || bytes[eq] != '=') {
                throw new BadInputException(file + ": line 1: expected '=' after window.BENCHMARK_DATA");
            }
            from = eq + 1;
            while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\n' || bytes[to - 1] == '\r'
                    || bytes[to - 1] == '\t')) {
                to--;
            }
            if (to > from && bytes[to - 1] == ';') {
                to--;
            }
        }
        Json root = Json.parse(file, bytes, from, to - from);
        if (!root.isObject()) {
            throw root.bad("expected an object with 'entries', found " + (root.isArray() ? "an array" : "a value"));
        }
        return root;
    }

    private RunRecord entry(Json entry, String suite, String repoUrl, RunStart start) {
        Json commit = entry.object("commit");
        String commitId = commit.name("id");
        Json dateField = entry.field("date");
        Instant date = Timestamps.epochMillis(dateField);
        String tool = entry.text("tool");
        Optional<Instant> commitTime = commit.optField("timestamp").map(t -> Timestamps.parse(t).instant());
        List<Json> benches = entry.array("benches");

        Run.Builder run = start.run(date, "", commitId, suite, commitId, Long.toString(date.toEpochMilli()))
                .suite(suite)
                .harness(Tools.harness(tool))
                .label("tool", tool);
        commitTime.ifPresent(run::commitTime);
        label(run, "commit_message", commit.optText("message", ""));
        label(run, "commit_url", commit.optText("url", ""));
        label(run, "repo_url", repoUrl);
        commit.optObject("author").ifPresent(a -> {
            label(run, "commit_author", a.optText("name", ""));
            label(run, "commit_author_username", a.optText("username", ""));
        });
        commit.optObject("committer").ifPresent(c -> label(run, "commit_committer", c.optText("name", "")));
        Run r = run.build();

        // values grouped by case and unit: a name repeated within one entry adds samples
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (Json bench : benches) {
            String name = bench.name("name");
            double value = bench.number("value");
            String unit = bench.text("unit");
            String extra = bench.optText("extra", "");
            Bench b = "jmh".equals(tool) ? jmh(name, unit, extra) : new Bench(name, Map.of(), Mode.VALUE, 1, 0, 0);
            groups.computeIfAbsent(List.of(b.benchmark, b.params, b.mode, b.threads, unit), k -> new Group(b, unit))
                    .values.add(value);
        }
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        Map<List<Object>, String> primaryUnit = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            List<Object> caseId = List.of(g.bench.benchmark, g.bench.params, g.bench.mode, g.bench.threads);
            String first = primaryUnit.putIfAbsent(caseId, g.unit);
            // a second unit for the same case (Go's B/op next to ns/op) is a secondary metric named by its unit
            String metric = first == null ? Result.PRIMARY : g.unit;
            double[] values = g.values.stream().mapToDouble(Double::doubleValue).toArray();
            results.add(new ResultRow(r.runId(), g.bench.benchmark)
                    .params(g.bench.params).mode(g.bench.mode).threads(g.bench.threads)
                    .forks(g.bench.forks).measurementIterations(g.bench.iterations)
                    .metric(metric).unit(g.unit)
                    .higherIsBetter(Tools.higherIsBetter(tool, g.unit))
                    .withSamples(values, false, samples));
        }
        return new RunRecord(r, results, samples);
    }

    private static void label(Run.Builder run, String key, String value) {
        if (!value.isEmpty()) {
            run.label(key, value);
        }
    }

    record Bench(String benchmark, Map<String, String> params, String mode, int threads, int forks,
                         int iterations) {
    }

    private static final class Group {
        final Bench bench;
        final String unit;
        final List<Double> values = new ArrayList<>();

        Group(Bench bench, String unit) {
            this.bench = bench;
            this.unit = unit;
        }
    }

    /**
     * A JMH bench as the action writes it: parameters in the name, threads, forks and iterations in
     * {@code extra}. The unit tells throughput (ops/time) from the time modes, which the action
     * does not keep apart: those stay mode {@code value}.
     */
    static Bench jmh(String name, String unit, String extra) {
        String benchmark = name;
        Map<String, String> params = new TreeMap<>();
        Matcher m = JMH_PARAMS.matcher(name);
        if (m.matches()) {
            try {
                JsonNode p = PARAMS.readTree(m.group(2));
                if (p != null && p.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = p.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
                    }
                    benchmark = m.group(1);
                }
            } catch (IOException e) {
                params.clear(); // not JSON after all: the whole text is the name
            }
        }
        Map<String, String> kv = new TreeMap<>();
        for (String line : extra.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                kv.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String mode = unit.trim().startsWith("ops/") ? Mode.THROUGHPUT : Mode.VALUE;
        return new Bench(benchmark, params, mode, positive(kv.get("threads"), 1), positive(kv.get("forks"), 0),
                positive(kv.get("iterations"), 0));
    }

    private static int positive(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(s);
            return v >= 0 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** What the action's tool names mean. */
    static final class Tools {
        private Tools() {
        }

        static String harness(String tool) {
            return switch (tool) {
                case "googlecpp" -> "gbench";
                case "pytest" -> "pytest-benchmark";
                case "cargo" -> "cargo-bench";
                case "benchmarkjs" -> "benchmark.js";
                case "customBiggerIsBetter", "customSmallerIsBetter" -> "custom";
                default -> tool;
            };
        }

        /**
         * The unit decides where it says (ops/ms: higher; ns/op: lower); otherwise the tool's own
         * default as the action charts it (benchmarkjs, pytest and customBiggerIsBetter: higher).
         */
        static boolean higherIsBetter(String tool, String unit) {
            boolean toolDefault = switch (tool) {
                case "benchmarkjs", "pytest", "customBiggerIsBetter" -> true;
                default -> false;
            };
            if (tool.equals("customBiggerIsBetter") || tool.equals("customSmallerIsBetter")) {
                return toolDefault; // the user said so explicitly
            }
            return Direction.higherIsBetter(unit, toolDefault);
        }
    }
}
