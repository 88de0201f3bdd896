package io.benchledger.archive.analysis.changepoint;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of one case's history whose level moved steadily ({@link DriftDetector}): reported and
 * alerted on like a step. Field names follow the {@code drifts} list of {@code changes --format json}.
 *
 * @param startIndex 0-based series position of the drift's first run
 * @param endIndex position of its last run (inclusive)
 * @param before the level at the start (the fitted line, steps before it included)
 * @param after before plus the drift's total change (steps inside the drift not included)
 * @param change (after − before) ÷ before, as a fraction
 * @param changePerRun change ÷ (endIndex − startIndex): the Theil–Sen slope relative to before
 * @param changePerDay change ÷ the days between the first and the last run (NaN when they are one instant)
 * @param pValue Mann–Kendall p-value of the drift, corrected for autocorrelation
 * @param direction {@code regression} or {@code improvement}, from the metric's direction
 * @param relativeNoise the case's run-to-run noise σ̂ ({@link NoiseEstimate}) ÷ |before|
 * @param threshold the case's comparison threshold the drift is judged against, as a fraction (NaN
 *        until {@link DriftAlerts} judged it)
 * @param thresholdSource {@code configured} or {@code learned} (empty until judged)
 * @param acknowledgedChange the change when the drift was acknowledged (NaN when it is not)
 */
public record Drift(
        String caseKey,
        String benchmark,
        String metric,
        int startIndex,
        int endIndex,
        String startRunId,
        String endRunId,
        String startVersion,
        String endVersion,
        String startCommit,
        String endCommit,
        Instant startTime,
        Instant endTime,
        double before,
        double after,
        double change,
        double changePerRun,
        double changePerDay,
        double pValue,
        String direction,
        double relativeNoise,
        double threshold,
        String thresholdSource,
        double acknowledgedChange) {

    /** Whether someone acknowledged this drift ({@code benchledger ack}). */
    public boolean acknowledged() {
        return !Double.isNaN(acknowledgedChange);
    }

    /**
     * An alert: its total change passes the case's threshold — for an acknowledged drift, what it
     * moved since it was acknowledged does. A drift not judged yet (NaN threshold) alerts.
     */
    public boolean alert() {
        double moved = acknowledged() ? Math.abs(change) - Math.abs(acknowledgedChange) : Math.abs(change);
        return !(moved < threshold);
    }

    /** The same drift judged against a threshold. */
    public Drift withThreshold(double value, String source) {
        return new Drift(caseKey, benchmark, metric, startIndex, endIndex, startRunId, endRunId, startVersion,
                endVersion, startCommit, endCommit, startTime, endTime, before, after, change, changePerRun,
                changePerDay, pValue, direction, relativeNoise, value, source, acknowledgedChange);
    }

    /** The same drift, acknowledged when it had moved by {@code change}. */
    public Drift withAcknowledgedChange(double value) {
        return new Drift(caseKey, benchmark, metric, startIndex, endIndex, startRunId, endRunId, startVersion,
                endVersion, startCommit, endCommit, startTime, endTime, before, after, change, changePerRun,
                changePerDay, pValue, direction, relativeNoise, threshold, thresholdSource, value);
    }

    /** Runs the drift spans. */
    public int runs() {
        return endIndex - startIndex + 1;
    }

    /** change ÷ days, NaN for no time between the two runs. */
    static double perDay(double change, Instant from, Instant to) {
        double days = Duration.between(from, to).toMillis() / 86_400_000.0;
        return days > 0 ? change / days : Double.NaN;
    }
}
