package io.benchledger.archive.analysis.changepoint;

import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.GroundTruth;
import io.benchledger.archive.generate.HistoryGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision and recall of the detector on generated histories: a detection is true when an injected
 * step of the same case lies within ±{@value #TOLERANCE} runs (each step matched at most once). A
 * detection inside an injected slow drift (a real change of level, spread over many runs) is counted
 * apart, as neither true nor false; every other detection is false.
 * Steps are split by size in noise standard deviations, since a 2 % step in 5 % noise is not
 * detectable and a 20 % step in 1 % noise is trivial.
 */
public final class DetectionScore {
    public static final int TOLERANCE = 2;

    /** Counts for one sample of series. */
    public record Counts(int detections, int truePositives, int steps, int stepsFound, int bigSteps,
                         int bigStepsFound, int falsePositives, int driftDetections, int series) {
        /** True detections ÷ (true + false); detections inside an injected drift are neither. */
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return steps == 0 ? 1.0 : (double) stepsFound / steps;
        }

        /** Recall of steps of at least {@code bigStep} noise standard deviations. */
        public double bigRecall() {
            return bigSteps == 0 ? 1.0 : (double) bigStepsFound / bigSteps;
        }

        public double falsePerHundredSeries() {
            return 100.0 * falsePositives / series;
        }
    }

    private DetectionScore() {
    }

    /** Runs the detector over every case the generator made and scores it against the ground truth. */
    public static Counts score(HistoryGenerator gen, DetectorSettings settings, double bigStep) {
        GroundTruth truth = gen.groundTruth();
        Map<String, List<GroundTruth.Step>> byCase = new HashMap<>();
        for (GroundTruth.Step s : truth.changePoints()) {
            byCase.computeIfAbsent(s.caseKey(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<GroundTruth.Drift>> drifts = new HashMap<>();
        for (GroundTruth.Drift d : truth.drifts()) {
            drifts.computeIfAbsent(d.caseKey(), k -> new ArrayList<>()).add(d);
        }
        Map<String, Double> noise = new HashMap<>();
        for (GroundTruth.CaseInfo c : truth.cases()) {
            noise.put(c.caseKey(), c.noise());
        }
        int detections = 0;
        int tp = 0;
        int steps = 0;
        int found = 0;
        int big = 0;
        int bigFound = 0;
        int inDrift = 0;
        List<String> keys = gen.caseKeys();
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c);
            double[] series = gen.scores(c);
            List<EDivisive.Split> cps = SeriesDetector.detect(series, settings).changePoints();
            List<GroundTruth.Step> truthSteps = byCase.getOrDefault(key, List.of());
            boolean[] used = new boolean[truthSteps.size()];
            for (EDivisive.Split cp : cps) {
                detections++;
                boolean matched = false;
                for (int i = 0; i < truthSteps.size() && !matched; i++) {
                    if (!used[i] && Math.abs(truthSteps.get(i).index() - cp.index()) <= TOLERANCE) {
                        used[i] = true;
                        matched = true;
                        tp++;
                    }
                }
                if (!matched) {
                    for (GroundTruth.Drift d : drifts.getOrDefault(key, List.of())) {
                        if (cp.index() >= d.start() - TOLERANCE && cp.index() <= d.end() + TOLERANCE) {
                            matched = true;
                            inDrift++;
                            break;
                        }
                    }
                }
            }
            for (int i = 0; i < truthSteps.size(); i++) {
                GroundTruth.Step s = truthSteps.get(i);
                steps++;
                double sizeInSd = Math.abs(s.after() - s.before()) / s.before() / noise.get(key);
                boolean isBig = sizeInSd >= bigStep;
                if (isBig) {
                    big++;
                }
                if (used[i]) {
                    found++;
                    if (isBig) {
                        bigFound++;
                    }
                }
            }
        }
        return new Counts(detections, tp, steps, found, big, bigFound, detections - tp - inDrift, inDrift, keys.size());
    }

    /** Generated series with steps only where the settings put them. */
    public static HistoryGenerator generator(int series, int runs, long seed, int changes, double noise,
                                             double outliers, double drifts, double noiseChanges) {
        return new HistoryGenerator(GeneratorSettings.of(series, runs, seed, changes).withNoise(noise, noise)
                .withDisturbances(outliers, drifts, noiseChanges));
    }
}
