package io.benchledger.collector.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture of the supported formats imports into a real archive, and specific values read
 * back through DuckDB are the ones in the files (checked by hand against the JSON or text).
 */
class ExternalFixturesImportTest {
    @TempDir
    Path tmp;

    private Imported importing(String... resources) throws Exception {
        Imported i = new Imported(tmp.resolve("archive"));
        Path[] paths = new Path[resources.length];
        for (int k = 0; k < resources.length; k++) {
            paths[k] = Imported.resource(resources[k]);
        }
        return i.importPaths(paths);
    }

    @Test
    void googleBenchmarkRepetitionsAreSamplesAndAggregatesAreNot() throws Exception {
        try (Imported i = importing("google-benchmark")) {
            assertThat(i.reads).extracting(SourceReader.Read::format).containsOnly("google-benchmark");
            assertThat(i.count("SELECT count(*) FROM runs WHERE harness = 'gbench' AND source_format = 'google-benchmark'"))
                    .isEqualTo(2);
            String row = "Int8RowMajorTensorConversionFixture<Int32Type>/ConvertToSparseCOOTensorInt32";
            // three repetitions; the _mean aggregate row of the file says 88519.53379436459 ns
            assertThat(i.count("SELECT sample_count FROM results WHERE benchmark = ? AND metric = 'primary'", row)).isEqualTo(3);
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'primary'", row))
                    .isCloseTo(88519.53379436459, within(1e-6));
            assertThat(i.one("SELECT unit FROM results WHERE benchmark = ? AND metric = 'primary'", row)).isEqualTo("ns/op");
            assertThat(i.one("SELECT higher_is_better FROM results WHERE benchmark = ? AND metric = 'primary'", row)).isEqualTo(false);
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? AND s.metric = 'primary'", row)).isEqualTo(3);
            assertThat(i.number("SELECT value FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? AND s.metric = 'primary' AND s.iteration = 1", row)).isEqualTo(87653.01273132746);
            // counters: bytes per second, higher is better; the aggregate mean row says 488719840.8501059
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'bytes_per_second'", row))
                    .isCloseTo(488719840.8501059, within(1e-3));
            assertThat(i.one("SELECT unit || ' ' || higher_is_better FROM results WHERE benchmark = ? AND metric = 'bytes_per_second'", row))
                    .isEqualTo("B/s true");
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'cpu_time'", row))
                    .isCloseTo(88398.83449883446, within(1e-6));
            // no aggregate row became a case of its own
            assertThat(i.count("SELECT count(*) FROM results WHERE benchmark LIKE '%\\_mean' ESCAPE '\\' OR benchmark LIKE '%\\_cv' ESCAPE '\\'")).isZero();
            // the small fixture: one repetition, context of the run
            assertThat(i.number("SELECT score FROM results WHERE benchmark = 'fib_10' AND metric = 'primary'")).isEqualTo(214.98980114547953);
            assertThat(i.one("SELECT host || ' ' || cpu_count || ' ' || strftime(started_at, '%Y-%m-%d %H:%M:%S') FROM runs "
                    + "WHERE host = 'Corgi.local'")).isEqualTo("Corgi.local 4 2019-11-29 21:26:59");
            assertThat(i.number("SELECT epoch(started_at) FROM runs WHERE host = 'snork.local'"))
                    .isEqualTo(1662153116.0); // 2022-09-02T16:11:56-05:00
        }
    }

