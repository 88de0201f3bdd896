package io.benchledger.archive.testing;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Percentiles;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.RunIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Small, fully specified runs for archive tests. */
public final class TestRuns {
    private TestRuns() {
    }

    public static RunRecord run(String project, String version, int cases, int forks, int iterations) {
        return run(RunIds.next(), project, version, cases, forks, iterations, 100.0);
    }

    public static RunRecord run(String runId, String project, String version, int cases, int forks, int iterations,
                                double base) {
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        Run run = Run.builder(runId, t).finishedAt(t.plusSeconds(60)).project(project).version(version)
                .suite("test").harness("jmh").harnessVersion("1.37").host("host-1").cpuCount(2)
                .memoryBytes(24L << 30).label("purpose", "test").build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            Map<String, String> params = new TreeMap<>(Map.of("size", Integer.toString(64 << c)));
            String bench = "org.example.Bench.case" + c;
            Result r = new Result(runId, null, bench, new TreeMap<>(params), Mode.THROUGHPUT, Result.PRIMARY,
                    "ops/s", true, 1, forks, 1, "1 s", iterations, "1 s", base + c, 1.5, base + c - 1.5,
                    base + c + 1.5, (long) forks * iterations, Optional.empty(), "");
            results.add(r);
            for (int f = 0; f < forks; f++) {
                for (int i = 0; i < iterations; i++) {
                    samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, f, i, base + c + f * 0.1 + i * 0.01, 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }

    /** A run that exercises the awkward values: NaN, missing percentiles, non-ASCII, histograms. */
    public static RunRecord awkward(String runId) {
        Instant t = Instant.parse("2026-03-04T05:06:07.000001Z");
        Run run = Run.builder(runId, t).finishedAt(t.plusMillis(1500)).project("proj").version("1.0.0")
                .suite("crypto").environment("ci").trigger(Run.TRIGGER_NIGHTLY).commit("abc123")
                .branch("main").commitTime(Instant.parse("2026-03-03T00:00:00Z")).host("höst-ü")
                .jvmArgs("-Xmx1g -Dx=\"y z\"").labels(Map.of("message", "fix: ümlaut 🚀", "empty", "")).build();
        Result nan = new Result(runId, null, "bench.Ünïcode名前", new TreeMap<>(Map.of("p,a=r]", "v[1]", "α", "β")),
                Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false, 4, 0, 0, "", 1, "", Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 1, Optional.empty(), "");
        Result hist = new Result(runId, null, "bench.Sample", new TreeMap<>(), Mode.SAMPLE_TIME, Result.PRIMARY,
                "us/op", false, 1, 1, 2, "10 ms", 2, "10 ms", 1.0 / 3, 0.1, -0.0, Double.MIN_VALUE, 30,
                Optional.of(new Percentiles(0.1, 0.3, 0.9, 0.95, 0.99, 0.999, 1.7976931348623157E308)), "");
        Result alloc = new Result(runId, null, "bench.Sample", new TreeMap<>(), Mode.SAMPLE_TIME, "·gc.alloc.rate.norm",
                "B/op", false, 1, 1, 2, "10 ms", 2, "10 ms", 24.0, Double.NaN, Double.NaN, Double.NaN, 2,
                Optional.empty(), "");
        Result failed = new Result(runId, null, "bench.Throws", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY,
                "ops/s", true, 1, 1, 0, "", 0, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                Optional.empty(), "java.lang.IllegalStateException: boom");
        List<Sample> samples = List.of(
                new Sample(runId, hist.caseKey(), Result.PRIMARY, 0, 0, 0.1, 10),
                new Sample(runId, hist.caseKey(), Result.PRIMARY, 0, 0, 0.3, 17),
                new Sample(runId, hist.caseKey(), Result.PRIMARY, 0, 1, 1.7976931348623157E308, 3),
                new Sample(runId, nan.caseKey(), Result.PRIMARY, 0, 0, Double.NaN, 1),
                new Sample(runId, alloc.caseKey(), alloc.metric(), 0, 0, 24.0, 1),
                new Sample(runId, alloc.caseKey(), alloc.metric(), 0, 1, 24.0, 1));
        return new RunRecord(run, List.of(nan, hist, alloc, failed), samples);
    }
}
