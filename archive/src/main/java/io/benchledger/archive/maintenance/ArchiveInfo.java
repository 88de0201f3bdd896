package io.benchledger.archive.maintenance;

import io.benchledger.archive.format.Table;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.DataFile;
import io.benchledger.archive.store.Snapshot;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts (from DuckDB) and file sizes (from the snapshot) per project and version. */
public final class ArchiveInfo {
    private ArchiveInfo() {
    }

    public static Table of(Archive archive) throws IOException, SQLException {
        try (ArchiveDatabase db = ArchiveDatabase.open(archive)) {
            Table counts = db.query("archive_info");
            Snapshot snap = db.snapshot();
            Map<List<String>, long[]> files = new HashMap<>();
            for (String table : new String[] {"runs", "results", "samples"}) {
                for (DataFile f : snap.files(table)) {
                    long[] fb = files.computeIfAbsent(List.of(f.project(), f.version()), k -> new long[2]);
                    fb[0]++;
                    fb[1] += f.bytes();
                }
            }
            List<String> cols = new ArrayList<>(counts.columns());
            cols.add(6, "files");
            cols.add(7, "bytes");
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : counts.rows()) {
                long[] fb = files.getOrDefault(List.of((String) row.get(0), (String) row.get(1)), new long[2]);
                List<Object> r = new ArrayList<>(row);
                r.add(6, fb[0]);
                r.add(7, fb[1]);
                rows.add(r);
            }
            return new Table(cols, rows);
        }
    }
}
