package io.benchledger.archive.generate;

import java.time.Instant;

/**
 * What {@link HistoryGenerator} makes.
 *
 * @param benchmarks number of cases (one primary metric each)
 * @param runs number of runs; every run measures every case
 * @param changes number of level steps injected, spread over random cases
 * @param forks JVM forks per case and run (each fork has its own offset)
 * @param iterations measurement iterations per fork (each one sample)
 * @param runsPerVersion the version advances every this many runs (1.0.0, 1.1.0, …)
 * @param noiseMin smallest relative run-to-run standard deviation of a case (0.01 = 1 %)
 * @param noiseMax largest relative run-to-run standard deviation of a case
 * @param stepMin smallest relative step injected (0.02 = 2 %)
 * @param stepMax largest relative step injected
 * @param outlierRate probability that a case's result in a run is an outlier (a disturbed run)
 * @param driftRate fraction of cases given a slow drift (its size and length from {@code shapes})
 * @param noiseChangeRate fraction of cases whose noise grows 1.5–2.5× at some run, level unchanged
 * @param shapes the drifts' sizes and lengths, steps inside drifts, weekly cycles and gaps in time
 */
public record GeneratorSettings(int benchmarks, int runs, long seed, int changes, String project, int forks,
                                int iterations, int runsPerVersion, double noiseMin, double noiseMax, double stepMin,
                                double stepMax, double outlierRate, double driftRate, double noiseChangeRate,
                                Instant start, Shapes shapes) {

    /**
     * The shapes of what is injected besides steps.
     *
     * @param driftSdMin smallest total change of a drift, in the case's noise sd
     * @param driftSdMax largest total change of a drift, in noise sd
     * @param driftRunsMin shortest drift, in runs
     * @param driftRunsMax longest drift, in runs (at most the history's length)
     * @param stepInDriftRate share of drifts given one extra step inside (at least 10 runs from its ends)
     * @param weeklyRate share of cases with a weekly cycle of the CI fleet (a sine of period 7 runs)
     * @param weeklyAmplitude the cycle's amplitude in noise sd
     * @param gapRate share of runs that come after a pause of 2–14 days instead of the next night
     */
    public record Shapes(double driftSdMin, double driftSdMax, int driftRunsMin, int driftRunsMax,
                         double stepInDriftRate, double weeklyRate, double weeklyAmplitude, double gapRate) {
        /** As before drifts had their own settings: 1–2 sd over 50–150 runs, nothing else. */
        public static final Shapes DEFAULT = new Shapes(1, 2, 50, 150, 0, 0, 1, 0);

        public Shapes {
            if (!(driftSdMin >= 0) || driftSdMax < driftSdMin || driftRunsMin < 2 || driftRunsMax < driftRunsMin) {
                throw new IllegalArgumentException("drift sizes and lengths must be positive and ordered (lengths at least 2 runs)");
            }
            if (!(stepInDriftRate >= 0 && stepInDriftRate <= 1) || !(weeklyRate >= 0 && weeklyRate <= 1)
                    || !(gapRate >= 0 && gapRate <= 1) || !(weeklyAmplitude >= 0)) {
                throw new IllegalArgumentException("rates must lie in [0, 1] and the weekly amplitude must not be negative");
            }
        }
    }


    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T02:00:00Z");

    public GeneratorSettings {
        if (benchmarks < 1 || runs < 1) {
            throw new IllegalArgumentException("benchmarks and runs must be at least 1");
        }
        if (changes < 0 || forks < 1 || iterations < 1 || runsPerVersion < 1) {
            throw new IllegalArgumentException("changes must not be negative; forks, iterations and runs per version "
                    + "must be at least 1");
        }
        if (!(noiseMin > 0) || noiseMax < noiseMin || !(stepMin > 0) || stepMax < stepMin) {
            throw new IllegalArgumentException("noise and step ranges must be positive and ordered");
        }
        if (!(outlierRate >= 0 && outlierRate <= 1) || !(driftRate >= 0 && driftRate <= 1)
                || !(noiseChangeRate >= 0 && noiseChangeRate <= 1)) {
            throw new IllegalArgumentException("outlier, drift and noise-change rates must lie in [0, 1]");
        }
        if (shapes == null) {
            shapes = Shapes.DEFAULT;
        }
    }

    /** Realistic defaults: 3 forks × 5 iterations, noise 1–5 %, steps 2–20 %, a few outliers and drifts. */
    public static GeneratorSettings of(int benchmarks, int runs, long seed, int changes) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, "default", 3, 5, 20, 0.01, 0.05, 0.02, 0.20,
                0.003, 0.03, 0.03, DEFAULT_START, Shapes.DEFAULT);
    }

    public GeneratorSettings withProject(String p) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, p, forks, iterations, runsPerVersion, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start, shapes);
    }

    public GeneratorSettings withSamples(int f, int i) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, f, i, runsPerVersion, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start, shapes);
    }

    public GeneratorSettings withRunsPerVersion(int r) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, r, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start, shapes);
    }

    public GeneratorSettings withNoise(double min, double max) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion, min,
                max, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start, shapes);
    }

    public GeneratorSettings withSteps(double min, double max) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion,
                noiseMin, noiseMax, min, max, outlierRate, driftRate, noiseChangeRate, start, shapes);
    }

    public GeneratorSettings withDisturbances(double outliers, double drifts, double noiseChanges) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion,
                noiseMin, noiseMax, stepMin, stepMax, outliers, drifts, noiseChanges, start, shapes);
    }

    public GeneratorSettings withShapes(Shapes sh) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion,
                noiseMin, noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start, sh);
    }
}
