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
    void weightedBoxStats() {
        // 10 ×5, 20 ×3, 30 ×2 stand for 10,10,10,10,10,20,20,20,30,30: type 7 at h = 9q gives
        // Q1 10 (h 2.25), median 15 (h 4.5, between 10 and 20), Q3 20 (h 6.75), as Centre.weightedMedian
        BoxStats b = BoxStats.of(new double[] {30, 10, 20}, new long[] {2, 5, 3});
        assertThat(b).isEqualTo(new BoxStats(10, 10, 15, 20, 30, 10));
        assertThat(b.median()).isEqualTo(io.benchledger.archive.stats.Centre.weightedMedian(new double[] {30, 10, 20},
                new double[] {2, 5, 3}));
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
