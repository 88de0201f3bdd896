package io.benchledger.archive.parquet;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One column of an archive table: its name, its type and how to take its value from a row.
 * A null value from {@code get} is written as SQL NULL (only for optional columns).
 *
 * <p>Required numbers can also be read unboxed, through {@code doubles} or {@code longs} (INT and
 * LONG): boxing a million sample values per commit was nearly all of the writer's garbage.
 */
public record Column<T>(String name, ColumnType type, boolean optional, Function<T, Object> get,
                        ToDoubleFunction<T> doubles, ToLongFunction<T> longs) {

    /** A column read as objects only. */
    public Column(String name, ColumnType type, boolean optional, Function<T, Object> get) {
        this(name, type, optional, get, null, null);
    }

    public static <T> Column<T> requiredDouble(String name, ToDoubleFunction<T> get) {
        return new Column<>(name, ColumnType.DOUBLE, false, get::applyAsDouble, get, null);
    }

    public static <T> Column<T> requiredInt(String name, ToIntFunction<T> get) {
        return new Column<>(name, ColumnType.INT, false, get::applyAsInt, null, get::applyAsInt);
    }

    public static <T> Column<T> requiredLong(String name, ToLongFunction<T> get) {
        return new Column<>(name, ColumnType.LONG, false, get::applyAsLong, null, get);
    }

    /** The column types the archive uses, with their Parquet and DuckDB spellings. */
    public enum ColumnType {
        STRING("VARCHAR"),
        INT("INTEGER"),
        LONG("BIGINT"),
        DOUBLE("DOUBLE"),
        BOOLEAN("BOOLEAN"),
        /** UTC instant, microsecond precision. */
        TIMESTAMP("TIMESTAMP WITH TIME ZONE"),
        /** A map of text to text. */
        STRING_MAP("MAP(VARCHAR, VARCHAR)");

        private final String sqlType;

        ColumnType(String sqlType) {
            this.sqlType = sqlType;
        }

        public String sqlType() {
            return sqlType;
        }
    }
}
