package io.benchledger.archive.analysis.recommend;

import io.benchledger.archive.stats.Centre;
import java.util.List;

/** Moments of a sample, with the bias corrections the rules' formulas assume. */
final class Stats {
    private Stats() {
    }

    static double mean(List<Double> xs) {
        return Centre.mean(xs);
    }

    /** s / |x̄| with the n − 1 standard deviation. */
    static double cv(List<Double> xs) {
        return Centre.cv(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double centralMoment(List<Double> xs, int k) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += Math.pow(x - m, k);
        }
        return s / xs.size();
    }

    /** G1 = √(n(n−1))/(n−2) · m3/m2^{3/2}: the adjusted Fisher–Pearson skewness. */
    static double skewness(List<Double> xs) {
        int n = xs.size();
        double m2 = centralMoment(xs, 2);
        if (m2 == 0) {
            return 0;
        }
        double g1 = centralMoment(xs, 3) / Math.pow(m2, 1.5);
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
    }

    /** G2 = (n−1)/((n−2)(n−3)) · ((n+1)·g2 + 6), g2 = m4/m2² − 3: the sample excess kurtosis. */
    static double excessKurtosis(List<Double> xs) {
        int n = xs.size();
        double m2 = centralMoment(xs, 2);
        if (m2 == 0) {
            return 0;
        }
        double g2 = centralMoment(xs, 4) / (m2 * m2) - 3;
        return (n - 1.0) / ((n - 2.0) * (n - 3.0)) * ((n + 1) * g2 + 6);
    }

    /** Sarle's b = (G1² + 1) / (G2 + 3(n−1)²/((n−2)(n−3))). A constant sample has none: 0. */
    static double bimodalityCoefficient(List<Double> xs) {
        int n = xs.size();
        if (centralMoment(xs, 2) == 0) {
            return 0;
        }
        double g = skewness(xs);
        double k = excessKurtosis(xs);
        return (g * g + 1) / (k + 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3.0)));
    }
}
