package io.benchledger.archive.parquet;

import io.benchledger.archive.parquet.Column.ColumnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Encodes one row group of a table into compressed pages held in memory, ready to be appended to a
 * file. Row groups are independent, so {@link TableWriter} encodes several at once.
 *
 * <p>Values go straight to the column writers with their repetition and definition levels, not
 * through a {@code RecordConsumer}: the archive's schemas are flat but for string maps, and the
 * record layer's per-field bookkeeping is work these schemas do not need.
 */
final class RowGroupEncoder<T> {
    private final TableSchema<T> table;
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore store;
    /** The leaf writers of column i: one, or key and value for a map. */
    private final ColumnWriter[][] writers;
    /** The definition level of a present value in column i (1 when optional, else 0). */
    private final int[] presentLevel;
    /** The last text per column and its UTF-8 form: sample rows repeat run id, case and metric. */
    private final String[] lastText;
    private final Binary[] lastBinary;
    private long rowCount;

    RowGroupEncoder(TableSchema<T> table, ParquetProperties props, BytesInputCompressor compressor, int ordinal) {
        this.table = table;
        MessageType schema = table.messageType();
        this.pages = new ColumnChunkPageWriteStore(compressor, schema, props.getAllocator(),
                props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null, ordinal);
        this.store = props.newColumnWriteStore(schema, pages, pages);
        List<Column<T>> columns = table.columns();
        this.writers = new ColumnWriter[columns.size()][];
        this.presentLevel = new int[columns.size()];
        this.lastText = new String[columns.size()];
        this.lastBinary = new Binary[columns.size()];
        List<ColumnDescriptor> leaves = schema.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            presentLevel[i] = c.optional() ? 1 : 0;
            writers[i] = leaves.stream()
                    .filter(d -> d.getPath()[0].equals(c.name()))
                    .map(store::getColumnWriter)
                    .toArray(ColumnWriter[]::new);
            checkLeaves(c, writers[i].length);
        }
    }

    private static void checkLeaves(Column<?> c, int leaves) {
        int expected = c.type() == ColumnType.STRING_MAP ? 2 : 1;
        if (leaves != expected) {
            throw new IllegalStateException("column " + c.name() + " has " + leaves + " Parquet leaves, expected " + expected);
        }
    }

    /** Encodes all of {@code rows}; afterwards every page is compressed and buffered. */
    RowGroupEncoder<T> encode(List<T> rows) {
        List<Column<T>> columns = table.columns();
        for (T row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                writeValue(i, columns.get(i), row);
            }
            store.endRecord();
        }
        rowCount += rows.size();
        store.flush();
        return this;
    }

    private void writeValue(int i, Column<T> c, T row) {
        ColumnWriter w = writers[i][0];
        if (c.doubles() != null) {
            w.write(c.doubles().applyAsDouble(row), 0, 0);
            return;
        }
        if (c.longs() != null) {
            long n = c.longs().applyAsLong(row);
            if (c.type() == ColumnType.INT) {
                w.write((int) n, 0, 0);
            } else {
                w.write(n, 0, 0);
            }
            return;
        }
        Object v = c.get().apply(row);
        if (v == null) {
            if (!c.optional()) {
                throw new IllegalArgumentException("column " + table.name() + "." + c.name() + " is required");
            }
            for (ColumnWriter leaf : writers[i]) {
                leaf.writeNull(0, 0);
            }
            return;
        }
        int d = presentLevel[i];
        switch (c.type()) {
            case STRING -> w.write(text(i, (String) v), 0, d);
            case INT -> w.write((int) (Integer) v, 0, d);
            case LONG -> w.write((long) (Long) v, 0, d);
            case DOUBLE -> w.write((double) (Double) v, 0, d);
            case BOOLEAN -> w.write((boolean) (Boolean) v, 0, d);
            case TIMESTAMP -> w.write(micros((Instant) v), 0, d);
            case STRING_MAP -> writeMap(writers[i][0], writers[i][1], d, (Map<?, ?>) v);
        }
    }

    /**
     * A map is a repeated group of (required key, optional value). Levels, for a map present at
     * definition level {@code d}: an empty map is null at {@code d} in both leaves; an entry has key
     * at {@code d + 1}, value at {@code d + 2} (or null at {@code d + 1}); the first entry repeats
     * at level 0 (a new row), the next ones at level 1 (same map).
     */
    private static void writeMap(ColumnWriter key, ColumnWriter value, int d, Map<?, ?> map) {
        if (map.isEmpty()) {
            key.writeNull(0, d);
            value.writeNull(0, d);
            return;
        }
        int r = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            key.write(utf8(e.getKey().toString()), r, d + 1);
            if (e.getValue() == null) {
                value.writeNull(r, d + 1);
            } else {
                value.write(utf8(e.getValue().toString()), r, d + 2);
            }
            r = 1;
        }
    }

    /** The text's binary, reused while the column repeats it (see {@link RepeatAwareValuesWriterFactory}). */
    private Binary text(int column, String value) {
        if (value != lastText[column] && !value.equals(lastText[column])) {
            lastText[column] = value;
            lastBinary[column] = utf8(value);
        }
        return lastBinary[column];
    }

    /**
     * Byte-array-backed, not {@code Binary.fromString}'s buffer-backed form: parquet-java's
     * statistics and dictionary compare array-backed values several times faster.
     */
    private static Binary utf8(String value) {
        return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    long rowCount() {
        return rowCount;
    }

    /** Appends the encoded row group to {@code file}, then frees the buffers. */
    void appendTo(ParquetFileWriter file) throws IOException {
        try {
            file.startBlock(rowCount);
            pages.flushToFileWriter(file);
            file.endBlock();
        } finally {
            release();
        }
    }

    void release() {
        store.close();
        pages.close();
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
