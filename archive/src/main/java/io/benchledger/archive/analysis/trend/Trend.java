package io.benchledger.archive.analysis.trend;

import java.time.Instant;

/**
 * The least-squares trend of a case over a time window.
 *
 * @param slopePerDay change of the value per day (units of the metric)
 * @param relativeSlopePerDay slope ÷ mean of the window: +0.001 is +0.1 % per day
 * @param rSquared share of the window's variance the line explains
 * @param pValue two-sided t-test of slope = 0
 * @param direction {@code improving}, {@code degrading} or {@code stable} (not significant)
 * @param levelAtEnd the fitted line's value at {@code to} (the line is levelAtEnd + slopePerDay · days after {@code to})
 */
public record Trend(double slopePerDay, double relativeSlopePerDay, double rSquared, double pValue, int points,
                    Instant from, Instant to, String direction, double levelAtEnd) {

    /** The fitted line's value at a time. */
    public double at(Instant t) {
        return levelAtEnd + slopePerDay * (t.toEpochMilli() - to.toEpochMilli()) / 86_400_000.0;
    }

    public static final String IMPROVING = "improving";
    public static final String DEGRADING = "degrading";
    public static final String STABLE = "stable";
}
