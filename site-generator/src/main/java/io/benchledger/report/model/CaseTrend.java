package io.benchledger.report.model;

/**
 * A least-squares trend over one case's recent history (see the archive's TrendAnalysis).
 *
 * @param slopePerDay the fitted change per day, as a fraction of the series' mean (+0.01 is 1 % a day)
 * @param rSquared coefficient of determination of the fit
 * @param pValue significance of the slope (t-test of slope = 0)
 * @param direction {@code improving}, {@code degrading} or {@code stable}, from the metric's direction
 */
public record CaseTrend(
        String caseKey,
        String benchmark,
        String metric,
        int points,
        double slopePerDay,
        double rSquared,
        double pValue,
        String direction) {
}
