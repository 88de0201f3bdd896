package io.benchledger.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.format.Table;
import io.benchledger.archive.maintenance.ArchiveVerifier;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.testing.ArchiveFiles;
import io.benchledger.archive.testing.TestRuns;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactMergeVerifyTest {
    @TempDir
    Path dir;

    private static String counts(Archive a) throws Exception {
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            Table t = db.run("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM results), "
                    + "(SELECT count(*) FROM samples), "
                    + "(SELECT bit_xor(hash(run_id, case_key, metric, fork, iteration, value, weight)) FROM samples)");
            return t.rows().get(0).toString();
        }
    }

    @Test
    void compactionKeepsEveryRowAndLeavesOneFilePerPartition() throws Exception {
        Archive a = Archive.open(dir.resolve("a"));
        for (int i = 0; i < 5; i++) {
            a.commit(TestRuns.run("p", "1.0", 3, 2, 4));
        }
        a.commit(TestRuns.run("p", "2.0", 3, 2, 4));
        String before = counts(a);
        assertThat(before).startsWith("[6, 18, 144");

        List<Compactor.Merge> merges = Compactor.compact(a, 2);
        assertThat(merges).hasSize(3).allSatisfy(m -> assertThat(m.version()).isEqualTo("1.0"));
        assertThat(counts(a)).isEqualTo(before);
        assertThat(a.snapshot().files("samples")).hasSize(2);
        assertThat(ArchiveVerifier.verify(a.root()).ok()).isTrue();

        // a second compaction after more commits folds the combined file in again
        a.commit(TestRuns.run("p", "1.0", 3, 2, 4));
        Compactor.compact(a, 2);
        assertThat(counts(a)).startsWith("[7, 21, 168");
        assertThat(a.snapshot().files("runs")).hasSize(2);
    }

    @Test
    void commitsKeepTheNumberOfSmallFilesBounded() throws Exception {
        Archive a = Archive.open(dir.resolve("a"));
        for (int i = 0; i < Compactor.SMALL_FILES_LIMIT + 3; i++) {
            a.commit(TestRuns.run("p", "1.0", 1, 1, 2));
        }
        // the 32nd commit folded 32 single-run files into one; three more came after
        assertThat(a.snapshot().files("samples")).hasSize(4);
        assertThat(counts(a)).startsWith("[35, 35, 70");
        Archive raw = Archive.open(dir.resolve("b")).withCompactionPolicy(false);
        for (int i = 0; i < Compactor.SMALL_FILES_LIMIT + 3; i++) {
            raw.commit(TestRuns.run("p", "1.0", 1, 1, 2));
        }
        assertThat(raw.snapshot().files("samples")).hasSize(35);
    }

    @Test
    void aLeftoverCopyFromAnInterruptedCompactionIsNeverCountedTwice() throws Exception {
        Archive a = Archive.open(dir.resolve("a"));
        List<Path> originals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunRecord r = TestRuns.run("p", "1.0", 2, 1, 3);
            a.commit(r);
            originals.add(a.layout().partition("samples", "p", "1.0").resolve(r.run().runId() + ".parquet"));
        }
        String before = counts(a);
        // simulate a crash after the combined file was renamed in but before the old files were deleted
        Path keep = dir.resolve("keep");
        Files.createDirectories(keep);
        for (Path p : originals) {
            Files.copy(p, keep.resolve(p.getFileName()));
        }
        Compactor.compact(a, 2);
        for (Path p : originals) {
            Files.copy(keep.resolve(p.getFileName()), p);
        }
        try (ArchiveDatabase db = ArchiveDatabase.open(a)) {
            assertThat(db.run("SELECT count(*) FROM samples").rows().get(0).get(0)).isEqualTo(18L);
        }
        Archive reopened = Archive.open(a.root());
        assertThat(originals).noneMatch(Files::exists);
        assertThat(counts(reopened)).isEqualTo(before);
    }

    @Test
    void mergeCopiesFilesAndIsIdempotent() throws Exception {
        Archive h1 = Archive.open(dir.resolve("host1"));
        Archive h2 = Archive.open(dir.resolve("host2"));
        h1.commit(TestRuns.run("p", "1.0", 2, 2, 3));
        h1.commit(TestRuns.run("p", "1.0", 2, 2, 3));
        h2.commit(TestRuns.run("p", "1.0", 2, 2, 3));
        h2.commit(TestRuns.run("q", "0.1", 2, 2, 3));
        Compactor.compact(h1, 2);
        Path into = dir.resolve("all");

        List<ArchiveMerger.MergeReport> first = ArchiveMerger.merge(List.of(h1.root(), h2.root()), into);
        assertThat(first).extracting(ArchiveMerger.MergeReport::runsAdded).containsExactly(2, 2);
        Archive all = Archive.open(into);
        assertThat(counts(all)).startsWith("[4, 8, 48");

        List<ArchiveMerger.MergeReport> again = ArchiveMerger.merge(List.of(h1.root(), h2.root()), into);
        assertThat(again).extracting(ArchiveMerger.MergeReport::runsAdded).containsExactly(0, 0);
        assertThat(counts(Archive.open(into))).startsWith("[4, 8, 48");

        // a source whose combined file overlaps the target in part: only the missing run is added
        h1.commit(TestRuns.run("p", "1.0", 2, 2, 3));
        Compactor.compact(h1, 2);
        assertThat(ArchiveMerger.merge(List.of(h1.root()), into).get(0).runsAdded()).isEqualTo(1);
        assertThat(counts(Archive.open(into))).startsWith("[5, 10, 60");
        assertThat(ArchiveVerifier.verify(into).ok()).isTrue();
    }

    @Test
    void mergeRefusesAnUnknownSchemaVersionBeforeWriting() throws Exception {
        Archive good = Archive.open(dir.resolve("good"));
        good.commit(TestRuns.run("p", "1.0", 1, 1, 1));
        Path future = dir.resolve("future");
        Files.createDirectories(future);
        Files.writeString(future.resolve("archive.json"), "{\"format\":\"benchledger-archive\",\"schema_version\":99}");
        Path into = dir.resolve("into");
        assertThatThrownBy(() -> ArchiveMerger.merge(List.of(good.root(), future), into))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("archive.json: schema_version 99 is not supported");
        assertThat(into).doesNotExist();
    }

    @Test
    void verifyNamesATruncatedAndACorruptedFile() throws Exception {
        Archive a = Archive.open(dir.resolve("a"));
        RunRecord r1 = TestRuns.run("p", "1.0", 3, 2, 50);
        RunRecord r2 = TestRuns.run("p", "1.0", 3, 2, 50);
        a.commit(r1);
        a.commit(r2);
        assertThat(ArchiveVerifier.verify(a.root()).ok()).isTrue();

        Path truncated = a.layout().partition("samples", "p", "1.0").resolve(r1.run().runId() + ".parquet");
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Path flipped = a.layout().partition("results", "p", "1.0").resolve(r2.run().runId() + ".parquet");
        byte[] bytes = Files.readAllBytes(flipped);
        for (int i = 4; i < bytes.length / 2; i++) {
            bytes[i] ^= (byte) 0x5A;
        }
        Files.write(flipped, bytes);
        String listing = ArchiveFiles.listing(a.root());

        ArchiveVerifier.Report report = ArchiveVerifier.verify(a.root());
        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).filteredOn(ArchiveVerifier.Finding::problem)
                .extracting(ArchiveVerifier.Finding::where)
                .contains(truncated.toString(), flipped.toString());
        assertThat(ArchiveFiles.listing(a.root())).as("verify changes nothing").isEqualTo(listing);

        assertThatThrownBy(() -> ArchiveDatabase.open(a).close())
                .isInstanceOf(BadInputException.class)
                .hasMessageMatching("^/.*\\.parquet: damaged Parquet file .*");
    }

    @Test
    void badPartitionValuesAreRefusedAndNothingIsWritten() throws Exception {
        Archive a = Archive.open(dir.resolve("a"));
        String before = ArchiveFiles.listing(a.root());
        for (String bad : new String[] {"../x", "a/b", "a\\b", "", "..", "v\u0000", "line\nbreak", ".hidden", "a b"}) {
            RunRecord good = TestRuns.run("p", "1.0", 1, 1, 1);
            RunRecord r = new RunRecord(good.run().toBuilder().version(bad).build(), good.results(), good.samples());
            assertThatThrownBy(() -> a.commit(List.of(good, r)))
                    .as(bad).isInstanceOf(BadInputException.class).hasMessageStartingWith("version");
        }
        assertThat(ArchiveFiles.listing(a.root())).isEqualTo(before);
        assertThatThrownBy(() -> PartitionValues.check("project", "a/b"))
                .hasMessage("project 'a/b' contains a path separator '/' (allowed: letters, digits and . - _ + ~ @)");
        assertThat(PartitionValues.check("version", "1.5.0-rc.1+build~2")).isEqualTo("1.5.0-rc.1+build~2");
        assertThat(PartitionValues.check("project", "Grüße")).isEqualTo("Grüße");
    }
}
