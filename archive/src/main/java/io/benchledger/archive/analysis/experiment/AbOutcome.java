package io.benchledger.archive.analysis.experiment;

/**
 * What a two-variant experiment found on one case.
 *
 * @param effect B relative to A, exp(mean ln(B_i/A_i)) − 1: +0.05 means B's score is 5 % higher
 * @param ciLow lower end of the repeated confidence interval for the effect (coverage ≥ 1 − α
 *              whatever look the experiment stopped at)
 * @param ciHigh upper end of that interval
 * @param pValue two-sided p-value under the stage-wise ordering, valid after early stopping
 * @param achievedPower the power the design as run had at the planned minimum effect, given the noise observed
 * @param pairs pairs of forks (one of A, one of B) the decision rests on
 * @param look the 1-based look at which it was decided
 * @param significant true when a boundary was crossed: the variants differ
 * @param stoppedEarly true when it was decided before the planned maximum
 * @param truncated true when the time limit or an external stop made this look the last
 */
public record AbOutcome(
        double meanA,
        double meanB,
        double effect,
        double ciLow,
        double ciHigh,
        double pValue,
        double z,
        double bound,
        double noiseSd,
        double achievedPower,
        int pairs,
        int look,
        int plannedLooks,
        boolean significant,
        boolean stoppedEarly,
        boolean truncated) {
}
