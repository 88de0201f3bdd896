package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "Unchanged" needs the change itself within the threshold. A nightly PDF read "+12.3 % [+6.2 %,
 * +18.3 %] ±6.7 % unchanged": significant, its interval not wholly beyond the threshold, so not a
 * regression — but not unchanged either.
 */
class UnchangedWithinThresholdTest {
    private static CaseComparison judged(double change, double low, double high, double threshold) {
        return new CaseComparison("b.m@avgt", "b.m", new TreeMap<>(), "primary", "us/op", false, 100, 100 * (1 + change),
                100, 100 * (1 + change), change, low, high, 0.001, 0.001, 0.002, 1, Verdict.INCONCLUSIVE, Severity.NONE,
                30, 30, 0, "avgt", Double.NaN, HistoryComparison.TEST, HistoryComparison.UNIT_RUNS, 3, 3, threshold,
                Band.ACCEPTABLE, "", 100, 100 * (1 + change));
    }

    @Test
    void aChangeBeyondTheThresholdWhoseIntervalIsNotWhollyBeyondIsInconclusive() {
        CaseComparison open = CaseAnalysis.unchangedOrOpen(judged(0.123, 0.062, 0.183, 0.067), 0.002);
        assertThat(open.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(open.basis().reason()).isEqualTo("change +12.3% is beyond the threshold ±6.7% but its interval"
                + " [+6.2%, +18.3%] is not wholly beyond it or not significant");
        // faster by more than the threshold, not significant: not ruled out either
        assertThat(CaseAnalysis.unchangedOrOpen(judged(-0.09, -0.2, 0.02, 0.05), 0.3).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aChangeWithinTheThresholdIsUnchanged() {
        assertThat(CaseAnalysis.unchangedOrOpen(judged(0.03, -0.01, 0.07, 0.05), 0.2).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(CaseAnalysis.unchangedOrOpen(judged(-0.05, -0.09, -0.01, 0.05), 0.01).verdict()).isEqualTo(Verdict.UNCHANGED);
    }
}
