package io.benchledger.archive.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

/** Reads a Parquet file's footer (schema, row groups, key-value metadata) without Hadoop. */
public final class Footers {
    public static final String SCHEMA_VERSION = "benchledger.schema_version";
    public static final String TABLE = "benchledger.table";
    public static final String RUN_IDS = "benchledger.run_ids";

    private Footers() {
    }

    public static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecFactory())
                .build();
    }

    public static ParquetMetadata read(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
            return reader.getFooter();
        }
    }

    public static Map<String, String> keyValues(Path file) throws IOException {
        return read(file).getFileMetaData().getKeyValueMetaData();
    }
}
