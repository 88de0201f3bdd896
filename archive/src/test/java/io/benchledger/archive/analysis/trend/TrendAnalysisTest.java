package io.benchledger.archive.analysis.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Known answers from SciPy's {@code stats.linregress} on the same points (slope, rvalue², pvalue). */
class TrendAnalysisTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant[] days(int n) {
        Instant[] t = new Instant[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0.plus(Duration.ofDays(i));
        }
        return t;
    }

    @Test
    void risingThroughputIsImproving() {
        double[] y = {100.0, 101.5, 99.8, 102.2, 103.1, 102.7, 104.0, 103.5, 105.2, 104.8, 106.1, 107.0};
        Trend t = TrendAnalysis.of(days(12), y, true).orElseThrow();
        assertThat(t.slopePerDay()).isCloseTo(0.5975524475524474, within(1e-12));
        assertThat(t.rSquared()).isCloseTo(0.9133912909683224, within(1e-12));
        assertThat(t.pValue()).isCloseTo(1.245096257740798e-06, within(1e-12));
        assertThat(t.points()).isEqualTo(12);
        assertThat(t.direction()).isEqualTo(Trend.IMPROVING);
        // the same rise of a time per operation is a degradation
        assertThat(TrendAnalysis.of(days(12), y, false).orElseThrow().direction()).isEqualTo(Trend.DEGRADING);
    }

    @Test
    void flatSeriesIsStable() {
        double[] y = {100.0, 99.0, 101.0, 100.5, 99.5, 100.2, 99.8, 100.1, 100.3, 99.7, 100.0, 99.9};
        Trend t = TrendAnalysis.of(days(12), y, true).orElseThrow();
        assertThat(t.slopePerDay()).isCloseTo(-0.0027972027972026385, within(1e-12));
        assertThat(t.rSquared()).isCloseTo(0.00040247522261906236, within(1e-12));
        assertThat(t.pValue()).isCloseTo(0.9506556850918549, within(1e-9));
        assertThat(t.direction()).isEqualTo(Trend.STABLE);
    }

    @Test
    void windowAndMinimumPoints() {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = 50 + i;
        }
        // 40 daily points: the default 30-day window holds the last 31 (days 9..39 inclusive)
        assertThat(TrendAnalysis.of(days(40), y, true).orElseThrow().points()).isEqualTo(31);
        assertThat(TrendAnalysis.of(days(9), new double[9], true)).isEmpty();
    }
}
