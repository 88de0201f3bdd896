package io.benchledger.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.format.Table;
import io.benchledger.archive.maintenance.ArchiveVerifier;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.testing.ChildJvm;
import io.benchledger.archive.testing.CommitLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, really killed: a child JVM commits (and compacts) in a loop and is killed with
 * SIGKILL at random moments. After each kill the archive must hold every run the child reported as
 * committed, each complete and counted once, and verify clean after the next open.
 */
class CrashSafetyTest {
    private static final int KILLS = 52;

    @TempDir
    Path dir;

    @Test
    void killedWritersNeverLoseOrHalfWriteARun() throws Exception {
        Path root = dir.resolve("archive");
        Archive.open(root);
        Random random = new Random(20261123);
        Set<String> reported = new HashSet<>();
        int killedInCompaction = 0;
        for (int i = 0; i < KILLS; i++) {
            boolean compact = i % 3 == 2;
            Path out = dir.resolve("child-" + i + ".out");
            Process p = ChildJvm.start(CommitLoop.class, out, root.toString(), compact ? "compact" : "commit", "0");
            // wait until the child has committed once (classes loaded, so it works at full speed), then
            // kill it somewhere in its loop; every fourth kill lands before its first commit is done
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String waitFor = i % 4 == 3 ? "ready" : "committed";
            while (!Files.readString(out).contains(waitFor) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(10);
            }
            Thread.sleep(random.nextInt(compact ? 600 : 300));
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(out);
            lines.stream().filter(l -> l.startsWith("committed ")).map(l -> l.substring(10)).forEach(reported::add);
            if (compact && !lines.isEmpty() && !lines.get(lines.size() - 1).equals("compacted")) {
                killedInCompaction++;
            }
            if (i % 13 == 12 || i == KILLS - 1) {
                check(root, reported);
            }
        }
        assertThat(reported).as("children got work done between kills").hasSizeGreaterThan(KILLS / 2);
        assertThat(killedInCompaction).as("some kills landed during compaction").isPositive();
    }

    private static void check(Path root, Set<String> reported) throws Exception {
        Archive archive = Archive.open(root); // recovery runs here
        assertThat(archive.snapshot().committedRuns()).as("no committed run is lost").containsAll(reported);
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Table perRun = db.run("SELECT r.run_id, (SELECT count(*) FROM results x WHERE x.run_id = r.run_id), "
                    + "(SELECT count(*) FROM samples s WHERE s.run_id = r.run_id) FROM runs r");
            assertThat(perRun.rows()).allSatisfy(row -> {
                assertThat(row.get(1)).as("results of " + row.get(0)).isEqualTo((long) CommitLoop.CASES);
                assertThat(row.get(2)).as("samples of " + row.get(0))
                        .isEqualTo((long) CommitLoop.CASES * CommitLoop.FORKS * CommitLoop.ITERATIONS);
            });
            Table dupes = db.run("SELECT count(*) - count(DISTINCT run_id) FROM runs");
            assertThat(dupes.rows().get(0).get(0)).isEqualTo(0L);
            Table orphans = db.run("SELECT count(*) FROM samples WHERE run_id NOT IN (SELECT run_id FROM runs)");
            assertThat(orphans.rows().get(0).get(0)).isEqualTo(0L);
        }
        ArchiveVerifier.Report report = ArchiveVerifier.verify(root);
        assertThat(report.findings()).filteredOn(ArchiveVerifier.Finding::problem).isEmpty();
        Path staging = root.resolve(ArchiveLayout.STAGING);
        List<Path> left;
        try (var s = Files.list(staging)) {
            left = s.toList();
        }
        if (!left.isEmpty()) {
            // a writer killed between making its folder and locking it, or between unlocking and removing
            // it, leaves a folder without a lock, which recovery leaves alone for 10 s in case its writer
            // is only starting; only such folders may be left, and the next recovery after that cleans them
            assertThat(left).allSatisfy(d -> assertThat(d.resolve(StagingArea.LOCK)).doesNotExist());
            Thread.sleep(10_500);
            Archive.open(root);
        }
        try (var s = Files.list(staging)) {
            assertThat(s.count()).as("staging cleaned").isZero();
        }
    }

    @Test
    void concurrentWritersAndACompactorEachRunExactlyOnce() throws Exception {
        Path root = dir.resolve("shared");
        Archive.open(root);
        int writers = 4;
        int runsEach = 12;
        Process[] ps = new Process[writers + 1];
        for (int w = 0; w < writers; w++) {
            ps[w] = ChildJvm.start(CommitLoop.class, dir.resolve("w" + w + ".out"), root.toString(), "commit", Integer.toString(runsEach));
        }
        ps[writers] = ChildJvm.start(CommitLoop.class, dir.resolve("compactor.out"), root.toString(), "compactor", "8");
        Set<String> reported = new HashSet<>();
        for (int w = 0; w <= writers; w++) {
            assertThat(ps[w].waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(ps[w].exitValue()).as("child " + w + ": " + Files.readString(dir.resolve((w == writers ? "compactor" : "w" + w) + ".out.err"))).isZero();
        }
        for (int w = 0; w < writers; w++) {
            Files.readAllLines(dir.resolve("w" + w + ".out")).stream().filter(l -> l.startsWith("committed "))
                    .map(l -> l.substring(10)).forEach(reported::add);
        }
        assertThat(reported).hasSize(writers * runsEach);
        try (ArchiveDatabase db = ArchiveDatabase.open(Archive.open(root))) {
            assertThat(db.run("SELECT count(*), count(DISTINCT run_id) FROM runs").rows().get(0))
                    .containsExactly((long) writers * runsEach, (long) writers * runsEach);
            assertThat(db.run("SELECT count(*) FROM samples").rows().get(0).get(0))
                    .isEqualTo((long) writers * runsEach * CommitLoop.CASES * CommitLoop.FORKS * CommitLoop.ITERATIONS);
        }
        assertThat(ArchiveVerifier.verify(root).ok()).isTrue();
    }
}
