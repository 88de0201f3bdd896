package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration on generated nightly-like data (5 forks × 10 iterations per side, within-fork CV
 * 1–3 %, fork offset sd 1 %, 1 % of iterations 30 % high), through the engine in memory. The many-
 * repetition study and the detection-rate table are in {@code bench/DetectionStudy} and
 * docs/statistics.md; this test repeats the two claims of the brief a few times, seeded.
 */
class CalibrationTest {
    private static final SyntheticCases.Design NIGHTLY = new SyntheticCases.Design(5, 10);
    private static final ComparisonOptions OPTIONS = ComparisonOptions.builder("default").replicates(1000).build();

    @Test
    void noRealChangeMarksAtMostOnePercentChanged() {
        for (long seed = 1; seed <= 2; seed++) {
            List<CaseData[]> cases = new SyntheticCases(seed).nightly(500, 0, 0, NIGHTLY, 0.01, 0.03);
            List<CaseComparison> out = Comparison.compare(cases, OPTIONS);
            long changed = out.stream().filter(c -> c.verdict() == Verdict.IMPROVED || c.verdict() == Verdict.REGRESSED).count();
            assertThat(changed).as("seed %d: cases marked changed out of 500 with no change", seed).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void fivePercentChangesAreFoundInTheRightDirection() {
        int foundTotal = 0;
        int injectedTotal = 0;
        for (long seed = 11; seed <= 13; seed++) {
            List<CaseData[]> cases = new SyntheticCases(seed).nightly(500, 100, 0.05, NIGHTLY, 0.01, 0.03);
            List<CaseComparison> out = Comparison.compare(cases, OPTIONS);
            int found = 0;
            int wrongDirection = 0;
            int falseAlarms = 0;
            for (CaseComparison c : out) {
                int index = Integer.parseInt(c.caseKey().substring("bench.Case".length()));
                boolean changedCase = index < 100;
                boolean marked = c.verdict() == Verdict.IMPROVED || c.verdict() == Verdict.REGRESSED;
                if (changedCase && marked) {
                    found++;
                    boolean up = index % 2 == 0;
                    if ((c.change() > 0) != up) {
                        wrongDirection++;
                    }
                    boolean better = up == c.higherIsBetter();
                    if ((c.verdict() == Verdict.IMPROVED) != better) {
                        wrongDirection++;
                    }
                } else if (!changedCase && marked) {
                    falseAlarms++;
                }
            }
            // the detection rate is a rate: held over all repetitions; a single repetition may dip a little
            assertThat(found).as("seed %d: found of 100 injected ±5 %% changes", seed).isGreaterThanOrEqualTo(85);
            foundTotal += found;
            injectedTotal += 100;
            assertThat(wrongDirection).as("seed %d: found in the wrong direction", seed).isZero();
            assertThat(falseAlarms).as("seed %d: unchanged cases marked changed", seed).isLessThanOrEqualTo(4);
        }
        assertThat((double) foundTotal / injectedTotal).as("share of injected ±5 %% changes found").isGreaterThanOrEqualTo(0.90);
    }
}
