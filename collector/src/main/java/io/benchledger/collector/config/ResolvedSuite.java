package io.benchledger.collector.config;

import io.benchledger.archive.analysis.budget.Budget;
import java.util.List;

/**
 * A suite with its profile and environment applied: what the runner needs. {@link #noiseThreshold}
 * and {@link #directionFor} answer per case for the analyses.
 */
public record ResolvedSuite(Suite suite, String profile, String environment, List<Group> groups, double noiseThreshold) {
    public ResolvedSuite {
        groups = List.copyOf(groups);
    }

    /** One group with its combined JMH settings. */
    public record Group(String name, BenchmarkGroup selection, JmhSettings jmh) {
    }

    public List<Budget> budgets() {
        return suite.criteria();
    }

    /** The noise threshold of a benchmark: the first matching noise rule, else the suite's. */
    public double noiseThreshold(String benchmark) {
        return suite.noise().stream().filter(r -> r.pattern().matcher(benchmark).find()).findFirst()
                .map(NoiseRule::threshold).orElse(noiseThreshold);
    }

    /** The configured direction of a metric, or {@code measured} when no rule matches. */
    public boolean directionFor(String benchmark, String metric, boolean measured) {
        for (DirectionRule d : suite.directions()) {
            if (d.appliesTo(benchmark, metric)) {
                return d.higherIsBetter();
            }
        }
        return measured;
    }
}
