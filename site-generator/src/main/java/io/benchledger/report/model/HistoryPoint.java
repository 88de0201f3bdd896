package io.benchledger.report.model;

import java.time.Instant;

/**
 * One run's value in a case's history; {@code ciLow}/{@code ciHigh} are NaN when the run has no interval.
 */
public record HistoryPoint(int index, String runId, String version, Instant time, double value,
                           double ciLow, double ciHigh) {
}
