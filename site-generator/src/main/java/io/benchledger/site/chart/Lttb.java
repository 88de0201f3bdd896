package io.benchledger.site.chart;

import java.util.Arrays;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and last point
 * and, from each bucket of the rest, the point forming the largest triangle with the point kept
 * before it and the mean of the next bucket. That keeps the visual shape of a long series (peaks,
 * steps) with few points. Points marked {@code keep} (change points, extremes) are always kept, on
 * top of the chosen ones.
 */
public final class Lttb {
    private Lttb() {
    }

    /**
     * Indexes of the points to draw, ascending. Returns every index when the series has at most
     * {@code threshold} points.
     */
    public static int[] select(double[] x, double[] y, int threshold, boolean[] keep) {
        int n = x.length;
        if (n <= threshold || threshold < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] chosen = keep == null ? new boolean[n] : Arrays.copyOf(keep, n);
        chosen[0] = true;
        chosen[n - 1] = true;
        // bucket size: the n-2 inner points spread over threshold-2 buckets
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        for (int b = 0; b < threshold - 2; b++) {
            int start = (int) Math.floor(b * every) + 1;
            int end = Math.min((int) Math.floor((b + 1) * every) + 1, n - 1);
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((b + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            int count = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                if (Double.isFinite(y[j])) {
                    avgX += x[j];
                    avgY += y[j];
                    count++;
                }
            }
            if (count == 0) {
                avgX = x[n - 1];
                avgY = Double.isFinite(y[n - 1]) ? y[n - 1] : 0;
            } else {
                avgX /= count;
                avgY /= count;
            }
            double best = -1;
            int bestIndex = start;
            for (int j = start; j < end; j++) {
                // twice the triangle's area: |(xa - xc)(yj - ya) - (xa - xj)(yc - ya)|
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    bestIndex = j;
                }
            }
            chosen[bestIndex] = true;
            a = bestIndex;
        }
        int count = 0;
        for (boolean c : chosen) {
            if (c) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Marks the minimum and maximum of {@code y} in {@code keep}, so downsampling never hides an extreme. */
    public static void keepExtremes(double[] y, boolean[] keep) {
        int min = -1;
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                continue;
            }
            if (min < 0 || y[i] < y[min]) {
                min = i;
            }
            if (max < 0 || y[i] > y[max]) {
                max = i;
            }
        }
        if (min >= 0) {
            keep[min] = true;
            keep[max] = true;
        }
    }
}
