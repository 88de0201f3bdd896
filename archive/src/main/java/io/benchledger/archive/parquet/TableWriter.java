package io.benchledger.archive.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows of one table into one ZSTD-compressed Parquet file, with no Hadoop class loaded:
 * {@link LocalOutputFile}, {@link PlainParquetConfiguration} and our own codec factory.
 */
public final class TableWriter {
    private TableWriter() {
    }

    public static <T> void write(Path file, TableSchema<T> table, Iterable<T> rows, Map<String, String> footer)
            throws IOException {
        try (ParquetWriter<T> writer = new Builder<>(file, table, footer)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecFactory())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withDictionaryEncoding(true)
                // optional per-page size histograms no reader of ours uses; about 8 % of the write time
                .withSizeStatisticsEnabled(false)
                .build()) {
            for (T row : rows) {
                writer.write(row);
            }
        }
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final TableSchema<T> table;
        private final Map<String, String> footer;

        Builder(Path file, TableSchema<T> table, Map<String, String> footer) {
            super(new LocalOutputFile(file));
            this.table = table;
            this.footer = footer;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(table, footer);
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport<>(table, footer);
        }
    }

    private static final class RowWriteSupport<T> extends WriteSupport<T> {
        private final TableSchema<T> table;
        private final Map<String, String> footer;
        private RecordConsumer consumer;
        private TableSchema<T>.TextCache cache;

        RowWriteSupport(TableSchema<T> table, Map<String, String> footer) {
            this.table = table;
            this.footer = footer;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(table.messageType(), footer);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(table.messageType(), footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
            this.cache = table.newTextCache();
        }

        @Override
        public void write(T record) {
            table.write(record, consumer, cache);
        }
    }
}
