package io.benchledger.cli.command;

import io.benchledger.archive.analysis.changepoint.DetectorSettings;
import picocli.CommandLine.Option;

/** The change-point detector's parameters, shared by {@code history}, {@code changes} and {@code ack}. */
public final class DetectorOptions {
    @Option(names = "--max-p", paramLabel = "P", defaultValue = "0.001",
            description = "Significance level of a change point (t-test of the segments around it; default: ${DEFAULT-VALUE}).")
    double maxP;

    @Option(names = "--min-magnitude", paramLabel = "FRACTION", defaultValue = "0.01",
            description = "Smallest relative change reported, 0.01 = 1 %% (default: ${DEFAULT-VALUE}).")
    double minMagnitude;

    @Option(names = "--min-effect", paramLabel = "SD", defaultValue = "2.0",
            description = "Smallest step reported, in standard deviations of the case's own run-to-run noise (default: ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--window", paramLabel = "RUNS", defaultValue = "30",
            description = "Window of the E-Divisive split step, in runs (default: ${DEFAULT-VALUE}).")
    int window;

    public DetectorSettings settings() {
        DetectorSettings d = DetectorSettings.DEFAULTS;
        try {
            return new DetectorSettings(window, maxP, minMagnitude, minEffect, d.outlierHalfWidth(), d.outlierThreshold(),
                    d.minSegment());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
    }
}
