package io.benchledger.archive.analysis.compare;

import static io.benchledger.archive.analysis.compare.RecentSideTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recent:N:branch=NAME}: a pull request's run, recorded under its own branch, judged against its
 * base branch's history (the GitHub Action's comparison).
 */
class RecentOfBranchTest {
    @TempDir
    Path dir;

    @Test
    void aPullRequestRunIsJudgedAgainstItsBaseBranchesHistory() throws Exception {
        Archive archive = Archive.open(dir.resolve("a"));
        List<RunRecord> runs = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            runs.add(run("01J00000000000000000000M0" + d, d, "main", 1, 100 + d % 2));
        }
        runs.add(run("01J00000000000000000000O06", 6, "other", 1, 500)); // another pull request
        runs.add(run("01J00000000000000000000F07", 7, "feature/x", 1, 100.5)); // the candidate
        archive.commit(runs);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            SideResolver res = SideResolver.of(db, "p", "");
            ResolvedSide[] s = res.resolve(Side.parse("recent:20:branch=main"), Side.parse("latest"));
            assertThat(s[1].runIds()).containsExactly("01J00000000000000000000F07");
            assertThat(s[0].runIds()).hasSize(6).allMatch(id -> id.startsWith("01J00000000000000000000M"));
            assertThat(s[0].holds()).startsWith("6 runs of branch 'main', suite 's'");
            assertThat(res.resolve(Side.parse("recent:2:branch=main"), Side.parse("latest"))[0].runIds())
                    .containsExactly("01J00000000000000000000M05", "01J00000000000000000000M04");

            // without a branch, recent is the candidate's own branch: it has no history
            assertThatThrownBy(() -> res.resolve(Side.parse("recent"), Side.parse("latest")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("baseline 'recent:20': no earlier run with the same branch, suite, environment and JMH settings");
            assertThatThrownBy(() -> res.resolve(Side.parse("recent:5:branch=release"), Side.parse("latest")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("baseline 'recent:5:branch=release': no earlier run of branch 'release' with the same suite,"
                            + " environment and JMH settings");

            ComparisonReport r = Comparison.run(db, Side.parse("recent:20:branch=main"), Side.parse("latest"),
                    ComparisonOptions.builder("p").threshold(0.05).build());
            assertThat(r.cases()).hasSize(1);
            assertThat(r.cases().get(0).basis().baselineRuns()).isEqualTo(6);
            assertThat(r.cases().get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
        }
    }

    @Test
    void theBranchIsKeptWholeAndBadSpecsAreOneLine() {
        Side s = Side.parse("recent:7:branch=release/1.x");
        assertThat(s.recentCount()).isEqualTo(7);
        assertThat(s.branch()).isEqualTo("release/1.x");
        assertThat(s.spec()).isEqualTo("recent:7:branch=release/1.x");
        Side both = Side.parse("recent:7:branch=main:same-machine");
        assertThat(both.sameMachine()).isTrue();
        assertThat(both.spec()).isEqualTo("recent:7:same-machine:branch=main");
        assertThat(Side.parse("recent:7").branch()).isEmpty();
        for (String bad : List.of("recent:7:", "recent:7:branch=", "recent:7:main")) {
            assertThatThrownBy(() -> Side.parse(bad)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("comparison side '" + bad + "': expected recent:N or recent:N:same-machine"
                            + " or recent:N:branch=NAME after the count, got '");
        }
        assertThatThrownBy(() -> Side.parse("recent:x:branch=main")).isInstanceOf(BadInputException.class)
                .hasMessage("comparison side 'recent:x:branch=main': expected recent:N with N a whole number >= 1");
    }
}
