package io.benchledger.archive.analysis.budget;

import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.BadInputException;
import io.benchledger.archive.analysis.compare.CaseComparison;
import io.benchledger.archive.analysis.compare.Comparison;
import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.ComparisonReport;
import io.benchledger.archive.analysis.compare.ResolvedSide;
import io.benchledger.archive.analysis.compare.Side;
import io.benchledger.archive.analysis.compare.SideResolver;
import io.benchledger.archive.analysis.compare.Verdict;
import io.benchledger.archive.model.Result;
import io.benchledger.archive.query.ArchiveDatabase;
import io.benchledger.archive.query.SqlFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Applies budgets to a run. A budget applies to the cases whose case key its pattern finds; each
 * criterion reads one value per case (see {@link Criterion}), converts the budget's levels into
 * the case's unit and judges: beyond critical → fail, beyond target → warn, else pass ("close" when
 * within 10 % of the level on the good side). A case that failed fails every value criterion that
 * applies to it. Nothing to judge — no matching case, no baseline, an inconclusive comparison —
 * is {@code not_checked}, never a pass. {@code max_p99} on cases without per-operation latency
 * (not sample mode) is a warning. {@code min_achieved_rate} reads a workload case's achieved rate, as a
 * rate or as a share of its target rate. A level no matching case can be compared with (a time against
 * ops/s) is an error naming where the budget was written.
 */
public final class BudgetEvaluator {
    /** How close to its level a passing value is reported as close: 10 % of the level. */
    public static final double CLOSE = 0.10;

    static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";
    static final String RSS_METRIC = "proc.rss.peak";
    static final String CPU_METRIC = "proc.cpu.util";
    /** Requests per second a workload case achieved and was driven at (the load harness's secondary metrics). */
    static final String ACHIEVED_RATE_METRIC = "rate.achieved";
    static final String TARGET_RATE_METRIC = "rate.target";
    /** Payload bytes per second of a payload-sized case. */
    static final String BYTES_METRIC = "throughput.bytes";

    private BudgetEvaluator() {
    }

    /** One case and metric of the runs checked, as budget_results.sql answers. */
    record Row(String caseKey, String metric, String benchmark, String mode, String unit, boolean higherIsBetter,
               double score, double p99, String failure) {
        boolean failed() {
            return !failure.isEmpty();
        }
    }

    /** Evaluates the budgets on the runs of {@code runSide} (resolved in the project of {@code options}). */
    public static BudgetReport evaluate(ArchiveDatabase db, Side runSide, List<Budget> budgets, ComparisonOptions options)
            throws SQLException {
        AnalysisRuns.count(AnalysisRuns.Engine.BUDGETS);
        SideResolver resolver = SideResolver.of(db, options.project(), options.suite());
        ResolvedSide run = resolver.resolveOne(runSide, "run");
        List<Row> rows = load(db, run.runIds());
        Map<String, Optional<Baseline>> baselines = new HashMap<>();
        List<BudgetCheck> checks = new ArrayList<>();
        for (Budget b : budgets) {
            Pattern p = Pattern.compile(b.pattern());
            List<Row> matching = rows.stream().filter(r -> p.matcher(r.caseKey()).find()).toList();
            for (Limit l : b.limits()) {
                if (l.criterion().relative()) {
                    Optional<Baseline> base = baselines.computeIfAbsent(b.baseline(), spec -> baseline(db, resolver, run, spec, options));
                    relativeChecks(b, l, matching, base, checks);
                } else {
                    checks.addAll(check(b, l, matching));
                }
            }
        }
        checks.sort(Comparator.comparing(BudgetCheck::status, Comparator.reverseOrder())
                .thenComparing(BudgetCheck::caseKey).thenComparing(BudgetCheck::criterion));
        return new BudgetReport(run, checks);
    }

