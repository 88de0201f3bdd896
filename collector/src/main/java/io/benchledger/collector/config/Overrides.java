package io.benchledger.collector.config;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * A profile ({@code nightly}, {@code quick}) or an environment ({@code ci}, {@code production}):
 * JMH settings for every suite, settings for named suites, and optionally another noise threshold.
 */
public record Overrides(String name, String description, JmhSettings jmh, Map<String, JmhSettings> suites,
                        OptionalDouble noiseThreshold) {
    public Overrides {
        suites = Map.copyOf(suites);
    }

    public JmhSettings forSuite(String suite) {
        return suites.getOrDefault(suite, JmhSettings.empty());
    }
}
