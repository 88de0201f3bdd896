package io.benchledger.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly's second look with real JMH: a history of six runs at a level the benchmark cannot
 * reach makes the real run a critical regression, so the nightly measures it again (a second real
 * JMH run, trigger 'confirm'), judges both together, and fails the gate on the confirmed change.
 */
class NightlyRemeasurementTest {
    static final String BENCHMARK = "io.benchledger.suites.crypto.HashBenchmark.sha256";

    @TempDir
    Path dir;

    /** A run of the tiny suite's one case as the nightly profile measures it (2 forks × 5 × 100 ms), at `level`. */
    static RunRecord history(int daysAgo, double level) {
        Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
        String id = "01J0000000000000000000H00" + daysAgo;
        Run run = Run.builder(id, start).project("default").version("1.0").suite("tiny").suiteVersion("1.0.0")
                .trigger(Run.TRIGGER_NIGHTLY).branch("main").build();
        TreeMap<String, String> params = new TreeMap<>(java.util.Map.of("size", "64"));
        Result r = new Result(id, null, BENCHMARK, params, Mode.THROUGHPUT, Result.PRIMARY, "ops/s", true, 1, 2, 2,
                "100 ms", 5, "100 ms", level, 0, level, level, 10, Optional.empty(), "");
        List<Sample> samples = new ArrayList<>();
        Random rnd = new Random(daysAgo);
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < 5; i++) {
                samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, i, level * (1 + 0.01 * rnd.nextGaussian()), 1));
            }
        }
        return new RunRecord(run, List.of(r), samples);
    }

    @Test
    void aFlaggedCaseIsMeasuredAgainAndJudgedWithItsReMeasurement() throws Exception {
        Path archive = dir.resolve("archive");
        List<RunRecord> past = new ArrayList<>();
        for (int d = 6; d >= 1; d--) {
            past.add(history(d, 1e15)); // far beyond what SHA-256 of 64 bytes does per second
        }
        Archive.open(archive).commit(past);
        Path config = dir.resolve("tiny.yaml");
        try (var in = NightlyRemeasurementTest.class.getResourceAsStream("/e2e/tiny.yaml")) {
            Files.copy(in, config);
        }
        Path repo = Files.createDirectories(dir.resolve("repo"));
        for (String[] git : List.of(new String[] {"init", "-q", "-b", "main"},
                new String[] {"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "x"})) {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
            cmd.addAll(List.of(git));
            assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
        }

        CliRun nightly = CliRun.of("nightly", "--ignore-jmh-lock", "--archive", archive.toString(), "--config",
                config.toString(), "--git-dir", repo.toString(), "--no-publish", "--summary", dir.resolve("s.md").toString());

        assertThat(nightly.exit()).as(nightly.out() + nightly.err()).isEqualTo(1);
        assertThat(nightly.err()).contains("calls changed, before the gate trusts it (1 benchmark): " + BENCHMARK);
        String runId;
        String again;
        try (ArchiveDatabase db = ArchiveDatabase.open(Archive.open(archive))) {
            var rows = db.query("recent_runs", "default", 1).rows();
            runId = (String) rows.get(0).get(0);
            var rs = db.connection().createStatement().executeQuery(
                    "SELECT run_id, labels['confirms'] FROM runs WHERE trigger = 'confirm'");
            assertThat(rs.next()).isTrue();
            again = rs.getString(1);
            assertThat(rs.getString(2)).isEqualTo(runId);
            assertThat(rs.next()).isFalse();
        }
        assertThat(nightly.out()).contains("candidate run:" + runId + "+" + again)
                .contains(BENCHMARK + "[size=64]@thrpt -100.0%").contains("gate: FAILED");

        // a site made afterwards judges the run as the gate did: with its re-measurement, both counted
        Path site = dir.resolve("site");
        CliRun published = CliRun.of("site", "--archive", archive.toString(), "--out", site.toString());
        assertThat(published.exit()).as(published.out() + published.err()).isZero();
        String page;
        try (var pages = Files.list(site.resolve("compare"))) {
            page = pages.filter(p -> p.toString().endsWith(".html")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(h -> h.contains("Latest run against the recent runs")).findFirst().orElseThrow();
        }
        String text = page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("and its re-measurement (2 runs)").contains("(6 runs)").contains("1 regressed");
    }
}
