package io.benchledger.archive.analysis.experiment;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The running test of one case in an interleaved A/B experiment: pairs of fork means arrive one at
 * a time; at each planned look the paired statistic is compared with the O'Brien–Fleming-type
 * boundary, and the case is decided when it crosses or when the plan's last look is reached.
 *
 * <p>At a look with n pairs, d_i = ln(B_i) − ln(A_i), d̄ their mean and s their standard deviation:
 * the paired t statistic t = d̄ / (s/√n) on n − 1 degrees of freedom is turned into the normal
 * scale the boundaries are computed on by matching tail probabilities,
 * z = sign(t) · Φ⁻¹(1 − F_{t,n−1}(|t|)) (the usual small-sample correction), and the repeated
 * confidence interval is d̄ ± q·s/√n with q = F⁻¹_{t,n−1}(Φ(c_k)): it covers the true effect
 * with probability ≥ 1 − α simultaneously at every look (Jennison &amp; Turnbull, ch. 9).
 * Pairing consecutive forks of A and B cancels slow machine drift.
 */
public final class SequentialExperiment {
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private final ExperimentPlan plan;
    private double[] a = new double[8];
    private double[] b = new double[8];
    private int n;
    private int looksDone;
    private double[] fractionsDone = new double[0];
    private AbOutcome outcome;

    private final boolean inferenceDetails;

    public SequentialExperiment(ExperimentPlan plan) {
        this(plan, true);
    }

    /**
     * @param inferenceDetails false to skip the stage-wise p-value and the achieved power (NaN in
     *                         the outcome): what a simulation of thousands of experiments needs
     */
    public SequentialExperiment(ExperimentPlan plan, boolean inferenceDetails) {
        this.plan = plan;
        this.inferenceDetails = inferenceDetails;
    }

    public ExperimentPlan plan() {
        return plan;
    }

    public int pairs() {
        return n;
    }

    public boolean decided() {
        return outcome != null;
    }

    public Optional<AbOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Adds the fork means of one pair (ignored once decided); true when this pair decided the case. */
    public boolean add(double forkMeanA, double forkMeanB) {
        if (outcome != null) {
            return false;
        }
        if (!(forkMeanA > 0) || !(forkMeanB > 0)) {
            throw new IllegalArgumentException("fork means must be positive to take logarithms: "
                    + forkMeanA + ", " + forkMeanB);
        }
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            b = Arrays.copyOf(b, n * 2);
        }
        a[n] = forkMeanA;
        b[n] = forkMeanB;
        n++;
        int k = plan.lookAt(n);
        if (k < 0) {
            return false;
        }
        boolean last = k == plan.lookPairs().length - 1;
        looksDone = k + 1;
        fractionsDone = Arrays.copyOf(fractionsDone, looksDone);
        fractionsDone[k] = plan.boundaries().fraction(k);
        if (last || Math.abs(zStatistic()) >= plan.boundaries().bound(k)) {
            outcome = evaluate(plan.boundaries(), k, false);
            return true;
        }
        return false;
    }

    /**
     * Ends the case now (time limit): the current pairs become the final look, which spends all the
     * α not yet spent, so the error rate stays at α. Undecided cases with too few pairs get no test.
     */
    public Optional<AbOutcome> finishNow() {
        if (outcome != null) {
            return Optional.of(outcome);
        }
        if (n < ExperimentPlanner.MIN_PAIRS) {
            return Optional.empty();
        }
        double[] t;
        if (looksDone > 0 && plan.lookPairs()[looksDone - 1] == n) {
            t = fractionsDone.clone();
        } else {
            t = Arrays.copyOf(fractionsDone, looksDone + 1);
            t[looksDone] = Math.min(1, (double) n / plan.maxPairs());
        }
        SpendingBoundaries truncated = SpendingBoundaries.of(plan.alpha(), t, true);
        outcome = evaluate(truncated, t.length - 1, true);
        return Optional.of(outcome);
    }

    /** The paired t statistic of the pairs so far, on the normal scale. */
    private double zStatistic() {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += Math.log(b[i]) - Math.log(a[i]);
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(b[i]) - Math.log(a[i]) - mean;
            ss += x * x;
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return toZ(mean, se, n);
    }

    /** z = sign(t)·Φ⁻¹(1 − F_{t,n−1}(|t|)) with t = mean/se. */
    private static double toZ(double mean, double se, int n) {
        if (se == 0) {
            return mean == 0 ? 0 : Math.copySign(40, mean);
        }
        double tStat = mean / se;
        double tail = TDistribution.of(n - 1).survivalProbability(Math.abs(tStat));
        return Math.copySign(tail > 0 ? N01.inverseSurvivalProbability(tail) : 40, tStat);
    }

    private AbOutcome evaluate(SpendingBoundaries bounds, int k, boolean truncated) {
        double[] d = new double[n];
        double sumLogA = 0;
        double sumLogB = 0;
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(b[i]) - Math.log(a[i]);
            sumLogA += Math.log(a[i]);
            sumLogB += Math.log(b[i]);
        }
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double se = sd / Math.sqrt(n);
        TDistribution t = TDistribution.of(n - 1);
        double z = toZ(mean, se, n);
        double c = bounds.bound(k);
        double q = t.inverseCumulativeProbability(Math.min(N01.cumulativeProbability(c), 1 - 1e-16));
        boolean crossed = Math.abs(z) >= c;
        double power = inferenceDetails ? achievedPower(bounds, sd) : Double.NaN;
        double p = inferenceDetails ? bounds.pValue(k, z) : Double.NaN;
        return new AbOutcome(Math.exp(sumLogA / n), Math.exp(sumLogB / n), Math.expm1(mean),
                Math.expm1(mean - q * se), Math.expm1(mean + q * se), p, z, c, sd, power, n,
                k + 1, plan.lookPairs().length, crossed, crossed && n < plan.maxPairs(), truncated);
    }

    /**
     * Power at the planned effect of the looks actually available (those taken when truncated,
     * the whole plan otherwise) with σ as observed: rejection probability at drift δ√N_max/σ.
     */
    private double achievedPower(SpendingBoundaries bounds, double sd) {
        if (!(sd > 0)) {
            return 1;
        }
        double drift = Math.log1p(plan.minimumEffect()) / sd * Math.sqrt(plan.maxPairs());
        return bounds.rejectionProbability(drift);
    }
}
