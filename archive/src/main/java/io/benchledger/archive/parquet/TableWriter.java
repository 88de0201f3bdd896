package io.benchledger.archive.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes rows of one table into one ZSTD-compressed Parquet file, with no Hadoop class loaded:
 * {@link LocalOutputFile} and our own codec factory.
 *
 * <p>The rows are cut into row groups that are encoded and compressed in parallel, then appended
 * to the file in order. A run's samples stay in one file (the snapshot rule needs that) while the
 * write uses every core.
 */
public final class TableWriter {
    /**
     * Rows per row group: DuckDB's own row-group size. Row groups are DuckDB's unit of parallel scan
     * and min/max skipping; a nightly run's million samples makes nine of them.
     */
    static final int ROW_GROUP_ROWS = 122_880;

    private static final ParquetProperties PROPERTIES = ParquetProperties.builder()
            .withDictionaryEncoding(true)
            .withValuesWriterFactory(new RepeatAwareValuesWriterFactory())
            // measured values rarely repeat: the dictionary would be tried on each row group's first
            // page and then dropped
            .withDictionaryEncoding("value", false)
            // optional per-page size histograms no reader of ours uses; about 8 % of the write time
            .withSizeStatisticsEnabled(false)
            .build();

    private static final BytesInputCompressor COMPRESSOR = new ZstdCodecFactory().getCompressor(CompressionCodecName.ZSTD);

    private TableWriter() {
    }

    public static <T> void write(Path file, TableSchema<T> table, List<T> rows, Map<String, String> footer)
            throws IOException {
        int groups = (rows.size() + ROW_GROUP_ROWS - 1) / ROW_GROUP_ROWS;
        // encoding is CPU only; the common pool plus this thread use every core
        List<RowGroupEncoder<T>> encoded = IntStream.range(0, groups).parallel()
                .mapToObj(g -> new RowGroupEncoder<>(table, PROPERTIES, COMPRESSOR, g)
                        .encode(rows.subList(g * ROW_GROUP_ROWS, Math.min(rows.size(), (g + 1) * ROW_GROUP_ROWS))))
                .toList();
        try (ParquetFileWriter out = new ParquetFileWriter(new LocalOutputFile(file), table.messageType(),
                ParquetFileWriter.Mode.CREATE, ParquetWriter.DEFAULT_BLOCK_SIZE, 0, null, PROPERTIES)) {
            out.start();
            for (RowGroupEncoder<T> g : encoded) {
                g.appendTo(out);
            }
            out.end(footer);
        }
    }
}
