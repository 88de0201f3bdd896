package io.benchledger.archive.analysis.compare;

import io.benchledger.archive.stats.ForkedSample;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one side holds for one case and metric: its identity, direction, failure (empty when it
 * ran) and its iteration scores grouped by fork (forks of different runs are different forks).
 */
public record CaseData(
        String caseKey,
        String benchmark,
        SortedMap<String, String> params,
        String mode,
        String metric,
        String unit,
        boolean higherIsBetter,
        String failure,
        ForkedSample sample) {

    public CaseData {
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        failure = failure == null ? "" : failure;
    }

    public boolean failed() {
        return !failure.isEmpty();
    }
}
