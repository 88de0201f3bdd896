package io.benchledger.site.model;

/**
 * A case's primary-metric history, oldest first: for each point the run (its {@link RunInfo#index()})
 * and the score with its interval (JMH's 99.9 % interval; NaN where the harness gave none).
 */
public record CaseSeries(CaseInfo info, int[] runIndex, double[] score, double[] low, double[] high) {

    public int size() {
        return runIndex.length;
    }
}
