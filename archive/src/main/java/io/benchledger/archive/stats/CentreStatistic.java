package io.benchledger.archive.stats;

/**
 * Which centre a comparison measures change in.
 * <ul>
 *   <li>{@code TRIMMED_MEAN} (the default): the mean of the iteration scores after removing the
 *       lowest and highest 10 % (by weight). An iteration that a GC pause or a noisy neighbour made
 *       30 % slower moves a mean by 30 % ÷ n; it does not move a trimmed mean, while the trimmed
 *       mean keeps nearly all the precision of the mean on well-behaved data (about 97 % efficiency
 *       under normal noise, against 64 % for the median).</li>
 *   <li>{@code MEDIAN}: the middle iteration score (benchstat's centre).</li>
 *   <li>{@code MEAN}: JMH's own score.</li>
 * </ul>
 */
public enum CentreStatistic {
    TRIMMED_MEAN, MEDIAN, MEAN;

    /** Fraction of the weight removed at each end by {@link #TRIMMED_MEAN}. */
    public static final double TRIM = 0.10;

    /** The centre of a side over all its iteration scores. */
    public double of(ForkedSample s) {
        return of(s.flat(), s.flatWeights());
    }

    public double of(double[] values, double[] weights) {
        return switch (this) {
            case MEAN -> Centre.weightedMean(values, weights);
            case MEDIAN -> Centre.weightedMedian(values, weights);
            case TRIMMED_MEAN -> Centre.weightedTrimmedMean(values, weights, TRIM);
        };
    }

    /** The per-fork centres: the units tested when forks are many enough. */
    public double[] perFork(ForkedSample s) {
        double[] out = new double[s.forks()];
        for (int f = 0; f < out.length; f++) {
            out[f] = of(s.values()[f], s.weights()[f]);
        }
        return out;
    }
}
