package io.benchledger.archive.analysis.changepoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Apache Otava's change-point detection as Otava computes it: {@link EDivisive}'s windowed split,
 * then Otava's merge of the weak points (p and magnitude only). benchledger's detector merges with
 * {@link StepTest} instead; this is kept with the tests to reproduce Otava's results.
 */
public final class OtavaReference {

    private OtavaReference() {
    }

    /** Otava's {@code compute_change_points}: split at the first-pass level, then merge. */
    public static List<EDivisive.Split> otava(double[] z, int window, double maxPValue, double minMagnitude) {
        List<Integer> weak = EDivisive.split(z, window, EDivisive.firstPassPValue(maxPValue), 0, List.of(),
                EDivisive.SplitListener.NONE);
        return merge(z, weak, maxPValue, minMagnitude, Neighbours.OTAVA);
    }

    /** How the merge recomputes after removing a point. */
    public enum Neighbours {
        /** The two points after the removed one, as Otava's code does (the point before keeps stale statistics). */
        OTAVA,
        /** The point before and the point after, whose segments actually changed. */
        CHANGED
    }

    /**
     * Otava's merge step: while some change point is weak, remove the weakest and recompute its
     * neighbours. Weak means p ≥ {@code maxPValue} (the largest p goes first), else a relative
     * magnitude ≤ {@code minMagnitude} (the smallest goes first).
     */
    public static List<EDivisive.Split> merge(double[] z, List<Integer> weakSorted, double maxPValue, double minMagnitude,
                                              Neighbours neighbours) {
        List<EDivisive.Split> cps = new ArrayList<>();
        for (int i = 0; i < weakSorted.size(); i++) {
            int lo = i == 0 ? 0 : weakSorted.get(i - 1);
            int hi = i == weakSorted.size() - 1 ? z.length : weakSorted.get(i + 1);
            cps.add(EDivisive.split(z, lo, weakSorted.get(i), hi));
        }
        while (!cps.isEmpty()) {
            int weakest = argMax(cps, EDivisive.Split::pValue);
            if (cps.get(weakest).pValue() < maxPValue) {
                weakest = argMin(cps, EDivisive.Split::magnitude);
                if (cps.get(weakest).magnitude() > minMagnitude) {
                    return cps;
                }
            }
            cps.remove(weakest);
            if (neighbours == Neighbours.OTAVA) {
                recompute(z, cps, weakest);
                recompute(z, cps, weakest + 1);
            } else {
                recompute(z, cps, weakest - 1);
                recompute(z, cps, weakest);
            }
        }
        return cps;
    }

    private static void recompute(double[] z, List<EDivisive.Split> cps, int i) {
        if (i < 0 || i >= cps.size()) {
            return;
        }
        int lo = i == 0 ? 0 : cps.get(i - 1).index();
        int hi = i == cps.size() - 1 ? z.length : cps.get(i + 1).index();
        cps.set(i, EDivisive.split(z, lo, cps.get(i).index(), hi));
    }

    private static int argMax(List<EDivisive.Split> cps, java.util.function.ToDoubleFunction<EDivisive.Split> f) {
        int best = 0;
        for (int i = 1; i < cps.size(); i++) {
            if (f.applyAsDouble(cps.get(i)) > f.applyAsDouble(cps.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static int argMin(List<EDivisive.Split> cps, java.util.function.ToDoubleFunction<EDivisive.Split> f) {
        int best = 0;
        for (int i = 1; i < cps.size(); i++) {
            if (f.applyAsDouble(cps.get(i)) < f.applyAsDouble(cps.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
