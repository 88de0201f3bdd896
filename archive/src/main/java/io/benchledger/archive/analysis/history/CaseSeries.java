package io.benchledger.archive.analysis.history;

import java.util.Arrays;

/**
 * One case × metric over the history: one value per run that measured it, in run order.
 *
 * @param runIndexes position of each value's run in {@link History#runs()}
 */
public record CaseSeries(String caseKey, String metric, String benchmark, String unit, boolean higherIsBetter,
                         int[] runIndexes, double[] values) {

    /** The key of a series in caches and maps: case key and metric. */
    public String key() {
        return caseKey + "\u0000" + metric;
    }

    public int size() {
        return values.length;
    }

    /** The series position of a run, or −1 when the case has no value in that run. */
    public int indexOfRun(int runIndex) {
        int i = Arrays.binarySearch(runIndexes, runIndex);
        return i >= 0 ? i : -1;
    }
}
