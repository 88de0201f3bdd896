package io.benchledger.site.chart;

/**
 * Least-squares line through a series, for the trend line drawn on a benchmark's history.
 *
 * @param slope change of the score per x unit (per day when x is in days)
 * @param r2 coefficient of determination, 1 − SS_res ÷ SS_tot (NaN for a constant series)
 */
public record Trend(double slope, double intercept, double r2, int points) {

    /**
     * Ordinary least squares over the finite points: slope = Σ(x−x̄)(y−ȳ) ÷ Σ(x−x̄)²,
     * intercept = ȳ − slope·x̄. Empty (NaN slope) with fewer than three points or one x.
     */
    public static Trend fit(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 3) {
            return new Trend(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
        }
        if (sxx == 0) {
            return new Trend(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        // SS_res = SS_tot − slope·Sxy for the least-squares line
        double r2 = syy == 0 ? Double.NaN : 1 - (syy - slope * sxy) / syy;
        return new Trend(slope, intercept, r2, n);
    }

    public boolean defined() {
        return Double.isFinite(slope);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
