package io.benchledger.archive.analysis.changepoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * MongoDB's form of E-Divisive (see {@link EDivisive}'s class comment): candidates over τ only, with
 * Y running to the end of the interval, and a permutation test. benchledger detects with the t-test
 * form; this one is kept with the tests to reproduce MongoDB's published results.
 */
public final class MongoEDivisive {

    private MongoEDivisive() {
    }

    /**
     * The V-statistic form of q̂ that MongoDB's {@code energy_statistics.e_divisive} (2021) uses: the
     * within terms divide by n² and m² (pairs including each point with itself) instead of n(n−1) and
     * m(m−1): q̂ᵥ = n·m/(n+m) · (2/(n·m)·S_xy − 2/n²·S_xx − 2/m²·S_yy). It is biased towards small
     * segments (their within distance is understated), so it finds more change points.
     */
    static double qhatV(double sxy, double sxx, double syy, int n, int m) {
        if (n < 1 || m < 1) {
            return 0;
        }
        double e = 2.0 / ((double) n * m) * sxy - 2.0 * sxx / ((double) n * n) - 2.0 * syy / ((double) m * m);
        return (double) n * m / (n + m) * e;
    }

    /** Which estimator of the within-sample distances q̂ uses. */
    public enum Estimator {
        /** Matteson &amp; James, MongoDB's {@code EDivisive} class and Otava: divide by n(n−1). */
        U_STATISTIC,
        /** MongoDB's {@code energy_statistics.e_divisive}: divide by n². */
        V_STATISTIC
    }

    /**
     * q̂ of every split τ of z[a, b) with Y running to the end (MongoDB's calculator, "proper
     * division"); element i is τ = a + i, and τ = a (an empty X) gives 0.
     */
    public static double[] qhatValuesToEnd(double[] z, int a, int b) {
        return qhatValuesToEnd(z, a, b, Estimator.U_STATISTIC);
    }

    /** As {@link #qhatValuesToEnd(double[], int, int)} with the given estimator. */
    public static double[] qhatValuesToEnd(double[] z, int a, int b, Estimator estimator) {
        int len = b - a;
        double[] prefix = new double[len + 1]; // prefix[i] = W(a, a+i)
        for (int i = 1; i <= len; i++) {
            double x = z[a + i - 1];
            double r = 0;
            for (int j = a; j < a + i - 1; j++) {
                r += Math.abs(z[j] - x);
            }
            prefix[i] = prefix[i - 1] + r;
        }
        double[] suffix = new double[len + 1]; // suffix[i] = W(a+i, b)
        for (int i = len - 1; i >= 0; i--) {
            double x = z[a + i];
            double r = 0;
            for (int j = a + i + 1; j < b; j++) {
                r += Math.abs(z[j] - x);
            }
            suffix[i] = suffix[i + 1] + r;
        }
        double total = prefix[len];
        double[] q = new double[len];
        for (int i = 0; i < len; i++) {
            double sxx = prefix[i];
            double syy = suffix[i];
            q[i] = estimator == Estimator.U_STATISTIC ? EDivisive.qhat(total - sxx - syy, sxx, syy, i, len - i)
                    : qhatV(total - sxx - syy, sxx, syy, i, len - i);
        }
        return q;
    }

    /** The first maximum of {@link #qhatValuesToEnd}, as an absolute index. */
    public static EDivisive.Candidate bestSplitToEnd(double[] z, int a, int b, Estimator estimator) {
        double[] q = qhatValuesToEnd(z, a, b, estimator);
        int best = 0;
        for (int i = 1; i < q.length; i++) {
            if (q[i] > q[best]) {
                best = i;
            }
        }
        return new EDivisive.Candidate(a + best, q.length == 0 ? 0 : q[best]);
    }

    /**
     * E-Divisive with the permutation test, as MongoDB's {@code EDivisive} with
     * {@code QHatPermutationsSignificanceTester}: candidates over τ only, {@code permutations}
     * shuffles of every interval per candidate, significant when p ≤ {@code maxPValue}. The shuffles
     * come from a generator seeded with {@code seed}, so the answer is the same on every run (MongoDB
     * seeds Python's generator; the draws differ, so p-values near the threshold may differ).
     *
     * @return change point indexes in the order found
     */
    public static List<EDivisive.Candidate> permutationChangePoints(double[] z, double maxPValue, int permutations, long seed) {
        return permutationChangePoints(z, maxPValue, permutations, seed, Estimator.U_STATISTIC);
    }

    /** As {@link #permutationChangePoints(double[], double, int, long)} with the given estimator. */
    public static List<EDivisive.Candidate> permutationChangePoints(double[] z, double maxPValue, int permutations, long seed,
                                                          Estimator estimator) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Integer> sorted = new ArrayList<>();
        List<EDivisive.Candidate> found = new ArrayList<>();
        Map<Long, EDivisive.Candidate> memo = new HashMap<>();
        if (z.length == 0) {
            return found;
        }
        while (true) {
            int[] bounds = bounds(sorted, z.length);
            EDivisive.Candidate best = null;
            for (int i = 0; i + 1 < bounds.length; i++) {
                int a = bounds[i];
                int b = bounds[i + 1];
                EDivisive.Candidate c = memo.computeIfAbsent(((long) a << 32) | b, k -> bestSplitToEnd(z, a, b, estimator));
                if (best == null || c.qhat() > best.qhat()) {
                    best = c;
                }
            }
            int higher = 0;
            double[] shuffled = new double[z.length];
            for (int r = 0; r < permutations; r++) {
                double maxQ = Double.NEGATIVE_INFINITY;
                for (int i = 0; i + 1 < bounds.length; i++) {
                    int a = bounds[i];
                    int b = bounds[i + 1];
                    System.arraycopy(z, a, shuffled, a, b - a);
                    shuffle(shuffled, a, b, rng);
                    maxQ = Math.max(maxQ, bestSplitToEnd(shuffled, a, b, estimator).qhat());
                }
                if (maxQ >= best.qhat()) {
                    higher++;
                }
            }
            double p = higher / (permutations + 1.0);
            if (p > maxPValue) {
                return found;
            }
            found.add(new EDivisive.Candidate(best.index(), best.qhat()));
            sorted.add(best.index());
            sorted.sort(null);
        }
    }

    /** Fisher–Yates over z[a, b). */
    private static void shuffle(double[] z, int a, int b, UniformRandomProvider rng) {
        for (int i = b - 1; i > a; i--) {
            int j = a + rng.nextInt(i - a + 1);
            double t = z[i];
            z[i] = z[j];
            z[j] = t;
        }
    }

    private static int[] bounds(List<Integer> sortedChangePoints, int length) {
        int[] b = new int[sortedChangePoints.size() + 2];
        for (int i = 0; i < sortedChangePoints.size(); i++) {
            b[i + 1] = sortedChangePoints.get(i);
        }
        b[b.length - 1] = length;
        return b;
    }
}
