package io.benchledger.archive.analysis.compare;

import java.util.SortedMap;

/**
 * One case × metric compared between a baseline and a candidate. Field names follow the JSON
 * contract of {@code compare --format json}.
 *
 * @param change relative change of the candidate's centre against the baseline's, as a fraction
 *               (+0.05 is 5 % more), in the metric's own direction (not "better")
 * @param ciLow bootstrap 95 % interval of {@code change}, resampling forks then iterations
 * @param pValue the test's two-sided p-value (Mann–Whitney U on fork means or samples; see docs)
 * @param qValue Benjamini–Hochberg adjusted p-value across all cases of the comparison
 * @param effectSize standardised effect (Hedges' g on fork means; NaN when not computable)
 * @param samplesNeeded for an inconclusive case, how many samples per side would be needed; 0 otherwise
 */
public record CaseComparison(
        String caseKey,
        String benchmark,
        SortedMap<String, String> params,
        String metric,
        String unit,
        boolean higherIsBetter,
        double baselineMean,
        double candidateMean,
        double baselineMedian,
        double candidateMedian,
        double change,
        double ciLow,
        double ciHigh,
        double pValue,
        double welchPValue,
        double qValue,
        double effectSize,
        Verdict verdict,
        Severity severity,
        long baselineSamples,
        long candidateSamples,
        long samplesNeeded) {
}
