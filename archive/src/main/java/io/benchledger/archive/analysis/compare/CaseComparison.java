package io.benchledger.archive.analysis.compare;

import java.util.SortedMap;

/**
 * One case × metric compared between a baseline and a candidate. Field names follow the JSON
 * contract of {@code compare --format json}. Undefined numbers are NaN (JSON null).
 *
 * @param change relative change of the candidate's mean against the baseline's, as a fraction
 *               (+0.05 is 5 % more), in the metric's own direction (not "better")
 * @param ciLow bootstrap 95 % interval of {@code change}, resampling forks then iterations
 * @param pValue two-sided p-value of the test that drives the verdict: Welch's t on fork means when
 *               both sides have enough forks, else Mann–Whitney U on iteration scores ({@code test})
 * @param welchPValue Welch's t on the same units, always reported
 * @param qValue Benjamini–Hochberg adjusted {@code pValue} across all cases of the comparison
 * @param effectSize Hedges' g on the same units (positive: candidate larger); NaN when not computable
 * @param samplesNeeded for an inconclusive case, how many units per side ({@code testUnit}) a change
 *               of the noise threshold would need to be found with 80 % power; 0 otherwise
 * @param mannWhitneyPValue Mann–Whitney U on the same units, always reported
 * @param test which test gave {@code pValue}: {@code welch} or {@code mann-whitney}
 * @param testUnit what the tests compared: {@code forks} (fork means) or {@code samples} (iteration scores)
 * @param threshold the noise threshold applied to this case (a fraction)
 * @param band where {@code change} falls among the tolerance bands
 * @param failure for a {@code FAILED} case, which side failed and the benchmark's error; empty otherwise
 * @param baselineCentre the centre {@code change} is computed from (the options' centre statistic:
 *               10 % trimmed mean by default), so change = candidateCentre ÷ baselineCentre − 1
 * @param basis how the verdict was reached: the model, the history runs, the threshold's source, the
 *               reason of an inconclusive verdict, whether the metric gates, the absolute difference
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
        long samplesNeeded,
        String mode,
        double mannWhitneyPValue,
        String test,
        String testUnit,
        int baselineForks,
        int candidateForks,
        double threshold,
        Band band,
        String failure,
        double baselineCentre,
        double candidateCentre,
        VerdictBasis basis) {

    public CaseComparison {
        basis = basis == null ? VerdictBasis.twoSample(threshold, metric, candidateCentre - baselineCentre) : basis;
    }

    /** Every field but the basis, which is that of the two-sample comparison (the record before the history model). */
    public CaseComparison(String caseKey, String benchmark, SortedMap<String, String> params, String metric, String unit,
                          boolean higherIsBetter, double baselineMean, double candidateMean, double baselineMedian,
                          double candidateMedian, double change, double ciLow, double ciHigh, double pValue,
                          double welchPValue, double qValue, double effectSize, Verdict verdict, Severity severity,
                          long baselineSamples, long candidateSamples, long samplesNeeded, String mode,
                          double mannWhitneyPValue, String test, String testUnit, int baselineForks, int candidateForks,
                          double threshold, Band band, String failure, double baselineCentre, double candidateCentre) {
        this(caseKey, benchmark, params, metric, unit, higherIsBetter, baselineMean, candidateMean, baselineMedian,
                candidateMedian, change, ciLow, ciHigh, pValue, welchPValue, qValue, effectSize, verdict, severity,
                baselineSamples, candidateSamples, samplesNeeded, mode, mannWhitneyPValue, test, testUnit, baselineForks,
                candidateForks, threshold, band, failure, baselineCentre, candidateCentre, null);
    }

    /**
     * A comparison with the fields of the first JSON contract only (readers of saved
     * {@code compare --format json} output, fixtures): the test details are unknown (empty, NaN, 0)
     * and the centres are taken to be the means.
     */
    public CaseComparison(String caseKey, String benchmark, SortedMap<String, String> params, String metric, String unit,
                          boolean higherIsBetter, double baselineMean, double candidateMean, double baselineMedian,
                          double candidateMedian, double change, double ciLow, double ciHigh, double pValue,
                          double welchPValue, double qValue, double effectSize, Verdict verdict, Severity severity,
                          long baselineSamples, long candidateSamples, long samplesNeeded) {
        this(caseKey, benchmark, params, metric, unit, higherIsBetter, baselineMean, candidateMean, baselineMedian,
                candidateMedian, change, ciLow, ciHigh, pValue, welchPValue, qValue, effectSize, verdict, severity,
                baselineSamples, candidateSamples, samplesNeeded, "", Double.NaN, "", "", 0, 0, Double.NaN,
                BandLimits.DEFAULT.of(change), "", baselineMean, candidateMean);
    }

    /**
     * All fields but the centres, which are taken to be the means (the record before the centres
     * were added; fixtures of the site and the PDF use it).
     */
    public CaseComparison(String caseKey, String benchmark, SortedMap<String, String> params, String metric, String unit,
                          boolean higherIsBetter, double baselineMean, double candidateMean, double baselineMedian,
                          double candidateMedian, double change, double ciLow, double ciHigh, double pValue,
                          double welchPValue, double qValue, double effectSize, Verdict verdict, Severity severity,
                          long baselineSamples, long candidateSamples, long samplesNeeded, String mode,
                          double mannWhitneyPValue, String test, String testUnit, int baselineForks, int candidateForks,
                          double threshold, Band band, String failure) {
        this(caseKey, benchmark, params, metric, unit, higherIsBetter, baselineMean, candidateMean, baselineMedian,
                candidateMedian, change, ciLow, ciHigh, pValue, welchPValue, qValue, effectSize, verdict, severity,
                baselineSamples, candidateSamples, samplesNeeded, mode, mannWhitneyPValue, test, testUnit, baselineForks,
                candidateForks, threshold, band, failure, baselineMean, candidateMean);
    }

    public static final String TEST_WELCH = "welch";
    public static final String TEST_MANN_WHITNEY = "mann-whitney";
    public static final String UNIT_FORKS = "forks";
    public static final String UNIT_SAMPLES = "samples";

    /** Candidate ÷ baseline centre (1.05 is 5 % more): 1 + {@code change}. */
    public double ratio() {
        return candidateCentre / baselineCentre;
    }

    /** True when the change goes the wrong way for this metric, whatever its significance. */
    public boolean worse() {
        double d = Double.isNaN(change) ? basis.difference() : change; // a zero baseline moves by its difference
        return higherIsBetter ? d < 0 : d > 0;
    }

    /** A copy with the verdict-related fields replaced (the engine fills q-values in a second pass). */
    CaseComparison withDecision(double q, Verdict v, Severity s, long needed) {
        return new CaseComparison(caseKey, benchmark, params, metric, unit, higherIsBetter, baselineMean,
                candidateMean, baselineMedian, candidateMedian, change, ciLow, ciHigh, pValue, welchPValue, q,
                effectSize, v, s, baselineSamples, candidateSamples, needed, mode, mannWhitneyPValue, test,
                testUnit, baselineForks, candidateForks, threshold, band, failure, baselineCentre, candidateCentre, basis);
    }

    /** A copy with another basis (the engine fills it in when it knows which model decided). */
    CaseComparison withBasis(VerdictBasis b) {
        return new CaseComparison(caseKey, benchmark, params, metric, unit, higherIsBetter, baselineMean,
                candidateMean, baselineMedian, candidateMedian, change, ciLow, ciHigh, pValue, welchPValue, qValue,
                effectSize, verdict, severity, baselineSamples, candidateSamples, samplesNeeded, mode, mannWhitneyPValue,
                test, testUnit, baselineForks, candidateForks, threshold, band, failure, baselineCentre, candidateCentre, b);
    }
}
