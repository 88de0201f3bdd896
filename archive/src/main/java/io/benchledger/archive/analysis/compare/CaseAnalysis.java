package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.stats.Centre;
import io.benchledger.archive.stats.ForkedSample;
import io.benchledger.archive.stats.HedgesG;
import io.benchledger.archive.stats.HierarchicalBootstrap;
import io.benchledger.archive.stats.PowerAnalysis;
import io.benchledger.archive.stats.TwoSampleTests;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The comparison of one case and metric, before the correction across cases: centres, change,
 * interval, p-values and effect size. {@link Comparison} adds q-values and the verdict.
 *
 * <p>Which values are tested: when both sides have at least {@code minForks} forks, the fork means
 * (the independent units: iterations within a fork are correlated, so counting them as independent
 * would overstate the evidence); otherwise every iteration score, which is all there is.
 * Which test drives the verdict: Welch's t on fork means (a fork mean averages many iterations, so
 * it is close to normal, and the t test's p-value is not floored by the small number of forks the
 * way a rank test's is: with 5 forks per side Mann–Whitney cannot go below p = 2/252 ≈ 0.008,
 * which no correction across hundreds of cases can make significant); Mann–Whitney U on iteration
 * scores (robust to the skew and outliers of raw JVM measurements, as benchstat does).
 */
final class CaseAnalysis {
    private CaseAnalysis() {
    }

    static CaseComparison compare(CaseData base, CaseData cand, ComparisonOptions o) {
        double threshold = o.thresholdFor(base.caseKey());
        boolean hib = cand.higherIsBetter();
        if (base.failed() || cand.failed()) {
            String failure = base.failed() && cand.failed() ? "both: " + cand.failure()
                    : base.failed() ? "baseline: " + base.failure() : "candidate: " + cand.failure();
            return new CaseComparison(base.caseKey(), base.benchmark(), base.params(), base.metric(), cand.unit(), hib,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Verdict.FAILED, Severity.NONE, base.sample().size(),
                    cand.sample().size(), 0, cand.mode(), Double.NaN, "", "", base.sample().forks(),
                    cand.sample().forks(), threshold, Band.OUTSIDE, failure, Double.NaN, Double.NaN,
                    basis(base.metric(), Double.NaN, o));
        }
        ForkedSample b = base.sample();
        ForkedSample c = cand.sample();
        boolean forkUnits = b.forks() >= o.minForks() && c.forks() >= o.minForks();
        double[] x = forkUnits ? o.centre().perFork(b) : b.flat();
        double[] y = forkUnits ? o.centre().perFork(c) : c.flat();
        double welch = TwoSampleTests.welchP(x, y);
        double mannWhitney = TwoSampleTests.mannWhitneyP(x, y);
        double p = forkUnits ? welch : mannWhitney;
        double baseMean = b.mean();
        double candMean = c.mean();
        double baseCentre = o.centre().of(b);
        double candCentre = o.centre().of(c);
        // a zero baseline has no relative change (never +Infinity %): it is judged by its absolute difference
        boolean zero = baseCentre == 0;
        double change = zero ? Double.NaN : candCentre / baseCentre - 1;
        HierarchicalBootstrap.Interval ci = zero ? new HierarchicalBootstrap.Interval(Double.NaN, Double.NaN)
                : HierarchicalBootstrap.relativeChange(b, c, o.centre(), o.replicates(), o.confidence(),
                o.seed() ^ caseSeed(base.caseKey(), base.metric()));
        return new CaseComparison(base.caseKey(), base.benchmark(), base.params(), base.metric(), cand.unit(), hib,
                baseMean, candMean, b.median(), c.median(), change, ci.low(), ci.high(), p, welch, Double.NaN,
                HedgesG.of(x, y), Verdict.INCONCLUSIVE, Severity.NONE, b.size(), c.size(), 0, cand.mode(),
                mannWhitney, forkUnits ? CaseComparison.TEST_WELCH : CaseComparison.TEST_MANN_WHITNEY,
                forkUnits ? CaseComparison.UNIT_FORKS : CaseComparison.UNIT_SAMPLES, b.forks(), c.forks(), threshold,
                o.bands().of(change), "", baseCentre, candCentre, basis(base.metric(), candCentre - baseCentre, o));
    }

    static VerdictBasis basis(String metric, double difference, ComparisonOptions o) {
        return new VerdictBasis(VerdictBasis.TWO_SAMPLE, 0, "", Double.NaN, VerdictBasis.CONFIGURED, "",
                o.gates(metric), difference);
    }

    /** Severity by the configured levels, none for a small change of a count (0 → 1 GC) or an undefined change. */
    static Severity severity(CaseComparison cc, ComparisonOptions o) {
        if (VerdictBasis.smallCount(cc.metric(), cc.unit(), cc.basis().difference())) {
            return Severity.NONE;
        }
        return o.severity().of(cc.change());
    }

