package io.benchledger.collector.experiment;

import io.benchledger.archive.analysis.experiment.AbOutcome;
import io.benchledger.archive.analysis.experiment.ExperimentPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment measured and decided.
 *
 * @param forks per variant, the fork results in turn order (what goes into the archive)
 * @param forkMeans per variant, per case, the primary score of each fork in turn order
 * @param plans per case, the sequential plan (two variants only)
 * @param outcomes per case, the decision (two variants only; a case with too few pairs has none)
 * @param stopReason why the experiment ended
 * @param pilotPairs the turns of each variant that only planned (not test data)
 */
public record ExperimentResult(List<Variant> variants, Map<String, List<ForkResult>> forks,
                               Map<String, Map<String, List<Double>>> forkMeans, Map<String, CaseInfo> cases,
                               Map<String, ExperimentPlan> plans, Map<String, AbOutcome> outcomes,
                               Map<String, Instant> firstTurnAt, Map<String, Instant> lastTurnAt,
                               Duration elapsed, String stopReason, int pilotPairs) {
}
