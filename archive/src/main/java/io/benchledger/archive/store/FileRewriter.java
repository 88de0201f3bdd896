package io.benchledger.archive.store;

import io.benchledger.archive.parquet.ArchiveTables;
import io.benchledger.archive.parquet.Footers;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes one combined Parquet file from several (compaction) or a subset of one (a partial merge),
 * letting DuckDB do the data work. The output keeps the archive's footer metadata, so it is a
 * first-class archive file.
 */
final class FileRewriter implements AutoCloseable {
    private final Connection connection;

    FileRewriter() throws IOException {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the rows of {@code sources} whose run is in {@code runIds} into {@code target}, sorted
     * so that one case's rows sit together (better compression, faster case queries).
     */
    void write(String table, List<Path> sources, Collection<String> runIds, Path target) throws IOException {
        StringJoiner files = new StringJoiner(", ", "[", "]");
        sources.forEach(p -> files.add(literal(p.toString())));
        StringJoiner ids = new StringJoiner(", ", "[", "]");
        runIds.forEach(id -> ids.add(literal(id)));
        String order = switch (table) {
            case "runs" -> "started_at, run_id";
            case "results" -> "run_id, case_key, metric";
            default -> "run_id, case_key, metric, fork, iteration";
        };
        // hive_partitioning = false: the partition lives in the folder name, never in the file
        String sql = "COPY (SELECT * FROM read_parquet(" + files + ", hive_partitioning = false, union_by_name = true)"
                + " WHERE list_contains(" + ids + ", run_id) ORDER BY " + order + ") TO " + literal(target.toString())
                + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA {"
                + "\"" + Footers.SCHEMA_VERSION + "\": " + literal(Integer.toString(ArchiveTables.SCHEMA_VERSION)) + ", "
                + "\"" + Footers.TABLE + "\": " + literal(table) + ", "
                + "\"" + Footers.RUN_IDS + "\": " + literal(String.join(",", runIds)) + "})";
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IOException("cannot rewrite " + sources.size() + " " + table + " file(s) into " + target + ": "
                    + e.getMessage().replaceAll("\\s+", " "), e);
        }
        Archive.force(target);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // in-memory database: nothing to lose
        }
    }
}
