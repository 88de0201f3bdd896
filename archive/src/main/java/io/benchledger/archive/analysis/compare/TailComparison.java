package io.benchledger.archive.analysis.compare;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison of a high quantile of single-operation times (JMH sample mode) between a
 * baseline and a candidate, beside the comparison of the centre: a change in the tail with a flat
 * mean is invisible to the centre's test. Decided by its own interval and threshold:
 * <ul>
 *   <li>inconclusive: fewer than {@link #minOperations(double)} operations on a side (fewer than
 *       ten beyond the quantile), fewer than two iterations on a side, or no interval;</li>
 *   <li>regressed / improved: the whole interval beyond ± the threshold, in the bad / good direction;</li>
 *   <li>unchanged: the whole interval within ± the threshold;</li>
 *   <li>inconclusive otherwise (the interval straddles the threshold).</li>
 * </ul>
 * The interval is already fork-aware (see {@code TailBootstrap}); tails are noisier than centres,
 * so the threshold is {@value #THRESHOLD_FACTOR} × the case's noise threshold, at least
 * {@value #MIN_THRESHOLD}.
 *
 * @param quantile 0.99 or 0.999
 * @param change candidate ÷ baseline − 1 of the quantile
 */
public record TailComparison(
        String caseKey,
        double quantile,
        double baseline,
        double candidate,
        double change,
        double ciLow,
        double ciHigh,
        double threshold,
        Verdict verdict,
        long baselineOperations,
        long candidateOperations,
        String note) {

    public static final double THRESHOLD_FACTOR = 2.0;
    public static final double MIN_THRESHOLD = 0.10;

    /** The tail threshold for a case whose centre uses {@code caseThreshold}. */
    public static double thresholdFor(double caseThreshold) {
        return Math.max(MIN_THRESHOLD, THRESHOLD_FACTOR * caseThreshold);
    }

    /** Operations a side needs for this quantile: ten beyond it, 10 ÷ (1 − q) (1,000 for p99). */
    public static long minOperations(double quantile) {
        return (long) Math.ceil(10 / (1 - quantile) - 1e-9);
    }

    /** "p99", "p99.9". */
    public String label() {
        return label(quantile);
    }

    public static String label(double quantile) {
        double pct = quantile * 100;
        return pct == Math.rint(pct) ? "p" + (long) pct : "p" + String.format(Locale.ROOT, "%s", pct).replaceAll("0+$", "");
    }

    /** The JSON object of {@code compare --format json}'s {@code tail}. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantile", quantile);
        m.put("baseline", num(baseline));
        m.put("candidate", num(candidate));
        m.put("change", num(change));
        m.put("ci_low", num(ciLow));
        m.put("ci_high", num(ciHigh));
        m.put("threshold", threshold);
        m.put("verdict", verdict.json());
        m.put("baseline_operations", baselineOperations);
        m.put("candidate_operations", candidateOperations);
        m.put("note", note);
        return m;
    }

    private static Object num(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
