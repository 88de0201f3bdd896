package io.benchledger.archive.analysis.recommend;

/**
 * When the rules fire.
 *
 * @param maxCv coefficient of variation above which a case is unstable
 * @param targetPrecision the relative half-width (95 %) of the mean the "forks needed" advice aims at
 * @param bimodality Sarle's bimodality coefficient above which a distribution looks bimodal (5/9 is the uniform's)
 * @param minSamplesForShape the fewest iteration scores the bimodality rule judges
 * @param tailRatio p99 ÷ p50 above which the tail is called large
 * @param allocationHigh bytes per operation above which allocation is called high
 * @param allocationGrowth relative growth of bytes per operation since the baseline that is reported
 * @param efficiency parallel efficiency below which scaling is called poor
 * @param budgetMargin how close to a budget's limit (as a fraction of the limit) is "close"
 */
public record Thresholds(double maxCv, double targetPrecision, double bimodality, int minSamplesForShape,
                         double tailRatio, double allocationHigh, double allocationGrowth, double efficiency,
                         double budgetMargin) {
    // the defaults, as constants so that the command line's option defaults are these very values
    public static final double MAX_CV = 0.05;
    public static final double TARGET_PRECISION = 0.02;
    public static final double BIMODALITY = 5.0 / 9.0;
    public static final int MIN_SAMPLES_FOR_SHAPE = 10;
    public static final double TAIL_RATIO = 5.0;
    public static final double ALLOCATION_HIGH = 1024;
    public static final double ALLOCATION_GROWTH = 0.10;
    public static final double EFFICIENCY = 0.7;
    public static final double BUDGET_MARGIN = 0.10;

    public static Thresholds defaults() {
        return new Thresholds(MAX_CV, TARGET_PRECISION, BIMODALITY, MIN_SAMPLES_FOR_SHAPE, TAIL_RATIO, ALLOCATION_HIGH,
                ALLOCATION_GROWTH, EFFICIENCY, BUDGET_MARGIN);
    }
}
