package io.benchledger.archive.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer cuts a table into row groups encoded in parallel; the file must read as if written in one go. */
class TableWriterTest {
    @TempDir
    Path dir;

    @Test
    void rowGroupsEncodedInParallelKeepTheRowsInOrder() throws Exception {
        int n = 2 * TableWriter.ROW_GROUP_ROWS + 54_240;
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // a new case every 500 rows, as a run's samples come; values all distinct
            samples.add(new Sample("run-a", "case" + i / 500, i % 7 == 0 ? "·gc.alloc.rate" : "primary",
                    i / 100 % 5, i % 100, i * 1.5 + 0.25, i % 3 + 1));
        }
        Path file = dir.resolve("samples.parquet");
        TableWriter.write(file, ArchiveTables.SAMPLES, samples, Map.of(Footers.TABLE, "samples"));

        ParquetJavaRead read = ParquetJavaRead.of(file);
        assertThat(read.footer().getBlocks()).extracting(BlockMetaData::getRowCount)
                .containsExactly((long) TableWriter.ROW_GROUP_ROWS, (long) TableWriter.ROW_GROUP_ROWS, 54_240L);
        assertThat(read.footer().getFileMetaData().getKeyValueMetaData()).containsEntry(Footers.TABLE, "samples");
        List<Group> rows = read.rows();
        assertThat(rows).hasSize(n);
        for (int i = 0; i < n; i++) {
            Group g = rows.get(i);
            Sample s = samples.get(i);
            assertThat(g.getString("run_id", 0)).isEqualTo(s.runId());
            assertThat(g.getString("case_key", 0)).isEqualTo(s.caseKey());
            assertThat(g.getString("metric", 0)).isEqualTo(s.metric());
            assertThat(g.getInteger("fork", 0)).isEqualTo(s.fork());
            assertThat(g.getInteger("iteration", 0)).isEqualTo(s.iteration());
            assertThat(g.getDouble("value", 0)).isEqualTo(s.value());
            assertThat(g.getLong("weight", 0)).isEqualTo(s.weight());
        }
    }

    @Test
    void noRowsMakeAValidFileWithNoRowGroups() throws Exception {
        Path file = dir.resolve("empty.parquet");
        TableWriter.write(file, ArchiveTables.SAMPLES, List.of(), Map.of());
        ParquetJavaRead read = ParquetJavaRead.of(file);
        assertThat(read.footer().getBlocks()).isEmpty();
        assertThat(read.footer().getFileMetaData().getSchema()).isEqualTo(ArchiveTables.SAMPLES.messageType());
        assertThat(read.rows()).isEmpty();
    }
}
