package io.benchledger.archive.analysis.history;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's history as the analyses see it: its runs in order and every case's series. Read with
 * the queries {@code history_runs.sql} and {@code case_series.sql} (series come back as lists, one
 * row per series, which keeps 2,000 × 1,000 values a quick transfer).
 */
public record History(String project, List<RunPoint> runs, List<CaseSeries> series) {

    public static History load(ArchiveDatabase db, String project) throws SQLException {
        List<RunPoint> runs = runs(db, project);
        return new History(project, runs, series(db, project, "", 0));
    }

    /** The runs of a project, in series order. */
    public static List<RunPoint> loadRuns(ArchiveDatabase db, String project) throws SQLException {
        return runs(db, project);
    }

    /** Every series' values in the runs from position {@code fromRun} on (run indexes stay absolute). */
    public static List<CaseSeries> loadSince(ArchiveDatabase db, String project, int fromRun) throws SQLException {
        return series(db, project, "", fromRun);
    }

    /** The series of one case (every metric). */
    public static History loadCase(ArchiveDatabase db, String project, String caseKey) throws SQLException {
        return new History(project, runs(db, project), series(db, project, caseKey, 0));
    }

    public static List<String> caseKeys(ArchiveDatabase db, String project) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("case_keys"))) {
            ps.setString(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<RunPoint> runs(ArchiveDatabase db, String project) throws SQLException {
        List<RunPoint> runs = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("history_runs"))) {
            ps.setString(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RunPoint(runs.size(), rs.getString(1), text(rs.getString(2)), text(rs.getString(3)),
                            instant(rs.getObject(4))));
                }
            }
        }
        return runs;
    }

    /** The series of one case ("" for every case) from run position {@code fromRun} on. */
    private static List<CaseSeries> series(ArchiveDatabase db, String project, String caseKey, int fromRun)
            throws SQLException {
        List<CaseSeries> series = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("case_series"))) {
            ps.setString(1, project);
            ps.setString(2, project);
            ps.setString(3, caseKey);
            ps.setString(4, caseKey);
            ps.setInt(5, fromRun);
            readSeries(ps, series);
        }
        return series;
    }

    private static void readSeries(PreparedStatement ps, List<CaseSeries> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] idx = (Object[]) ((Array) rs.getObject(6)).getArray();
                Object[] val = (Object[]) ((Array) rs.getObject(7)).getArray();
                int[] runIndexes = new int[idx.length];
                double[] values = new double[val.length];
                for (int i = 0; i < idx.length; i++) {
                    runIndexes[i] = ((Number) idx[i]).intValue();
                    values[i] = ((Number) val[i]).doubleValue();
                }
                out.add(new CaseSeries(rs.getString(1), rs.getString(2), text(rs.getString(3)), text(rs.getString(4)),
                        rs.getBoolean(5), runIndexes, values));
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + (o == null ? "null" : o.getClass()));
    }

    /** Runs by id. */
    public Map<String, RunPoint> runsById() {
        Map<String, RunPoint> m = new HashMap<>();
        for (RunPoint r : runs) {
            m.put(r.runId(), r);
        }
        return m;
    }
}
