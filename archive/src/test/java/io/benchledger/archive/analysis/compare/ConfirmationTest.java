package io.benchledger.archive.analysis.compare;

import static io.benchledger.archive.analysis.compare.RecentSideTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.model.Run;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly's second look in a real archive: a single-fork run 60 % off its history is flagged; judged
 * together with a re-measurement that is back at the level it is not a change, with one that agrees it is.
 */
class ConfirmationTest {
    static final String RUN = "01J00000000000000000000N06";
    static final String BACK = "01J00000000000000000000C07";
    static final String AGAIN = "01J00000000000000000000C08";

    @TempDir
    Path dir;

    static RunRecord confirming(String id, int minutes, double level) {
        Run r = run(id, 6, "main", 1, level).run();
        return run(r.toBuilder().startedAt(r.startedAt().plusSeconds(60L * minutes))
                .finishedAt(r.startedAt().plusSeconds(60L * minutes + 30)).trigger(Run.TRIGGER_CONFIRM)
                .label("confirms", RUN).build(), 1, level);
    }

    @Test
    void aChangeStandsOnlyWhenItsReMeasurementAgrees() throws Exception {
        Archive archive = Archive.open(dir.resolve("a"));
        List<RunRecord> runs = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            runs.add(run("01J00000000000000000000N0" + d, d, "main", 1, 100));
        }
        runs.add(run(RUN, 6, "main", 1, 160)); // one fork, far off: a JIT accident or a slower commit?
        runs.add(confirming(BACK, 5, 100));
        runs.add(confirming(AGAIN, 10, 161));
        archive.commit(runs);
        ComparisonOptions o = ComparisonOptions.defaults("p").toBuilder().threshold(0.05).build();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            ComparisonReport alone = Comparison.run(db, Side.recent(20), new Side(Side.Kind.RUN, RUN), o);
            assertThat(alone.cases().get(0).verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(Confirmation.benchmarksToRemeasure(alone)).containsExactly("org.x.Work.op");
            assertThat(Confirmation.includePatterns(Confirmation.benchmarksToRemeasure(alone)))
                    .allSatisfy(p -> assertThat("org.x.Work.op").containsPattern(p))
                    .noneSatisfy(p -> assertThat("org.x.Work.opAsync").containsPattern(p));

            // back at the level: the two runs disagree, so the candidate's own uncertainty is wide
            ComparisonReport notConfirmed = Comparison.run(db, Side.recent(20), Confirmation.candidate(RUN, List.of(BACK)), o);
            assertThat(notConfirmed.candidate().runIds()).containsExactlyInAnyOrder(RUN, BACK);
            assertThat(notConfirmed.baseline().runIds()).hasSize(6).doesNotContain(BACK, AGAIN);
            assertThat(notConfirmed.cases().get(0).verdict()).isIn(Verdict.INCONCLUSIVE, Verdict.UNCHANGED);
            assertThat(notConfirmed.cases().get(0).candidateForks()).isEqualTo(2);

            ComparisonReport confirmed = Comparison.run(db, Side.recent(20), Confirmation.candidate(RUN, List.of(AGAIN)), o);
            assertThat(confirmed.cases().get(0).verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(confirmed.cases().get(0).change()).isBetween(0.55, 0.65);

            // a re-measurement is part of its night: not the latest run, not a previous one, not history
            SideResolver res = SideResolver.of(db, "p", "");
            assertThat(res.resolveOne(Side.parse("latest"), "candidate").runIds()).containsExactly(RUN);
            assertThat(res.resolve(Side.parse("previous"), Side.parse("latest"))[0].runIds())
                    .containsExactly("01J00000000000000000000N05");
            assertThat(db.query("recent_runs", "p", 1).rows().get(0).get(0)).isEqualTo(RUN);
            var rs = db.connection().createStatement().executeQuery("SELECT count(*) FROM history");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(7);
            assertThatThrownBy(() -> res.resolveOne(Side.parse("run:" + RUN + "+01J0000000000000000000XXXX"), "candidate"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("has the id 01J0000000000000000000XXXX");
        }
        assertThat(Side.parse("run:A+B").runIds()).containsExactly("A", "B");
        assertThat(Confirmation.candidate("A", List.of()).spec()).isEqualTo("run:A");
    }
}
