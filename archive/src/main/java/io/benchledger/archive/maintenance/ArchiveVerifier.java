package io.benchledger.archive.maintenance;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.parquet.ArchiveTables;
import io.benchledger.archive.parquet.Footers;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.DataFile;
import io.benchledger.archive.store.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an archive: every file readable to the last value, its footer and rows agreeing with its
 * name, and every committed run complete (runs, results and samples files). What the opening
 * recovery removed (leftovers of interrupted writes) is reported too.
 */
public final class ArchiveVerifier {
    private ArchiveVerifier() {
    }

    /** One thing verify found: a problem, or a note about what recovery cleaned. */
    public record Finding(boolean problem, String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    public record Report(int runs, int files, List<Finding> findings) {
        public boolean ok() {
            return findings.stream().noneMatch(Finding::problem);
        }
    }

    public static Report verify(Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Archive archive;
        Snapshot snap;
        try {
            archive = Archive.openExisting(root);
            snap = archive.snapshot();
        } catch (BadInputException e) {
            findings.add(new Finding(true, root.toString(), e.getMessage()));
            return new Report(0, 0, findings);
        }
        // openExisting already ran the recovery; run it again to report what a live writer left
        for (Path p : archive.recover().removed()) {
            findings.add(new Finding(false, p.toString(), "left by an interrupted write; removed"));
        }
        int files = 0;
        Map<String, Set<String>> runsPerTable = Map.of("runs", new HashSet<>(), "results", new HashSet<>(), "samples", new HashSet<>());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String table : new String[] {"runs", "results", "samples"}) {
                for (DataFile f : snap.files(table)) {
                    files++;
                    checkFile(c, f, findings);
                    runsPerTable.get(table).addAll(f.runIds());
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
        }
        for (String run : snap.committedRuns()) {
            for (String table : new String[] {"results", "samples"}) {
                if (!runsPerTable.get(table).contains(run)) {
                    findings.add(new Finding(true, "run " + run, "committed but its " + table + " file is missing"));
                }
            }
        }
        return new Report(snap.committedRuns().size(), files, findings);
    }

    private static void checkFile(Connection c, DataFile f, List<Finding> findings) {
        String where = f.path().toString();
        try {
            Map<String, String> kv = Footers.keyValues(f.path());
            String version = kv.get(Footers.SCHEMA_VERSION);
            if (version == null) {
                findings.add(new Finding(true, where, "footer has no " + Footers.SCHEMA_VERSION));
            } else if (Integer.parseInt(version) > ArchiveTables.SCHEMA_VERSION) {
                findings.add(new Finding(true, where, "schema version " + version + " is newer than this benchledger reads ("
                        + ArchiveTables.SCHEMA_VERSION + ")"));
            }
            if (kv.get(Footers.TABLE) != null && !kv.get(Footers.TABLE).equals(f.table())) {
                findings.add(new Finding(true, where, "footer says table '" + kv.get(Footers.TABLE) + "' but the file is under "
                        + f.table() + "/"));
            }
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(true, where, "unreadable Parquet footer: " + oneLine(e.getMessage())));
            return;
        }
        // hashing whole rows makes DuckDB decode every page of every column
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*), max(hash(t)), list(DISTINCT t.run_id) FROM read_parquet(?, hive_partitioning = false) t")) {
            ps.setString(1, f.path().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array ids = rs.getArray(3);
                Set<String> inFile = new HashSet<>();
                if (ids != null) {
                    for (Object o : (Object[]) ids.getArray()) {
                        inFile.add(String.valueOf(o));
                    }
                }
                inFile.removeAll(f.runIds());
                if (!inFile.isEmpty()) {
                    findings.add(new Finding(true, where, "holds rows of runs its name and footer do not list: " + inFile));
                }
                if (f.table().equals("runs") && rs.getLong(1) != f.runIds().size()) {
                    findings.add(new Finding(true, where, "has " + rs.getLong(1) + " run rows, expected " + f.runIds().size()));
                }
            }
        } catch (SQLException e) {
            findings.add(new Finding(true, where, "unreadable: " + oneLine(e.getMessage())));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
