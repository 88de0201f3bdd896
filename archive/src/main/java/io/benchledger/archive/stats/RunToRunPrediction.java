package io.benchledger.archive.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Where the next run of a case should land, from the levels of its past runs and their own
 * within-run uncertainty, and how far outside that the candidate run is (docs/statistics.md,
 * "The history model").
 *
 * <p>Model: a run's level is L = μ + b + e, with b the run effect (JIT decisions, machine state,
 * host; variance τ²) and e the error of measuring it from that run's forks (variance se², which the
 * run itself tells). Past runs give n levels L₁…Lₙ and their se₁…seₙ:
 * <pre>
 *   level  m  = median(L)                         robust: an outlier run does not move it
 *   spread s  = 1.4826 · MAD(L)                   σ of the levels, robust (the sample σ when MAD = 0)
 *   between τ² = max(0, s² − median(seᵢ²))         the part of the spread the runs' own errors do not explain
 *   predicted variance of the candidate's level about m:
 *          v  = τ² + se_c² + (π/2) · s² / n        run effect + the candidate's own error + error of the median
 *   t = (L_c − m) / √v,  two-sided p from Student's t with n − 1 degrees of freedom
 *   interval of L_c: L_c ± t_{(1+c)/2, n−1} · √v
 * </pre>
 * A noisy candidate run (few forks, a loaded machine) widens its own interval instead of raising a
 * false alarm; a quiet one is judged more sharply.
 *
 * @param runs          history runs used (n)
 * @param level         m, the median level of the history
 * @param runSd         s, the robust standard deviation of the history's levels
 * @param betweenSd     τ, the run-to-run part of it
 * @param predictionSd  √v
 * @param t             the candidate's distance from m in units of √v
 * @param pValue        two-sided p of {@code t}
 * @param low           lower end of the candidate level's interval
 * @param high          upper end
 */
public record RunToRunPrediction(int runs, double level, double runSd, double betweenSd, double predictionSd,
                                 double t, double pValue, double low, double high) {

    /** MAD to σ for normal data: 1 / Φ⁻¹(3/4). */
    static final double MAD_TO_SD = 1.4826;

    /**
     * @param levels      the history runs' levels (at least 2)
     * @param withinSe    each history run's within-run standard error of its level
     * @param candidate   the candidate run's level
     * @param candidateSe its within-run standard error
     * @param confidence  level of the interval (0.95)
     */
    public static RunToRunPrediction of(double[] levels, double[] withinSe, double candidate, double candidateSe,
                                        double confidence) {
        int n = levels.length;
        if (n < 2) {
            throw new IllegalArgumentException("a prediction needs at least 2 history runs, got " + n);
        }
        double m = Centre.median(levels);
        double s = robustSd(levels);
        double[] se2 = Arrays.stream(withinSe).filter(Double::isFinite).map(x -> x * x).toArray();
        double within = se2.length == 0 ? 0 : Centre.median(se2);
        double tau2 = Math.max(0, s * s - within);
        double cse = Double.isFinite(candidateSe) ? candidateSe : 0;
        double v = tau2 + cse * cse + Math.PI / 2 * s * s / n;
        double sd = Math.sqrt(v);
        TDistribution dist = TDistribution.of(n - 1);
        double quantile = dist.inverseCumulativeProbability(0.5 + confidence / 2);
        double t;
        double p;
        if (sd > 0) {
            t = (candidate - m) / sd;
            p = Math.min(1, 2 * dist.survivalProbability(Math.abs(t)));
        } else {
            // every run measured the very same value (allocation per operation often does)
            t = candidate == m ? 0 : Math.copySign(Double.POSITIVE_INFINITY, candidate - m);
            p = candidate == m ? 1 : 0;
        }
        return new RunToRunPrediction(n, m, s, Math.sqrt(tau2), sd, t, p, candidate - quantile * sd,
                candidate + quantile * sd);
    }

    /** 1.4826 · median(|x − median(x)|); the sample standard deviation when more than half the values are equal. */
    public static double robustSd(double[] x) {
        double m = Centre.median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - m);
        }
        double mad = MAD_TO_SD * Centre.median(dev);
        return mad > 0 ? mad : Math.sqrt(Centre.variance(x));
    }

    /**
     * The within-run standard error of a run's level: σ of its fork centres ÷ √forks when it has at
     * least 2 forks; with one fork, σ of its iteration scores ÷ √iterations (iterations of one JVM are
     * correlated, so this is too small, but the history's runs are measured the same way and the
     * between-run part τ² takes up what it misses).
     */
    public static double withinRunSe(ForkedSample s, CentreStatistic centre) {
        double[] units = s.forks() >= 2 ? centre.perFork(s) : s.flat();
        if (units.length < 2) {
            return Double.NaN;
        }
        return Math.sqrt(Centre.variance(units) / units.length);
    }
}
