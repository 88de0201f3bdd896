package io.benchledger.archive.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recent-history gate's history starts after a drift that ended, as after a change point. */
class HistoryAfterDriftTest {

    /** 40 flat runs, a ramp of 12 noise sd over 40 runs, then {@code after} flat runs (noise 1, seeded). */
    static double[] levels(int after) {
        Random r = new Random(7);
        double[] x = new double[80 + after];
        for (int i = 0; i < x.length; i++) {
            double ramp = i < 40 ? 0 : i < 80 ? 12.0 * (i - 40) / 39 : 12;
            x[i] = 1000 + ramp + r.nextGaussian();
        }
        return x;
    }

    @Test
    void aDriftThatEndedStartsTheHistoryAfterIt() {
        int from = HistoryComparison.lastChangePoint(levels(30));
        assertThat(from).isBetween(76, 86); // the ramp ends at run 79
    }

    @Test
    void aDriftThatStillGoesOnKeepsTheRunsBeforeIt() {
        // 3 flat runs after the ramp: fewer than MIN_RUNS would be left after it
        assertThat(HistoryComparison.lastChangePoint(levels(3))).isLessThan(40);
    }
}
