package io.benchledger.archive.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ArchiveDatabase#second}: another connection to the same database, with its views and macros,
 * whose queries on another thread do not cut off a result the first connection is still streaming
 * (the site makes its comparisons that way beside the benchmark pages' history query).
 */
class SecondConnectionTest {
    @TempDir
    Path dir;

    @Test
    void aSecondConnectionQueriesOnAnotherThreadWhileTheFirstStreams() throws Exception {
        Archive archive = Archive.open(dir);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = RunIds.next();
            ids.add(id);
            archive.commit(TestRuns.run(id, "p", "1." + i + ".0", 40, 2, 4, 100.0 + 10 * i));
        }
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            long samples = count(db, "SELECT count(*) FROM samples");
            long results = count(db, "SELECT count(*) FROM results");
            assertThat(samples).isPositive();
            int streamed = 0;
            List<Long> besideCounts = new ArrayList<>();
            try (ArchiveDatabase second = db.second();
                 Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM samples")) {
                while (rs.next()) {
                    if (streamed++ % 97 == 0) {
                        // views, macros and the time zone are there on the second connection
                        Future<Long> f = beside.submit(() -> count(second,
                                "SELECT count(*) FROM fork_samples(" + list(ids) + ", NULL, NULL)")
                                + count(second, "SELECT count(*) FROM results WHERE current_setting('TimeZone') = 'UTC'"));
                        besideCounts.add(f.get());
                    }
                }
            }
            assertThat(streamed).isEqualTo(samples);
            long forks = count(db, "SELECT count(*) FROM fork_samples(" + list(ids) + ", NULL, NULL)");
            assertThat(besideCounts).isNotEmpty().allMatch(c -> c == forks + results);
            // closing the second connection leaves the first open
            assertThat(count(db, "SELECT count(*) FROM runs")).isEqualTo(3);
        } finally {
            beside.shutdownNow();
        }
    }

    private static long count(ArchiveDatabase db, String sql) throws Exception {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String list(List<String> ids) {
        return "[" + String.join(", ", ids.stream().map(id -> "'" + id + "'").toList()) + "]";
    }
}
