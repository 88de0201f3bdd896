package io.benchledger.archive.analysis.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Drift detection on series whose answer is known by construction. */
class DriftDetectorTest {

    @Test
    void theilSenIgnoresAnOutlier() {
        double[] y = new double[21];
        for (int i = 0; i < y.length; i++) {
            y[i] = 7 + 2 * i;
        }
        y[10] = 500;
        assertThat(DriftDetector.theilSen(y, 0, y.length)).isEqualTo(2.0);
    }

    @Test
    void mannKendallOfAStrictlyRisingSeries() {
        // S = 45 pairs, Var S = 10·9·25/18 = 125, Z = (45 − 1)/√125 = 3.9355, p = 2·(1 − Φ(Z)) = 8.30e-5
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(DriftDetector.mannKendallP(y, 0, y.length, 1.0)).isCloseTo(8.30e-5, within(0.02e-5));
    }

    @Test
    void mannKendallIsCorrectedForAutocorrelation() {
        // a random walk is strongly autocorrelated: its apparent trend must count for less
        SplittableRandom rng = new SplittableRandom(5);
        double[] y = new double[100];
        for (int i = 1; i < y.length; i++) {
            y[i] = y[i - 1] + rng.nextGaussian();
        }
        double slope = DriftDetector.theilSen(y, 0, y.length);
        assertThat(DriftDetector.lag1(y, 0, y.length, slope)).isGreaterThan(0.5);
        assertThat(DriftDetector.mannKendallP(y, 0, y.length, slope)).isGreaterThan(0.001);
    }

    @Test
    void aRampBetweenTwoFlatStretchesIsOneDriftWithItsEnds() {
        SplittableRandom rng = new SplittableRandom(21);
        double[] y = new double[250];
        for (int i = 0; i < y.length; i++) {
            double ramp = Math.min(1, Math.max(0, (i - 100) / 49.0));
            y[i] = 2000 - 6 * 10 * ramp + 10 * rng.nextGaussian();
        }
        SeriesDetector.Detection d = SeriesDetector.detect(y, DetectorSettings.DEFAULTS);
        assertThat(d.changePoints()).isEmpty();
        assertThat(d.drifts()).hasSize(1);
        DriftDetector.Drift drift = d.drifts().get(0);
        assertThat(drift.start()).isBetween(95, 105);
        assertThat(drift.end()).isBetween(144, 154);
        assertThat(drift.change()).isCloseTo(-60, within(12.0));
        assertThat(drift.levelBefore()).isCloseTo(2000, within(5.0));
        assertThat(drift.pValue()).isLessThan(1e-6);
    }

    @Test
    void flatSeriesWithWeeklyCyclesAndOutliersHaveNoFinding() {
        int findings = 0;
        for (int s = 0; s < 100; s++) {
            SplittableRandom rng = new SplittableRandom(100 + s);
            double phase = rng.nextDouble() * 2 * Math.PI;
            double[] y = new double[200];
            for (int i = 0; i < y.length; i++) {
                y[i] = 300 + 3 * Math.sin(2 * Math.PI * i / 7 + phase) + 3 * rng.nextGaussian();
                if (rng.nextDouble() < 0.01) {
                    y[i] *= 1.5;
                }
            }
            SeriesDetector.Detection d = SeriesDetector.detect(y, DetectorSettings.DEFAULTS);
            findings += d.changePoints().size() + d.drifts().size();
        }
        assertThat(findings).isLessThanOrEqualTo(1);
    }

    @Test
    void rampsRebuildTheDrifts() {
        List<DriftDetector.Drift> drifts = List.of(new DriftDetector.Drift(2, 6, 10, 8, 2, 0, 0));
        assertThat(DriftDetector.ramps(9, drifts)).containsExactly(0, 0, 0, 2, 4, 6, 8, 8, 8);
    }

