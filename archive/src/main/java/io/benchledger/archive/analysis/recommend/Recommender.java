package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.analysis.budget.BudgetCheck;
import io.benchledger.archive.analysis.budget.BudgetReport;
import io.benchledger.archive.analysis.budget.BudgetStatus;
import io.benchledger.archive.analysis.scalability.ScalabilityAnalysis;
import io.benchledger.archive.model.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The recommendation rules. Each is a small pure function of one case's measurements (or of a
 * scalability curve) that returns advice naming the numbers it rests on.
 */
public final class Recommender {
    private static final double Z975 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private Recommender() {
    }

    /**
     * The measurement rules over one run's cases and thread-count curves (which know the
     * measuring machine's processors), sorted by priority then impact.
     */
    public static List<Recommendation> recommend(List<CaseMeasurements> cases, List<ScalabilityAnalysis.Curve> curves,
                                                 Thresholds t) {
        List<Recommendation> out = new ArrayList<>();
        for (CaseMeasurements c : cases) {
            unstable(c, t).ifPresent(out::add);
            bimodal(c, t).ifPresent(out::add);
            tail(c, t).ifPresent(out::add);
            allocation(c, t).ifPresent(out::add);
            allocationGrowth(c, t).ifPresent(out::add);
        }
        for (ScalabilityAnalysis.Curve curve : curves) {
            scalability(curve, t).ifPresent(out::add);
        }
        out.sort(Recommendation.ORDER);
        return out;
    }

    /**
     * Unstable: the coefficient of variation c = s / x̄ of the fork means (of the iteration scores
     * when there is one fork) is above the threshold. To reach a 95 % half-width of p·x̄ the mean
     * needs n = ⌈(z_{0.975} · c / p)²⌉ forks (normal approximation).
     */
    public static java.util.Optional<Recommendation> unstable(CaseMeasurements c, Thresholds t) {
        boolean byForks = c.forkMeans().size() >= 2;
        List<Double> xs = byForks ? c.forkMeans() : c.iterationScores();
        if (xs.size() < 2) {
            return java.util.Optional.empty();
        }
        double cv = Stats.cv(xs);
        if (!(cv > t.maxCv())) {
            return java.util.Optional.empty();
        }
        long needed = (long) Math.ceil(Math.pow(Z975 * cv / t.targetPrecision(), 2));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("cv", cv);
        ev.put(byForks ? "forks" : "iterations", xs.size());
        ev.put("threshold", t.maxCv());
        ev.put(byForks ? "forks_needed" : "iterations_needed", needed);
        ev.put("target_precision", t.targetPrecision());
        String what = byForks ? "forks" : "iterations (one fork: run more forks too)";
        return java.util.Optional.of(new Recommendation("unstable", c.caseKey(), Priority.LOW, Double.NaN,
                "the precision of the measurement, not the speed", String.format(Locale.ROOT,
                "coefficient of variation %.1f %% across %d %s: run %d %s for a ±%.0f %% interval (95 %%)",
                cv * 100, xs.size(), byForks ? "forks" : "iterations", needed, what, t.targetPrecision() * 100), ev));
    }

