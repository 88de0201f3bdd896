package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.generate.GroundTruth;
import io.benchledger.archive.generate.HistoryGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Steps and drifts of the default detector scored against a generated history's ground truth.
 *
 * <ul>
 * <li>A reported step is true when an injected step of the case lies within ±{@code margin} runs
 *   (each injected step matched once); every other reported step is false, including one inside an
 *   injected drift (that is the staircase the drift finding replaces).</li>
 * <li>An injected drift is found when reported drifts of the same direction cover at least half of
 *   its runs; it is found once when exactly one reported drift overlaps it. A reported drift that
 *   overlaps no injected drift is false.</li>
 * </ul>
 */
public final class FindingScore {

    /** Totals over a sample of series. */
    public record Counts(int series, int steps, int stepsFound, int reportedSteps, int trueSteps, int falseSteps,
                         int falseStepsInDrifts, int drifts, int bigDrifts, int bigDriftsFound, int driftsFoundOnce,
                         int reportedDrifts, int falseDrifts, int seriesWithFalseFinding) {

        public double precision() {
            return reportedSteps == 0 ? 1.0 : (double) trueSteps / reportedSteps;
        }

        public double recall() {
            return steps == 0 ? 1.0 : (double) stepsFound / steps;
        }

        /** F1 of steps; with no injected and no reported step it is 1 (nothing to find, nothing claimed). */
        public double f1() {
            if (steps == 0 && reportedSteps == 0) {
                return 1.0;
            }
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** F1 of the trivial answer "no change point": 1 when nothing was injected, else 0. */
        public double trivialF1() {
            return steps == 0 ? 1.0 : 0.0;
        }

        /** Share of injected drifts of at least the big size that were reported as drifts. */
        public double bigDriftRecall() {
            return bigDrifts == 0 ? 1.0 : (double) bigDriftsFound / bigDrifts;
        }

        public double falseStepsPerDrift() {
            return drifts == 0 ? 0 : (double) falseStepsInDrifts / drifts;
        }

        /** Series with at least one false step or drift, per 100 series. */
        public double falseFindingsPerHundred() {
            return 100.0 * seriesWithFalseFinding / series;
        }
    }

    private FindingScore() {
    }

    /**
     * @param margin runs a reported step may lie from the injected one
     * @param bigDrift drifts of at least this many noise sd count for {@link Counts#bigDriftRecall()}
     */
    public static Counts score(HistoryGenerator gen, DetectorSettings settings, int margin, double bigDrift) {
        GroundTruth truth = gen.groundTruth();
        Map<String, List<GroundTruth.Step>> stepsOf = new HashMap<>();
        truth.changePoints().forEach(s -> stepsOf.computeIfAbsent(s.caseKey(), k -> new ArrayList<>()).add(s));
        Map<String, List<GroundTruth.Drift>> driftsOf = new HashMap<>();
        truth.drifts().forEach(d -> driftsOf.computeIfAbsent(d.caseKey(), k -> new ArrayList<>()).add(d));
        Map<String, Double> noise = new HashMap<>();
        truth.cases().forEach(c -> noise.put(c.caseKey(), c.noise()));
        List<String> keys = gen.caseKeys();
        int[][] perSeries = IntStream.range(0, keys.size()).parallel().mapToObj(c -> {
            String key = keys.get(c);
            SeriesDetector.Detection d = SeriesDetector.detect(gen.scores(c), settings);
            return one(d, stepsOf.getOrDefault(key, List.of()), driftsOf.getOrDefault(key, List.of()), noise.get(key),
                    margin, bigDrift);
        }).toArray(int[][]::new);
        int[] t = new int[13];
        for (int[] s : perSeries) {
            for (int i = 0; i < t.length; i++) {
                t[i] += s[i];
            }
        }
        return new Counts(keys.size(), t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12]);
    }

    private static int[] one(SeriesDetector.Detection d, List<GroundTruth.Step> steps, List<GroundTruth.Drift> drifts,
                             double noise, int margin, double bigDrift) {
        int[] out = new int[13];
        out[0] = steps.size();
        boolean[] used = new boolean[steps.size()];
        boolean anyFalse = false;
        for (EDivisive.Split cp : d.changePoints()) {
            out[2]++;
            boolean matched = false;
            for (int i = 0; i < steps.size() && !matched; i++) {
                if (!used[i] && Math.abs(steps.get(i).index() - cp.index()) <= margin) {
                    used[i] = true;
                    matched = true;
                }
            }
            if (matched) {
                out[3]++;
            } else {
                out[4]++;
                anyFalse = true;
                for (GroundTruth.Drift dr : drifts) {
                    if (cp.index() >= dr.start() - margin && cp.index() <= dr.end() + margin) {
                        out[5]++;
                        break;
                    }
                }
            }
        }
        for (boolean u : used) {
            out[1] += u ? 1 : 0;
        }
        out[6] = drifts.size();
        for (GroundTruth.Drift dr : drifts) {
            int len = dr.end() - dr.start();
            int covered = 0;
            int overlapping = 0;
            for (DriftDetector.Drift found : d.drifts()) {
                int lo = Math.max(dr.start(), found.start());
                int hi = Math.min(dr.end(), found.end() + 1);
                if (hi > lo) {
                    overlapping++;
                    if (Math.signum(found.change()) == Math.signum(dr.magnitude())) {
                        covered += hi - lo;
                    }
                }
            }
            boolean big = Math.abs(dr.magnitude()) / noise >= bigDrift - 1e-9;
            boolean found = covered * 2 >= len;
            if (big) {
                out[7]++;
                out[8] += found ? 1 : 0;
            }
            out[9] += found && overlapping == 1 ? 1 : 0;
        }
        for (DriftDetector.Drift found : d.drifts()) {
            out[10]++;
            boolean overlaps = false;
            for (GroundTruth.Drift dr : drifts) {
                overlaps |= Math.min(dr.end(), found.end() + 1) > Math.max(dr.start(), found.start());
            }
            if (!overlaps) {
                out[11]++;
                anyFalse = true;
            }
        }
        out[12] = anyFalse ? 1 : 0;
        return out;
    }
}
