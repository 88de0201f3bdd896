package io.benchledger.archive.model;

/**
 * One row of the {@code samples} table: one raw measurement. For an iteration score {@code weight}
 * is 1; for a JMH sample-mode histogram bucket it is the bucket's count.
 *
 * @param fork 0-based fork (JVM) index; iterations of one fork are correlated, forks are not
 * @param iteration 0-based measurement iteration within the fork
 */
public record Sample(String runId, String caseKey, String metric, int fork, int iteration, double value, long weight) {
}