    /**
     * "Levels and one ramp": the ends found are the injected ramp's, and the RSS is the least squares
     * fit of a level per segment plus the ramp at those ends (normal equations solved directly).
     */
    @Test
    void levelsAndRampFitsTheRampEndsAndTheLevels() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 120;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double ramp = t < 30 ? 0 : t < 70 ? (t - 30) / 39.0 : 1;
            y[t] = 100 + 20 * ramp + (t >= 90 ? 8 : 0) + random.nextGaussian() * 0.5;
        }
        double[] fit = DriftDetector.levelsAndRamp(new StepTest.Sums(y), 0, n, new int[] {90});
        assertThat(fit[1]).isCloseTo(30, within(2.0));
        assertThat(fit[2]).isCloseTo(70, within(2.0));
        assertThat(fit[3]).isCloseTo(20, within(1.0));
        // direct least squares with regressors 1, [t >= 90] and the ramp at the ends found
        int s = (int) fit[1];
        int e = (int) fit[2];
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = new double[] {1, t >= 90 ? 1 : 0, t < s ? 0 : t < e ? (t - s) / (e - 1.0 - s) : 1};
        }
        double[][] a = new double[3][4];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] += x[t][i] * x[t][j];
                }
                a[i][3] += x[t][i] * y[t];
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 4; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double rss = 0;
        for (int t = 0; t < n; t++) {
            double res = y[t];
            for (int i = 0; i < 3; i++) {
                res -= a[i][3] / a[i][i] * x[t][i];
            }
            rss += res * res;
        }
        assertThat(fit[0]).isCloseTo(rss, within(1e-6 * rss));
        assertThat(a[2][3] / a[2][2]).isCloseTo(fit[3], within(1e-9));
    }

    /**
     * The ramp search skips pieces of its grid by a bound: it must find what the plain search over the
     * whole grid finds (the same ends, the first of the largest gain), and the bound must never claim
     * that a piece stays below the largest gain it holds. On noise, ramps, steps, rounded values and a
     * level far from zero, over whole series and stretches inside them.
     */
    @Test
    void theBoundedRampSearchFindsWhatThePlainSearchFinds() {
        SplittableRandom random = new SplittableRandom(11);
        for (int series = 0; series < 300; series++) {
            int n = 100 + random.nextInt(series % 3 == 0 ? 1500 : 300);
            int kind = series % 5;
            double[] y = new double[n];
            int s0 = random.nextInt(n);
            int len = 5 + random.nextInt(n);
            for (int t = 0; t < n; t++) {
                double ramp = t < s0 ? 0 : Math.min(1, (t - s0) / (double) len);
                double v = switch (kind) {
                    case 0 -> random.nextGaussian();
                    case 1 -> 3 * ramp + random.nextGaussian();
                    case 2 -> (t >= s0 ? 4 : 0) + random.nextGaussian();
                    case 3 -> Math.rint(2 * random.nextGaussian()) + 2 * ramp;
                    default -> 1e9 + 1e3 * ramp + 100 * random.nextGaussian();
                };
                y[t] = v;
            }
            StepTest.Sums sums = new StepTest.Sums(y);
            int lo = series % 2 == 0 ? 0 : random.nextInt(n / 2);
            int hi = series % 4 < 2 ? n : lo + 2 * DriftDetector.MIN_RUNS + random.nextInt(n - lo - 2 * DriftDetector.MIN_RUNS + 1);
            assertThat(DriftDetector.bestRamp(sums, lo, hi)).as("series %d [%d, %d)", series, lo, hi)
                    .containsExactly(plainBestRamp(sums, lo, hi));
            int g = Math.max(1, (hi - lo) / 150);
            DriftDetector.RampBound bound = DriftDetector.RampBound.of(sums, lo, hi, g);
            for (int k = 0; bound != null && k < 50; k++) {
                int s = lo + random.nextInt(hi - lo - DriftDetector.MIN_RUNS + 1);
                int e0 = s + DriftDetector.MIN_RUNS + random.nextInt(hi - s - DriftDetector.MIN_RUNS + 1);
                int e1 = Math.min(hi, e0 + random.nextInt((DriftDetector.PIECE - 1) * g + 1));
                double most = -1;
                for (int e = e0; e <= e1; e++) {
                    most = Math.max(most, DriftDetector.gain(sums, lo, hi, s, e));
                }
                assertThat(bound.below(s, e0, e1, most)).as("series %d ramps (%d, %d..%d)", series, s, e0, e1).isFalse();
            }
        }
    }

    /** The ramp search without the bound: every (s, e) of the grid, then run by run around the best. */
    private static int[] plainBestRamp(StepTest.Sums x, int lo, int hi) {
        int g = Math.max(1, (hi - lo) / 150);
        double best = -1;
        int bs = -1;
        int be = -1;
        for (int s = lo; s + DriftDetector.MIN_RUNS <= hi; s += g) {
            for (int e = s + DriftDetector.MIN_RUNS; ; e += g) {
                int end = Math.min(e, hi);
                double v = DriftDetector.gain(x, lo, hi, s, end);
                if (v > best) {
                    best = v;
                    bs = s;
                    be = end;
                }
                if (end == hi) {
                    break;
                }
            }
        }
        if (bs < 0) {
            return null;
        }
        int cs = bs;
        int ce = be;
        for (int s = Math.max(lo, cs - g); g > 1 && s <= Math.min(hi - DriftDetector.MIN_RUNS, cs + g); s++) {
            for (int e = Math.max(s + DriftDetector.MIN_RUNS, ce - g); e <= Math.min(hi, ce + g); e++) {
                double v = DriftDetector.gain(x, lo, hi, s, e);
                if (v > best) {
                    best = v;
                    bs = s;
                    be = e;
                }
            }
        }
        return new int[] {bs, be};
    }
}
