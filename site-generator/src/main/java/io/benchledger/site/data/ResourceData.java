package io.benchledger.site.data;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What each case of some runs used beside its speed ({@code site_resources.sql}). */
public final class ResourceData {
    private ResourceData() {
    }

    /**
     * One case of a suite's newest run. Numbers absent from the archive are NaN: the percentiles
     * outside sample mode, B/s without a bytes parameter, B/op without the gc profiler, RSS and CPU
     * where the collector could not sample (not Linux, imported results).
     *
     * @param operations single operations timed (sample mode), 0 otherwise
     */
    public record Row(String suite, String runId, String caseKey, String benchmark, SortedMap<String, String> params,
                      String mode, int threads, double score, String unit, long operations, double p50, double p90,
                      double p95, double p99, double p999, double bytesPerSecond, double bytesPerOp, double rssPeak,
                      double rssMean, double cpuCores) {
        /** Per-operation percentiles exist: the case ran in JMH sample mode. */
        public boolean hasLatency() {
            return !Double.isNaN(p99);
        }
    }

    /** The rows of these runs, by suite and case. */
    public static List<Row> load(ArchiveDatabase db, List<String> runIds) throws SQLException {
        List<Row> out = new ArrayList<>();
        if (runIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("site_resources"))) {
            ps.setArray(1, db.connection().createArrayOf("VARCHAR", runIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString("suite"), rs.getString("run_id"), rs.getString("case_key"),
                            rs.getString("benchmark"), params(rs.getObject("params")), rs.getString("mode"),
                            rs.getInt("threads"), num(rs, "score"), rs.getString("unit"), rs.getLong("operations"),
                            num(rs, "p50"), num(rs, "p90"), num(rs, "p95"), num(rs, "p99"), num(rs, "p999"),
                            num(rs, "bytes_per_second"), num(rs, "bytes_per_op"), num(rs, "rss_peak"),
                            num(rs, "rss_mean"), num(rs, "cpu_cores")));
                }
            }
        }
        return out;
    }

    private static double num(ResultSet rs, String col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : d;
    }

    private static SortedMap<String, String> params(Object v) {
        SortedMap<String, String> out = new TreeMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
        }
        return out;
    }
}
