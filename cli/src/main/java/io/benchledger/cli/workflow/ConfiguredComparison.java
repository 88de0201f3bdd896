package io.benchledger.cli.workflow;

import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.collector.config.ResolvedSuite;
import io.benchledger.collector.config.SuiteConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comparison options a suite's configuration gives: its noise threshold, its per-case noise rules
 * (in order: the first pattern that matches a case sets its threshold) and the metrics that gate ({@code gateMetrics}). {@code nightly}, {@code compare},
 * {@code site} and {@code report} all start from these, so the same two sides get the same verdicts.
 */
public final class ConfiguredComparison {
    private ConfiguredComparison() {
    }

    public static ComparisonOptions of(String project, ResolvedSuite suite) {
        Map<String, Double> perCase = new LinkedHashMap<>();
        suite.suite().noise().forEach(rule -> perCase.put(rule.pattern().pattern(), rule.threshold()));
        return ComparisonOptions.builder(project).threshold(suite.noiseThreshold()).caseThresholds(perCase)
                .gatedMetrics(new java.util.LinkedHashSet<>(suite.suite().measures().gateMetrics())).build();
    }

    /**
     * For the commands that read an archive only: the suite {@code suite} of {@code config} (the bundled
     * configuration when null), or its default suite when the configuration has no such suite (an
     * imported harness's results), with the nightly profile as {@code nightly} resolves it.
     */
    public static ComparisonOptions of(String project, Path config, String suite) throws IOException {
        SuiteConfig c = config == null ? SuiteConfig.loadDefault() : SuiteConfig.load(config);
        String name = suite == null || !c.suites().containsKey(suite) ? "" : suite;
        return of(project, c.resolve(name, "", "")); // "": the nightly profile when the file defines one
    }
}
