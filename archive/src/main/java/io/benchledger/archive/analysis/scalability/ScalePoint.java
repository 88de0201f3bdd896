package io.benchledger.archive.analysis.scalability;

/**
 * One measurement of a case at one thread count.
 *
 * @param family the case key without its thread suffix: what the thread counts are points of
 * @param mode JMH mode: thrpt scores are total operations per time over all threads; avgt, sample
 *             and ss scores are time per operation of one thread
 */
public record ScalePoint(String family, String caseKey, int threads, double score, String mode, String unit,
                         boolean higherIsBetter) {
}
