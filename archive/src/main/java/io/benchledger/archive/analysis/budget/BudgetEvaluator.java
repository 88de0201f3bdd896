package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.archive.model.Mode;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies budgets to a run. Each budget applies to the cases whose benchmark name its pattern finds:
 * <ul>
 *   <li>{@code max_p99}: the case's p99 (from the harness's percentiles: JMH sample mode) ≤ limit; a
 *       case in another mode gets a warning, "p99 needs sample mode", since its percentiles are of
 *       iteration scores, not of operations;</li>
 *   <li>{@code min_throughput}: the primary score of a higher-is-better case ≥ limit;</li>
 *   <li>{@code max_allocation_per_op}: the {@code gc.alloc.rate.norm} score ≤ limit;</li>
 *   <li>{@code max_regression}: the case is not {@code regressed} against the baseline by more than
 *       the limit (a change counts only when the comparison calls it regressed: significant after
 *       correction and beyond the noise threshold, see docs/statistics.md).</li>
 * </ul>
 * A case that failed (threw) fails every budget that applies to it. A value within 10 % of its limit
 * (on the good side) is a warning: close to its limit. A budget that applies to no case is a warning,
 * so a mistyped pattern does not pass silently.
 */
public final class BudgetEvaluator {
    /** How close to its limit a value is before it is reported as a warning: 10 % of the limit. */
    public static final double CLOSE = 0.10;

    static final String MAX_P99 = "max_p99";
    static final String MIN_THROUGHPUT = "min_throughput";
    static final String MAX_ALLOCATION = "max_allocation_per_op";
    static final String MAX_REGRESSION = "max_regression";
    static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";
    static final String DEFAULT_BASELINE = "last-release";

    private BudgetEvaluator() {
    }

    record Row(String caseKey, String metric, String benchmark, String mode, String unit, boolean higherIsBetter,
               double score, double p99, String failure) {
    }

    /** Evaluates the budgets on the runs of {@code runSide} (resolved in the project of {@code options}). */
    public static BudgetReport evaluate(ArchiveDatabase db, Side runSide, List<Budget> budgets, ComparisonOptions options)
            throws SQLException {
        SideResolver resolver = SideResolver.of(db, options.project(), options.suite());
        ResolvedSide run = resolver.resolveOne(runSide, "run");
        List<Row> rows = load(db, run.runIds());
        List<BudgetCheck> checks = new ArrayList<>();
        for (Budget b : budgets) {
            Pattern p = Pattern.compile(b.pattern());
            List<Row> matching = rows.stream().filter(r -> p.matcher(r.benchmark()).find()).toList();
            if (b.maxP99().isPresent()) {
                List<Row> primary = matching.stream().filter(r -> Result.PRIMARY.equals(r.metric())).toList();
                limitChecks(checks, b, MAX_P99, b.maxP99().getAsDouble(), true,
                        primary.stream().filter(r -> Mode.SAMPLE_TIME.equals(r.mode()) || !r.failure().isEmpty()).toList(),
                        Row::p99, primary.stream().anyMatch(r -> !Mode.SAMPLE_TIME.equals(r.mode())));
                for (Row r : primary) {
                    if (!Mode.SAMPLE_TIME.equals(r.mode()) && r.failure().isEmpty()) {
                        // a p99 of iteration scores is not the latency of an operation: never a failure
                        checks.add(new BudgetCheck(b.pattern(), r.caseKey(), r.benchmark(), r.metric(), MAX_P99,
                                b.maxP99().getAsDouble(), Double.NaN, r.unit(), BudgetStatus.WARN,
                                "p99 needs sample mode (this case runs in " + r.mode() + "; its percentiles are of iteration scores)"));
                    }
                }
            }
            if (b.minThroughput().isPresent()) {
                limitChecks(checks, b, MIN_THROUGHPUT, b.minThroughput().getAsDouble(), false,
                        matching.stream().filter(r -> Result.PRIMARY.equals(r.metric()) && r.higherIsBetter()).toList(),
                        Row::score);
            }
            if (b.maxAllocationPerOp().isPresent()) {
                limitChecks(checks, b, MAX_ALLOCATION, b.maxAllocationPerOp().getAsDouble(), true,
                        matching.stream().filter(r -> ALLOCATION_METRIC.equals(r.metric())).toList(), Row::score);
            }
            if (b.maxRegression().isPresent()) {
                regressionChecks(db, resolver, run, b, options, checks);
            }
        }
        checks.sort(Comparator.comparing((BudgetCheck c) -> c.status(), Comparator.reverseOrder())
                .thenComparing(BudgetCheck::caseKey).thenComparing(BudgetCheck::criterion));
        return new BudgetReport(run, checks);
    }

    private static void limitChecks(List<BudgetCheck> out, Budget b, String criterion, double limit, boolean isMax,
                                    List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
        limitChecks(out, b, criterion, limit, isMax, rows, value, false);
    }

