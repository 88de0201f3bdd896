package io.benchledger.cli.command;

import io.benchledger.archive.BadInputException;
import io.benchledger.archive.generate.GeneratorSettings;
import io.benchledger.archive.generate.GroundTruth;
import io.benchledger.archive.generate.HistoryGenerator;
import io.benchledger.archive.store.Archive;
import io.benchledger.archive.store.PartitionValues;
import io.benchledger.cli.GlobalOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a synthetic benchmark history with known change points: for demos, tests and scale",
                "measurements. Every case has its own noise (1-5 %%), every run forks × iterations samples with",
                "per-fork offsets; level steps of 2-20 %% are injected, plus occasional outlier runs, slow drifts",
                "and noise changes; on request also larger or longer drifts, steps inside drifts, weekly cycles",
                "and pauses between runs. The version advances every --runs-per-version runs. What was injected is",
                "written as JSON to --truth (default: ground-truth.json beside the archive folder).",
                "The same options and seed always give the same archive."})
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--benchmarks", paramLabel = "N", required = true, description = "Number of cases.")
    int benchmarks;

    @Option(names = "--runs", paramLabel = "M", required = true, description = "Number of runs.")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--changes", paramLabel = "K",
            description = "Level steps to inject across all cases (default: one per 10 benchmarks, at least 1).")
    Integer changes;

    @Option(names = {"--out", "--archive"}, paramLabel = "DIR", defaultValue = "data/archive",
            description = "The archive folder to write (created; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Where to write the ground truth (default: ground-truth.json in the archive's parent folder).")
    Path truth;

    @Option(names = "--project", paramLabel = "NAME", defaultValue = "default", description = "Project (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--forks", paramLabel = "F", defaultValue = "3", description = "Forks per case and run (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "5",
            description = "Measurement iterations per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--runs-per-version", paramLabel = "R", defaultValue = "20",
            description = "Runs per version; one commit (one file set) per version (default: ${DEFAULT-VALUE}).")
    int runsPerVersion;

    @Option(names = "--drift-rate", paramLabel = "FRACTION", defaultValue = "0.03",
            description = "Share of cases given a drift (default: ${DEFAULT-VALUE}).")
    double driftRate;

    @Option(names = "--drift-size", paramLabel = "MIN,MAX", defaultValue = "1,2",
            description = "Total change of a drift, in the case's noise standard deviations (default: ${DEFAULT-VALUE}).")
    String driftSize;

    @Option(names = "--drift-runs", paramLabel = "MIN,MAX", defaultValue = "50,150",
            description = "Length of a drift in runs (default: ${DEFAULT-VALUE}).")
    String driftRuns;

    @Option(names = "--step-in-drift", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of drifts given one more step inside (default: ${DEFAULT-VALUE}).")
    double stepInDrift;

    @Option(names = "--noise-change-rate", paramLabel = "FRACTION", defaultValue = "0.03",
            description = "Share of cases whose noise grows 1.5-2.5 times at some run (default: ${DEFAULT-VALUE}).")
    double noiseChangeRate;

    @Option(names = "--outlier-rate", paramLabel = "FRACTION", defaultValue = "0.003",
            description = "Share of results that are disturbed runs (default: ${DEFAULT-VALUE}).")
    double outlierRate;

    @Option(names = "--weekly-rate", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of cases with a weekly cycle of one noise standard deviation (default: ${DEFAULT-VALUE}).")
    double weeklyRate;

    @Option(names = "--gap-rate", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of runs that come after a pause of 2-14 days (default: ${DEFAULT-VALUE}).")
    double gapRate;

    @Override
    public Integer call() throws Exception {
        if (benchmarks < 1 || runs < 1 || forks < 1 || iterations < 1 || runsPerVersion < 1) {
            throw new BadInputException("--benchmarks, --runs, --forks, --iterations and --runs-per-version must be at least 1");
        }
        int k = changes != null ? changes : Math.max(1, benchmarks / 10);
        if (k < 0) {
            throw new BadInputException("--changes " + k + ": must not be negative");
        }
        PartitionValues.check("project", project);
        double[] size = range("--drift-size", driftSize);
        double[] length = range("--drift-runs", driftRuns);
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.of(benchmarks, runs, seed, k).withProject(project)
                    .withSamples(forks, iterations).withRunsPerVersion(runsPerVersion)
                    .withDisturbances(outlierRate, driftRate, noiseChangeRate)
                    .withShapes(new GeneratorSettings.Shapes(size[0], size[1], (int) length[0], (int) length[1],
                            stepInDrift, weeklyRate, 1.0, gapRate));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("generate: " + e.getMessage());
        }
        HistoryGenerator gen = new HistoryGenerator(settings);
        Archive archive = Archive.open(out);
        Path truthFile = truth != null ? truth : archive.root().resolveSibling("ground-truth.json");
        long t0 = System.nanoTime();
        GroundTruth t = gen.write(archive, done -> System.err.printf("generate: %d of %d runs written (%.0f s)%n",
                done, runs, (System.nanoTime() - t0) / 1e9));
        HistoryGenerator.writeTruth(t, truthFile);
        System.out.printf("generated %d cases × %d runs (%d samples each) in %s; %d change points, %d drifts, "
                        + "%d noise changes, %d outlier results, %d weekly cycles, %d pauses; ground truth: %s%n",
                benchmarks, runs, forks * iterations, out, t.changePoints().size(), t.drifts().size(),
                t.noiseChanges().size(), t.outliers().size(), t.weekly().size(), t.gaps().size(), truthFile);
        return 0;
    }

    /** "MIN,MAX" as two numbers, or a bad-usage error naming the option. */
    private static double[] range(String option, String text) {
        String[] p = text.split(",", -1);
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(option + " " + text + ": expected two numbers MIN,MAX (e.g. 3,6)");
    }
}
