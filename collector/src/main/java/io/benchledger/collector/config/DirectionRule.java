package io.benchledger.collector.config;

import java.util.regex.Pattern;

/**
 * Overrides whether higher is better for the metrics of matching benchmarks (for example a
 * throughput-mode benchmark that measures failures per second).
 *
 * @param metric the metric it applies to ({@code primary}, {@code gc.alloc.rate.norm} …); empty: every metric
 */
public record DirectionRule(Pattern pattern, String metric, boolean higherIsBetter) {
    public boolean appliesTo(String benchmark, String resultMetric) {
        return pattern.matcher(benchmark).find() && (metric.isEmpty() || metric.equals(resultMetric));
    }
}
