package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.scalability.ScalabilityAnalysis;
import io.benchledger.archive.model.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The recommendation rules. Each is a small pure function of one case's measurements (or of a
 * scalability curve) that returns advice naming the numbers it rests on.
 */
public final class Recommender {
    private static final double Z975 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private Recommender() {
    }

    public static List<Recommendation> recommend(List<CaseMeasurements> cases, List<ScalabilityAnalysis.Curve> curves,
                                                 List<Budget> budgets, Thresholds t) {
        List<Recommendation> out = new ArrayList<>();
        for (CaseMeasurements c : cases) {
            unstable(c, t).ifPresent(out::add);
            bimodal(c, t).ifPresent(out::add);
            tail(c, t).ifPresent(out::add);
            allocation(c, t).ifPresent(out::add);
            allocationGrowth(c, t).ifPresent(out::add);
            out.addAll(budget(c, budgets, t));
        }
        for (ScalabilityAnalysis.Curve curve : curves) {
            scalability(curve, t).ifPresent(out::add);
        }
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
        return java.util.Optional.of(new Recommendation("unstable", c.caseKey(), String.format(Locale.ROOT,
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
        return java.util.Optional.of(new Recommendation("bimodal", c.caseKey(), String.format(Locale.ROOT,
                "iteration scores look bimodal (Sarle's coefficient %.2f > %.3f over %d samples): check forks for "
                        + "different JIT or GC outcomes and report modes separately", b, t.bimodality(), xs.size()), ev));
    }

    /** Large tail: p99 ÷ p50 of a sample-mode case above the threshold. */
    public static java.util.Optional<Recommendation> tail(CaseMeasurements c, Thresholds t) {
        if (c.percentiles().isEmpty()) {
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
        return java.util.Optional.of(new Recommendation("tail", c.caseKey(), String.format(Locale.ROOT,
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
        return java.util.Optional.of(new Recommendation("allocation", c.caseKey(), String.format(Locale.ROOT,
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
        return java.util.Optional.of(new Recommendation("allocation-growth", c.caseKey(), String.format(Locale.ROOT,
                "allocation grew from %.0f to %.0f B/op (%+.0f %%) since the baseline", before, now, growth * 100), ev));
    }

    /**
     * Poor scaling: some thread count's efficiency is below the threshold. Oversubscribed points (more
     * threads than processors) are left out: what they lose is the machine's, not contention's.
     */
    public static java.util.Optional<Recommendation> scalability(ScalabilityAnalysis.Curve curve, Thresholds t) {
        ScalabilityAnalysis.Point worst = null;
        ScalabilityAnalysis.Point first = null;
        for (ScalabilityAnalysis.Point p : curve.points()) {
            if (p.efficiency() < t.efficiency() && !p.oversubscribed()) {
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
        ev.put("threshold", t.efficiency());
        ev.put("processors", curve.processors());
        return java.util.Optional.of(new Recommendation("scalability", curve.family(), String.format(Locale.ROOT,
                "parallel efficiency (against min(threads, processors)) falls to %.0f %% at %d threads (speed-up %.2f×; worst %.0f %% at %d): look for "
                        + "contention on shared state (-prof perfc2c, lock profiling)", first.efficiency() * 100,
                first.threads(), first.speedup(), worst.efficiency() * 100, worst.threads()), ev));
    }

    /**
     * Budgets close to their limit or over it: a maximum whose value is at or above (1 − margin) of
     * it, a minimum whose value is at or below (1 + margin) of it, a regression limit whose
     * regression against the baseline is at or above (1 − margin) of it.
     */
    public static List<Recommendation> budget(CaseMeasurements c, List<Budget> budgets, Thresholds t) {
        List<Recommendation> out = new ArrayList<>();
        for (Budget b : budgets) {
            if (!Pattern.compile(b.pattern()).matcher(c.benchmark()).find()) {
                continue;
            }
            if (b.maxP99().isPresent() && c.percentiles().isPresent()) {
                check(out, c, b, "max_p99", c.percentiles().get().p99(), b.maxP99().getAsDouble(), true, t, c.unit());
            }
            if (b.minThroughput().isPresent() && c.higherIsBetter()) {
                check(out, c, b, "min_throughput", c.score(), b.minThroughput().getAsDouble(), false, t, c.unit());
            }
            if (b.maxAllocationPerOp().isPresent() && c.allocationPerOp().isPresent()) {
                check(out, c, b, "max_allocation_per_op", c.allocationPerOp().getAsDouble(),
                        b.maxAllocationPerOp().getAsDouble(), true, t, "B/op");
            }
            if (b.maxRegression().isPresent() && c.baselineScore().isPresent() && c.baselineScore().getAsDouble() > 0) {
                double ratio = c.score() / c.baselineScore().getAsDouble();
                double regression = c.higherIsBetter() ? 1 - ratio : ratio - 1;
                check(out, c, b, "max_regression", regression, b.maxRegression().getAsDouble(), true, t, "fraction");
            }
        }
        return out;
    }

    private static void check(List<Recommendation> out, CaseMeasurements c, Budget b, String criterion, double value,
                              double limit, boolean isMaximum, Thresholds t, String unit) {
        boolean broken = isMaximum ? value > limit : value < limit;
        boolean close = isMaximum ? value >= limit * (1 - t.budgetMargin()) : value <= limit * (1 + t.budgetMargin());
        if (!broken && !close) {
            return;
        }
        double headroom = isMaximum ? (limit - value) / limit : (value - limit) / limit;
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("criterion", criterion);
        ev.put("value", value);
        ev.put("limit", limit);
        ev.put("headroom", headroom);
        ev.put("margin", t.budgetMargin());
        ev.put("pattern", b.pattern());
        ev.put("unit", unit);
        String msg = broken
                ? String.format(Locale.ROOT, "budget %s broken: %.4g against a limit of %.4g %s", criterion, value, limit, unit)
                : String.format(Locale.ROOT, "budget %s close to its limit: %.4g against %.4g %s (%.1f %% headroom)",
                criterion, value, limit, unit, headroom * 100);
        out.add(new Recommendation("budget", c.caseKey(), msg, ev));
    }
}
