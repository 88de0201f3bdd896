package io.benchledger.collector.experiment;

import java.time.Duration;
import java.util.Map;

/**
 * How an experiment is run.
 *
 * @param looks planned looks of the sequential test (1 = no early stopping)
 * @param pilotPairs pairs run first to estimate the noise when the archive has none (they only plan)
 * @param maxPairs the most pairs (forks per variant) the experiment may run after the pilot
 * @param maxTime the wall-clock limit; at the limit every undecided case has its final look
 * @param forksPerVariant for three or more variants: the fixed number of forks of each
 * @param historyNoise per case, the noise of one fork from the archive: σ of ln(fork mean) and its degrees of freedom
 */
public record ExperimentSettings(double alpha, double power, double minimumEffect, int looks, int pilotPairs,
                                 int maxPairs, Duration maxTime, int forksPerVariant,
                                 Map<String, HistoryNoise> historyNoise) {
    public ExperimentSettings {
        historyNoise = Map.copyOf(historyNoise);
    }

    /** σ of ln(fork mean) of one variant as seen in the archive, with the degrees of freedom it rests on. */
    public record HistoryNoise(double logSd, int df) {
    }
}
