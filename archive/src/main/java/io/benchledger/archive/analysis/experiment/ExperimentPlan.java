package io.benchledger.archive.analysis.experiment;

import java.util.Arrays;

/**
 * The plan of a two-variant experiment on one case: how many interleaved pairs of forks (one fork
 * of A, one of B) at most, after which pairs to look, and the boundaries to stop at.
 *
 * @param noiseSd the standard deviation of one pair's log ratio ln(B_i / A_i), from a pilot or the archive
 * @param fixedPairs the pairs a single-look test would need for the same α, power and effect
 * @param inflation how much longer the sequential design may run than the fixed one, (η_seq / η_fixed)²
 * @param maxPairs the planned maximum N_max (after any cap)
 * @param lookPairs pairs completed at each look, increasing, the last equal to maxPairs
 * @param capped true when the cap made maxPairs smaller than the power analysis asked for
 * @param plannedPower the power at the minimum detectable effect of this plan (below the target when capped)
 */
public record ExperimentPlan(
        double alpha,
        double targetPower,
        double minimumEffect,
        double noiseSd,
        int fixedPairs,
        double inflation,
        int maxPairs,
        int[] lookPairs,
        SpendingBoundaries boundaries,
        boolean capped,
        double plannedPower) {

    public ExperimentPlan {
        lookPairs = lookPairs.clone();
    }

    @Override
    public int[] lookPairs() {
        return lookPairs.clone();
    }

    /** The look (0-based) that happens after {@code pairs} pairs, or -1. */
    public int lookAt(int pairs) {
        for (int k = 0; k < lookPairs.length; k++) {
            if (lookPairs[k] == pairs) {
                return k;
            }
        }
        return -1;
    }

    public boolean earlyStopping() {
        return lookPairs.length > 1;
    }

    @Override
    public String toString() {
        return "ExperimentPlan[alpha=" + alpha + ", power=" + targetPower + ", mde=" + minimumEffect
                + ", noiseSd=" + noiseSd + ", fixedPairs=" + fixedPairs + ", maxPairs=" + maxPairs
                + ", looks=" + Arrays.toString(lookPairs) + ", bounds=" + Arrays.toString(boundaries.bounds())
                + ", capped=" + capped + ", plannedPower=" + plannedPower + "]";
    }
}
