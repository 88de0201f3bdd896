package io.benchledger.archive.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;

/**
 * Reads a Parquet file's footer key-value metadata. It decodes the Thrift footer directly:
 * parquet-java's file reader options load Hadoop classes, and Hadoop stays off the class path.
 */
public final class Footers {
    public static final String SCHEMA_VERSION = "benchledger.schema_version";
    public static final String TABLE = "benchledger.table";
    public static final String RUN_IDS = "benchledger.run_ids";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private Footers() {
    }

    /** The footer's metadata; an IOException names what is wrong when the file is not Parquet. */
    public static FileMetaData read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 12) {
                throw new IOException("too small to be a Parquet file (" + size + " bytes)");
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - 8);
            tail.flip();
            int footerLength = tail.getInt();
            byte[] magic = new byte[4];
            tail.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("no Parquet magic at the end (truncated or not Parquet)");
            }
            if (footerLength <= 0 || footerLength > size - 12) {
                throw new IOException("footer length " + footerLength + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer footer = ByteBuffer.allocate(footerLength);
            ch.read(footer, size - 8 - footerLength);
            return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
        }
    }

    public static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        FileMetaData md = read(file);
        if (md.getKey_value_metadata() != null) {
            for (KeyValue kv : md.getKey_value_metadata()) {
                out.put(kv.getKey(), kv.getValue());
            }
        }
        return out;
    }
}
