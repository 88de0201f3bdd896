package io.benchledger.site;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.query.SqlFile;
import io.benchledger.site.data.SiteData;
import io.benchledger.site.model.ComparisonView;
import io.benchledger.site.model.RunInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Budgets against the latest run, as the dashboard shows them: each criterion of each budget,
 * for each case of the latest run whose benchmark name matches the budget's pattern.
 */
final class BudgetCheck {
    private BudgetCheck() {
    }

    /** One criterion checked on one case. */
    record Outcome(String benchmark, String caseKey, String criterion, double limit, double actual, String unit,
                   boolean pass) {
    }

    static List<Outcome> evaluate(List<Budget> budgets, SiteData data, RunInfo latest, ComparisonView baseline)
            throws Exception {
        List<Outcome> out = new ArrayList<>();
        if (budgets.isEmpty()) {
            return out;
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = data.db().connection().prepareStatement(SqlFile.load("site_run_results"))) {
            ps.setString(1, data.project());
            ps.setString(2, latest.runId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double p99 = rs.getDouble("p99");
                    if (rs.wasNull()) {
                        p99 = Double.NaN;
                    }
                    rows.add(new Object[] {rs.getString("case_key"), rs.getString("benchmark"), rs.getString("mode"),
                            rs.getString("metric"), rs.getString("unit"), rs.getDouble("score"), p99});
                }
            }
        }
        for (Budget b : budgets) {
            Pattern p = Pattern.compile(b.pattern());
            for (Object[] r : rows) {
                String caseKey = (String) r[0];
                String bench = (String) r[1];
                if (!p.matcher(bench).find()) {
                    continue;
                }
                String mode = (String) r[2];
                String metric = (String) r[3];
                String unit = r[4] == null ? "" : (String) r[4];
                double score = (Double) r[5];
                double p99 = (Double) r[6];
                boolean primary = "primary".equals(metric);
                if (primary && b.maxP99().isPresent() && Double.isFinite(p99)) {
                    double limit = b.maxP99().getAsDouble();
                    out.add(new Outcome(bench, caseKey, "max p99", limit, p99, unit, p99 <= limit));
                }
                if (primary && b.minThroughput().isPresent() && "thrpt".equals(mode)) {
                    double limit = b.minThroughput().getAsDouble();
                    out.add(new Outcome(bench, caseKey, "min throughput", limit, score, unit, score >= limit));
                }
                if ("gc.alloc.rate.norm".equals(metric) && b.maxAllocationPerOp().isPresent()) {
                    double limit = b.maxAllocationPerOp().getAsDouble();
                    out.add(new Outcome(bench, caseKey, "max allocation per op", limit, score, unit, score <= limit));
                }
            }
            if (b.maxRegression().isPresent() && baseline != null) {
                double limit = b.maxRegression().getAsDouble();
                for (ComparisonView.Row row : baseline.rows()) {
                    if (!p.matcher(row.benchmark()).find() || !Double.isFinite(row.change())) {
                        continue;
                    }
                    // a regression is a change against the metric's direction
                    double regression = row.higherIsBetter() ? -row.change() : row.change();
                    out.add(new Outcome(row.benchmark(), row.caseKey(),
                            "max regression against " + baseline.baseline().label(), limit, regression, "fraction",
                            regression <= limit));
                }
            }
        }
        return out;
    }
}
