package io.benchledger.cli.command;

import io.benchledger.archive.analysis.compare.ComparisonOptions;
import io.benchledger.cli.workflow.ConfiguredComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The thresholds a drift is an alert against, for the commands that read an archive ({@code changes},
 * {@code history}): the suite configuration's, as {@code compare} and {@code nightly} use them.
 */
public final class DriftThresholdOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Suite configuration whose noise thresholds decide which drifts are alerts (default: the bundled one).")
    Path config;

    @Option(names = "--threshold", paramLabel = "FRACTION",
            description = "A drift is an alert when its total change passes this, or its case's learned threshold (2 run-to-run sd) "
                    + "when larger (default: the configuration's noise thresholds: 5%% for the bundled suites).")
    String threshold;

    /** The comparison options whose thresholds judge the drifts of {@code project}. */
    public ComparisonOptions options(String project) throws IOException {
        ComparisonOptions o = ConfiguredComparison.of(project, config, "");
        if (threshold == null) {
            return o;
        }
        // an explicit threshold replaces the configuration's, per-case rules included (as for compare)
        return o.toBuilder().threshold(Fractions.parse("--threshold", threshold)).caseThresholds(Map.of()).build();
    }
}
