package io.benchledger.archive.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.RunIds;
import io.benchledger.archive.testing.TestRuns;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads archive files with parquet-java's own reader: the files stand without benchledger or DuckDB. */
class IndependentReaderTest {
    @TempDir
    Path dir;

    @Test
    void parquetJavaReadsWhatWeWrote() throws Exception {
        Archive archive = Archive.open(dir.resolve("a"));
        RunRecord rec = TestRuns.awkward(RunIds.next());
        archive.commit(rec);
        Path results = archive.layout().partition("results", "proj", "1.0.0").resolve(rec.run().runId() + ".parquet");

        ParquetJavaRead read = ParquetJavaRead.of(results);
        assertThat(read.footer().getFileMetaData().getKeyValueMetaData())
                .containsEntry(Footers.SCHEMA_VERSION, "1")
                .containsEntry(Footers.TABLE, "results")
                .containsEntry(Footers.RUN_IDS, rec.run().runId());
        assertThat(read.footer().getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.ZSTD);
        List<Group> rows = read.rows();
        assertThat(rows).hasSize(rec.results().size());
        for (int i = 0; i < rows.size(); i++) {
            Group g = rows.get(i);
            Result expected = rec.results().get(i);
            assertThat(g.getString("case_key", 0)).isEqualTo(expected.caseKey());
            assertThat(g.getString("benchmark", 0)).isEqualTo(expected.benchmark());
            assertThat(Double.doubleToRawLongBits(g.getDouble("score", 0))).isEqualTo(Double.doubleToRawLongBits(expected.score()));
            assertThat(g.getFieldRepetitionCount("p50")).isEqualTo(expected.percentiles().isPresent() ? 1 : 0);
            Group params = g.getGroup("params", 0);
            int n = params.getFieldRepetitionCount("key_value");
            assertThat(n).isEqualTo(expected.params().size());
            for (int k = 0; k < n; k++) {
                Group kv = params.getGroup("key_value", k);
                assertThat(expected.params()).containsEntry(kv.getString("key", 0), kv.getString("value", 0));
            }
        }
    }
}
