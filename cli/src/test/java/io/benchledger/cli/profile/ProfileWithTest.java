package io.benchledger.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * collect --profile-with jfr, an unprofiled run, then --profile-with async, real tiny JMH runs into one
 * archive: the recordings are kept under logs/<run_id>/jfr/ and the benchmark page shows the newest
 * one's flame graph data and top methods; a damaged recording is bad input; the runs' labels hold no
 * scratch path, and runs of equal JMH settings stay comparable whatever their profiler.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProfileWithTest {
    @TempDir
    static Path dir;
    static Path archive;
    static String runId;
    static final String CASE = "io.benchledger.suites.crypto.HashBenchmark.sha256[size=64]@thrpt";

    @BeforeAll
    static void collect() throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, """
                defaultSuite: tiny
                suites:
                  tiny:
                    version: 1.0.0
                    include: ['HashBenchmark\\.sha256$']
                    jmh:
                      params:
                        size: ['64']
                profiles:
                  nightly:
                    jmh: {forks: 1, warmupIterations: 1, warmupTime: 100ms, measurementIterations: 10, measurementTime: 100ms}
                """);
        archive = dir.resolve("archive");
        CliRun c = CliRun.of("collect", "--ignore-jmh-lock", "--archive", archive.toString(), "--config", config.toString(),
                "--profile-with", "jfr");
        assertThat(c.exit()).as(c.err()).isZero();
        runId = c.out().lines().findFirst().orElseThrow();
        assertThat(c.err()).contains("benchledger: kept 1 JFR recording(s) in " + archive.resolve("logs").resolve(runId).resolve("jfr"));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theRecordingIsKeptAndTheBenchmarkPageDrawsIt() throws Exception {
        Path jfr = archive.resolve("logs").resolve(runId).resolve("jfr");
        JsonNode index = new ObjectMapper().readTree(jfr.resolve("cases.json").toFile());
        assertThat(index.get(CASE).asText()).isEqualTo("jfr/io.benchledger.suites.crypto.HashBenchmark.sha256-Throughput-size-64/profile.jfr");
        assertThat(jfr.resolve("io.benchledger.suites.crypto.HashBenchmark.sha256-Throughput-size-64/profile.jfr")).isNotEmptyFile();

        Path site = dir.resolve("site");
        CliRun s = CliRun.of("site", "--archive", archive.toString(), "--out", site.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        Path page;
        try (Stream<Path> pages = Files.list(site.resolve("b"))) {
            page = pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        String html = Files.readString(page);
        assertThat(html).contains("<h2 id=\"profile-h\">Profile</h2>").contains("class=\"chart flame\" role=\"img\" data-index=\"0\"")
                .contains("assets/flame.js").contains("run " + runId + ", JFR</p>");
        // the top methods are the benchmark's own work or the JDK's digest below it
        String table = html.substring(html.indexOf("Methods with the most samples"));
        assertThat(table).containsPattern("<td class=\"method\">(sun\\.security|java\\.security|io\\.benchledger|jdk\\.internal)[^<]*</td>");
        String data = Files.readString(site.resolve("profiles").resolve(page.getFileName().toString().replace(".html", ".js")));
        assertThat(data).startsWith("window.BL_FLAMES = [{\"label\":\"size=64 thrpt\",\"samples\":")
                .contains("[0,0,").contains("\"all\"]").contains("HashBenchmark.sha256");
        assertThat(site.resolve("assets/flame.js")).isNotEmptyFile();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aDamagedRecordingIsOneLineAndExitTwo() throws Exception {
        Path copy = dir.resolve("damaged");
        try (Stream<Path> s = Files.walk(archive)) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(archive.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path rec = copy.resolve("logs").resolve(runId).resolve("jfr/io.benchledger.suites.crypto.HashBenchmark.sha256-Throughput-size-64/profile.jfr");
        Files.writeString(rec, "garbage");
        CliRun s = CliRun.of("site", "--archive", copy.toString(), "--out", dir.resolve("site2").toString());
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err().lines().toList()).hasSize(1);
        assertThat(s.err()).startsWith("benchledger: " + rec + ": not a readable JFR recording (");
        assertThat(Files.readString(rec)).isEqualTo("garbage");

        CliRun wall = CliRun.of("collect", "--archive", dir.resolve("none").toString(), "--profile-with", "async:wall");
        assertThat(wall.exit()).isEqualTo(2);
        assertThat(wall.err()).isEqualTo("benchledger: --profile-with: expected jfr, async or async:EVENT with EVENT one of"
                + " cpu, itimer, ctimer, got 'async:wall'\n");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aLaterRunWithoutAProfileKeepsTheNewestRecordingOnThePage() throws Exception {
        CliRun c = CliRun.of("collect", "--ignore-jmh-lock", "--archive", archive.toString(), "--config",
                dir.resolve("tiny.yaml").toString());
        assertThat(c.exit()).as(c.err()).isZero();
        String later = c.out().lines().findFirst().orElseThrow();
        assertThat(later).isNotEqualTo(runId);
        Path site = dir.resolve("site3");
        CliRun s = CliRun.of("site", "--archive", archive.toString(), "--out", site.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        try (Stream<Path> pages = Files.list(site.resolve("b"))) {
            String html = Files.readString(pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
            assertThat(html).contains("Profile").contains("run " + runId).doesNotContain("run " + later);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void asyncProfilerDrawsTheHotMethodAndTheRunKeepsStableLabels() throws Exception {
        CliRun c = CliRun.of("collect", "--ignore-jmh-lock", "--archive", archive.toString(), "--config",
                dir.resolve("tiny.yaml").toString(), "--profile-with", "async");
        assertThat(c.exit()).as(c.err()).isZero();
        String async = c.out().lines().findFirst().orElseThrow();
        Path jfr = archive.resolve("logs").resolve(async).resolve("jfr");
        assertThat(c.err()).contains("benchledger: kept 1 JFR recording(s) in " + jfr);
        String rel = "io.benchledger.suites.crypto.HashBenchmark.sha256-Throughput-size-64/jfr-cpu.jfr";
        assertThat(new ObjectMapper().readTree(jfr.resolve("cases.json").toFile()).get(CASE).asText()).isEqualTo("jfr/" + rel);

        // the labels say which profiler, and name no scratch folder; no trace of the options in jmh.args
        CliRun labels = CliRun.of("sql", "--archive", archive.toString(), "--format", "csv",
                "SELECT run_id, labels['profiler'] AS profiler, labels['jmh.args'] AS jmh_args FROM runs ORDER BY run_id");
        assertThat(labels.exit()).as(labels.err()).isZero();
        List<String> rows = labels.out().lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(runId + ",jfr,");
        assertThat(rows.get(2)).isEqualTo(async + ",async:cpu,");
        CliRun all = CliRun.of("sql", "--archive", archive.toString(), "--format", "csv", "SELECT CAST(labels AS VARCHAR) FROM runs");
        assertThat(all.out()).contains("profile=nightly").doesNotContain("benchledger-profile-").doesNotContain("jmh.args");

        // its recent history holds the runs of equal JMH settings, whatever their profiler or scratch folder
        CliRun cmp = CliRun.of("compare", "recent:5", "latest", "--archive", archive.toString(), "--format", "json");
        assertThat(cmp.exit()).as(cmp.err()).isIn(0, 1);
        JsonNode baseline = new ObjectMapper().readTree(cmp.out()).get("baseline");
        assertThat(baseline.get("runs")).hasSize(2);
        assertThat(baseline.get("runs").get(1).asText()).isEqualTo(runId);
        assertThat(baseline.get("holds").asText()).startsWith("2 runs of suite 'tiny' with 1 fork × (1 × 100 ms warm-up, 10 × 100 ms)");

        // the page draws async-profiler's samples: SHA-256's compression function is the hot method
        Path site = dir.resolve("site4");
        CliRun s = CliRun.of("site", "--archive", archive.toString(), "--out", site.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        Path page;
        try (Stream<Path> pages = Files.list(site.resolve("b"))) {
            page = pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        String html = Files.readString(page);
        assertThat(html).containsPattern("run " + async + ", async-profiler 4\\.6, cpu \\((perf_events|ctimer|itimer)\\)</p>");
        String table = html.substring(html.indexOf("Methods with the most samples"));
        // SHA-256's compression as Java code, or as C2's intrinsic stub (sha256_implCompress), which then holds the self time
        assertThat(table).containsPattern("<td class=\"method\">(sun\\.security\\.provider\\.SHA2\\.implCompress|sha256_implCompress)");
        String data = Files.readString(site.resolve("profiles").resolve(page.getFileName().toString().replace(".html", ".js")));
        // implCompress0, or implCompress with C2's SHA-256 intrinsic stub above it: which one depends on the JIT
        assertThat(data).contains("\"io.benchledger.suites.crypto.HashBenchmark.sha256\"]")
                .containsPattern("\"sun\\.security\\.provider\\.SHA2\\.implCompress0?\"]");
    }
}
