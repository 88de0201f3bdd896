package io.benchledger.collector.importer;

import io.benchledger.archive.format.Table;
import io.benchledger.archive.model.RunRecord;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.CommitOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helper: imports fixtures into a real archive and queries it through DuckDB. */
final class Imported implements AutoCloseable {
    final Archive archive;
    final List<String> warnings = new ArrayList<>();
    final List<SourceReader.Read> reads = new ArrayList<>();
    CommitOutcome outcome;
    private ArchiveDatabase db;

    Imported(Path archiveDir) throws IOException {
        this.archive = Archive.open(archiveDir);
    }

    static Path resource(String relative) {
        try {
            return Path.of(Imported.class.getResource("/external/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource external/" + relative, e);
        }
    }

    /** Imports the sources at these paths (files or folders) as the command does. */
    Imported importPaths(Optional<Instant> time, Path... paths) throws IOException {
        SourceReader reader = new SourceReader(Importers.all(), Optional.empty(),
                new SourceReader.Flags("", "", "", time, "test"), warnings::add);
        List<RunRecord> all = new ArrayList<>();
        for (Sources.Source s : Sources.expand(List.of(paths))) {
            reader.read(s).ifPresent(r -> {
                reads.add(r);
                all.addAll(r.runs());
            });
        }
        outcome = archive.commit(all);
        if (db != null) {
            db.close();
        }
        db = ArchiveDatabase.open(archive);
        return this;
    }

    Imported importPaths(Path... paths) throws IOException {
        return importPaths(Optional.of(Instant.parse("2024-01-02T03:04:05Z")), paths);
    }

    Table sql(String sql, Object... params) throws SQLException {
        return db.run(sql, params);
    }

    /** The single value of a one-row, one-column query. */
    Object one(String sql, Object... params) throws SQLException {
        Table t = sql(sql, params);
        if (t.rows().size() != 1 || t.columns().size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + t.rows());
        }
        return t.rows().get(0).get(0);
    }

    double number(String sql, Object... params) throws SQLException {
        return ((Number) one(sql, params)).doubleValue();
    }

    long count(String sql, Object... params) throws SQLException {
        return ((Number) one(sql, params)).longValue();
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
