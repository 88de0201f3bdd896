package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a tiny configuration with real JMH runs: a release of 1.0, a release of 1.1
 * compared with it, a nightly run against both, and a nightly whose budget cannot be met.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyReleaseEndToEndTest {
    @TempDir
    static Path dir;

    private static String[] args(String... a) {
        return a;
    }

    private static Path config(String name) throws Exception {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            try (var in = NightlyReleaseEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    @Order(1)
    void firstReleaseThenASecondComparedWithIt() throws Exception {
        Path archive = dir.resolve("archive");
        Path site = dir.resolve("site");
        CliRun first = CliRun.of("collect", "--ignore-jmh-lock", "--archive", archive.toString(), "--config",
                config("tiny.yaml").toString(), "--project-version", "1.0", "--trigger", "release");
        assertThat(first.exit()).as(first.err()).isZero();

        CliRun release = CliRun.of("release", "1.1", "--collect", "--ignore-jmh-lock", "--archive", archive.toString(),
                "--config", config("tiny.yaml").toString(), "--site", site.toString());
        assertThat(release.exit()).as(release.err()).isIn(0, 1);
        assertThat(release.out()).contains("benchledger release 1.1 against 1.0")
                .contains("io.benchledger.suites.crypto.HashBenchmark.sha256[size=64]@thrpt");
        assertThat(release.out()).contains(release.exit() == 0 ? "gate: passed" : "gate: FAILED");
        Path pdf = site.resolve("reports/release-1.1.pdf");
        assertThat(pdf).exists();
        assertThat(pdfText(pdf)).contains("1.1").contains("1.0").contains("HashBenchmark.sha256");
        assertThat(site.resolve("index.html")).exists();
        assertThat(site.resolve("release-1.1.md")).exists();
    }

    @Test
    @Order(2)
    void nightlyComparesWithTheRecentRunsAndTheLastRelease() throws Exception {
        Path archive = dir.resolve("archive");
        Path site = dir.resolve("site");
        CliRun nightly = CliRun.of("nightly", "--ignore-jmh-lock", "--archive", archive.toString(), "--config",
                config("tiny.yaml").toString(), "--project-version", "1.2-dev", "--site", site.toString());
        // two earlier runs of two forks cannot tell this case's run-to-run noise: inconclusive, so the gate passes
        assertThat(nightly.exit()).as(nightly.out() + nightly.err()).isZero();
        String out = nightly.out();
        assertThat(out).startsWith("benchledger nightly: run ").contains("version 1.2-dev").contains("1 cases measured, 0 failed");
        assertThat(out).contains("vs recent runs: ").contains("vs last release: ").doesNotContain("nothing to compare with yet");
        assertThat(out).contains("baseline recent:20 = 2 runs of suite 'tiny'").contains("with 2 forks × (2 × 100 ms warm-up, 5 × 100 ms)")
                .contains("): run-to-run noise unknown: 2 comparable runs, needs 5");
        assertThat(out).contains("gate: passed");
        String runId = out.substring("benchledger nightly: run ".length(), "benchledger nightly: run ".length() + 26);
        Path pdf = site.resolve("reports/nightly.pdf");
        assertThat(pdf).exists();
        assertThat(pdfText(pdf)).contains(runId);
        String md = Files.readString(site.resolve("summary.md"));
        assertThat(md).startsWith("## benchledger nightly: run " + runId).contains("### Against the recent runs");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("summary.json").toFile());
        assertThat(json.at("/run_id").asText()).isEqualTo(runId);
        assertThat(json.at("/gate/result").asText()).isEqualTo("passed");
        assertThat(json.at("/gate/reasons").size()).isZero();
        assertThat(json.at("/runs/recent_baseline").size()).isEqualTo(2);
        assertThat(json.at("/comparisons/0/name").asText()).isEqualTo("recent");
        assertThat(json.at("/comparisons/0/baseline/spec").asText()).isEqualTo("recent:20");
        var c = java.util.stream.StreamSupport.stream(json.at("/comparisons/0/cases").spliterator(), false)
                .filter(x -> x.at("/metric").asText().equals("primary")).findFirst().orElseThrow();
        assertThat(c.at("/verdict").asText()).isEqualTo("inconclusive");
        assertThat(c.at("/reason").asText()).isEqualTo("run-to-run noise unknown: 2 comparable runs, needs 5");
        assertThat(c.at("/threshold").asDouble()).isEqualTo(0.05);
        assertThat(c.at("/threshold_source").asText()).isEqualTo("configured");
        assertThat(c.at("/gated").asBoolean()).isTrue();
        assertThat(json.at("/comparisons/1/name").asText()).isEqualTo("last_release");
        assertThat(json.at("/budgets/checked").asInt()).isZero();
        List<String> pages;
        try (var s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString()).toList();
        }
        assertThat(pages).contains("index.html").anyMatch(p -> p.contains("HashBenchmark") || p.startsWith("bench"));
    }

    @Test
    @Order(3)
    void aBrokenBudgetFailsTheGate() throws Exception {
        Path archive = dir.resolve("archive");
        CliRun nightly = CliRun.of("nightly", "--no-collect", "--no-publish", "--archive", archive.toString(), "--config",
                config("impossible-budget.yaml").toString(), "--site", dir.resolve("site2").toString());
        assertThat(nightly.exit()).as(nightly.out() + nightly.err()).isEqualTo(1);
        assertThat(nightly.out()).contains("budgets: 1 failed, 0 warned, 0 passed, 0 not checked").contains("FAIL io.benchledger.suites.crypto.HashBenchmark.sha256")
                .contains("gate: FAILED (");
        assertThat(Files.readString(dir.resolve("site2/summary.md"))).contains("**Gate failed**").contains("1 broken budget(s)");
    }
}
