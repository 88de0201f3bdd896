package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scalability and recommend commands over a real archive (Parquet + DuckDB) with known numbers. */
class ScalabilityRecommendCommandTest {
    @TempDir
    Path dir;

    private Path archive() throws Exception {
        String id = RunIds.next();
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        Run run = Run.builder(id, t).project("p").version("1.0").build();
        List<Result> results = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        // throughput at 1, 2, 4 threads: 100, 180, 240 ops/ms → speed-up 1.8, 2.4; efficiency 0.9, 0.6
        double[] scores = {100, 180, 240};
        int[] threads = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            Result r = new Result(id, null, "q.Queue.offer", new TreeMap<>(), Mode.THROUGHPUT, Result.PRIMARY, "ops/ms",
                    true, threads[i], 3, 1, "1 s", 2, "1 s", scores[i], 1, scores[i] - 1, scores[i] + 1, 6,
                    Optional.empty(), "");
            results.add(r);
            for (int f = 0; f < 3; f++) {
                for (int it = 0; it < 2; it++) {
                    samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, it, scores[i], 1));
                }
            }
        }
        // an unstable case: fork means 90, 100, 110 (cv 0.10)
        Result u = new Result(id, null, "u.Unstable.run", new TreeMap<>(), Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op",
                false, 1, 3, 1, "1 s", 2, "1 s", 100, 10, 90, 110, 6, Optional.empty(), "");
        results.add(u);
        double[] forkMeans = {90, 100, 110};
        for (int f = 0; f < 3; f++) {
            samples.add(new Sample(id, u.caseKey(), Result.PRIMARY, f, 0, forkMeans[f] - 1, 1));
            samples.add(new Sample(id, u.caseKey(), Result.PRIMARY, f, 1, forkMeans[f] + 1, 1));
        }
        Path dirArchive = dir.resolve("archive");
        Archive.open(dirArchive).commit(new RunRecord(run, results, samples));
        return dirArchive;
    }

    @Test
    void scalabilityJsonGivesSpeedupEfficiencyAndKnee() throws Exception {
        Path a = archive();
        CliRun r = CliRun.of("scalability", "--archive", a.toString(), "--project", "p", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode curve = new ObjectMapper().readTree(r.out()).get("curves").get(0);
        assertThat(curve.get("family").asText()).isEqualTo("q.Queue.offer@thrpt");
        assertThat(curve.get("knee_threads").asInt()).isEqualTo(4);
        JsonNode p4 = curve.get("points").get(2);
        assertThat(p4.get("threads").asInt()).isEqualTo(4);
        assertThat(p4.get("speedup").asDouble()).isCloseTo(2.4, within(1e-9));
        assertThat(p4.get("efficiency").asDouble()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void recommendNamesTheUnstableCaseAndThePoorScaling() throws Exception {
        Path a = archive();
        CliRun r = CliRun.of("recommend", "--archive", a.toString(), "--project", "p", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode recs = new ObjectMapper().readTree(r.out()).get("recommendations");
        List<String> rules = new ArrayList<>();
        recs.forEach(n -> rules.add(n.get("priority").asText() + " " + n.get("rule").asText() + " " + n.get("case_key").asText()));
        // scalability (medium: speed) before unstable (low: the measurement)
        assertThat(rules).containsExactly("medium scalability q.Queue.offer@thrpt", "low unstable u.Unstable.run@avgt");
        assertThat(recs.get(0).get("impact").asDouble()).as("0.7 / 0.6 − 1").isCloseTo(0.7 / 0.6 - 1, within(1e-9));
        assertThat(recs.get(0).get("impact_basis").asText()).isEqualTo("throughput at 4 threads if efficiency reached 0.70");
        JsonNode unstable = recs.get(1);
        assertThat(unstable.get("evidence").get("cv").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(unstable.get("evidence").get("forks_needed").asInt()).isEqualTo(97);

        CliRun text = CliRun.of("recommend", "--archive", a.toString(), "--project", "p", "--budget", "{pattern: Unstable, max_p99: x}");
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err()).contains("--budget:1:30: max_p99: expected a number with an optional unit");
    }
}
