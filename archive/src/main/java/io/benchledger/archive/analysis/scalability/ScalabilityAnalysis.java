package io.benchledger.archive.analysis.scalability;

import io.benchledger.archive.model.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Speed-up and parallel efficiency over thread counts.
 *
 * <p>Aggregate throughput X(t) at t threads is the score itself for throughput-like scores (JMH
 * sums the threads' operations), and t / score for time-per-operation scores (each of t threads
 * completes one operation per score). With t₀ the smallest thread count measured,
 * <pre>  speed-up S(t) = t₀ · X(t) / X(t₀)      (= X(t)/X(1) when t₀ = 1)
 *  ideal I(t) = min(t, P)                   (P: the processors of the measuring machine)
 *  efficiency E(t) = S(t) / I(t)            (actual ÷ ideal; 1 is linear scaling up to P)</pre>
 * More threads than processors cannot run faster than P threads: such points are marked
 * oversubscribed, and their efficiency is against P, so a flat curve above P is efficient, not
 * contended. The knee is the smallest thread count whose efficiency falls below the threshold
 * (0.7 by default). P unknown (0): the ideal is t, as before.
 */
public final class ScalabilityAnalysis {
    public static final double DEFAULT_THRESHOLD = 0.7;

    private ScalabilityAnalysis() {
    }

    /**
     * @param ideal the speed-up linear scaling would give: min(threads, processors)
     * @param oversubscribed more threads than processors
     */
    public record Point(int threads, double score, double speedup, double efficiency, double ideal,
                        boolean oversubscribed) {
        /** A point with the ideal of t threads (no processor count known). */
        public Point(int threads, double score, double speedup, double efficiency) {
            this(threads, score, speedup, efficiency, threads, false);
        }
    }

    /**
     * @param knee the first thread count with efficiency below the threshold; empty when none
     * @param processors the measuring machine's processors (0: unknown)
     */
    public record Curve(String family, String unit, String mode, List<Point> points, OptionalInt knee,
                        double threshold, int processors) {
        public Curve(String family, String unit, String mode, List<Point> points, OptionalInt knee, double threshold) {
            this(family, unit, mode, points, knee, threshold, 0);
        }
    }

    /** Strips JMH's {@code /tN} thread suffix from a case key. */
    public static String family(String caseKey) {
        return caseKey.replaceFirst("/t\\d+$", "");
    }

    /** Curves for every family measured at two or more thread counts, processors unknown. */
    public static List<Curve> analyse(List<ScalePoint> points, double threshold) {
        return analyse(points, threshold, 0);
    }

    /** Curves for every family measured at two or more thread counts on a machine of {@code processors}. */
    public static List<Curve> analyse(List<ScalePoint> points, double threshold, int processors) {
        Map<String, List<ScalePoint>> byFamily = new TreeMap<>();
        for (ScalePoint p : points) {
            byFamily.computeIfAbsent(p.family() + "\u0000" + p.unit(), k -> new ArrayList<>()).add(p);
        }
        List<Curve> out = new ArrayList<>();
        for (List<ScalePoint> ps : byFamily.values()) {
            Map<Integer, ScalePoint> byThreads = new TreeMap<>();
            for (ScalePoint p : ps) {
                byThreads.putIfAbsent(p.threads(), p);
            }
            if (byThreads.size() < 2) {
                continue;
            }
            List<ScalePoint> sorted = new ArrayList<>(byThreads.values());
            sorted.sort(Comparator.comparingInt(ScalePoint::threads));
            ScalePoint base = sorted.get(0);
            double x0 = throughput(base);
            List<Point> curve = new ArrayList<>();
            Integer knee = null;
            for (ScalePoint p : sorted) {
                double s = base.threads() * throughput(p) / x0;
                boolean over = processors > 0 && p.threads() > processors;
                double ideal = processors > 0 ? Math.min(p.threads(), processors) : p.threads();
                double e = s / ideal;
                curve.add(new Point(p.threads(), p.score(), s, e, ideal, over));
                if (knee == null && e < threshold) {
                    knee = p.threads();
                }
            }
            out.add(new Curve(base.family(), base.unit(), base.mode(), curve,
                    knee == null ? OptionalInt.empty() : OptionalInt.of(knee), threshold, processors));
        }
        return out;
    }

    /** X(t): operations per time over all threads. */
    static double throughput(ScalePoint p) {
        boolean perOp = !p.higherIsBetter() || Mode.AVERAGE_TIME.equals(p.mode()) || Mode.SAMPLE_TIME.equals(p.mode())
                || Mode.SINGLE_SHOT.equals(p.mode());
        return perOp ? p.threads() / p.score() : p.score();
    }
}
