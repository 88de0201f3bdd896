package io.benchledger.site.data;

import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The newest measurement of every load-workload case ({@code site_workload_results.sql}). */
public final class WorkloadResults {
    /** Column names of the percentiles, in the order they are kept. */
    static final String[] PERCENTILES = {"p0", "p50", "p90", "p95", "p99", "p999", "p100"};

    private WorkloadResults() {
    }

    /** One metric of a case: its score and, when it has them, p0, p50, p90, p95, p99, p99.9, p100 (else empty). */
    public record Metric(String unit, double score, List<Double> percentiles) {
    }

    /** One case with its metrics by name, from its newest load run. */
    public record Case(String caseKey, String benchmark, SortedMap<String, String> params, String runId,
                       Map<String, Metric> metrics, String failure) {
        public double score(String metric) {
            Metric m = metrics.get(metric);
            return m == null ? Double.NaN : m.score();
        }
    }

    public static List<Case> load(ArchiveDatabase db, String project) throws SQLException {
        Map<String, Case> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("site_workload_results"))) {
            ps.setString(1, project);
            ps.setString(2, project);
            ps.setString(3, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("case_key");
                    String failure = rs.getString("failure");
                    Case c = out.computeIfAbsent(key, k -> {
                        try {
                            return new Case(k, rs.getString("benchmark"), SiteData.map(rs.getObject("params")),
                                    rs.getString("run_id"), new LinkedHashMap<>(), failure);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    List<Double> p = new ArrayList<>();
                    for (String col : PERCENTILES) {
                        double v = rs.getDouble(col);
                        if (rs.wasNull()) {
                            p.clear();
                            break;
                        }
                        p.add(v);
                    }
                    double score = rs.getDouble("score");
                    c.metrics().put(rs.getString("metric"), new Metric(rs.getString("unit"), rs.wasNull() ? Double.NaN : score,
                            List.copyOf(p)));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
