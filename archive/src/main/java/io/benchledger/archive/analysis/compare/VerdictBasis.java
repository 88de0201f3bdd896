package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.model.Result;
import java.util.Locale;
import java.util.Set;

/**
 * How a case's verdict was reached.
 *
 * @param model           {@code history} (the candidate run against what the recent runs predict,
 *                        {@link HistoryComparison}) or {@code two-sample} (two sets of samples, {@link CaseAnalysis})
 * @param baselineRuns    runs on the baseline side behind this case (for {@code history}: after the
 *                        case's last change point, with the candidate's settings)
 * @param baselineFrom    first (oldest) of those runs; empty when not known
 * @param runToRun        the history's robust run-to-run standard deviation relative to its level; NaN
 *                        without history
 * @param thresholdSource {@code configured} or {@code learned} (k × {@code runToRun} was larger)
 * @param reason          why the verdict is {@code inconclusive}; empty otherwise
 * @param gated           whether this metric can fail the gate ({@link ComparisonOptions#gatedMetrics()})
 * @param difference      candidate centre − baseline centre, in the metric's unit (what a zero
 *                        baseline is judged by, since its relative change is undefined)
 */
public record VerdictBasis(String model, int baselineRuns, String baselineFrom, double runToRun,
                           String thresholdSource, String reason, boolean gated, double difference) {
    public static final String HISTORY = "history";
    public static final String TWO_SAMPLE = "two-sample";
    public static final String CONFIGURED = "configured";
    public static final String LEARNED = "learned";

    public VerdictBasis {
        baselineFrom = baselineFrom == null ? "" : baselineFrom;
        reason = reason == null ? "" : reason;
    }

    /** The basis of a two-sample comparison before the engine knows more. */
    static VerdictBasis twoSample(double threshold, String metric, double difference) {
        return new VerdictBasis(TWO_SAMPLE, 0, "", Double.NaN, CONFIGURED, "",
                ComparisonOptions.DEFAULT_GATED_METRICS.contains(metric), difference);
    }

    VerdictBasis withReason(String r) {
        return new VerdictBasis(model, baselineRuns, baselineFrom, runToRun, thresholdSource, r, gated, difference);
    }

    VerdictBasis withRuns(int runs) {
        return new VerdictBasis(model, runs, baselineFrom, runToRun, thresholdSource, reason, gated, difference);
    }

    /** Whether a metric of these gates, by name: exact, or a {@code prefix.*} pattern such as {@code proc.*}. */
    static boolean gates(Set<String> gated, String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        for (String g : gated) {
            String p = g.toLowerCase(Locale.ROOT);
            if (p.equals(m) || (p.endsWith("*") && m.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Allocation per operation below one byte is measurement residue (the harness's own allocation
     * spread over millions of operations; one object is at least 16 bytes): a change smaller than this
     * in {@code B/op} is never a regression or an improvement, whatever its percentage.
     */
    static final double ALLOCATION_FLOOR_BYTES = 1.0;

    static boolean belowFloor(String unit, double difference) {
        return "B/op".equalsIgnoreCase(unit) && Math.abs(difference) < ALLOCATION_FLOOR_BYTES;
    }

    /** Counts (GCs) whose change is this small are never a severity above none: 0 → 1 GC is not news. */
    static final double SMALL_COUNT = 10;

    static boolean smallCount(String metric, String unit, double difference) {
        boolean count = "counts".equalsIgnoreCase(unit) || metric.endsWith(".count");
        return count && !(Math.abs(difference) >= SMALL_COUNT) && !Result.PRIMARY.equals(metric);
    }
}
