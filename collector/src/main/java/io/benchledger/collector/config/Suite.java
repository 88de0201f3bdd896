package io.benchledger.collector.config;

import io.benchledger.archive.analysis.budget.Budget;
import io.benchledger.archive.analysis.recommend.AdviceRules;
import java.util.List;

/**
 * A named, versioned suite from the configuration: what to run (groups), how (JMH settings), and
 * what counts as success (criteria, directions, noise thresholds).
 */
public record Suite(
        String name,
        String version,
        String description,
        JmhSettings jmh,
        List<BenchmarkGroup> groups,
        List<Budget> criteria,
        List<DirectionRule> directions,
        double noiseThreshold,
        List<NoiseRule> noise,
        SuiteMeasures measures,
        AdviceRules recommendations) {

    /** A suite with no bytes parameter, the default tail gate and the default recommendation rules. */
    public Suite(String name, String version, String description, JmhSettings jmh, List<BenchmarkGroup> groups,
                 List<Budget> criteria, List<DirectionRule> directions, double noiseThreshold, List<NoiseRule> noise) {
        this(name, version, description, jmh, groups, criteria, directions, noiseThreshold, noise, SuiteMeasures.DEFAULT,
                AdviceRules.defaults());
    }

    public Suite {
        groups = List.copyOf(groups);
        criteria = List.copyOf(criteria);
        directions = List.copyOf(directions);
        noise = List.copyOf(noise);
    }

    /** {@code name:version}, as runs record it. */
    public String reference() {
        return name + ":" + version;
    }
}