    /**
     * The verdict, once the q-value is known:
     * <ol>
     *   <li>improved / regressed: q &lt; α and the whole interval lies beyond ± the threshold;</li>
     *   <li>inconclusive: fewer than 2 units on a side, no p-value, or fewer units than a change of the
     *       threshold's size needs to be found with the configured power (the number needed is kept);</li>
     *   <li>unchanged: otherwise — the data could have shown a change of that size, and did not.</li>
     * </ol>
     */
    static CaseComparison decide(CaseComparison cc, double q, ComparisonOptions o, double[] baseUnits, double[] candUnits) {
        if (cc.verdict() == Verdict.FAILED) {
            return cc;
        }
        double t = cc.threshold();
        boolean beyond = cc.ciLow() > t || cc.ciHigh() < -t;
        if (cc.baselineCentre() == 0 && Double.isNaN(cc.change()) && cc.basis().difference() != 0) {
            // zero baseline: significance of the absolute difference decides; a percentage would be infinite
            beyond = true;
        }
        if (VerdictBasis.belowFloor(cc.unit(), cc.basis().difference())) {
            beyond = false;
        }
        if (q < o.alpha() && beyond) {
            Verdict v = cc.worse() ? Verdict.REGRESSED : Verdict.IMPROVED;
            return cc.withDecision(q, v, severity(cc, o), 0);
        }
        int have = Math.min(baseUnits.length, candUnits.length);
        if (have >= 2 && Double.isNaN(cc.pValue()) && cc.change() == 0) {
            // every value on both sides is the same (allocation per operation often is): nothing moved
            return cc.withDecision(q, Verdict.UNCHANGED, Severity.NONE, 0);
        }
        long needed = samplesNeeded(baseUnits, candUnits, t, o);
        if (have < 2 || Double.isNaN(cc.pValue()) || needed > have) {
            String why = needed == Long.MAX_VALUE ? "too noisy for the threshold"
                    : "needs " + Math.max(needed, 2) + " " + cc.testUnit() + "/side, has " + have;
            return cc.withDecision(q, Verdict.INCONCLUSIVE, Severity.NONE, Math.max(needed, 2))
                    .withBasis(cc.basis().withReason(why));
        }
        return unchangedOrOpen(cc, q);
    }

    /**
     * Unchanged, when the change itself lies within the threshold. A change beyond the threshold
     * whose interval is not wholly beyond it (or that is not significant) is neither shown nor ruled
     * out, so it is inconclusive: "+12.3 % [+6.2 %, +18.3 %], threshold ±6.7 %" is not "unchanged".
     */
    static CaseComparison unchangedOrOpen(CaseComparison cc, double q) {
        double t = cc.threshold();
        if (!Double.isNaN(cc.change()) && Math.abs(cc.change()) > t) {
            return cc.withDecision(q, Verdict.INCONCLUSIVE, Severity.NONE, 0).withBasis(cc.basis().withReason(
                    String.format(java.util.Locale.ROOT, "change %+.1f%% is beyond the threshold ±%.1f%% but its interval"
                                    + " [%+.1f%%, %+.1f%%] is not wholly beyond it or not significant",
                            100 * cc.change(), 100 * t, 100 * cc.ciLow(), 100 * cc.ciHigh())));
        }
        return cc.withDecision(q, Verdict.UNCHANGED, Severity.NONE, 0);
    }

    /**
     * Units per side for the power analysis: CV of the units pooled over both sides,
     * c = √((s²_b + s²_c) / 2) / x̄_b, and a relative effect equal to the threshold.
     */
    static long samplesNeeded(double[] baseUnits, double[] candUnits, double threshold, ComparisonOptions o) {
        if (baseUnits.length < 2 || candUnits.length < 2) {
            return 2;
        }
        double sd = Math.sqrt((Centre.variance(baseUnits) + Centre.variance(candUnits)) / 2);
        double cv = sd / Math.abs(Centre.mean(baseUnits));
        if (!(cv > 0)) {
            return 2; // no spread at all: two units already tell
        }
        if (!(threshold > 0)) {
            return Long.MAX_VALUE;
        }
        return PowerAnalysis.sampleSizePerGroup(threshold, cv, o.alpha(), o.power());
    }

    /** A stable per-case seed: CRC-32 of "case_key metric" (the same on every JVM). */
    static long caseSeed(String caseKey, String metric) {
        CRC32 crc = new CRC32();
        crc.update((caseKey + "\u0000" + metric).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() * 0x9E3779B97F4A7C15L;
    }

    static double[] units(ForkedSample s, String testUnit, ComparisonOptions o) {
        return CaseComparison.UNIT_FORKS.equals(testUnit) ? o.centre().perFork(s) : s.flat();
    }
}