    /** The checks of one absolute criterion over the matching rows (every metric of the matching cases). */
    static List<BudgetCheck> check(Budget b, Limit l, List<Row> matching) {
        Criterion c = l.criterion();
        boolean bytes = l.target().or(l::critical).get().dimension() == Quantity.Dimension.BYTE_RATE;
        Predicate<Row> applies = switch (c) {
            case MAX_MEAN, MAX_P99 -> r -> Result.PRIMARY.equals(r.metric());
            case MIN_THROUGHPUT -> bytes
                    ? r -> BYTES_METRIC.equals(r.metric()) || (Result.PRIMARY.equals(r.metric())
                    && Quantity.dimensionOf(r.unit()) == Quantity.Dimension.BYTE_RATE)
                    : r -> Result.PRIMARY.equals(r.metric()) && r.higherIsBetter();
            case MAX_ALLOCATION_PER_OP -> r -> ALLOCATION_METRIC.equals(r.metric());
            case MAX_RSS -> r -> RSS_METRIC.equals(r.metric());
            case MAX_CPU -> r -> CPU_METRIC.equals(r.metric());
            case MIN_PASS_RATE -> r -> Result.PRIMARY.equals(r.metric());
            case MIN_ACHIEVED_RATE -> r -> ACHIEVED_RATE_METRIC.equals(r.metric());
            default -> throw new IllegalArgumentException(c + " is judged against a baseline");
        };
        List<Row> rows = matching.stream().filter(applies).toList();
        if (rows.isEmpty()) {
            return List.of(note(b, l, BudgetStatus.NOT_CHECKED, "no measured case matches '" + b.pattern() + "'"
                    + (matching.isEmpty() ? "" : " with a " + c.description())));
        }
        if (c == Criterion.MIN_PASS_RATE) {
            long ok = rows.stream().filter(r -> !r.failed()).count();
            double rate = 100.0 * ok / rows.size();
            String failed = rows.stream().filter(Row::failed).map(Row::caseKey).limit(3).reduce((x, y) -> x + ", " + y).orElse("");
            return List.of(judge(b, l, "", "", "", percent(l.target()), percent(l.critical()), rate, "%",
                    String.format(Locale.ROOT, "%d of %d cases measured without failure%s", ok, rows.size(),
                            failed.isEmpty() ? "" : " (failed: " + failed + (rows.size() - ok > 3 ? ", …" : "") + ")")));
        }
        if (c == Criterion.MIN_ACHIEVED_RATE && l.target().or(l::critical).get().dimension() == Quantity.Dimension.FRACTION) {
            return shareOfTarget(b, l, rows, matching);
        }
        List<BudgetCheck> out = new ArrayList<>();
        int incompatible = 0;
        List<String> notSampled = new ArrayList<>();
        for (Row r : rows) {
            if (c == Criterion.MAX_P99 && !perOperation(r)) {
                notSampled.add(r.mode());
                continue;
            }
            OptionalDouble target = in(l.target(), r.unit());
            OptionalDouble critical = in(l.critical(), r.unit());
            if ((l.target().isPresent() && target.isEmpty()) || (l.critical().isPresent() && critical.isEmpty())) {
                incompatible++;
                continue;
            }
            double t = target.orElse(Double.NaN);
            double k = critical.orElse(Double.NaN);
            if (r.failed()) {
                out.add(failed(b, l, r, t, k, r.unit()));
                continue;
            }
            double v = r.score();
            if (c == Criterion.MAX_P99) {
                if (Double.isNaN(r.p99())) {
                    notSampled.add(r.mode());
                    continue;
                }
                v = r.p99();
            }
            if (Double.isNaN(v)) {
                continue;
            }
            out.add(judge(b, l, r.caseKey(), r.benchmark(), r.metric(), t, k, v, r.unit(), ""));
        }
        if (out.isEmpty() && incompatible > 0) {
            String units = rows.stream().map(Row::unit).distinct().reduce((x, y) -> x + ", " + y).orElse("");
            Quantity q = l.target().or(l::critical).get();
            throw l.where().error(c.key() + " '" + q + "' is " + q.dimension().words() + ", but the " + incompatible
                    + " case(s) '" + b.pattern() + "' matches measure " + units);
        }
        if (out.isEmpty() && !notSampled.isEmpty()) {
            out.add(note(b, l, BudgetStatus.WARN, "p99 needs sample mode (" + notSampled.size() + " matching case(s) in "
                    + String.join(", ", new java.util.TreeSet<>(notSampled)) + " mode)"));
        } else if (out.isEmpty()) {
            out.add(note(b, l, BudgetStatus.NOT_CHECKED, "no value of " + c.key() + " in the matching cases"));
        }
        return out;
    }

