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
 * collect --profile-with jfr on a real tiny JMH run: the recording is kept under logs/<run_id>/jfr/ and
 * the benchmark page shows its flame graph data and top methods; a damaged recording is bad input.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProfileWithJfrTest {
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
        assertThat(html).contains("<h2 id=\"profile-h\">Profile (JFR)</h2>").contains("class=\"chart flame\" role=\"img\" data-index=\"0\"")
                .contains("assets/flame.js").contains("run " + runId);
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

        CliRun async = CliRun.of("collect", "--archive", dir.resolve("none").toString(), "--profile-with", "async");
        assertThat(async.exit()).isEqualTo(2);
        assertThat(async.err()).startsWith("benchledger: --profile-with: expected jfr, got 'async'");
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
            assertThat(html).contains("Profile (JFR)").contains("run " + runId).doesNotContain("run " + later);
        }
    }
}
