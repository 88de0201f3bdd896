package io.benchledger.collector.run;

import java.nio.file.Path;

/**
 * One JMH process to start: which JVM and class path, which invocation of the plan, where JMH writes
 * its JSON results and where its console output is logged.
 *
 * @param ignoreLock start JMH with {@code -Djmh.ignoreLock=true} (another JMH run may be measuring)
 */
record JmhProcess(String java, BenchmarkSource source, Collector.Invocation invocation, Path json, Path log,
                  String runId, boolean ignoreLock) {
}
