package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.model.Percentiles;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the rules look at for one case of one run.
 *
 * @param forkMeans the primary metric's mean per fork (JVM)
 * @param iterationScores every iteration score of the primary metric (not sample-mode histograms)
 * @param allocationPerOp {@code gc.alloc.rate.norm} in bytes per operation, when measured
 * @param baselineAllocationPerOp the same in the baseline run
 * @param baselineScore the primary score in the baseline run
 */
public record CaseMeasurements(String caseKey, String benchmark, String mode, String unit, boolean higherIsBetter,
                               int threads, double score, List<Double> forkMeans, List<Double> iterationScores,
                               Optional<Percentiles> percentiles, OptionalDouble allocationPerOp,
                               OptionalDouble baselineAllocationPerOp, OptionalDouble baselineScore) {
    public CaseMeasurements {
        forkMeans = List.copyOf(forkMeans);
        iterationScores = List.copyOf(iterationScores);
    }
}