    /** @param warnedElsewhere the budget applies to cases that got a warning of their own: no "applies to no case" */
    private static void limitChecks(List<BudgetCheck> out, Budget b, String criterion, double limit, boolean isMax,
                                    List<Row> rows, java.util.function.ToDoubleFunction<Row> value, boolean warnedElsewhere) {
        int applied = 0;
        for (Row r : rows) {
            if (!r.failure().isEmpty()) {
                out.add(new BudgetCheck(b.pattern(), r.caseKey(), r.benchmark(), r.metric(), criterion, limit, Double.NaN,
                        r.unit(), BudgetStatus.FAIL, "benchmark failed: " + r.failure()));
                applied++;
                continue;
            }
            double v = value.applyAsDouble(r);
            if (Double.isNaN(v)) {
                continue; // this case does not measure it (no p99 outside sample mode)
            }
            applied++;
            out.add(limitCheck(b.pattern(), r.caseKey(), r.benchmark(), r.metric(), criterion, limit, v, r.unit(), isMax));
        }
        if (applied == 0 && !warnedElsewhere) {
            out.add(new BudgetCheck(b.pattern(), "", "", "", criterion, limit, Double.NaN, "", BudgetStatus.WARN,
                    "budget applies to no measured case (pattern '" + b.pattern() + "')"));
        }
    }

    /** Pass, warn (within 10 % of the limit on the good side) or fail. */
    static BudgetCheck limitCheck(String pattern, String caseKey, String benchmark, String metric, String criterion,
                                  double limit, double v, String unit, boolean isMax) {
        BudgetStatus s;
        String note;
        if (isMax ? v > limit : v < limit) {
            s = BudgetStatus.FAIL;
            note = String.format(java.util.Locale.ROOT, "%s %s the limit", fmt(v), isMax ? "above" : "below");
        } else if (isMax ? v >= limit * (1 - CLOSE) : v <= limit * (1 + CLOSE)) {
            s = BudgetStatus.WARN;
            note = "close to its limit (within 10 %)";
        } else {
            s = BudgetStatus.PASS;
            note = "";
        }
        return new BudgetCheck(pattern, caseKey, benchmark, metric, criterion, limit, v, unit, s, note);
    }

    private static void regressionChecks(ArchiveDatabase db, SideResolver resolver, ResolvedSide run, Budget b,
                                         ComparisonOptions options, List<BudgetCheck> out) throws SQLException {
        double limit = b.maxRegression().getAsDouble();
        String baselineSpec = b.baseline().isBlank() ? DEFAULT_BASELINE : b.baseline();
        ResolvedSide baseline;
        try {
            baseline = resolver.resolveRelativeTo(Side.parse(baselineSpec), run, "baseline");
        } catch (BadInputException e) {
            out.add(new BudgetCheck(b.pattern(), "", "", "", MAX_REGRESSION, limit, Double.NaN, "", BudgetStatus.WARN,
                    "no baseline to compare with: " + e.getMessage()));
            return;
        }
        ComparisonReport r = Comparison.run(db, baseline, run,
                options.withBenchmark(java.util.Optional.of(Pattern.compile(b.pattern()))).withMetric(Result.PRIMARY));
        if (r.cases().isEmpty()) {
            out.add(new BudgetCheck(b.pattern(), "", "", "", MAX_REGRESSION, limit, Double.NaN, "", BudgetStatus.WARN,
                    "budget applies to no case measured on both sides (baseline " + baseline.label() + ")"));
        }
        for (CaseComparison c : r.cases()) {
            double worse = c.worse() ? Math.abs(c.change()) : 0.0;
            BudgetStatus s;
            String note;
            if (c.verdict() == Verdict.FAILED) {
                boolean candidateFailed = !c.failure().startsWith("baseline:");
                s = candidateFailed ? BudgetStatus.FAIL : BudgetStatus.WARN;
                note = "benchmark failed, " + c.failure();
                worse = Double.NaN;
            } else if (c.verdict() == Verdict.REGRESSED && worse > limit) {
                s = BudgetStatus.FAIL;
                note = String.format(java.util.Locale.ROOT, "regressed %.1f %% against %s (q = %.2g)", worse * 100,
                        baseline.label(), c.qValue());
            } else if (worse >= limit * (1 - CLOSE)) {
                s = BudgetStatus.WARN;
                note = String.format(java.util.Locale.ROOT, "%.1f %% worse than %s: close to its limit (%s)", worse * 100,
                        baseline.label(), c.verdict().json());
            } else {
                s = BudgetStatus.PASS;
                note = "";
            }
            out.add(new BudgetCheck(b.pattern(), c.caseKey(), c.benchmark(), c.metric(), MAX_REGRESSION, limit, worse,
                    "", s, note));
        }
    }

    static List<Row> load(ArchiveDatabase db, List<String> runIds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(SqlFile.load("budget_results"))) {
            ps.setArray(1, db.connection().createArrayOf("VARCHAR", runIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(7);
                    if (rs.wasNull()) {
                        score = Double.NaN;
                    }
                    double p99 = rs.getDouble(8);
                    if (rs.wasNull()) {
                        p99 = Double.NaN;
                    }
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), score, p99, rs.getString(9)));
                }
            }
        }
        return rows;
    }

    private static String fmt(double v) {
        return io.benchledger.archive.format.TableFormatter.cell(v);
    }
}