    @Test
    void pytestBenchmarkStatsAndRawData() throws Exception {
        try (Imported i = importing("pytest-benchmark")) {
            assertThat(i.count("SELECT count(*) FROM runs WHERE harness = 'pytest-benchmark'")).isEqualTo(5);
            // the file's commit_info names the project, commit and branch
            assertThat(i.one("SELECT project || ' ' || \"commit\" || ' ' || branch FROM runs WHERE \"commit\" LIKE '2f235c94%' AND labels['python_version'] = '3.10.6'"))
                    .isEqualTo("lagom 2f235c94515378acee701ee745671e2ae6f04fcb benchmark-context-partials");
            assertThat(i.one("SELECT strftime(commit_time, '%Y-%m-%dT%H:%M:%S') FROM runs WHERE \"commit\" LIKE '9d55ab04%'"))
                    .isEqualTo("2019-11-16T03:10:30"); // 12:10:30+09:00
            assertThat(i.number("SELECT score FROM results r JOIN runs USING (run_id) WHERE \"commit\" LIKE '2f235c94%' AND labels['python_version'] = '3.10.6' "
                    + "AND benchmark = 'tests/benchmarking/test_basic_benchmarks.py::test_magic' AND metric = 'primary'"))
                    .isEqualTo(0.0002465080133502058);
            assertThat(i.count("SELECT sample_count FROM results r JOIN runs USING (run_id) WHERE \"commit\" LIKE '2f235c94%' AND labels['python_version'] = '3.10.6' "
                    + "AND benchmark = 'tests/benchmarking/test_basic_benchmarks.py::test_magic' AND metric = 'primary'"))
                    .isEqualTo(2397);
            // test_sleep_2 keeps all five raw timings: they are its samples
            String sleep = "bench.py::test_sleep_2";
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) WHERE r.benchmark = ?", sleep))
                    .isEqualTo(5);
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'primary'", sleep)).isEqualTo(2.0038430469999997);
            assertThat(i.one("SELECT unit FROM results WHERE benchmark = ? AND metric = 'primary'", sleep)).isEqualTo("s/op");
            assertThat(i.one("SELECT unit || ' ' || higher_is_better FROM results WHERE benchmark = ? AND metric = 'ops'", sleep))
                    .isEqualTo("ops/s true");
            // the trimmed fixtures ("... omitted") give statistics but no samples, and say so
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) WHERE r.benchmark = 'bench.py::test_fib_10'"))
                    .isZero();
            assertThat(i.warnings).anyMatch(w -> w.contains("holds 4 timings for 38523 rounds"));
        }
    }

    @Test
    void hyperfineTimesAreSamples() throws Exception {
        try (Imported i = importing("hyperfine")) {
            String cmd = "cargo run --release --bin 1brc measurements_1000000000.txt";
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'primary'", cmd)).isEqualTo(11.61481411152);
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) WHERE r.benchmark = ?", cmd))
                    .isEqualTo(3);
            // p0, p50 and p100 from the samples are hyperfine's own min, median and max
            assertThat(i.sql("SELECT p0, p50, p100 FROM results WHERE benchmark = ? AND metric = 'primary'", cmd).rows().get(0))
                    .containsExactly(9.877873458520002, 11.81813333352, 13.148435542520001);
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'user'", cmd)).isEqualTo(43.55566462666667);
            assertThat(i.count("SELECT sample_count FROM results WHERE benchmark = 'sleep 0.01' AND metric = 'primary'")).isEqualTo(214);
            assertThat(i.number("SELECT p50 FROM results WHERE benchmark = 'sleep 0.01' AND metric = 'primary'")).isEqualTo(0.01325132996);
            assertThat(i.one("SELECT DISTINCT strftime(started_at, '%Y-%m-%d') FROM runs")).isEqualTo("2024-01-02"); // --time
        }
    }

    @Test
    void benchmarkDotNetWorkloadMeasurementsAndMemory() throws Exception {
        try (Imported i = importing("benchmarkdotnet")) {
            String alloc = "BenchmarkDotNet.Samples.Memory.AllocEmptyList";
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'primary'", alloc)).isEqualTo(77.49449412027995);
            assertThat(i.number("SELECT score_error FROM results WHERE benchmark = ? AND metric = 'primary'", alloc)).isEqualTo(21.453880306796293);
            // the three Workload/Actual iterations: nanoseconds ÷ operations
            assertThat(i.sql("SELECT fork, iteration, value FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? ORDER BY iteration", alloc).rows())
                    .extracting(r -> r.get(1)).containsExactly(0, 1, 2);
            assertThat(i.number("SELECT value FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? AND iteration = 0", alloc)).isCloseTo(77.96388864517212, within(1e-9));
            assertThat(i.one("SELECT score || ' ' || unit || ' ' || higher_is_better FROM results WHERE benchmark = ? AND metric = 'Allocated Memory'", alloc))
                    .isEqualTo("368.0 B/op false");
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'Gen0Collects'", alloc)).isEqualTo(0.02193450927734375);
            assertThat(i.one("SELECT harness_version || ' ' || cpu_model || ' ' || cpu_count FROM runs WHERE harness_version = '0.15.8'"))
                    .isEqualTo("0.15.8 AMD Ryzen 7 5800X 16");
            // trimmed Measurements without Actual iterations: the 14 OriginalValues are the samples,
            // and their type-7 percentiles are BenchmarkDotNet's own (P90 = 24.638632455468176)
            String fib = "Sample.Benchmarks.Fib10";
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) WHERE r.benchmark = ?", fib)).isEqualTo(14);
            assertThat(i.number("SELECT p90 FROM results WHERE benchmark = ? AND metric = 'primary'", fib)).isCloseTo(24.638632455468176, within(1e-12));
            assertThat(i.number("SELECT p50 FROM results WHERE benchmark = ? AND metric = 'primary'", fib)).isCloseTo(24.419498533010483, within(1e-12));
            // BenchmarkDotNet 0.9.9: statistics only; its 95 % interval does not fill the 99.9 % score_error
            String sleep = "BenchmarkDotNet.Samples.Intro.IntroJsonExport.Sleep10";
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND metric = 'primary'", sleep)).isEqualTo(10362283.085796878);
            assertThat(i.one("SELECT isnan(score_error) FROM results WHERE benchmark = ? AND metric = 'primary'", sleep)).isEqualTo(true);
            assertThat(i.one("SELECT cpu_model FROM runs WHERE harness_version = '0.9.9.0'")).isEqualTo("Intel(R) Core(TM) i7-4702MQ CPU 2.20GHz");
        }
    }

    @Test
    void criterionFolderPerIterationTimes() throws Exception {
        try (Imported i = importing("criterion/dougch__criterion_gettingstarted/target/criterion",
                "criterion/laysakura__fid-rs/criterion")) {
            // base/ and new/ are byte-identical copies (Criterion copies new to base): one run per tree
            assertThat(i.count("SELECT count(*) FROM runs WHERE harness = 'criterion'")).isEqualTo(2);
            assertThat(i.one("SELECT DISTINCT labels['criterion_baseline'] FROM runs")).isEqualTo("base,new");
            String fast = "fib 20 - fast";
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ?", fast)).isEqualTo(4.87280730269562); // slope
            assertThat(i.sql("SELECT ci_low, ci_high FROM results WHERE benchmark = ?", fast).rows().get(0))
                    .containsExactly(4.8447632169402794, 4.89847152286284);
            assertThat(i.count("SELECT count(*) FROM samples s JOIN results r USING (run_id, case_key, metric) WHERE r.benchmark = ?", fast))
                    .isEqualTo(100);
            assertThat(i.number("SELECT value FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? AND s.iteration = 0", fast)).isEqualTo(1044826.0 / 202638.0);
            // the old layout ([[iters],[times]], capitalised estimates) with a parameter per input size
            String fid = "[40f52ab] Fid::from(&[false; N])";
            assertThat(i.number("SELECT score FROM results WHERE benchmark = ? AND params['parameter'] = '65536'", fid))
                    .isEqualTo(284198.26615892584);
            assertThat(i.count("SELECT count(DISTINCT case_key) FROM results WHERE benchmark = ?", fid)).isEqualTo(5);
            assertThat(i.count("SELECT sample_count FROM results WHERE benchmark = ? AND params['parameter'] = '65536'", fid)).isEqualTo(10);
            assertThat(i.number("SELECT value FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "WHERE r.benchmark = ? AND r.params['parameter'] = '65536' AND s.iteration = 0", fid)).isEqualTo(80450381.0 / 295.0);
        }
    }

    @Test
    void goBenchRepetitionsUnitsAndConfiguration() throws Exception {
        try (Imported i = importing("go-bench")) {
            assertThat(i.count("SELECT count(*) FROM runs WHERE harness = 'go'")).isEqualTo(8);
            String where = "benchmark = 'index/suffixarray.BenchmarkNew' AND params['text'] = 'opticks' AND params['size'] = '100K' "
                    + "AND params['bits'] = '32'";
            // -count=10: ten samples; mean of the ten ns/op values is 4282342.6
            assertThat(i.count("SELECT sample_count FROM results WHERE " + where + " AND metric = 'primary'")).isEqualTo(10);
            assertThat(i.number("SELECT score FROM results WHERE " + where + " AND metric = 'primary'")).isCloseTo(4282342.6, within(1e-6));
            assertThat(i.one("SELECT unit || ' ' || threads FROM results WHERE " + where + " AND metric = 'primary'")).isEqualTo("ns/op 8");
            assertThat(i.one("SELECT higher_is_better FROM results WHERE " + where + " AND metric = 'MB/s'")).isEqualTo(true);
            assertThat(i.number("SELECT score FROM results WHERE " + where + " AND metric = 'MB/s'")).isCloseTo(23.474, within(1e-9));
            assertThat(i.one("SELECT higher_is_better FROM results WHERE " + where + " AND metric = 'B/op'")).isEqualTo(false);
            assertThat(i.number("SELECT score FROM results WHERE " + where + " AND metric = 'allocs/op'")).isEqualTo(2.0);
            assertThat(i.one("SELECT os || ' ' || arch || ' ' || cpu_model || ' ' || suite FROM runs WHERE suite = 'index/suffixarray'"))
                    .isEqualTo("linux amd64 Intel(R) Core(TM) i7-8665U CPU @ 1.90GHz index/suffixarray");
            // a configuration key that changes (note: before / after) tells the two groups apart
            assertThat(i.sql("SELECT params['note'], score FROM results WHERE benchmark = 'BenchmarkSize' ORDER BY 1").rows())
                    .containsExactly(List.of("after", 105.0), List.of("before", 100.0));
            assertThat(i.one("SELECT unit FROM results WHERE benchmark = 'BenchmarkSize' AND params['note'] = 'after'")).isEqualTo("text-bytes");
            // custom units next to ns/op are secondary metrics; GOMAXPROCS is the thread count
            assertThat(i.sql("SELECT threads, score FROM results WHERE benchmark = 'BenchmarkFib11' AND metric = 'auxMetricUnits'").rows())
                    .containsExactly(List.of(16, 3.0));
            assertThat(i.number("SELECT score FROM results WHERE benchmark = 'Benchmark_Utils_GetOffer/mime_extension#01' AND metric = 'B/op'"))
                    .isEqualTo(48.0);
        }
    }

    @Test
    void githubActionBenchmarkHistoryImportsWhole() throws Exception {
        try (Imported i = importing("gh-action-benchmark")) {
            assertThat(i.count("SELECT count(*) FROM runs")).isEqualTo(1384);
            assertThat(i.count("SELECT count(*) FROM results")).isEqualTo(9886);
            assertThat(i.count("SELECT count(*) FROM samples")).isEqualTo(9886);
            assertThat(i.count("SELECT count(DISTINCT benchmark || coalesce(CAST(params AS VARCHAR), '')) FROM results")).isEqualTo(47);
            assertThat(i.count("SELECT count(*) FROM runs WHERE trigger = 'import' AND harness = 'jmh' "
                    + "AND source_format = 'github-action-benchmark' AND length(source_sha256) = 64")).isEqualTo(1384);
            // the first entry, as the file has it
            String first = "bdeb1e95cd24748523592877d82d64212496e96e";
            assertThat(i.sql("SELECT labels['commit_message'], labels['commit_author'], strftime(commit_time, '%Y-%m-%dT%H:%M:%S'), "
                    + "epoch_ms(started_at), suite FROM runs WHERE \"commit\" = ?", first).rows().get(0))
                    .containsExactly("Add breedx-splk as approver (#5860)", "jack-berg", "2023-09-28T16:00:02", 1695922923702L, "Benchmark");
            assertThat(i.sql("SELECT score, unit, higher_is_better, mode, forks, threads FROM results r JOIN runs USING (run_id) "
                    + "WHERE \"commit\" = ? AND benchmark = 'io.opentelemetry.sdk.trace.FillSpanBenchmark.setFourAttributes'", first).rows().get(0))
                    .containsExactly(7042.383864399045, "ops/ms", true, "thrpt", 3, 1);
            assertThat(i.count("SELECT threads FROM results r JOIN runs USING (run_id) WHERE \"commit\" = ? "
                    + "AND benchmark LIKE '%simpleSpanStartAddEventEnd_05Threads'", first)).isEqualTo(5);
            assertThat(i.one("SELECT params FROM results r JOIN runs USING (run_id) WHERE \"commit\" = ? "
                    + "AND score = 8613.927989433703", first)).isEqualTo(Map.of("exporterCount", "3", "spanCount", "1000"));
            // the last entry's last bench, with three parameters and four threads, in ops/s
            assertThat(i.sql("SELECT s.value, r.unit, r.threads FROM samples s JOIN results r USING (run_id, case_key, metric) "
                    + "JOIN runs USING (run_id) WHERE \"commit\" = 'ff8e171e7e09ca9925c5785aaf16b1f810c8fd89' "
                    + "AND r.params['instrumentTypeAndAggregation'] = 'HISTOGRAM_BASE2_EXPONENTIAL' AND r.params['cardinality'] = '100' "
                    + "AND r.params['aggregationTemporality'] = 'CUMULATIVE' AND r.benchmark = 'io.opentelemetry.sdk.MetricRecordBenchmark.threads4'").rows())
                    .containsExactly(List.of(366.73176058411354, "ops/s", 4));
        }
    }

    @Test
    void importingTheSameSourcesAgainAddsNothing() throws Exception {
        try (Imported i = importing("hyperfine", "go-bench", "criterion/laysakura__fid-rs/criterion", "benchmarkdotnet")) {
            int first = i.outcome.added().size();
            assertThat(first).isEqualTo(3 + 8 + 1 + 3);
            i.importPaths(Imported.resource("hyperfine"), Imported.resource("go-bench"),
                    Imported.resource("criterion/laysakura__fid-rs/criterion"), Imported.resource("benchmarkdotnet"));
            assertThat(i.outcome.added()).isEmpty();
            assertThat(i.outcome.alreadyPresent()).hasSize(first);
            assertThat(i.count("SELECT count(*) FROM runs")).isEqualTo(first);
        }
    }
}
