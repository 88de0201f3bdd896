package io.benchledger.archive.analysis.changepoint;

import java.time.Instant;

/**
 * A place in one case's history where its level changed. Field names follow the JSON contract of
 * {@code changes --format json}.
 *
 * @param index 0-based position in the case's series (the first run after the change)
 * @param before centre of the segment before the change
 * @param after centre of the segment after the change
 * @param change (after − before) ÷ before, as a fraction
 * @param direction {@code regression} or {@code improvement}, from the metric's direction
 */
public record ChangePoint(
        String caseKey,
        String benchmark,
        String metric,
        String runId,
        String version,
        String commit,
        Instant time,
        int index,
        double before,
        double after,
        double change,
        double pValue,
        String direction) {

    public static final String REGRESSION = "regression";
    public static final String IMPROVEMENT = "improvement";
}