    /**
     * {@code min_achieved_rate} written as a share of the target: per case, share = rate.achieved / rate.target,
     * in percent, judged against the levels in percent.
     */
    private static List<BudgetCheck> shareOfTarget(Budget b, Limit l, List<Row> achieved, List<Row> matching) {
        Map<String, Double> targets = new HashMap<>();
        for (Row r : matching) {
            if (TARGET_RATE_METRIC.equals(r.metric()) && !r.failed() && r.score() > 0) {
                targets.put(r.caseKey(), r.score());
            }
        }
        double t = percent(l.target());
        double k = percent(l.critical());
        List<BudgetCheck> out = new ArrayList<>();
        for (Row r : achieved) {
            Double target = targets.get(r.caseKey());
            if (r.failed()) {
                out.add(failed(b, l, r, t, k, "%"));
            } else if (target != null && !Double.isNaN(r.score())) {
                out.add(judge(b, l, r.caseKey(), r.benchmark(), r.metric(), t, k, 100 * r.score() / target, "%",
                        "achieved " + num(r.score()) + " of " + num(target) + " " + r.unit()));
            }
        }
        if (out.isEmpty()) {
            out.add(note(b, l, BudgetStatus.NOT_CHECKED, "no target rate (" + TARGET_RATE_METRIC + ") in the cases '"
                    + b.pattern() + "' matches"));
        }
        return out;
    }

    /** A case that failed fails every value criterion that applies to it. */
    private static BudgetCheck failed(Budget b, Limit l, Row r, double target, double critical, String unit) {
        return new BudgetCheck(b.name(), b.pattern(), l.where().toString(), r.caseKey(), r.benchmark(), r.metric(),
                l.criterion().key(), target, critical, Double.NaN, unit, BudgetStatus.FAIL, false, "benchmark failed: " + r.failure());
    }

    /** p99 is a per-operation latency only in JMH's sample mode (or a harness that times single operations). */
    private static boolean perOperation(Row r) {
        return "sample".equals(r.mode()) || ("value".equals(r.mode()) && Quantity.dimensionOf(r.unit()) == Quantity.Dimension.TIME);
    }

    /**
     * Beyond critical: fail; beyond target: warn; otherwise pass, close when within {@link #CLOSE}
     * of the first level (target, else critical) on the good side.
     */
    static BudgetCheck judge(Budget b, Limit l, String caseKey, String benchmark, String metric, double target,
                             double critical, double v, String unit, String detail) {
        boolean max = l.criterion().maximum();
        BudgetStatus s;
        String note;
        if (!Double.isNaN(critical) && beyond(v, critical, max)) {
            s = BudgetStatus.FAIL;
            note = String.format(Locale.ROOT, "%s %s the %s %s", show(v, unit), max ? "above" : "below",
                    Double.isNaN(target) ? "limit" : "critical level", show(critical, unit));
        } else if (!Double.isNaN(target) && beyond(v, target, max)) {
            s = BudgetStatus.WARN;
            note = String.format(Locale.ROOT, "%s %s the target %s", show(v, unit), max ? "above" : "below", show(target, unit));
        } else {
            s = BudgetStatus.PASS;
            note = "";
        }
        double level = Double.isNaN(target) ? critical : target;
        boolean close = s == BudgetStatus.PASS && (max ? v >= level * (1 - CLOSE) : v <= level * (1 + CLOSE));
        if (close) {
            note = "close to its " + (Double.isNaN(target) ? "limit" : "target") + " (within 10 %)";
        }
        if (!detail.isEmpty()) {
            note = note.isEmpty() ? detail : note + "; " + detail;
        }
        return new BudgetCheck(b.name(), b.pattern(), l.where().toString(), caseKey, benchmark, metric, l.criterion().key(),
                target, critical, v, unit, s, close, note);
    }

    private static boolean beyond(double v, double level, boolean max) {
        return max ? v > level : v < level;
    }

    private static BudgetCheck note(Budget b, Limit l, BudgetStatus s, String note) {
        String unit = l.criterion().fractional() ? "%" : "";
        return new BudgetCheck(b.name(), b.pattern(), l.where().toString(), "", "", "", l.criterion().key(),
                unit.isEmpty() ? Double.NaN : percent(l.target()), unit.isEmpty() ? Double.NaN : percent(l.critical()),
                Double.NaN, unit, s, false, note);
    }

    private static OptionalDouble in(Optional<Quantity> q, String unit) {
        return q.isEmpty() ? OptionalDouble.empty() : q.get().in(unit);
    }

    private static double percent(Optional<Quantity> q) {
        return q.map(x -> x.value() * 100).orElse(Double.NaN);
    }

    // ------------------------------------------------------------ against a baseline

    /** The baseline's runs, their rows and the comparison of the primary metric with them. */
    record Baseline(ResolvedSide side, List<Row> rows, ComparisonReport comparison) {
    }

