package io.benchledger.archive.analysis.changepoint;

/**
 * When {@link StepTest}'s merge drops a step: the rules it applies to every step until all hold.
 *
 * @param maxPValue    a point holds only with p below this
 * @param minMagnitude and a relative change of the level above this fraction
 * @param minEffect    and, when above 0, a step of at least this many noise standard deviations
 * @param noise        the series' noise standard deviation that {@code minEffect} is counted in
 * @param minSegment   and at least this many points on either side (a level needs that many runs)
 */
public record MergeRule(double maxPValue, double minMagnitude, double minEffect, double noise, int minSegment) {

    /** The rule of a detector's settings for a series of this noise. */
    public static MergeRule of(DetectorSettings settings, double noise) {
        return new MergeRule(settings.maxPValue(), settings.minMagnitude(), settings.minEffect(), noise,
                settings.minSegment());
    }
}
