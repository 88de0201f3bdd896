package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, tiny A/B experiment: JMH runs the bundled CollectionsBenchmark.primitiveSum in child JVMs,
 * A with G1 and B with the Parallel collector, one fork per turn. About ten short forks.
 */
class AbCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsInterleavedForksAndFilesBothArmsInTheArchive() throws Exception {
        Path archive = dir.resolve("archive");
        CliRun r = CliRun.of("ab", "--archive", archive.toString(), "--project", "p", "--format", "json",
                "--include", "CollectionsBenchmark.primitiveSum", "--name-a", "g1", "--name-b", "par",
                "--jvm-args-a=-XX:+UseG1GC", "--jvm-args-b=-XX:+UseParallelGC",
                "--pilot", "2", "--max-forks", "3", "--looks", "2", "--mde", "50%", "--max-time", "5m",
                "--", "-wi", "0", "-i", "2", "-r", "100ms", "-p", "size=100");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("plan: alpha 0.0500, power 0.80, minimum detectable effect 50.0 %")
                .contains("forks needed");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("variant_a").get("jvm_args").get(0).asText()).isEqualTo("-XX:+UseG1GC");
        JsonNode c = doc.get("cases").get(0);
        assertThat(c.get("case_key").asText())
                .isEqualTo("io.benchledger.suites.allocation.CollectionsBenchmark.primitiveSum[size=100]@avgt");
        assertThat(c.get("pairs").asInt()).isEqualTo(3); // the cap: 3 pairs after the pilot
        // the winner is what the test and the effect say: none unless |z| crossed the look's bound,
        // else the faster arm (average time: the lower mean)
        String winner = Math.abs(c.get("z").asDouble()) < c.get("bound").asDouble() ? "no difference detected"
                : c.get("mean_a").asDouble() < c.get("mean_b").asDouble() ? "g1" : "par";
        assertThat(c.get("winner").asText()).isEqualTo(winner);
        assertThat(c.get("ci_low").asDouble()).isLessThanOrEqualTo(c.get("effect").asDouble());
        assertThat(c.get("effect").asDouble()).isLessThanOrEqualTo(c.get("ci_high").asDouble());

        try (ArchiveDatabase db = ArchiveDatabase.open(Archive.openExisting(archive))) {
            Table runs = db.run("SELECT variant, trigger, jvm_args, labels['experiment'] FROM runs ORDER BY variant");
            assertThat(runs.rows()).hasSize(2);
            assertThat(runs.rows().get(0).subList(0, 3)).containsExactly("g1", "ab", "-XX:+UseG1GC");
            assertThat(runs.rows().get(1).subList(0, 3)).containsExactly("par", "ab", "-XX:+UseParallelGC");
            assertThat(runs.rows().get(0).get(3)).isEqualTo(doc.get("experiment").asText());
            // 2 pilot turns + 3 test turns per arm, each a fork with 2 iterations
            Table forks = db.run("SELECT r.variant, count(DISTINCT s.fork), count(*) FROM samples s JOIN runs r USING (run_id)"
                    + " WHERE s.metric = 'primary' GROUP BY ALL ORDER BY 1");
            assertThat(forks.rows().get(0)).containsExactly("g1", 5L, 10L);
            assertThat(forks.rows().get(1)).containsExactly("par", 5L, 10L);
        }
    }

    @Test
    void threeVariantsGiveARankingWithProbabilitiesOfBeingBest() throws Exception {
        Path archive = dir.resolve("impact");
        CliRun r = CliRun.of("ab", "--archive", archive.toString(), "--format", "json",
                "--include", "CollectionsBenchmark.primitiveSum", "--forks", "2",
                "--variant", "g1=-XX:+UseG1GC", "--variant", "par=-XX:+UseParallelGC", "--variant", "serial=-XX:+UseSerialGC",
                "--", "-wi", "0", "-i", "2", "-r", "100ms", "-p", "size=100");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode overall = doc.get("overall");
        assertThat(overall).hasSize(3);
        // one case: the best has ratio 1 and is best on it; ranks are 1, 2, 3
        assertThat(overall.get(0).get("geometric_mean_ratio").asDouble()).isEqualTo(1.0);
        assertThat(overall.get(0).get("cases_best").asInt()).isEqualTo(1);
        assertThat(overall.get(2).get("rank").asInt()).isEqualTo(3);
        JsonNode c = doc.get("cases").get(0);
        double pBest = 0;
        for (JsonNode s : c.get("ranking")) {
            pBest += s.get("probability_best").asDouble();
            assertThat(s.get("forks").asInt()).isEqualTo(2);
        }
        assertThat(pBest).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.get("matrix")).hasSize(6);
        try (ArchiveDatabase db = ArchiveDatabase.open(Archive.openExisting(archive))) {
            assertThat(db.run("SELECT variant FROM runs WHERE trigger = 'ab' ORDER BY variant").rows())
                    .containsExactly(java.util.List.of("g1"), java.util.List.of("par"), java.util.List.of("serial"));
        }
    }

    @Test
    void refusesForkOptionsAndBadEffectsWithExitTwo() {
        CliRun f = CliRun.of("ab", "--archive", dir.resolve("a").toString(), "--include", "X", "--", "-f", "3");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("-f");
        CliRun m = CliRun.of("ab", "--archive", dir.resolve("a").toString(), "--include", "X", "--mde", "five");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("--mde 'five'");
    }
}