    private static Optional<Baseline> baseline(ArchiveDatabase db, SideResolver resolver, ResolvedSide run, String spec,
                                               ComparisonOptions options) {
        try {
            ResolvedSide side = resolver.resolveRelativeTo(Side.parse(spec), run, "baseline");
            ComparisonReport r = Comparison.run(db, side, run, options.toBuilder().benchmark(Optional.empty()).metric(Result.PRIMARY).build());
            return Optional.of(new Baseline(side, load(db, side.runIds()), r));
        } catch (BadInputException e) {
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void relativeChecks(Budget b, Limit l, List<Row> matching, Optional<Baseline> base, List<BudgetCheck> out) {
        double t = percent(l.target());
        double k = percent(l.critical());
        if (base.isEmpty()) {
            out.add(note(b, l, BudgetStatus.NOT_CHECKED, "no baseline '" + b.baseline() + "' to compare with"));
            return;
        }
        Baseline bl = base.get();
        Pattern p = Pattern.compile(b.pattern());
        int before = out.size();
        if (l.criterion() == Criterion.MAX_REGRESSION) {
            for (CaseComparison c : bl.comparison().cases()) {
                if (!p.matcher(c.caseKey()).find()) {
                    continue;
                }
                double worse = c.worse() ? Math.abs(c.change()) * 100 : 0.0;
                if (c.verdict() == Verdict.FAILED) {
                    boolean candidateFailed = !c.failure().startsWith("baseline:");
                    out.add(new BudgetCheck(b.name(), b.pattern(), l.where().toString(), c.caseKey(), c.benchmark(), c.metric(),
                            l.criterion().key(), t, k, Double.NaN, "%",
                            candidateFailed ? BudgetStatus.FAIL : BudgetStatus.NOT_CHECKED, false, "benchmark failed, " + c.failure()));
                } else if (c.verdict() == Verdict.INCONCLUSIVE) {
                    out.add(new BudgetCheck(b.name(), b.pattern(), l.where().toString(), c.caseKey(), c.benchmark(), c.metric(),
                            l.criterion().key(), t, k, worse, "%", BudgetStatus.NOT_CHECKED, false,
                            "comparison with " + bl.side().label() + " inconclusive"));
                } else if (c.verdict() != Verdict.REGRESSED) {
                    // a change the comparison does not call a regression is within noise: judged as no worsening
                    BudgetCheck j = judge(b, l, c.caseKey(), c.benchmark(), c.metric(), t, k, 0.0, "%", "");
                    boolean close = worse >= j.limit() * (1 - CLOSE);
                    out.add(new BudgetCheck(j.budget(), j.pattern(), j.where(), j.caseKey(), j.benchmark(), j.metric(),
                            j.criterion(), t, k, worse, "%", BudgetStatus.PASS, close,
                            (close ? "close to its limit (within 10 %); " : "") + c.verdict().json() + " against " + bl.side().label()));
                } else {
                    out.add(judge(b, l, c.caseKey(), c.benchmark(), c.metric(), t, k, worse, "%",
                            String.format(Locale.ROOT, "regressed against %s (q = %s)", bl.side().label(),
                                    io.benchledger.archive.format.TableFormatter.probability(c.qValue()))));
                }
            }
        } else {
            Map<String, Row> before0 = new HashMap<>();
            for (Row r : bl.rows()) {
                if (RSS_METRIC.equals(r.metric()) && !r.failed() && r.score() > 0) {
                    before0.put(r.caseKey(), r);
                }
            }
            for (Row r : matching) {
                if (!RSS_METRIC.equals(r.metric()) || r.failed() || !before0.containsKey(r.caseKey())) {
                    continue;
                }
                double was = before0.get(r.caseKey()).score();
                double growth = Math.max(0, r.score() / was - 1) * 100; // growth = now / before − 1, shrinking counts as 0
                out.add(judge(b, l, r.caseKey(), r.benchmark(), r.metric(), t, k, growth, "%",
                        String.format(Locale.ROOT, "peak RSS %s B against %s B in %s", num(r.score()), num(was), bl.side().label())));
            }
        }
        if (out.size() == before) {
            out.add(note(b, l, BudgetStatus.NOT_CHECKED, "no case matching '" + b.pattern() + "' measured in both this run and "
                    + bl.side().label()));
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

    /** A value with its unit for a note: bytes per second scaled (25.5 MB/s), else the number and the unit. */
    private static String show(double v, String unit) {
        if (io.benchledger.archive.format.ByteRate.UNIT.equals(unit)) {
            return io.benchledger.archive.format.ByteRate.format(v);
        }
        return "%".equals(unit) ? num(v) + " %" : num(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String num(double v) {
        return io.benchledger.archive.format.TableFormatter.cell(v);
    }
}
