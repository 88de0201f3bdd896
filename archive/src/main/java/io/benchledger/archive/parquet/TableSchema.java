package io.benchledger.archive.parquet;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * An archive table (runs, results or samples): its columns and its Parquet schema. One definition
 * serves the writer, the DuckDB DDL of empty views, and the docs.
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
}
