package io.benchledger.archive.stats;

import java.util.Arrays;

/**
 * Benjamini–Hochberg adjustment: q-values that control the false discovery rate across many tests
 * (Benjamini and Hochberg 1995; the same as R's {@code p.adjust(p, "BH")}).
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * With the m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
     * q₍ᵢ₎ = min over j ≥ i of min(1, m · p₍ⱼ₎ / j). NaN p-values (untested cases) are left out
     * of m and stay NaN.
     */
    public static double[] adjust(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        Integer[] idx = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        int m = idx.length;
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            double v = Math.min(1.0, p[idx[r]] * m / (r + 1));
            running = Math.min(running, v);
            q[idx[r]] = running;
        }
        return q;
    }
}
