package io.benchledger.collector.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Part of a suite: the benchmarks whose names match one of {@code include} (found anywhere in the
 * name, as JMH does) and none of {@code exclude}, run with their own JMH settings (a thread list,
 * a profiler). {@code pinnedJmh} wins over profiles and environments: a cold-start group must never
 * warm up and needs its many forks even in a quick run.
 */
public record BenchmarkGroup(String name, List<Pattern> include, List<Pattern> exclude, JmhSettings jmh,
                             JmhSettings pinnedJmh) {
    public BenchmarkGroup(String name, List<Pattern> include, List<Pattern> exclude, JmhSettings jmh) {
        this(name, include, exclude, jmh, JmhSettings.empty());
    }

    public BenchmarkGroup {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean selects(String benchmark) {
        return include.stream().anyMatch(p -> p.matcher(benchmark).find())
                && exclude.stream().noneMatch(p -> p.matcher(benchmark).find());
    }
}
