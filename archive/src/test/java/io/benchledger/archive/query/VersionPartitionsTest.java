package io.benchledger.archive.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples queries read only the version partitions that hold the runs asked for
 * ({@link ArchiveDatabase#versionsOf}); what they return is what reading every partition returns,
 * for plain versions and for versions whose partition names are not read as written (then every
 * partition is read).
 */
class VersionPartitionsTest {
    @TempDir
    Path dir;

    @Test
    void readingOnlyTheRunsPartitionsGivesWhatReadingEveryPartitionGives() throws Exception {
        Archive archive = Archive.open(dir);
        List<String> ids = new ArrayList<>();
        String[] versions = {"1.0.0", "1.0.0", "2.0.0-rc+1", "3.0~beta@x", "ünï_1"};
        for (int i = 0; i < versions.length; i++) {
            String id = RunIds.next();
            ids.add(id);
            archive.commit(TestRuns.run(id, "p", versions[i], 3, 2, 4, 100.0 + 10 * i));
        }
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            assertThat(db.versionsOf(List.of(ids.get(0), ids.get(2)))).containsExactly("1.0.0", "2.0.0-rc+1");
            assertThat(db.versionsOf(List.of(ids.get(1)))).containsExactly("1.0.0");
            assertThat(db.versionsOf(List.of(ids.get(3)))).isNull();
            assertThat(db.versionsOf(List.of(ids.get(0), ids.get(4)))).isNull();
            assertThat(db.versionsOf(List.of(ids.get(0), "no-such-run"))).isNull();
            List<List<String>> selections = List.of(List.of(ids.get(0)), List.of(ids.get(0), ids.get(1), ids.get(2)),
                    List.of(ids.get(3)), List.of(ids.get(4), ids.get(1)), ids);
            for (String sql : List.of("compare_samples", "run_case_samples", "run_case_keys")) {
                for (List<String> selection : selections) {
                    List<String> pruned = rows(db, sql, selection, true);
                    assertThat(pruned).as(sql + " " + selection).isNotEmpty().isEqualTo(rows(db, sql, selection, false));
                }
            }
        }
    }

    /** The recommendations' queries of one run read only its partitions, and return what reading all returns. */
    @Test
    void oneRunsQueriesReadOnlyItsPartitions() throws Exception {
        Archive archive = Archive.open(dir);
        List<String> ids = new ArrayList<>();
        String[] versions = {"1.0.0", "1.1.0", "3.0~beta@x"};
        for (int i = 0; i < versions.length; i++) {
            String id = RunIds.next();
            ids.add(id);
            archive.commit(TestRuns.run(id, "p", versions[i], 3, 2, 4, 100.0 + 10 * i));
        }
        String awkward = RunIds.next();
        archive.commit(TestRuns.awkward(awkward));
        ids.add(awkward);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            for (String sql : List.of("run_case_results", "run_fork_scores")) {
                for (String id : ids) {
                    List<List<Object>> every;
                    try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load(sql))) {
                        ps.setString(1, id);
                        ps.setNull(2, Types.ARRAY);
                        try (ResultSet rs = ps.executeQuery()) {
                            every = ArchiveDatabase.read(rs).rows();
                        }
                    }
                    assertThat(db.queryOfRuns(sql, List.of(id), id).rows()).as(sql + " " + id).isNotEmpty().isEqualTo(every);
                }
            }
        }
    }

    /**
     * A nightly's history reads the samples of the candidate's cases only, and the keys of the others
     * from the results: the scoped rows are the unscoped rows of those cases, and the keys are the
     * unscoped rows' (case, metric) pairs in the order the rows first name them.
     */
    @Test
    void historyScopedToSomeCasesReadsWhatEveryCaseWouldGiveOfThem() throws Exception {
        Archive archive = Archive.open(dir);
        List<String> ids = new ArrayList<>();
        int[] cases = {2, 5, 3, 4};
        for (int i = 0; i < cases.length; i++) {
            String id = RunIds.next();
            ids.add(id);
            archive.commit(TestRuns.run(id, "p", i < 2 ? "1.0.0" : "1.1.0", cases[i], 2, 3, 100.0 + 10 * i));
        }
        String awkward = RunIds.next();
        archive.commit(TestRuns.awkward(awkward));
        ids.add(awkward);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            List<String> every = rows(db, "run_case_samples", ids, true);
            // run id | case key | metric | ...
            List<String> keys = every.stream().map(r -> r.split("\\|", 4)).map(f -> f[1] + "|" + f[2]).distinct().toList();
            assertThat(keys).hasSize(5 + 4);
            List<String> firstMet = rows(db, "run_case_keys", ids, true).stream()
                    .map(r -> r.split("\\|", 3)).map(f -> f[0] + "|" + f[1]).toList();
            assertThat(firstMet).isEqualTo(keys);
            List<String> caseKeys = every.stream().map(r -> r.split("\\|", 3)[1]).distinct().toList();
            for (List<String> some : List.of(caseKeys.subList(0, 1), caseKeys.subList(1, 4), List.of(caseKeys.get(7),
                    caseKeys.get(5)), List.of("no-such-case"), List.<String>of(), caseKeys)) {
                List<String> scoped = rows(db, "run_case_samples", ids, true, some);
                assertThat(scoped).as(some.toString())
                        .isEqualTo(every.stream().filter(r -> some.contains(r.split("\\|", 3)[1])).toList());
            }
        }
    }

    private static List<String> rows(ArchiveDatabase db, String sql, List<String> runIds, boolean pruned)
            throws Exception {
        return rows(db, sql, runIds, pruned, null);
    }

    /** The rows of a query, each as one string; {@code caseKeys} binds run_case_samples' third parameter. */
    private static List<String> rows(ArchiveDatabase db, String sql, List<String> runIds, boolean pruned,
                                     List<String> caseKeys) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load(sql))) {
            ps.setArray(1, db.connection().createArrayOf("VARCHAR", runIds.toArray()));
            if (pruned) {
                db.bindVersions(ps, 2, runIds);
            } else {
                ps.setNull(2, Types.ARRAY);
            }
            if (sql.equals("run_case_samples")) {
                if (caseKeys == null) {
                    ps.setNull(3, Types.ARRAY);
                } else {
                    ps.setArray(3, db.connection().createArrayOf("VARCHAR", caseKeys.toArray()));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 1; c <= n; c++) {
                        Object v = rs.getObject(c);
                        sb.append(v instanceof java.sql.Array a ? java.util.Arrays.deepToString((Object[]) a.getArray()) : v)
                                .append('|');
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }
}
