package io.benchledger.archive.analysis.trend;

import io.benchledger.archive.analysis.AnalysisRuns;
import io.benchledger.archive.stats.LinearFit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Least-squares trend ({@link LinearFit}) over the last {@code window} of a series (default 30 days before its latest
 * point, at least 10 points):
 * <pre>
 *   b = Σ(tᵢ − t̄)(yᵢ − ȳ) / Σ(tᵢ − t̄)²          (t in days)
 *   R² = 1 − SSE / SST,   SSE = Σ(yᵢ − a − b·tᵢ)²,  SST = Σ(yᵢ − ȳ)²
 *   se(b) = √(SSE / (n − 2) / Σ(tᵢ − t̄)²),   t = b / se(b),   p = 2·P(T_{n−2} &gt; |t|)
 * </pre>
 * The direction is {@code stable} unless p &lt; α; then a slope the metric's direction calls better is
 * {@code improving}, otherwise {@code degrading}.
 *
 * <p>A trend is a property of one level: it is fitted within the segment since the last step of the
 * series ({@link #sinceLastStep}), never across a step. A line across a −51 % step between two flat
 * stretches would report a steady fall that never happened.
 */
public final class TrendAnalysis {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    public static final int MIN_POINTS = 10;
    public static final double ALPHA = 0.05;

    private TrendAnalysis() {
    }

    public static Optional<Trend> of(Instant[] times, double[] values, boolean higherIsBetter) {
        return of(times, values, higherIsBetter, DEFAULT_WINDOW, MIN_POINTS, ALPHA);
    }

    /**
     * The trend of the last window within the segment that starts at series position
     * {@code segmentStart} (the first run after the last step; 0 without steps).
     */
    public static Optional<Trend> sinceLastStep(Instant[] times, double[] values, boolean higherIsBetter,
                                                int segmentStart) {
        AnalysisRuns.count(AnalysisRuns.Engine.TREND);
        int from = Math.max(0, Math.min(segmentStart, values.length));
        return of(java.util.Arrays.copyOfRange(times, from, times.length),
                java.util.Arrays.copyOfRange(values, from, values.length), higherIsBetter);
    }

    /** The first position of the last segment: the largest step index, 0 without steps. */
    public static int lastSegmentStart(int[] stepIndexes) {
        int start = 0;
        for (int i : stepIndexes) {
            start = Math.max(start, i);
        }
        return start;
    }

    public static Optional<Trend> of(Instant[] times, double[] values, boolean higherIsBetter, Duration window,
                                     int minPoints, double alpha) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        if (times.length == 0) {
            return Optional.empty();
        }
        Instant end = times[times.length - 1];
        Instant start = end.minus(window);
        int first = times.length;
        while (first > 0 && !times[first - 1].isBefore(start)) {
            first--;
        }
        int n = times.length - first;
        if (n < Math.max(3, minPoints)) {
            return Optional.empty();
        }
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (times[first + i].toEpochMilli() - end.toEpochMilli()) / 86_400_000.0;
            y[i] = values[first + i];
        }
        LinearFit fit = LinearFit.of(t, y);
        if (!fit.defined()) {
            return Optional.empty(); // all points at one instant: no time axis to fit
        }
        double b = fit.slope();
        double p;
        double se = Math.sqrt(fit.sse() / (n - 2) / fit.sxx());
        if (se == 0) {
            p = b == 0 ? 1.0 : 0.0;
        } else {
            p = Math.min(1.0, 2 * TDistribution.of(n - 2).survivalProbability(Math.abs(b / se)));
        }
        String direction = p >= alpha || b == 0 ? Trend.STABLE
                : ((b > 0) == higherIsBetter ? Trend.IMPROVING : Trend.DEGRADING);
        double ym = fit.meanY();
        // t is in days before the latest point, so the intercept is the fitted level at the end
        return Optional.of(new Trend(b, ym == 0 ? 0 : b / Math.abs(ym), fit.rSquared(), p, n, times[first], end,
                direction, fit.intercept()));
    }
}
