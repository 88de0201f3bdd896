package io.benchledger.archive.analysis.changepoint;

import java.util.Locale;

/**
 * How change points are detected in one case's series.
 *
 * @param window Otava's window length for the split step (points per window)
 * @param maxPValue the t-test level of the merge step (the split step uses Otava's relaxed level)
 * @param minMagnitude smallest relative change reported, as a fraction (Otava's min_magnitude)
 * @param minEffect smallest step reported, in standard deviations of the case's own noise
 *        (0 switches the rule off)
 * @param outlierHalfWidth half-width of the outlier filter's window (0 switches the filter off)
 * @param outlierThreshold a point is an outlier beyond this many robust standard deviations
 *        (1.4826 × MAD) from the median of its window
 * @param minSegment fewest runs on each side of a change point (a shorter excursion is not a level)
 */
public record DetectorSettings(int window, double maxPValue, double minMagnitude, double minEffect,
                               int outlierHalfWidth, double outlierThreshold, int minSegment) {

    /** benchledger's defaults, chosen with the detection study in docs/change-points.md. */
    public static final DetectorSettings DEFAULTS = new DetectorSettings(30, 0.001, 0.01, 2.0, 5, 5.0, 5);

    public DetectorSettings {
        if (window < 4) {
            throw new IllegalArgumentException("window must be at least 4 points, was " + window);
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("max p-value must be in (0, 1), was " + maxPValue);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("minimum segment must be at least 1 run, was " + minSegment);
        }
        if (!(minMagnitude >= 0) || !(minEffect >= 0) || outlierHalfWidth < 0 || !(outlierThreshold > 0)) {
            throw new IllegalArgumentException("minimum magnitude, minimum effect, outlier window and threshold "
                    + "must not be negative");
        }
    }

    /** Apache Otava's {@code compute_change_points} with these parameters, without outlier filter or noise rule. */
    public static DetectorSettings otava(int window, double maxPValue, double minMagnitude) {
        return new DetectorSettings(window, maxPValue, minMagnitude, 0, 0, 4.0, 1);
    }

    /** A stable text of every parameter: results cached under one key are only reused with the same settings. */
    public String key() {
        return String.format(Locale.ROOT, "w%d-p%s-m%s-e%s-o%d-t%s-s%d", window, maxPValue, minMagnitude, minEffect,
                outlierHalfWidth, outlierThreshold, minSegment);
    }
}
