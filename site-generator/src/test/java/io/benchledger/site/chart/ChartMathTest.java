package io.benchledger.site.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartMathTest {

    @Test
    void lttbKeepsEndsSpikesAndMarkedPoints() {
        double[] x = new double[1000];
        double[] y = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 10;
        }
        y[500] = 100; // a one-point spike LTTB must keep: it makes the largest triangle in its bucket
        boolean[] keep = new boolean[1000];
        keep[123] = true; // e.g. a change point
        int[] chosen = Lttb.select(x, y, 50, keep);
        assertThat(chosen).contains(0, 999, 500, 123);
        assertThat(chosen.length).isBetween(50, 52);
        assertThat(chosen).isSorted();
        // short series are left alone
        assertThat(Lttb.select(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 50, null)).containsExactly(0, 1, 2);
    }

    @Test
    void lttbMarksExtremes() {
        boolean[] keep = new boolean[5];
        Lttb.keepExtremes(new double[] {3, Double.NaN, -1, 7, 2}, keep);
        assertThat(keep).containsExactly(false, false, true, true, false);
    }

    @Test
    void trendOfAnExactLine() {
        // y = 2x + 1: slope 2, intercept 1, R² 1
        Trend t = Trend.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertThat(t.slope()).isEqualTo(2.0);
        assertThat(t.intercept()).isEqualTo(1.0);
        assertThat(t.r2()).isEqualTo(1.0);
    }

    @Test
    void trendByHand() {
        // x = 1..5, y = 2, 4, 5, 4, 5: x̄ = 3, ȳ = 4, Sxy = 6, Sxx = 10 → slope 0.6, intercept 2.2;
        // SS_tot = 6, SS_res = 6 − 0.6·6 = 2.4 → R² = 0.6
        Trend t = Trend.fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertThat(t.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(t.intercept()).isCloseTo(2.2, within(1e-12));
        assertThat(t.r2()).isCloseTo(0.6, within(1e-12));
        assertThat(Trend.fit(new double[] {1, 2}, new double[] {1, 2}).defined()).isFalse();
    }

    @Test
    void weightedBoxStats() {
        // 10 ×5, 20 ×3, 30 ×2: cumulative 5, 8, 10 of 10 → Q1 10 (2.5), median 10 (5), Q3 20 (7.5)
        BoxStats b = BoxStats.of(new double[] {30, 10, 20}, new long[] {2, 5, 3});
        assertThat(b).isEqualTo(new BoxStats(10, 10, 10, 20, 30, 10));
        assertThat(BoxStats.of(new double[] {Double.NaN}, new long[] {1}).count()).isZero();
    }

    @Test
    void jsonIsSafeInsideAScript() {
        String s = Json.of(java.util.Map.of("name", "</script><script>alert(2)</script>&'\u2028\u2029\"\\"));
        assertThat(s).isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(2)\\u003c/script\\u003e"
                + "\\u0026\\u0027\\u2028\\u2029\\\"\\\\\"}");
        assertThat(Json.of(new double[] {1, 2.5, Double.NaN, Double.POSITIVE_INFINITY})).isEqualTo("[1,2.5,null,null]");
    }
}
