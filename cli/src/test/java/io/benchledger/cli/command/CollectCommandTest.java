package io.benchledger.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.BenchledgerCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMH runs (tiny: one fork, one short iteration) through {@code benchledger collect}, read back with DuckDB. */
class CollectCommandTest {
    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = BenchledgerCommand.run(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** One DuckDB over the archive per test (opening one is the slow part). */
    private ArchiveDatabase db;

    @org.junit.jupiter.api.AfterEach
    void closeDb() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    List<Map<String, Object>> rows(Archive archive, String sql, Object... params) throws IOException, SQLException {
        if (db == null) {
            db = ArchiveDatabase.open(archive);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement st = db.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= n; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    @Test
    void bundledBenchmarkLandsInTheArchiveWithSamplesParamsSecondariesAndEnvironment(@TempDir Path tmp) throws Exception {
        Path archiveDir = tmp.resolve("archive");
        Outcome o = run("collect", "--ignore-jmh-lock", "--archive", archiveDir.toString(), "--project", "demo", "--project-version", "1.2.3",
                "--commit", "abc1234", "--include", "CollectionsBenchmark\\.arrayListPresized$",
                "--", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "size=100");
        assertThat(o.exit()).as(o.err()).isZero();
        String runId = o.out().lines().findFirst().orElseThrow();
        assertThat(o.out()).contains("1 cases measured, 0 failed");

        Archive archive = Archive.openExisting(archiveDir);
        String key = "io.benchledger.suites.allocation.CollectionsBenchmark.arrayListPresized[size=100]@avgt";
        Map<String, Object> run = rows(archive, "SELECT * FROM runs").get(0);
        assertThat(run.get("run_id")).isEqualTo(runId);
        assertThat(run.get("project")).isEqualTo("demo");
        assertThat(run.get("version")).isEqualTo("1.2.3");
        assertThat(run.get("commit")).isEqualTo("abc1234");
        assertThat(run.get("suite")).isEqualTo("default");
        assertThat(run.get("suite_version")).isEqualTo("1.1.0"); // the shipped default suite's version (benchledger-suites.yaml)
        assertThat(run.get("harness")).isEqualTo("jmh");
        assertThat(run.get("harness_version")).isEqualTo("1.37");
        assertThat(run.get("jvm_version")).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(run.get("jvm_vendor")).isEqualTo(System.getProperty("java.vendor"));
        assertThat(((Number) run.get("cpu_count")).intValue()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(((Number) run.get("memory_bytes")).longValue()).isPositive();
        assertThat((String) run.get("host")).isNotEmpty();
        assertThat((String) run.get("arch")).isEqualTo(System.getProperty("os.arch"));

        List<Map<String, Object>> results = rows(archive,
                "SELECT metric, unit, score, params['size'] AS size, threads, forks, measurement_iterations, higher_is_better"
                        + " FROM results WHERE case_key = ? ORDER BY metric", key);
        Map<String, Map<String, Object>> byMetric = new HashMap<>();
        results.forEach(r -> byMetric.put((String) r.get("metric"), r));
        assertThat(byMetric).containsKeys("primary", "gc.alloc.rate.norm", "gc.alloc.rate", "proc.rss.peak", "proc.cpu.util");
        Map<String, Object> primary = byMetric.get("primary");
        assertThat(primary.get("unit")).isEqualTo("us/op");
        assertThat(primary.get("size")).isEqualTo("100");
        assertThat(((Number) primary.get("forks")).intValue()).isEqualTo(1);
        assertThat(((Number) primary.get("measurement_iterations")).intValue()).isEqualTo(1);
        assertThat(primary.get("higher_is_better")).isEqualTo(false);
        // new ArrayList<>(100) of cached Integers: a 24-byte ArrayList and a 416-byte Object[100] (compressed oops)
        double alloc = ((Number) byMetric.get("gc.alloc.rate.norm").get("score")).doubleValue();
        assertThat(byMetric.get("gc.alloc.rate.norm").get("unit")).isEqualTo("B/op");
        assertThat(alloc).isBetween(400.0, 900.0);
        double rss = ((Number) byMetric.get("proc.rss.peak").get("score")).doubleValue();
        assertThat(rss).isBetween(10e6, 8e9); // a running JVM: tens of MB at least
        assertThat(byMetric.get("proc.rss.peak").get("unit")).isEqualTo("B");

        List<Map<String, Object>> samples = rows(archive,
                "SELECT metric, fork, iteration, value, weight FROM samples WHERE case_key = ? AND metric = 'primary'", key);
        assertThat(samples).hasSize(1);
        assertThat(((Number) samples.get(0).get("value")).doubleValue())
                .isEqualTo(((Number) primary.get("score")).doubleValue()); // one iteration: score = its sample
        assertThat(rows(archive, "SELECT * FROM samples WHERE case_key = ? AND metric = 'gc.alloc.rate.norm'", key)).hasSize(1);

        Path logs = archive.layout().logs(runId);
        assertThat(logs.resolve("jmh-1.json")).exists();
        assertThat(Files.readString(logs.resolve("jmh-1.log"))).contains("# Benchmark: io.benchledger.suites.allocation.CollectionsBenchmark.arrayListPresized");
    }

    static String samplesClassPath() {
        Path dir = Path.of("target", "jmh-samples");
        return Stream.of("jmh-samples.jar", "jmh-core.jar", "jopt-simple.jar", "commons-math3.jar")
                .map(j -> dir.resolve(j).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    @Test
    void jmhSamplesThroughClassPathMatchTheJsonJmhWrote(@TempDir Path tmp) throws Exception {
        Path archiveDir = tmp.resolve("archive");
        Outcome o = run("collect", "--ignore-jmh-lock", "--archive", archiveDir.toString(), "--classpath", samplesClassPath(),
                "--include", "JMHSample_01_HelloWorld", "--include", "JMHSample_02_BenchmarkModes\\.measureSamples",
                "--include", "JMHSample_15_Asymmetric",
                "--", "-f", "1", "-wi", "0", "-i", "2", "-r", "100ms");
        assertThat(o.exit()).as(o.err()).isZero();
        String runId = o.out().lines().findFirst().orElseThrow();
        Archive archive = Archive.openExisting(archiveDir);
        assertThat(rows(archive, "SELECT suite FROM runs").get(0).get("suite")).isEqualTo("all");

        JsonNode jmh = new ObjectMapper().readTree(archive.layout().logs(runId).resolve("jmh-1.json").toFile());
        assertThat(jmh.size()).isEqualTo(3);
        for (JsonNode e : jmh) {
            String benchmark = e.get("benchmark").asText();
            String mode = e.get("mode").asText();
            int threads = e.get("threads").asInt();
            List<Map<String, Object>> r = rows(archive,
                    "SELECT case_key, score, score_error, unit, threads, sample_count FROM results"
                            + " WHERE benchmark = ? AND mode = ? AND metric = 'primary'", benchmark, mode);
            assertThat(r).as(benchmark).hasSize(1);
            JsonNode pm = e.get("primaryMetric");
            assertThat(((Number) r.get(0).get("score")).doubleValue()).as(benchmark).isEqualTo(pm.get("score").asDouble());
            assertThat(r.get(0).get("unit")).isEqualTo(pm.get("scoreUnit").asText());
            assertThat(((Number) r.get(0).get("threads")).intValue()).isEqualTo(threads);
            String key = (String) r.get(0).get("case_key");
            List<Map<String, Object>> s = rows(archive,
                    "SELECT fork, iteration, value, weight FROM samples WHERE case_key = ? AND metric = 'primary'"
                            + " ORDER BY fork, iteration, value", key);
            if (pm.has("rawDataHistogram")) {
                // sample mode: value -> count buckets, per fork and iteration
                long count = 0;
                int buckets = 0;
                for (JsonNode fork : pm.get("rawDataHistogram")) {
                    for (JsonNode it : fork) {
                        for (JsonNode b : it) {
                            count += b.get(1).asLong();
                            buckets++;
                        }
                    }
                }
                assertThat(s).hasSize(buckets);
                assertThat(s.stream().mapToLong(x -> ((Number) x.get("weight")).longValue()).sum()).isEqualTo(count);
                assertThat(((Number) r.get(0).get("sample_count")).longValue()).isEqualTo(count);
            } else {
                List<Double> raw = new ArrayList<>();
                pm.get("rawData").forEach(fork -> fork.forEach(v -> raw.add(v.asDouble())));
                assertThat(s).extracting(x -> ((Number) x.get("value")).doubleValue()).containsExactlyElementsOf(raw);
            }
            // @Group: the group's methods are secondary metrics with their own scores
            e.get("secondaryMetrics").fields().forEachRemaining(sec -> {
                if (sec.getKey().matches(".*p\\d\\.\\d+")) {
                    return; // sample-mode percentiles repeat scorePercentiles
                }
                try {
                    List<Map<String, Object>> m = rows(archive, "SELECT score FROM results WHERE case_key = ? AND metric = ?",
                            key, sec.getKey());
                    assertThat(m).as(sec.getKey()).hasSize(1);
                    assertThat(((Number) m.get(0).get("score")).doubleValue()).isEqualTo(sec.getValue().get("score").asDouble());
                } catch (IOException | SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }
        assertThat(rows(archive, "SELECT DISTINCT metric FROM results WHERE benchmark LIKE '%JMHSample_15_Asymmetric%'"))
                .extracting(m -> m.get("metric")).contains("primary", "get", "inc");
    }

    @Test
    void errorsAreOneLineWithExitCodesAndLeaveTheArchiveAsItWas(@TempDir Path tmp) throws Exception {
        Path archiveDir = tmp.resolve("archive");
        Archive.open(archiveDir);
        List<String> before = listing(archiveDir);

        Outcome missing = run("collect", "--archive", archiveDir.toString(), "--jar", tmp.resolve("nope.jar").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("benchledger: --jar " + tmp.resolve("nope.jar") + ": no such file");

        Path notJmh = Path.of("target", "jmh-samples", "jopt-simple.jar");
        Outcome plain = run("collect", "--archive", archiveDir.toString(), "--jar", notJmh.toString());
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err().strip()).isEqualTo("benchledger: --jar " + notJmh
                + ": not a JMH benchmark jar (it has no META-INF/BenchmarkList; build it with JMH's annotation processor)");

        Outcome noBenchmarks = run("collect", "--archive", archiveDir.toString(), "--classpath",
                Path.of("target", "jmh-samples", "jmh-core.jar") + File.pathSeparator + Path.of("target", "jmh-samples", "jopt-simple.jar"));
        assertThat(noBenchmarks.exit()).isEqualTo(2);
        assertThat(noBenchmarks.err().strip()).isEqualTo("benchledger: classpath: no JMH benchmarks on the class path (no META-INF/BenchmarkList)");

        Outcome badOption = run("collect", "--archive", archiveDir.toString(), "--include", "HashBenchmark", "--", "-f", "x");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err().strip()).isEqualTo("benchledger: JMH options after --: Cannot parse argument 'x' of option f");

        Outcome reserved = run("collect", "--archive", archiveDir.toString(), "--", "-rf", "csv");
        assertThat(reserved.exit()).isEqualTo(2);
        assertThat(reserved.err().strip()).isEqualTo("benchledger: JMH option -rf is set by benchledger and cannot be given after --");

        Outcome badJvm = run("collect", "--archive", archiveDir.toString(), "--jvm", tmp.resolve("java").toString());
        assertThat(badJvm.exit()).isEqualTo(2);
        assertThat(badJvm.err().strip()).isEqualTo("benchledger: --jvm " + tmp.resolve("java") + ": no such file");

        Outcome nothing = run("collect", "--archive", archiveDir.toString(), "--include", "NoSuchBenchmark");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("benchledger: no benchmark of bundled matches suite default and the given patterns (");

        // a JVM that cannot start its forks: every case fails, nothing is committed, exit 3
        Outcome crash = run("collect", "--ignore-jmh-lock", "--archive", archiveDir.toString(), "--include", "HashBenchmark\\.sha256$",
                "--", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "size=64", "-jvmArgsAppend", "-XX:+NoSuchJvmFlag");
        assertThat(crash.exit()).as(crash.err()).isEqualTo(3);
        List<String> crashLines = crash.err().strip().lines().toList();
        assertThat(crashLines.get(crashLines.size() - 1)).startsWith("benchledger: error: no benchmark could be measured; "
                + "io.benchledger.suites.crypto.HashBenchmark.sha256[size=64]@thrpt: forked VM failed with exit code 1"
                + " (JMH output kept in ");
        assertThat(crashLines).allMatch(l -> l.startsWith("benchledger: "));

        assertThat(listing(archiveDir)).isEqualTo(before);
        Path fresh = tmp.resolve("fresh");
        run("collect", "--archive", fresh.toString(), "--jar", tmp.resolve("nope.jar").toString());
        assertThat(fresh).doesNotExist();
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : "")).sorted().toList();
        }
    }
}
