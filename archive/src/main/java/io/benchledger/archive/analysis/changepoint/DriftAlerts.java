package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.archive.analysis.compare.HistoryComparison;
import io.benchledger.archive.analysis.compare.VerdictBasis;
import java.util.List;

/**
 * Which drifts are alerts: those whose total change passes the case's comparison threshold, the one
 * the gate judges a run against. The detector's own rule (2 noise sd, 1 %) decides what is a drift;
 * whether a team is told is the threshold's business, as for a comparison:
 * <pre>
 *   threshold = max(configured, K · σ̂ / |before|)        K = {@value HistoryComparison#K}
 * </pre>
 * with the configured threshold of the case (suite configuration, {@code --threshold},
 * {@code --threshold-for}) and the learned one of the recent-history gate ({@link HistoryComparison}:
 * K run-to-run standard deviations relative to the level; here σ̂ is the case's noise estimate over
 * its whole series, {@link NoiseEstimate}). A drift below it is listed as information.
 */
public final class DriftAlerts {
    private DriftAlerts() {
    }

    /** One drift judged against its case's threshold. */
    public static Drift judge(Drift d, double configured) {
        double learned = Double.isFinite(d.relativeNoise()) ? HistoryComparison.K * d.relativeNoise() : 0;
        return learned > configured ? d.withThreshold(learned, VerdictBasis.LEARNED)
                : d.withThreshold(configured, VerdictBasis.CONFIGURED);
    }

    public static List<Drift> judge(List<Drift> drifts, ComparisonOptions options) {
        return drifts.stream().map(d -> judge(d, options.thresholdFor(d.caseKey()))).toList();
    }
}
