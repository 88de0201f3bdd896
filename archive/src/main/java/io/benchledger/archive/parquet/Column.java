package io.benchledger.archive.parquet;

import java.util.function.Function;

/**
 * One column of an archive table: its name, its type and how to take its value from a row.
 * A null value from {@code get} is written as SQL NULL (only for optional columns).
 */
public record Column<T>(String name, ColumnType type, boolean optional, Function<T, Object> get) {

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