    /**
     * Bimodal: Sarle's bimodality coefficient of the iteration scores,
     * b = (g² + 1) / (k + 3(n−1)² / ((n−2)(n−3))), with g the sample skewness and k the sample
     * excess kurtosis (both bias-corrected, as SAS computes them). b = 5/9 for a uniform
     * distribution; larger values point to two modes (e.g. two JIT outcomes across forks). Heavy
     * single tails also raise b, which is why the rule looks at iteration scores, not latency histograms.
     */
    public static java.util.Optional<Recommendation> bimodal(CaseMeasurements c, Thresholds t) {
        List<Double> xs = c.iterationScores();
        if (xs.size() < Math.max(4, t.minSamplesForShape())) {
            return java.util.Optional.empty();
        }
        double b = Stats.bimodalityCoefficient(xs);
        if (!(b > t.bimodality())) {
            return java.util.Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("bimodality_coefficient", b);
        ev.put("threshold", t.bimodality());
        ev.put("samples", xs.size());
        ev.put("skewness", Stats.skewness(xs));
        ev.put("excess_kurtosis", Stats.excessKurtosis(xs));
        return java.util.Optional.of(new Recommendation("bimodal", c.caseKey(), Priority.LOW, Double.NaN,
                "the trustworthiness of the mean, not the speed", String.format(Locale.ROOT,
                "iteration scores look bimodal (Sarle's coefficient %.2f > %.3f over %d samples): check forks for "
                        + "different JIT or GC outcomes and report modes separately", b, t.bimodality(), xs.size()), ev));
    }

    /**
     * Large tail: p99 ÷ p50 of a per-operation latency (JMH sample mode, or a harness timing single
     * operations) above the threshold. Percentiles of iteration scores (throughput, average time)
     * say nothing about single operations, so those cases are left alone. Impact: the share of the
     * p99 that goes if it came down to threshold × p50, 1 − threshold · p50 / p99.
     */
    public static java.util.Optional<Recommendation> tail(CaseMeasurements c, Thresholds t) {
        boolean perOperation = "sample".equals(c.mode()) || ("value".equals(c.mode())
                && io.benchledger.archive.analysis.budget.Quantity.dimensionOf(c.unit())
                == io.benchledger.archive.analysis.budget.Quantity.Dimension.TIME);
        if (c.percentiles().isEmpty() || !perOperation) {
            return java.util.Optional.empty();
        }
        Percentiles p = c.percentiles().get();
        if (!(p.p50() > 0)) {
            return java.util.Optional.empty();
        }
        double ratio = p.p99() / p.p50();
        if (!(ratio > t.tailRatio())) {
            return java.util.Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("p50", p.p50());
        ev.put("p99", p.p99());
        ev.put("p999", p.p999());
        ev.put("ratio", ratio);
        ev.put("threshold", t.tailRatio());
        ev.put("unit", c.unit());
        return java.util.Optional.of(new Recommendation("tail", c.caseKey(), Priority.MEDIUM, 1 - t.tailRatio() / ratio,
                String.format(Locale.ROOT, "p99 down to %.0f× the median", t.tailRatio()), String.format(Locale.ROOT,
                "p99 is %.1f× the median (%.4g vs %.4g %s): look at GC pauses, safepoints or lock contention "
                        + "(-prof gc, -prof safepoints) and set a p99 budget", ratio, p.p99(), p.p50(), c.unit()), ev));
    }

    /** High allocation: gc.alloc.rate.norm above the threshold. */
    public static java.util.Optional<Recommendation> allocation(CaseMeasurements c, Thresholds t) {
        if (c.allocationPerOp().isEmpty() || !(c.allocationPerOp().getAsDouble() > t.allocationHigh())) {
            return java.util.Optional.empty();
        }
        double a = c.allocationPerOp().getAsDouble();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("bytes_per_op", a);
        ev.put("threshold", t.allocationHigh());
        return java.util.Optional.of(new Recommendation("allocation", c.caseKey(), Priority.LOW, 1 - t.allocationHigh() / a,
                "allocation per operation down to the threshold", String.format(Locale.ROOT,
                "allocates %.0f B/op (above %.0f): look for boxing, temporary collections or copies "
                        + "(-prof gc; an allocation profiler)", a, t.allocationHigh()), ev));
    }

    /** Allocation grown since the baseline by more than the threshold (and by at least 8 bytes, one object header). */
    public static java.util.Optional<Recommendation> allocationGrowth(CaseMeasurements c, Thresholds t) {
        if (c.allocationPerOp().isEmpty() || c.baselineAllocationPerOp().isEmpty()) {
            return java.util.Optional.empty();
        }
        double now = c.allocationPerOp().getAsDouble();
        double before = c.baselineAllocationPerOp().getAsDouble();
        double growth = before > 0 ? now / before - 1 : (now > 0 ? Double.POSITIVE_INFINITY : 0);
        if (!(growth > t.allocationGrowth()) || now - before < 8) {
            return java.util.Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("bytes_per_op", now);
        ev.put("baseline_bytes_per_op", before);
        ev.put("growth", growth);
        ev.put("threshold", t.allocationGrowth());
        return java.util.Optional.of(new Recommendation("allocation-growth", c.caseKey(), Priority.MEDIUM,
                now > 0 ? 1 - before / now : Double.NaN, "allocation back to the baseline's", String.format(Locale.ROOT,
                "allocation grew from %.0f to %.0f B/op (%+.0f %%) since the baseline", before, now, growth * 100), ev));
    }

    /** The built-in scalability rule at the thresholds' efficiency. */
    public static java.util.Optional<Recommendation> scalability(ScalabilityAnalysis.Curve curve, Thresholds t) {
        return scalability(curve, t.efficiency(), "scalability", Priority.MEDIUM, "");
    }

    /**
     * Poor scaling: some thread count's parallel efficiency (speed-up ÷ min(threads, processors), see
     * {@link ScalabilityAnalysis}) is below {@code threshold}. Thread counts above the processor
     * count are not judged: what they lose is the machine's, not contention's (said in the
     * evidence). Impact: the throughput gain at the first such count if it reached the threshold,
     * threshold / efficiency − 1.
     */
    public static java.util.Optional<Recommendation> scalability(ScalabilityAnalysis.Curve curve, double threshold,
                                                                 String rule, Priority priority, String advice) {
        ScalabilityAnalysis.Point worst = null;
        ScalabilityAnalysis.Point first = null;
        int oversubscribed = 0;
        for (ScalabilityAnalysis.Point p : curve.points()) {
            if (p.oversubscribed()) {
                oversubscribed++;
                continue;
            }
            if (p.efficiency() < threshold) {
                if (first == null) {
                    first = p;
                }
                if (worst == null || p.efficiency() < worst.efficiency()) {
                    worst = p;
                }
            }
        }
        if (first == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("threads", first.threads());
        ev.put("speedup", first.speedup());
        ev.put("efficiency", first.efficiency());
        ev.put("worst_threads", worst.threads());
        ev.put("worst_efficiency", worst.efficiency());
        ev.put("threshold", threshold);
        int processors = curve.processors();
        ev.put("processors", processors > 0 ? processors : "unknown");
        if (oversubscribed > 0) {
            ev.put("not_judged", oversubscribed + " thread count(s) above the processor count");
        }
        return java.util.Optional.of(new Recommendation(rule, curve.family(), priority, threshold / first.efficiency() - 1,
                String.format(Locale.ROOT, "throughput at %d threads if efficiency reached %.2f", first.threads(), threshold),
                String.format(Locale.ROOT, "parallel efficiency falls to %.0f %% at %d threads on %s processors (speed-up %.2f×; "
                        + "worst %.0f %% at %d): %s", first.efficiency() * 100, first.threads(),
                        processors > 0 ? String.valueOf(processors) : "?", first.speedup(), worst.efficiency() * 100,
                        worst.threads(), advice.isEmpty() ? "look for contention on shared state (-prof perfc2c, lock profiling)"
                        : advice), ev));
    }

    /**
     * Budget checks as advice: a failure is critical, a warning (beyond the target) high, a pass
     * close to its level and a budget not checked low. Impact: the change still needed.
     */
    public static List<Recommendation> budgets(BudgetReport report) {
        List<Recommendation> out = new ArrayList<>();
        for (BudgetCheck c : report.checks()) {
            Priority p = switch (c.status()) {
                case FAIL -> Priority.CRITICAL;
                case WARN -> Priority.HIGH;
                default -> Priority.LOW;
            };
            if (c.status() == BudgetStatus.PASS && !c.close()) {
                continue;
            }
            String what = switch (c.status()) {
                case FAIL -> "broken";
                case WARN -> "beyond its target";
                case NOT_CHECKED -> "not checked";
                default -> "close to its level";
            };
            boolean judged = c.status() == BudgetStatus.FAIL || c.status() == BudgetStatus.WARN;
            out.add(new Recommendation("budget", c.caseKey().isEmpty() ? c.pattern() : c.caseKey(), p,
                    !judged || Double.isNaN(c.needed()) ? Double.NaN : Math.abs(c.needed()) / ("%".equals(c.unit()) ? 100 : 1),
                    c.status() == BudgetStatus.NOT_CHECKED ? "nothing measured to judge"
                            : !judged || Double.isNaN(c.needed()) ? "none: within its level" : c.neededText(),
                    "budget " + c.budget() + ": " + c.criterion() + " " + what + (c.note().isEmpty() ? "" : " (" + c.note() + ")"),
                    evidence(c)));
        }
        return out;
    }

    /** A domain rule's failing checks as advice with the rule's priority and words. */
    public static List<Recommendation> domain(AdviceRules.DomainRule rule, BudgetReport report) {
        List<Recommendation> out = new ArrayList<>();
        for (BudgetCheck c : report.checks()) {
            if (c.status() != BudgetStatus.FAIL || !c.budget().equals(rule.name())) {
                continue;
            }
            out.add(new Recommendation(rule.name(), c.caseKey(), rule.priority(),
                    Double.isNaN(c.needed()) ? Double.NaN : Math.abs(c.needed()), c.neededText(),
                    rule.when() + ": " + c.note() + (rule.advice().isEmpty() ? "" : "; " + rule.advice()), evidence(c)));
        }
        return out;
    }

    private static Map<String, Object> evidence(BudgetCheck c) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("criterion", c.criterion());
        ev.put("current", c.actual());
        if (!Double.isNaN(c.target())) {
            ev.put("target", c.target());
        }
        if (!Double.isNaN(c.critical())) {
            ev.put("critical", c.critical());
        }
        ev.put("unit", c.unit());
        ev.put("pattern", c.pattern());
        ev.put("defined_at", c.where());
        return ev;
    }
}
