package io.benchledger.archive.parquet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * An archive table (runs, results or samples): its columns, its Parquet schema and how a row is
 * written. One definition serves the writer, the DuckDB DDL of empty views, and the docs.
 */
public final class TableSchema<T> {
    private final String name;
    private final List<Column<T>> columns;
    private final MessageType messageType;

    public TableSchema(String name, List<Column<T>> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column<T> c : columns) {
            b.addField(parquetType(c));
        }
        this.messageType = b.named(name);
    }

    public String name() {
        return name;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    public MessageType messageType() {
        return messageType;
    }

    /** {@code name TYPE, …} for a DuckDB {@code CREATE TABLE} of the same shape as the files. */
    public String sqlColumns() {
        StringJoiner j = new StringJoiner(", ");
        for (Column<T> c : columns) {
            j.add(c.name() + " " + c.type().sqlType());
        }
        return j.toString();
    }

    private static Type parquetType(Column<?> c) {
        Type.Repetition rep = c.optional() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (c.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(c.name());
            case STRING_MAP -> Types.map(rep)
                    .key(Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED)
                            .as(LogicalTypeAnnotation.stringType()).named("key"))
                    .value(Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.OPTIONAL)
                            .as(LogicalTypeAnnotation.stringType()).named("value"))
                    .named(c.name());
        };
    }

    /**
     * The last text written per column and its UTF-8 form. Sample rows repeat their run id, case key
     * and metric thousands of times in a row; encoding each once saves most of a write's CPU.
     * One per writer: a schema is shared, a writer is not.
     */
    final class TextCache {
        private final String[] text = new String[columns.size()];
        private final Binary[] binary = new Binary[columns.size()];

        Binary of(int column, String value) {
            if (value != text[column] && !value.equals(text[column])) {
                text[column] = value;
                binary[column] = Binary.fromString(value);
            }
            return binary[column];
        }
    }

    TextCache newTextCache() {
        return new TextCache();
    }

    /** Writes one row as a Parquet record. */
    void write(T row, RecordConsumer rc, TextCache cache) {
        rc.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            Object v = c.get().apply(row);
            if (v == null) {
                if (!c.optional()) {
                    throw new IllegalArgumentException("column " + name + "." + c.name() + " is required");
                }
                continue;
            }
            rc.startField(c.name(), i);
            switch (c.type()) {
                case STRING -> rc.addBinary(cache.of(i, (String) v));
                case INT -> rc.addInteger((Integer) v);
                case LONG -> rc.addLong((Long) v);
                case DOUBLE -> rc.addDouble((Double) v);
                case BOOLEAN -> rc.addBoolean((Boolean) v);
                case TIMESTAMP -> rc.addLong(micros((Instant) v));
                case STRING_MAP -> writeMap(rc, (Map<?, ?>) v);
            }
            rc.endField(c.name(), i);
        }
        rc.endMessage();
    }

    private static void writeMap(RecordConsumer rc, Map<?, ?> map) {
        rc.startGroup();
        if (!map.isEmpty()) {
            rc.startField("key_value", 0);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                rc.startGroup();
                rc.startField("key", 0);
                rc.addBinary(Binary.fromString(e.getKey().toString()));
                rc.endField("key", 0);
                if (e.getValue() != null) {
                    rc.startField("value", 1);
                    rc.addBinary(Binary.fromString(e.getValue().toString()));
                    rc.endField("value", 1);
                }
                rc.endGroup();
            }
            rc.endField("key_value", 0);
        }
        rc.endGroup();
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
