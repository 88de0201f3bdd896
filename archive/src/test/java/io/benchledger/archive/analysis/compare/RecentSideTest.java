package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recent:N} in a real archive: which runs it holds, and the history model's verdicts through DuckDB. */
class RecentSideTest {
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @TempDir
    Path dir;

    /** One case (ns/op), `forks` forks of 5 iterations around `level` (±0.5 %), started `day` days after T0. */
    static RunRecord run(String id, int day, String branch, int forks, double level) {
        return run(id, day, branch, forks, level, Run.TRIGGER_NIGHTLY);
    }

    static RunRecord run(String id, int day, String branch, int forks, double level, String trigger) {
        return run(Run.builder(id, T0.plusSeconds(86400L * day)).project("p").version("1.0").suite("s")
                .trigger(trigger).branch(branch).cpuModel("Xeon 8370C").cpuCount(2).os("Linux").arch("amd64")
                .jvmVendor("Eclipse Adoptium").jvmVersion("17.0.15").build(), forks, level);
    }

    static RunRecord run(Run run, int forks, double level) {
        String id = run.runId();
        Result r = new Result(id, null, "org.x.Work.op", new TreeMap<>(), Mode.AVERAGE_TIME, Result.PRIMARY, "ns/op", false,
                1, forks, 5, "1 s", 5, "1 s", level, 0, level, level, forks * 5L, Optional.empty(), "");
        List<Sample> samples = new ArrayList<>();
        Random rnd = new Random(id.hashCode());
        for (int f = 0; f < forks; f++) {
            for (int i = 0; i < 5; i++) {
                samples.add(new Sample(id, r.caseKey(), Result.PRIMARY, f, i, level * (1 + 0.005 * rnd.nextGaussian()), 1));
            }
        }
        return new RunRecord(run, List.of(r), samples);
    }

    @Test
    void recentHoldsOnlyEarlierRunsOfTheSameBranchSuiteAndSettings() throws Exception {
        Archive archive = Archive.open(dir.resolve("a"));
        List<RunRecord> runs = new ArrayList<>();
        Random rnd = new Random(1);
        for (int d = 0; d < 8; d++) {
            runs.add(run("01J00000000000000000000N0" + d, d, "main", 1, 100 * (1 + 0.01 * rnd.nextGaussian())));
        }
        runs.add(run("01J00000000000000000000Q08", 8, "main", 3, 200)); // the nightly profile: other settings
        runs.add(run("01J00000000000000000000F09", 9, "feature", 1, 300)); // another branch
        runs.add(run("01J00000000000000000000P09", 9, "main", 1, 150, Run.TRIGGER_PROFILE)); // under a profiler
        runs.add(run("01J00000000000000000000N10", 10, "main", 1, 130)); // the candidate: +30 %
        archive.commit(runs);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SideResolver res = SideResolver.of(db, "p", "");
            ResolvedSide[] s = res.resolve(Side.parse("recent"), Side.parse("latest"));
            assertThat(s[0].runIds()).hasSize(8).doesNotContain("01J00000000000000000000Q08", "01J00000000000000000000F09", "01J00000000000000000000P09")
                    .startsWith("01J00000000000000000000N07");
            assertThat(s[0].holds()).isEqualTo("8 runs of branch 'main', suite 's' with 1 fork × (5 × 1 s warm-up, 5 × 1 s),"
                    + " from 01J00000000000000000000N00 to 01J00000000000000000000N07");
            assertThat(res.resolve(Side.parse("recent:3"), Side.parse("latest"))[0].runIds())
                    .containsExactly("01J00000000000000000000N07", "01J00000000000000000000N06", "01J00000000000000000000N05");

            ComparisonReport r = Comparison.run(db, Side.parse("recent:20"), Side.parse("latest"),
                    ComparisonOptions.builder("p").threshold(0.05).build());
            CaseComparison c = r.cases().get(0);
            assertThat(c.basis().model()).isEqualTo(VerdictBasis.HISTORY);
            assertThat(c.basis().baselineRuns()).isEqualTo(8);
            assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);

            // two runs of one fork: inconclusive with its reason, not regressed
            ComparisonReport two = Comparison.run(db, Side.parse("recent:2"), Side.parse("latest"),
                    ComparisonOptions.builder("p").threshold(0.05).build());
            assertThat(two.cases().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(two.cases().get(0).basis().reason()).isEqualTo("run-to-run noise unknown: 2 comparable runs, needs 5");
        }
        assertThatThrownBy(() -> Side.parse("recent:0")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected recent:N with N a whole number >= 1");
    }

    @Test
    void recentKeepsToTheNamedEnvironmentAndOnRequestToTheMachine() throws Exception {
        Archive archive = Archive.open(dir.resolve("m"));
        List<RunRecord> runs = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Run r = run("01J00000000000000000000N0" + d, d, "main", 1, 100).run();
            // every other run on a bigger runner, which is an other machine but the same named environment
            runs.add(run(d % 2 == 0 ? r : r.toBuilder().cpuModel("EPYC 7763").cpuCount(4).build(), 1, 100));
        }
        runs.add(run(run("01J00000000000000000000E06", 6, "main", 1, 100).run().toBuilder().environment("arm").build(), 1, 300));
        runs.add(run("01J00000000000000000000N07", 7, "main", 1, 100)); // the candidate, on the Xeon
        archive.commit(runs);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SideResolver res = SideResolver.of(db, "p", "");
            assertThat(res.resolve(Side.parse("recent"), Side.parse("latest"))[0].runIds())
                    .hasSize(6).doesNotContain("01J00000000000000000000E06");
            ResolvedSide same = res.resolve(Side.parse("recent:20:same-machine"), Side.parse("latest"))[0];
            assertThat(same.runIds()).containsExactly("01J00000000000000000000N04", "01J00000000000000000000N02",
                    "01J00000000000000000000N00");
            assertThat(same.holds()).contains("machine Xeon 8370C, 2 CPUs, Linux, amd64, Eclipse Adoptium 17.0.15");
            assertThat(same.side().spec()).isEqualTo("recent:20:same-machine");
        }
        assertThat(Side.parse("recent:same-machine")).isEqualTo(Side.recent(Side.DEFAULT_RECENT, true));
        assertThatThrownBy(() -> Side.parse("recent:5:same-host")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected recent:N or recent:N:same-machine");
    }
}
