package io.benchledger.cli;

import io.benchledger.archive.format.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv|markdown} for commands with tabular output. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json, csv or markdown (default: ${DEFAULT-VALUE}). JSON is one document on stdout.")
    public OutputFormat format;
}
