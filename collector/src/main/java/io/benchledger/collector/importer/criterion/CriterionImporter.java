package io.benchledger.collector.importer.criterion;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.collector.importer.ImportContext;
import io.benchledger.collector.importer.Importer;
import io.benchledger.collector.importer.Json;
import io.benchledger.collector.importer.ResultRow;
import io.benchledger.collector.importer.RunStart;
import io.benchledger.collector.importer.SourceHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Criterion.rs results folder ({@code target/criterion}): each benchmark folder holds one folder
 * per baseline ({@code base}, {@code new}, or a name given with {@code --save-baseline}), each with
 * {@code benchmark.json}, {@code estimates.json} and {@code sample.json}. Every baseline becomes one
 * run (variant = its name) holding all benchmarks measured in it; the samples are the per-iteration
 * times of {@code sample.json} (time ÷ iterations of each sample, in ns), the primary score is
 * Criterion's slope estimate (its mean where there is no slope) with its 95 % interval.
 *
 * <p>A run's id comes from the content of its baseline's files. Criterion copies {@code new} to
 * {@code base} after every run, so identical baselines are one measurement and become one run
 * (labelled with both names); baselines that differ (after {@code --baseline} or
 * {@code --save-baseline}) are separate runs.
 */
public final class CriterionImporter implements Importer {
    public static final String FORMAT = "criterion";
    public static final String HARNESS = "criterion";
    static final List<String> FILES = List.of("benchmark.json", "estimates.json", "sample.json");
    private static final int MAX_DEPTH = 12;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(Path path, byte[] head) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try {
            return !baselineFolders(path).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Folders {@code <benchmark>/<baseline>/} holding a benchmark.json, in path order. */
    public static List<Path> baselineFolders(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("benchmark.json"))
                    .map(Path::getParent)
                    .filter(d -> d != null && !d.equals(root) && !d.getFileName().toString().equals("change")
                            && !d.getFileName().toString().equals("report"))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    @Override
    public List<RunRecord> read(Path path, ImportContext context) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new BadInputException(path + ": Criterion results are read from their folder (target/criterion), not from one file");
        }
        List<Path> folders = baselineFolders(path);
        if (folders.isEmpty()) {
            throw new BadInputException(path + ": no Criterion benchmark found (expected <benchmark>/new/benchmark.json)");
        }
        Map<String, List<Path>> byBaseline = new TreeMap<>(CriterionImporter::baselineOrder);
        for (Path f : folders) {
            for (String name : FILES) {
                if (!Files.isRegularFile(f.resolve(name))) {
                    throw new BadInputException(f.resolve(name) + ": missing (a Criterion baseline folder holds "
                            + String.join(", ", FILES) + ")");
                }
            }
            byBaseline.computeIfAbsent(f.getFileName().toString(), k -> new ArrayList<>()).add(f);
        }
        RunStart start = new RunStart(context, FORMAT, HARNESS);
        // after each run Criterion copies new/ to base/: byte-identical baselines are one measurement
        Map<String, List<String>> byContent = new java.util.LinkedHashMap<>();
        Map<String, String> shaOf = new TreeMap<>();
        for (Map.Entry<String, List<Path>> b : byBaseline.entrySet()) {
            String sha = contentSha(path, b.getValue());
            shaOf.put(b.getKey(), sha);
            byContent.computeIfAbsent(sha, k -> new ArrayList<>()).add(b.getKey());
        }
        List<RunRecord> out = new ArrayList<>();
        for (List<String> same : byContent.values()) {
            String kept = same.get(same.size() - 1); // the latest in measuring order (new over base)
            if (same.size() > 1) {
                context.warn(path + ": baselines " + String.join(" and ", same)
                        + " hold the same measurement (Criterion copies new to base after a run); imported once as '"
                        + kept + "'");
            }
            out.add(baseline(path, kept, String.join(",", same), byBaseline.get(kept), shaOf.get(kept), start));
        }
        return out;
    }

    /** The baseline's own content: its files' bytes, named relative to the benchmark, not to the baseline. */
    private static String contentSha(Path root, List<Path> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : folders) {
            for (String name : FILES) {
                files.add(f.resolve(name));
                names.add(root.relativize(f.getParent()) + "/" + name);
            }
        }
        return SourceHash.ofFiles(files, names);
    }

    /** base first, named baselines by name, new last: the order in which they were measured. */
    static int baselineOrder(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String baseline) {
        return baseline.equals("base") ? 0 : baseline.equals("new") ? 2 : 1;
    }

    private RunRecord baseline(Path root, String baseline, String baselines, List<Path> folders, String contentSha,
                               RunStart start) throws IOException {
        Instant newest = null;
        for (Path f : folders) {
            Instant t = Files.getLastModifiedTime(f.resolve("sample.json")).toInstant();
            newest = newest == null || t.isAfter(newest) ? t : newest;
        }
        Path timeSource = folders.get(0).resolve("sample.json");
        for (Path f : folders) {
            if (Files.getLastModifiedTime(f.resolve("sample.json")).toInstant().equals(newest)) {
                timeSource = f.resolve("sample.json");
            }
        }
        Instant time = start.timeOf(timeSource, Optional.empty());
        Run run = start.run(time, "", "", contentSha).variant(baseline).label("criterion_baseline", baselines).build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Path f : folders) {
            benchmark(f, run.runId(), results, samples);
        }
        return new RunRecord(run, results, samples);
    }

    private static void benchmark(Path folder, String runId, List<Result> results, List<Sample> samples)
            throws IOException {
        Json id = object(folder.resolve("benchmark.json"));
        String group = id.name("group_id");
        String function = id.optText("function_id", "");
        String value = id.optText("value_str", "");
        String benchmark = function.isEmpty() ? group : group + "/" + function;
        Map<String, String> params = new TreeMap<>();
        if (!value.isEmpty()) {
            params.put("parameter", value);
        }

        Json sample = Json.parse(folder.resolve("sample.json").toString(), Files.readAllBytes(folder.resolve("sample.json")));
        double[] iters;
        double[] times;
        if (sample.isArray()) { // before 0.3: [[iterations…], [times…]]
            List<Json> pair = sample.elements();
            if (pair.size() != 2) {
                throw sample.bad("expected [[iterations…], [times…]]");
            }
            iters = pair.get(0).asNumbers();
            times = pair.get(1).asNumbers();
        } else {
            iters = sample.field("iters").asNumbers();
            times = sample.field("times").asNumbers();
        }
        if (iters.length != times.length) {
            throw sample.bad(iters.length + " iteration counts but " + times.length + " times");
        }
        double[] perIteration = new double[iters.length];
        for (int i = 0; i < iters.length; i++) {
            if (!(iters[i] > 0)) {
                throw sample.bad("sample " + i + " has " + iters[i] + " iterations (expected more than 0)");
            }
            perIteration[i] = times[i] / iters[i];
        }

        Json estimates = object(folder.resolve("estimates.json"));
        // 0.3 and later name the estimates in snake case, earlier versions in camel case
        Optional<Json> slope = estimates.optObject("slope").or(() -> estimates.optObject("Slope"));
        Json mean = estimates.optObject("mean").or(() -> estimates.optObject("Mean"))
                .orElseThrow(() -> estimates.bad("missing field 'mean'"));
        Json estimate = slope.orElse(mean);
        Json interval = estimate.object("confidence_interval");
        Result r = new ResultRow(runId, benchmark).params(params).unit("ns/op").higherIsBetter(false)
                .score(estimate.number("point_estimate"))
                .ci(interval.number("lower_bound"), interval.number("upper_bound"))
                .sampleCount(perIteration.length)
                .build();
        results.add(r);
        ResultRow.addSamples(r, perIteration, samples);
    }

    private static Json object(Path file) throws IOException {
        Json j = Json.parse(file.toString(), Files.readAllBytes(file));
        if (!j.isObject()) {
            throw j.bad("expected an object");
        }
        return j;
    }
}
