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
 * @param driftRate fraction of cases given a slow drift (1–2 noise sd over 50–150 runs)
 * @param noiseChangeRate fraction of cases whose noise grows 1.5–2.5× at some run, level unchanged
 */
public record GeneratorSettings(int benchmarks, int runs, long seed, int changes, String project, int forks,
                                int iterations, int runsPerVersion, double noiseMin, double noiseMax, double stepMin,
                                double stepMax, double outlierRate, double driftRate, double noiseChangeRate,
                                Instant start) {

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
    }

    /** Realistic defaults: 3 forks × 5 iterations, noise 1–5 %, steps 2–20 %, a few outliers and drifts. */
    public static GeneratorSettings of(int benchmarks, int runs, long seed, int changes) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, "default", 3, 5, 20, 0.01, 0.05, 0.02, 0.20,
                0.003, 0.03, 0.03, DEFAULT_START);
    }

    public GeneratorSettings withProject(String p) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, p, forks, iterations, runsPerVersion, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start);
    }

    public GeneratorSettings withSamples(int f, int i) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, f, i, runsPerVersion, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start);
    }

    public GeneratorSettings withRunsPerVersion(int r) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, r, noiseMin,
                noiseMax, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start);
    }

    public GeneratorSettings withNoise(double min, double max) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion, min,
                max, stepMin, stepMax, outlierRate, driftRate, noiseChangeRate, start);
    }

    public GeneratorSettings withSteps(double min, double max) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion,
                noiseMin, noiseMax, min, max, outlierRate, driftRate, noiseChangeRate, start);
    }

    public GeneratorSettings withDisturbances(double outliers, double drifts, double noiseChanges) {
        return new GeneratorSettings(benchmarks, runs, seed, changes, project, forks, iterations, runsPerVersion,
                noiseMin, noiseMax, stepMin, stepMax, outliers, drifts, noiseChanges, start);
    }
}
