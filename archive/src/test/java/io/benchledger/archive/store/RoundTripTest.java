package io.benchledger.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.format.Table;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.model.Sample;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void valuesComeBackThroughDuckDbBitForBit() throws Exception {
        Archive archive = Archive.open(dir.resolve("archive"));
        RunRecord rec = TestRuns.awkward(RunIds.next());
        assertThat(archive.commit(rec).added()).containsExactly(rec.run().runId());

        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Table runs = db.run("SELECT run_id, project, version, host, jvm_args, labels, commit_time, started_at, variant, cpu_count FROM runs");
            assertThat(runs.rows()).hasSize(1);
            List<Object> r = runs.rows().get(0);
            assertThat(r.get(0)).isEqualTo(rec.run().runId());
            assertThat(r.get(1)).isEqualTo("proj");
            assertThat(r.get(2)).isEqualTo("1.0.0");
            assertThat(r.get(3)).isEqualTo("höst-ü");
            assertThat(r.get(4)).isEqualTo("-Xmx1g -Dx=\"y z\"");
            assertThat(r.get(5)).isEqualTo(Map.of("message", "fix: ümlaut 🚀", "empty", ""));
            assertThat(r.get(6)).isEqualTo("2026-03-03T00:00:00Z");
            assertThat(r.get(7)).isEqualTo("2026-03-04T05:06:07.000001Z");
            assertThat(r.get(8)).as("empty text is NULL").isNull();
            assertThat(r.get(9)).as("unknown cpu count is NULL").isNull();

            for (Result expected : rec.results()) {
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "SELECT score, score_error, ci_low, ci_high, p0, p50, p999, p100, params, benchmark, threads, failure, unit "
                                + "FROM results WHERE case_key = ? AND metric = ?")) {
                    ps.setString(1, expected.caseKey());
                    ps.setString(2, expected.metric());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).as(expected.caseKey()).isTrue();
                        assertThat(Double.doubleToRawLongBits(rs.getDouble(1))).isEqualTo(Double.doubleToRawLongBits(expected.score()));
                        assertThat(Double.doubleToRawLongBits(rs.getDouble(2))).isEqualTo(Double.doubleToRawLongBits(expected.scoreError()));
                        assertThat(Double.doubleToRawLongBits(rs.getDouble(3))).isEqualTo(Double.doubleToRawLongBits(expected.ciLow()));
                        assertThat(Double.doubleToRawLongBits(rs.getDouble(4))).isEqualTo(Double.doubleToRawLongBits(expected.ciHigh()));
                        if (expected.percentiles().isPresent()) {
                            assertThat(rs.getDouble(5)).isEqualTo(expected.percentiles().get().p0());
                            assertThat(rs.getDouble(6)).isEqualTo(expected.percentiles().get().p50());
                            assertThat(rs.getDouble(7)).isEqualTo(expected.percentiles().get().p999());
                            assertThat(rs.getDouble(8)).isEqualTo(expected.percentiles().get().p100());
                        } else {
                            rs.getDouble(5);
                            assertThat(rs.wasNull()).as("missing percentiles are NULL, not NaN").isTrue();
                        }
                        assertThat(rs.getObject(9)).isEqualTo(expected.params());
                        assertThat(rs.getString(10)).isEqualTo(expected.benchmark());
                        assertThat(rs.getInt(11)).isEqualTo(expected.threads());
                        assertThat(rs.getString(12)).isEqualTo(expected.failure().isEmpty() ? null : expected.failure());
                        assertThat(rs.getString(13)).isEqualTo(expected.unit());
                    }
                }
            }
            assertThat(rec.results().get(2).metric()).as("old JMH metric names are normalised").isEqualTo("gc.alloc.rate.norm");

            Table samples = db.run("SELECT case_key, metric, fork, iteration, value, weight FROM samples ORDER BY case_key, metric, fork, iteration, weight");
            assertThat(samples.rows()).hasSize(rec.samples().size());
            long weightSum = samples.rows().stream().mapToLong(row -> ((Number) row.get(5)).longValue()).sum();
            assertThat(weightSum).isEqualTo(rec.samples().stream().mapToLong(Sample::weight).sum());
            assertThat(samples.rows()).anySatisfy(row -> assertThat((Double) row.get(4)).isNaN());
            assertThat(samples.rows()).anySatisfy(row -> assertThat((Double) row.get(4)).isEqualTo(Double.MAX_VALUE));
        }
    }

    @Test
    void sameRunCommittedTwiceIsAddedOnce() throws Exception {
        Archive archive = Archive.open(dir.resolve("archive"));
        RunRecord rec = TestRuns.run("p", "1.0", 3, 2, 5);
        assertThat(archive.commit(rec).added()).hasSize(1);
        CommitOutcome again = archive.commit(rec);
        assertThat(again.addedNothing()).isTrue();
        assertThat(again.alreadyPresent()).containsExactly(rec.run().runId());
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            assertThat(db.run("SELECT count(*) FROM samples").rows().get(0).get(0)).isEqualTo(30L);
        }
    }

    @Test
    void emptyArchiveHasTypedEmptyViews() throws Exception {
        Archive archive = Archive.open(dir.resolve("archive"));
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            assertThat(db.run("SELECT count(*) FROM results WHERE score > 1 AND version = '1'").rows().get(0).get(0)).isEqualTo(0L);
        }
    }
}
