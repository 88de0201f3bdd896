package io.benchledger.archive.bench;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.Compactor;
import io.benchledger.archive.store.RunIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the archive writes and answers its typical questions. Run with {@code bench/archive.sh}.
 * Rows per second = rows per commit ÷ the commit's time (JMH reports the time).
 */
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ArchiveBenchmarks {

    /** A fresh, empty archive for each iteration of a write benchmark. */
    public abstract static class EmptyArchive {
        Path dir;
        Archive archive;

        @Setup(Level.Iteration)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("bench-write");
            archive = Archive.open(dir.resolve("archive"));
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            delete(dir);
        }
    }

    /** One commit of a nightly-sized run: 2,000 cases × 5 forks × 100 iterations = 1,000,000 samples. */
    @State(Scope.Benchmark)
    public static class WriteState extends EmptyArchive {
        static final int CASES = 2_000;
        static final int FORKS = 5;
        static final int ITERATIONS = 100;
        RunRecord record;

        /** The run is made once: a fresh million samples per iteration would time the collection of the last. */
        @Setup(Level.Trial)
        public void makeRun() {
            record = run(RunIds.next(), Instant.parse("2026-01-01T00:00:00Z"), CASES, FORKS, ITERATIONS, new SplittableRandom(1));
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object commitOneMillionSamples(WriteState s) throws IOException {
        return s.archive.commit(s.record);
    }

    /**
     * One commit of results only, as an import of another harness's history makes: 100 runs of
     * 2,000 cases = 200,000 results (each with a params map), no samples.
     */
    @State(Scope.Benchmark)
    public static class ResultsState extends EmptyArchive {
        List<RunRecord> records;

        @Setup(Level.Trial)
        public void makeRuns() {
            SplittableRandom random = new SplittableRandom(2);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                RunRecord r = run(RunIds.next(), t.plusSeconds(86_400L * i), WriteState.CASES, 1, 1, random);
                records.add(new RunRecord(r.run(), r.results(), List.of()));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object commitTwoHundredThousandResults(ResultsState s) throws IOException {
        return s.archive.commit(s.records);
    }

    /** A history of 1,000 nightly runs of 20 cases, and a latest run of 2,000 cases. */
    @State(Scope.Benchmark)
    public static class QueryState {
        /**
         * per-run-files: one file per run and table (the policy off, the worst case);
         * commit-policy: what commits leave by default (small files folded every 32 runs);
         * compacted: after {@code archive compact}.
         */
        @Param({"per-run-files", "commit-policy", "compacted"})
        String layout;
        Path dir;
        ArchiveDatabase db;
        String caseKey;
        String latestRun;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Files.createTempDirectory("bench-query");
            Archive archive = Archive.open(dir.resolve("archive")).withCompactionPolicy(!layout.equals("per-run-files"));
            SplittableRandom random = new SplittableRandom(7);
            Instant t = Instant.parse("2023-01-01T00:00:00Z");
            List<RunRecord> batch = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                RunRecord r = run(RunIds.derived(t.plusSeconds(86_400L * i), "bench", Integer.toString(i)),
                        t.plusSeconds(86_400L * i), 20, 5, 3, random);
                if (layout.equals("compacted")) {
                    batch.add(r);
                } else {
                    archive.commit(r);
                }
            }
            archive.commit(batch);
            RunRecord latest = run(RunIds.derived(t.plusSeconds(86_400L * 1_001), "bench", "latest"),
                    t.plusSeconds(86_400L * 1_001), 2_000, 5, 3, random);
            archive.commit(latest);
            if (layout.equals("compacted")) {
                Compactor.compact(archive, 2);
            }
            latestRun = latest.run().runId();
            caseKey = latest.results().get(7).caseKey();
            db = ArchiveDatabase.open(Archive.open(dir.resolve("archive")));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            db.close();
            delete(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int historyOfOneCaseOver1000Runs(QueryState s) throws Exception {
        try (PreparedStatement ps = s.db.connection().prepareStatement(
                "SELECT r.run_id, r.started_at, median(x.value) AS centre, count(*) AS n "
                        + "FROM samples x JOIN runs r USING (run_id) WHERE x.case_key = ? AND x.metric = 'primary' "
                        + "GROUP BY ALL ORDER BY r.started_at")) {
            ps.setString(1, s.caseKey);
            return count(ps);
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int latestRunResultsFor2000Cases(QueryState s) throws Exception {
        try (PreparedStatement ps = s.db.connection().prepareStatement(
                "SELECT case_key, metric, score, score_error FROM results "
                        + "WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1) ORDER BY case_key")) {
            return count(ps);
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object openArchiveAndViews(QueryState s) throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(Archive.openExisting(s.dir.resolve("archive")))) {
            return db.snapshot();
        }
    }

    private static int count(PreparedStatement ps) throws Exception {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    static RunRecord run(String runId, Instant t, int cases, int forks, int iterations, SplittableRandom random) {
        Run run = Run.builder(runId, t).finishedAt(t.plusSeconds(3_600)).project("bench").version("1.0")
                .suite("generated").harness("jmh").build();
        List<Result> results = new ArrayList<>(cases);
        List<Sample> samples = new ArrayList<>(cases * forks * iterations);
        for (int c = 0; c < cases; c++) {
            double centre = 1_000 + c;
            Result r = new Result(runId, null, "org.example.Generated.case" + (c % 100),
                    new TreeMap<>(Map.of("size", Integer.toString(c / 100))), Mode.THROUGHPUT, Result.PRIMARY,
                    "ops/s", true, 1, forks, 2, "1 s", iterations, "1 s", centre, 10, centre - 10, centre + 10,
                    (long) forks * iterations, Optional.empty(), "");
            results.add(r);
            for (int f = 0; f < forks; f++) {
                double offset = random.nextGaussian() * 0.01 * centre;
                for (int i = 0; i < iterations; i++) {
                    samples.add(new Sample(runId, r.caseKey(), Result.PRIMARY, f, i,
                            centre + offset + random.nextGaussian() * 0.02 * centre, 1));
                }
            }
        }
        return new RunRecord(run, results, samples);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
