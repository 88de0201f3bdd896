package io.benchledger.archive.stats;

import java.util.Arrays;

/**
 * The measurements of one case on one side of a comparison, kept in their structure: one array of
 * iteration scores per fork (an independent JVM). Iterations within a fork share that JVM's
 * JIT decisions, heap layout and so on, so they are correlated; forks are not.
 *
 * @param values  {@code values[f][i]}: score of iteration i of fork f
 * @param weights {@code weights[f][i]}: how many raw measurements the score stands for (1 for an
 *                iteration score; the histogram count for JMH sample mode, whose iteration score is
 *                the weighted mean of its buckets)
 */
public record ForkedSample(double[][] values, double[][] weights) {
    public ForkedSample {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values and weights differ in forks");
        }
        for (int f = 0; f < values.length; f++) {
            if (values[f].length != weights[f].length) {
                throw new IllegalArgumentException("values and weights differ in iterations of fork " + f);
            }
        }
    }

    /** Forks of equal weight 1 per iteration. */
    public static ForkedSample of(double[]... forks) {
        double[][] w = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            w[f] = new double[forks[f].length];
            Arrays.fill(w[f], 1.0);
        }
        return new ForkedSample(forks, w);
    }

    public int forks() {
        return values.length;
    }

    /** Number of iteration scores over all forks. */
    public int size() {
        int n = 0;
        for (double[] f : values) {
            n += f.length;
        }
        return n;
    }

    /** Every iteration score, fork after fork. */
    public double[] flat() {
        double[] out = new double[size()];
        int k = 0;
        for (double[] f : values) {
            System.arraycopy(f, 0, out, k, f.length);
            k += f.length;
        }
        return out;
    }

    public double[] flatWeights() {
        double[] out = new double[size()];
        int k = 0;
        for (double[] f : weights) {
            System.arraycopy(f, 0, out, k, f.length);
            k += f.length;
        }
        return out;
    }

    /** Weighted mean of each fork: the independent units of the comparison. */
    public double[] forkMeans() {
        double[] out = new double[values.length];
        for (int f = 0; f < values.length; f++) {
            out[f] = Centre.weightedMean(values[f], weights[f]);
        }
        return out;
    }

    /** Weighted mean over all iteration scores. */
    public double mean() {
        return Centre.weightedMean(flat(), flatWeights());
    }

    /** Weighted median over all iteration scores. */
    public double median() {
        return Centre.weightedMedian(flat(), flatWeights());
    }
}
