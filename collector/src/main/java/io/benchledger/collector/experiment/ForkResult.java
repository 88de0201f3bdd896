package io.benchledger.collector.experiment;

import io.benchledger.archive.model.Result;
import io.benchledger.archive.model.Sample;
import java.util.List;

/**
 * What one JMH invocation with {@code -f 1} measured: per case and metric a {@link Result} (its
 * score is that fork's mean) and the raw samples (fork index 0), plus the JVM that ran it.
 */
public record ForkResult(List<Result> results, List<Sample> samples, String jvmVendor, String jvmVersion,
                         String jmhVersion) {
    public ForkResult {
        results = List.copyOf(results);
        samples = List.copyOf(samples);
    }
}
