package io.benchledger.archive.stats;

/**
 * The least-squares line y = a + b·x through a series, the one trend fit of every module (the
 * site's trend line, the {@code history} command's trend, the report's trends table):
 * <pre>
 *   b = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²,   a = ȳ − b·x̄
 *   R² = 1 − SSE / SST,   SSE = Σ(yᵢ − a − b·xᵢ)²,   SST = Σ(yᵢ − ȳ)²
 * </pre>
 * A flat series (SST = 0) has R² = 0: the line explains none of a variation there is none of.
 * Points where x or y is not finite are left out.
 *
 * @param sxx Σ(xᵢ − x̄)², for the slope's standard error √(SSE / (n − 2) / Sxx)
 */
public record LinearFit(double slope, double intercept, double rSquared, int points, double sse, double sxx,
                        double meanY) {

    /** The fit, or a fit with NaN slope when fewer than three points or all x are equal. */
    public static LinearFit of(double[] x, double[] y) {
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
        if (n < 3 || sxx == 0) {
            return new LinearFit(Double.NaN, Double.NaN, Double.NaN, n, Double.NaN, sxx, n == 0 ? Double.NaN : my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double r = y[i] - a - b * x[i];
                sse += r * r;
            }
        }
        double r2 = syy == 0 ? 0 : Math.max(0, 1 - sse / syy);
        return new LinearFit(b, a, r2, n, sse, sxx, my);
    }

    public boolean defined() {
        return Double.isFinite(slope);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
