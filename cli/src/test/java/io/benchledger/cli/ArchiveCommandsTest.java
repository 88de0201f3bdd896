package io.benchledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.testing.ArchiveFiles;
import io.benchledger.archive.testing.TestRuns;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCommandsTest {
    @TempDir
    Path dir;

    private Path archiveWithRuns() throws Exception {
        Path root = dir.resolve("archive");
        Archive a = Archive.open(root);
        a.commit(TestRuns.run("p", "1.0", 3, 2, 5));
        a.commit(TestRuns.run("p", "1.0", 3, 2, 5));
        a.commit(TestRuns.run("p", "2.0", 3, 2, 5));
        return root;
    }

    @Test
    void infoCountsPerProjectAndVersion() throws Exception {
        Path root = archiveWithRuns();
        CliRun r = CliRun.of("archive", "info", "--archive", root.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("version").asText()).isEqualTo("1.0");
        assertThat(rows.get(0).get("runs").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("cases").asLong()).isEqualTo(3);
        assertThat(rows.get(0).get("samples").asLong()).isEqualTo(60);
        assertThat(rows.get(0).get("files").asLong()).isEqualTo(6);
        assertThat(rows.get(0).get("bytes").asLong()).isPositive();
        assertThat(rows.get(1).get("samples").asLong()).isEqualTo(30);
    }

    @Test
    void sqlPrintsTablesCsvAndJson() throws Exception {
        Path root = archiveWithRuns();
        String q = "SELECT version, count(*) AS n, round(avg(value), 3) AS mean FROM samples GROUP BY version ORDER BY version";
        CliRun table = CliRun.of("sql", "--archive", root.toString(), q);
        assertThat(table.exit()).as(table.err()).isZero();
        // mean = 100 + mean(case 0..2) + mean(fork 0..1) × 0.1 + mean(iteration 0..4) × 0.01 = 101.07
        assertThat(table.out()).contains("1.0      60  101.07\n2.0      30  101.07\n(2 rows)");
        CliRun csv = CliRun.of("sql", "--archive", root.toString(), "--format", "csv", q);
        assertThat(csv.out()).isEqualTo("version,n,mean\r\n1.0,60,101.07\r\n2.0,30,101.07\r\n");
        CliRun bad = CliRun.of("sql", "--archive", root.toString(), "SELEC nonsense");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("benchledger: SQL error:").doesNotContain("\n");
    }

    @Test
    void compactThenVerifyIsClean() throws Exception {
        Path root = archiveWithRuns();
        CliRun c = CliRun.of("archive", "compact", "--archive", root.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("samples project=p version=1.0: 2 files -> 1");
        CliRun v = CliRun.of("archive", "verify", "--archive", root.toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out()).contains(": ok (3 runs, 6 files)");
    }

    @Test
    void aTruncatedFileIsOneLineExitTwoAndChangesNothing() throws Exception {
        Path root = archiveWithRuns();
        Path victim;
        try (var s = Files.walk(root.resolve("samples"))) {
            victim = s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.setLength(f.length() - 20);
        }
        String before = ArchiveFiles.listing(root);
        CliRun v = CliRun.of("archive", "verify", "--archive", root.toString());
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err()).contains("benchledger: " + victim + ": ");
        CliRun q = CliRun.of("sql", "--archive", root.toString(), "SELECT count(*) FROM samples");
        assertThat(q.exit()).isEqualTo(2);
        assertThat(q.err().strip()).startsWith("benchledger: " + victim + ": damaged Parquet file").doesNotContain("\n");
        assertThat(ArchiveFiles.listing(root)).isEqualTo(before);
    }

    @Test
    void mergeIntoANewArchiveThenAgainAddsNothing() throws Exception {
        Path root = archiveWithRuns();
        Path into = dir.resolve("merged");
        CliRun first = CliRun.of("archive", "merge", root.toString(), "--into", into.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 runs added, 0 already present");
        CliRun again = CliRun.of("archive", "merge", root.toString(), "--into", into.toString());
        assertThat(again.out()).contains("0 runs added, 3 already present");
    }

    @Test
    void readingAMissingArchiveIsBadInputAndCreatesNothing() {
        Path missing = dir.resolve("nope");
        CliRun r = CliRun.of("archive", "info", "--archive", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("benchledger: " + missing + ": not a benchledger archive");
        assertThat(missing).doesNotExist();
    }

    @Test
    void badPartitionValuesAreOneLineExitTwoAndChangeNothing() throws Exception {
        Path root = archiveWithRuns();
        Path source = dir.resolve("gbench.json");
        try (var in = getClass().getResourceAsStream(
                "/external/google-benchmark/conbench__conbench/arrow-tensor-conversion-benchmark.extracted.json")) {
            Files.copy(in, source);
        }
        String before = ArchiveFiles.listing(root);
        for (String[] bad : new String[][] {{"--project-version", "../../etc"}, {"--project-version", "1.0/evil"},
                {"--project", "a\u0001b"}, {"--project", ".."}}) {
            CliRun r = CliRun.of("import", "--archive", root.toString(), bad[0], bad[1],
                    source.toString());
            assertThat(r.exit()).as(String.join(" ", bad) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(bad[1]).startsWith("benchledger: ").doesNotContain("\n")
                    .containsAnyOf("must not contain '..'", "path separator", "control character");
        }
        assertThat(ArchiveFiles.listing(root)).isEqualTo(before);
    }

    @Test
    void unknownOptionIsUsageErrorExitTwo() {
        CliRun r = CliRun.of("archive", "info", "--nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--nope'");
    }
}
